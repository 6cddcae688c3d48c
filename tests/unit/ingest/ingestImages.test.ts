import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { DEFAULT_INGEST_LIMITS, PREVIEW_LONG_EDGE, THUMBNAIL_LONG_EDGE } from '#shared/intake/ingestOutcome.ts';
import { BLUE, expectColourNear, GREEN, hexToRgb, onlyFace, photoLike, pixelAt, RED, solid, twoColour } from './samples.ts';

const ingest = (bytes: Uint8Array, name = 'desain.jpg') => ingestFile(bytes, name, DEFAULT_INGEST_LIMITS);

describe('ingestFile on images', () => {
  it('applies EXIF orientation 6: a 400×300 photo becomes 300×400, upright', async () => {
    // Left half red, right half blue; orientation 6 means "rotate 90° clockwise to view", so red ends on top.
    const jpeg = await twoColour(400, 300, RED, BLUE).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const face = onlyFace(await ingest(jpeg));
    expect(face.metadata).toMatchObject({ format: 'jpeg', width: 300, height: 400, exifOrientation: 6 });
    expect(face.preview).toMatchObject({ mimeType: 'image/jpeg', width: 300, height: 400 });
    expect(face.thumbnail).toMatchObject({ mimeType: 'image/jpeg', width: 288, height: THUMBNAIL_LONG_EDGE });
    expectColourNear(await pixelAt(face.preview.bytes, 150, 20), [255, 0, 0]);
    expectColourNear(await pixelAt(face.preview.bytes, 150, 380), [0, 0, 255]);
  });

  it('reduces a large photo to the preview and thumbnail long edges, keeping the aspect ratio', async () => {
    const jpeg = await sharp(await photoLike(3000, 2000)).jpeg({ quality: 90 }).toBuffer();
    const face = onlyFace(await ingest(jpeg));
    expect(face.metadata).toMatchObject({ width: 3000, height: 2000, exifOrientation: null });
    expect(face.preview).toMatchObject({ width: PREVIEW_LONG_EDGE, height: 1707 });
    expect(face.thumbnail).toMatchObject({ width: THUMBNAIL_LONG_EDGE, height: 256 });
    // The derived images are what they claim to be.
    const previewMeta = await sharp(face.preview.bytes).metadata();
    expect(previewMeta).toMatchObject({ format: 'jpeg', width: PREVIEW_LONG_EDGE, height: 1707, space: 'srgb' });
    const thumbMeta = await sharp(face.thumbnail.bytes).metadata();
    expect(thumbMeta).toMatchObject({ format: 'jpeg', width: THUMBNAIL_LONG_EDGE, height: 256 });
    // 5–8 dominant colours of a varied image.
    expect(face.palette.length).toBeGreaterThanOrEqual(5);
    expect(face.palette.length).toBeLessThanOrEqual(8);
  });

  it('never upscales a small image', async () => {
    const face = onlyFace(await ingest(await solid(200, 100, GREEN).png().toBuffer(), 'kecil.png'));
    expect(face.preview).toMatchObject({ width: 200, height: 100 });
    expect(face.thumbnail).toMatchObject({ width: 200, height: 100 });
  });

  it('reports CMYK as cmyk and previews it as an sRGB JPEG', async () => {
    const tiff = await twoColour(400, 300, RED, BLUE).toColourspace('cmyk').tiff().toBuffer();
    const face = onlyFace(await ingest(tiff, 'cetak.tif'));
    expect(face.metadata).toMatchObject({ format: 'tiff', colourSpace: 'cmyk', hasAlpha: false, bitDepth: 8 });
    expect(face.preview.mimeType).toBe('image/jpeg');
    const previewMeta = await sharp(face.preview.bytes).metadata();
    expect(previewMeta).toMatchObject({ space: 'srgb', channels: 3 });
    // Still recognisably red on the left after CMYK → sRGB through sharp's fallback CMYK profile.
    const [r = 0, g = 0, b = 0] = await pixelAt(face.preview.bytes, 50, 150);
    expect(r).toBeGreaterThan(180);
    expect(Math.max(g, b)).toBeLessThan(60);
  });

  it('reads the ICC profile name of a CMYK JPEG with an embedded profile', async () => {
    const jpeg = await solid(100, 80, RED).withIccProfile('cmyk').toColourspace('cmyk').jpeg().toBuffer();
    const face = onlyFace(await ingest(jpeg));
    expect(face.metadata.colourSpace).toBe('cmyk');
    expect(face.metadata.iccProfileName).toEqual(expect.any(String));
    expect(face.preview.mimeType).toBe('image/jpeg');
  });

  it('reports 16-bit PNG and 16-bit TIFF as 16 bits per channel, with previews in 8-bit sRGB', async () => {
    const png = await twoColour(80, 60, RED, BLUE).toColourspace('rgb16').png().toBuffer();
    const pngFace = onlyFace(await ingest(png, 'a.png'));
    expect(pngFace.metadata).toMatchObject({ format: 'png', bitDepth: 16, colourSpace: 'rgb16' });
    expectColourNear(await pixelAt(pngFace.preview.bytes, 10, 30), [255, 0, 0]);

    const tiff = await twoColour(80, 60, RED, BLUE).toColourspace('rgb16').tiff({ compression: 'lzw' }).toBuffer();
    const tiffFace = onlyFace(await ingest(tiff, 'a.tif'));
    expect(tiffFace.metadata).toMatchObject({ format: 'tiff', bitDepth: 16, colourSpace: 'rgb16' });
    expect((await sharp(tiffFace.preview.bytes).metadata()).depth).toBe('uchar');
  });

  it('takes only the first frame of an animated GIF', async () => {
    const frames = await Promise.all([GREEN, BLUE].map((colour) => solid(40, 30, colour).png().toBuffer()));
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const face = onlyFace(await ingest(gif, 'anim.gif'));
    expect(face.metadata).toMatchObject({ format: 'gif', width: 40, height: 30 });
    expect(face.palette).toHaveLength(1);
    expectColourNear(hexToRgb(face.palette[0]?.hex ?? ''), [0, 255, 0], 4);
  });

  it('previews an image with transparency as WebP, in both sizes', async () => {
    const png = await sharp({ create: { width: 600, height: 400, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0 } } })
      .composite([{ input: { create: { width: 300, height: 400, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 1 } } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const face = onlyFace(await ingest(png, 'logo.png'));
    expect(face.metadata.hasAlpha).toBe(true);
    expect(face.preview).toMatchObject({ mimeType: 'image/webp', width: 600, height: 400 });
    expect(face.thumbnail).toMatchObject({ mimeType: 'image/webp', width: THUMBNAIL_LONG_EDGE, height: 256 });
    const previewMeta = await sharp(face.preview.bytes).metadata();
    expect(previewMeta).toMatchObject({ format: 'webp', hasAlpha: true });
    // The transparent half does not count as a colour.
    expect(face.palette).toHaveLength(1);
    expectColourNear(hexToRgb(face.palette[0]?.hex ?? ''), [255, 0, 0], 6);
  });

  it('reads WebP and AVIF', async () => {
    const webp = onlyFace(await ingest(await solid(64, 48, RED).webp().toBuffer(), 'a.webp'));
    expect(webp.metadata).toMatchObject({ format: 'webp', width: 64, height: 48 });
    const avif = onlyFace(await ingest(await solid(64, 48, BLUE).avif({ effort: 0 }).toBuffer(), 'a.avif'));
    expect(avif.metadata).toMatchObject({ format: 'avif', width: 64, height: 48 });
    expect(avif.preview.mimeType).toBe('image/jpeg');
  });

  it('finds the two colours of a two-colour image with their shares', async () => {
    const png = await twoColour(400, 300, '#c8102e', '#ffffff', 0.75).png().toBuffer();
    const face = onlyFace(await ingest(png, 'dua-warna.png'));
    expect(face.palette).toHaveLength(2);
    const [first, second] = face.palette;
    expectColourNear(hexToRgb(first?.hex ?? ''), [0xc8, 0x10, 0x2e], 8);
    expect(first?.share).toBeCloseTo(0.75, 1);
    expectColourNear(hexToRgb(second?.hex ?? ''), [255, 255, 255], 8);
    expect(second?.share).toBeCloseTo(0.25, 1);
  });

  it('records what the file declares: density, ICC profile, capture date and device', async () => {
    const jpeg = await solid(120, 90, '#336699')
      .withMetadata({ density: 300 })
      .withIccProfile('p3')
      .withExif({ IFD0: { Make: 'samsung', Model: 'SM-A546E' }, IFD2: { DateTimeOriginal: '2025:03:14 09:26:53' } })
      .jpeg()
      .toBuffer();
    const face = onlyFace(await ingest(jpeg));
    expect(face.metadata).toMatchObject({
      densityDpi: 300,
      iccProfileName: expect.stringMatching(/P3/),
      captureDate: '2025-03-14T09:26:53',
      device: 'samsung SM-A546E',
      colourSpace: 'srgb',
      bitDepth: 8,
      hasAlpha: false,
      pageNumber: null,
      pageSize: null,
    });
    const png = onlyFace(await ingest(await solid(20, 20, RED).png().toBuffer(), 'a.png'));
    expect(png.metadata).toMatchObject({ densityDpi: null, iccProfileName: null, captureDate: null, device: null, exifOrientation: null });
  });

  it('hashes the original bytes: duplicates match, any change does not, and the input is left untouched', async () => {
    const jpeg = await solid(64, 64, RED).jpeg().toBuffer();
    const copy = Uint8Array.from(jpeg);
    const first = onlyFace(await ingest(jpeg));
    const again = onlyFace(await ingest(Uint8Array.from(jpeg), 'salinan.jpg'));
    expect(first.metadata.sha256).toBe(createHash('sha256').update(copy).digest('hex'));
    expect(again.metadata.sha256).toBe(first.metadata.sha256);
    expect(first.metadata.byteSize).toBe(copy.byteLength);
    expect(Buffer.compare(jpeg, copy)).toBe(0);

    const nearlyTheSame = await solid(64, 64, RED).jpeg({ quality: 81 }).toBuffer();
    expect(onlyFace(await ingest(nearlyTheSame)).metadata.sha256).not.toBe(first.metadata.sha256);
  });

  it('ignores the file name: a PNG named .jpg is a PNG', async () => {
    const face = onlyFace(await ingest(await solid(10, 10, RED).png().toBuffer(), 'foto.jpg'));
    expect(face.metadata.format).toBe('png');
  });

  it('returns derived bytes as plain Uint8Arrays the transport can move', async () => {
    const face = onlyFace(await ingest(await solid(10, 10, RED).jpeg().toBuffer()));
    expect(Buffer.isBuffer(face.preview.bytes)).toBe(false);
    expect(face.preview.bytes.byteOffset).toBe(0);
    expect(face.preview.bytes.buffer.byteLength).toBe(face.preview.bytes.byteLength);
  });
});
