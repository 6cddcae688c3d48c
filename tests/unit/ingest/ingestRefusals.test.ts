import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { handMadePng, pngBombHeader, reasonOf, RED, solid } from './samples.ts';

const ingest = (bytes: Uint8Array, name = 'desain.jpg', limits: IngestLimits = DEFAULT_INGEST_LIMITS) => ingestFile(bytes, name, limits);

describe('ingestFile refuses, never throws', () => {
  it('an empty file', async () => {
    expect(reasonOf(await ingest(new Uint8Array(0)))).toBe('empty');
  });

  it('a file over the size limit, before looking at it', async () => {
    const jpeg = await solid(50, 50, RED).jpeg().toBuffer();
    const outcome = await ingest(jpeg, 'besar.jpg', { ...DEFAULT_INGEST_LIMITS, maxFileBytes: jpeg.length - 1 });
    expect(reasonOf(outcome)).toBe('too-large');
    // Garbage over the limit is refused as too large too: nothing else was looked at.
    expect(reasonOf(await ingest(new Uint8Array(101).fill(7), 'x.jpg', { ...DEFAULT_INGEST_LIMITS, maxFileBytes: 100 }))).toBe('too-large');
  });

  it('a text file renamed .jpg', async () => {
    const outcome = await ingest(new TextEncoder().encode('Ini bukan gambar, hanya catatan harga.\n'), 'foto.jpg');
    expect(reasonOf(outcome)).toBe('not-an-image');
  });

  it('a ZIP (or .docx) as an unsupported format', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('word/document.xml')]);
    expect(reasonOf(await ingest(zip, 'desain.docx'))).toBe('unsupported-format');
    expect(reasonOf(await ingest(zip, 'desain.jpg'))).toBe('unsupported-format');
  });

  it('a PNG whose header declares 100000×100000 pixels, without decoding it', async () => {
    const started = performance.now();
    expect(reasonOf(await ingest(pngBombHeader(), 'bom.png'))).toBe('too-many-pixels');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('an image over the configured pixel limit, from its header', async () => {
    const jpeg = await solid(1200, 1000, RED).jpeg().toBuffer();
    const outcome = await ingest(jpeg, 'a.jpg', { ...DEFAULT_INGEST_LIMITS, maxInputPixels: 1_000_000 });
    expect(reasonOf(outcome)).toBe('too-many-pixels');
  });

  it('a JPEG cut in half as truncated', async () => {
    const jpeg = await solid(400, 300, RED).composite([{ input: await solid(200, 150, '#0000ff').png().toBuffer() }]).jpeg().toBuffer();
    const outcome = await ingest(jpeg.subarray(0, jpeg.length >> 1), 'potong.jpg');
    expect(reasonOf(outcome)).toBe('truncated');
  });

  it('a PNG cut short as truncated, also when only its header remains', async () => {
    const png = await solid(300, 200, RED).png({ compressionLevel: 0 }).toBuffer();
    expect(reasonOf(await ingest(png.subarray(0, png.length - 40), 'potong.png'))).toBe('truncated');
    expect(reasonOf(await ingest(png.subarray(0, 60), 'potong.png'))).toBe('truncated');
  });

  it('a complete PNG with corrupt image data as decode-failed', async () => {
    const png = handMadePng(10, 10, Buffer.from('this is not zlib data, not at all'));
    expect(reasonOf(await ingest(png, 'rusak.png'))).toBe('decode-failed');
  });

  it('a JPEG with a damaged body as decode-failed', async () => {
    const jpeg = Buffer.from(await solid(400, 300, '#123456').jpeg().toBuffer());
    for (let i = 300; i < jpeg.length - 100; i += 3) jpeg[i] = ((jpeg[i] ?? 0) * 7 + 13) & 0xff;
    expect(reasonOf(await ingest(jpeg, 'rusak.jpg'))).toBe('decode-failed');
  });

  it.each([
    ['svg-script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['svg-script', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="5" height="5"/></svg>'],
    ['svg-external-reference', '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/a.png" width="5" height="5"/></svg>'],
    ['svg-external-reference', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="/home/mentor/rahasia.png"/></svg>'],
    ['svg-external-reference', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9"><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>'],
  ])('an unsafe SVG as %s', async (reason, svg) => {
    expect(reasonOf(await ingest(new TextEncoder().encode(svg), 'logo.svg'))).toBe(reason);
  });

  it('keeps the detail short enough for the schema, and names the file', async () => {
    const outcome = await ingest(handMadePng(10, 10, deflateSync(Buffer.alloc(3))), `${'panjang'.repeat(100)}.png`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.detail.length).toBeLessThanOrEqual(500);
      expect(outcome.detail).toContain('panjang');
    }
  });
});
