import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, sha256 } from '#shared/bundles/archiveHash.ts';
import { imageBytes } from '../../support/archiveFixture.ts';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('archive hashes', () => {
  it('CRC-32 matches the standard check value and continues across pieces', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = imageBytes(10_007, 4);
    for (const cut of [0, 1, 7, 8, 9, 5000, 10_007]) expect(crc32(bytes.subarray(cut), crc32(bytes.subarray(0, cut)))).toBe(crc32(bytes));
  });

  it('SHA-256 agrees with Node at every padding boundary and on larger input', async () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 2047, 2048, 70_000]) {
      const bytes = imageBytes(length, length + 1);
      expect(await sha256(bytes), `length ${length}`).toBe(nodeSha(bytes));
    }
    expect(await sha256(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
