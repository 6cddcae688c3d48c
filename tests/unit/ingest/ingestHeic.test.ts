import { describe, expect, it } from 'vitest';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { expectColourNear, ftypOnly, HEIC_P3_SAMPLE, HEIC_SAMPLE, hexToRgb, onlyFace, pixelAt, reasonOf, solid } from './samples.ts';

const ingest = (bytes: Uint8Array, name = 'IMG_0001.HEIC', limits = DEFAULT_INGEST_LIMITS) => ingestFile(bytes, name, limits);

describe('ingestFile on HEIC', () => {
  it('decodes a real HEVC photo with libheif and keeps its EXIF facts', async () => {
    const face = onlyFace(await ingest(HEIC_SAMPLE));
    expect(face.metadata).toMatchObject({
      format: 'heic',
      width: 64,
      height: 48,
      hasAlpha: false,
      bitDepth: 8,
      captureDate: '2024-05-01T10:20:30+07:00',
      device: 'Apple iPhone 13',
      // libheif applies HEIF's own rotation boxes; EXIF orientation is not applied on top.
      exifOrientation: null,
    });
    expect(face.preview).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 48 });
    expectColourNear(await pixelAt(face.preview.bytes, 8, 24), [0xd0, 0x20, 0x20], 16);
    expectColourNear(await pixelAt(face.preview.bytes, 56, 24), [0x20, 0x40, 0xd0], 16);
    const [first, second] = face.palette;
    expect((first?.share ?? 0) + (second?.share ?? 0)).toBeGreaterThan(0.9);
    expectColourNear(hexToRgb(first?.hex ?? ''), [0xd0, 0x20, 0x20], 16);
  });

  it('converts a Display P3 photo to sRGB for the preview and the palette', async () => {
    const face = onlyFace(await ingest(HEIC_P3_SAMPLE));
    expect(face.metadata).toMatchObject({ format: 'heic', colourSpace: 'srgb', iccProfileName: expect.any(String) });
    // Shown as sRGB without conversion, the left half would read about #ca3c32, duller than the design's #dc2828.
    expectColourNear(await pixelAt(face.preview.bytes, 8, 24), [0xdc, 0x28, 0x28], 8);
    expectColourNear(await pixelAt(face.preview.bytes, 56, 24), [0x28, 0xa0, 0x3c], 8);
    expectColourNear(hexToRgb(face.palette[0]?.hex ?? ''), [0xdc, 0x28, 0x28], 8);
  });

  it('leaves the HEIC bytes untouched', async () => {
    const copy = Uint8Array.from(HEIC_SAMPLE);
    onlyFace(await ingest(copy));
    expect(Buffer.compare(copy, HEIC_SAMPLE)).toBe(0);
  });

  it('refuses a HEIC over the pixel limit before decoding it', async () => {
    expect(reasonOf(await ingest(HEIC_SAMPLE, 'a.heic', { ...DEFAULT_INGEST_LIMITS, maxInputPixels: 1000 }))).toBe('too-many-pixels');
  });

  it('says decode-failed for a HEIF brand with nothing decodable behind it', async () => {
    const fake = Buffer.concat([ftypOnly('heic', ['mif1', 'heic']), Buffer.alloc(64)]);
    expect(reasonOf(await ingest(fake))).toBe('decode-failed');
  });

  it('says truncated for a HEIC cut short', async () => {
    expect(reasonOf(await ingest(HEIC_SAMPLE.subarray(0, 600)))).toBe('truncated');
  });

  it('decodes a HEIF whose image is AV1 with sharp', async () => {
    // An AVIF relabelled with HEIF-only brands: libheif-js has no AV1 decoder, sharp has.
    const avif = Buffer.from(await solid(32, 24, '#00ff00').avif({ effort: 0 }).toBuffer());
    const ftypSize = avif.readUInt32BE(0);
    avif.write('mif1', 8, 'latin1');
    for (let offset = 16; offset < ftypSize; offset += 4) {
      if (avif.toString('latin1', offset, offset + 4) === 'avif') avif.write('heic', offset, 'latin1');
    }
    const face = onlyFace(await ingest(avif));
    expect(face.metadata).toMatchObject({ format: 'heic', width: 32, height: 24 });
  });
});
