import { describe, expect, it } from 'vitest';
import { blobParts } from '#renderer/src/data/blobParts.ts';

describe('blobParts', () => {
  it('gives back every byte in order across the 32 MB parts, even when the writer reuses its buffer', async () => {
    const file = blobParts('application/zip');
    const buffer = new Uint8Array(3 * 1024 * 1024 + 7);
    const chunks = 15; // about 45 MB: two parts
    for (let n = 0; n < chunks; n++) {
      buffer.fill(n);
      file.push(buffer);
    }
    const blob = file.finish();
    expect(blob.type).toBe('application/zip');
    expect(blob.size).toBe(chunks * buffer.byteLength);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    for (let n = 0; n < chunks; n++) {
      expect(bytes[n * buffer.byteLength]).toBe(n);
      expect(bytes[(n + 1) * buffer.byteLength - 1]).toBe(n);
    }
  });

  it('makes an empty file when nothing was pushed', () => {
    expect(blobParts('application/zip').finish().size).toBe(0);
  });
});
