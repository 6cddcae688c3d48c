import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tiffWithProfile } from '#electron/services/ingest/tiffWithProfile.ts';

describe('tiffWithProfile', () => {
  it('makes a TIFF sharp reads with the pixels, the alpha and the profile intact', async () => {
    const icc = (await sharp(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).withIccProfile('p3').png().toBuffer()).metadata()).icc;
    if (!icc) throw new Error('no profile');
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const tiff = tiffWithProfile(rgba, 3, 2, 4, icc);
    const meta = await sharp(tiff).metadata();
    expect(meta).toMatchObject({ format: 'tiff', width: 3, height: 2, channels: 4, hasAlpha: true, hasProfile: true });
    expect(Buffer.compare(meta.icc ?? Buffer.alloc(0), icc)).toBe(0);
    // Read back without colour conversion: the very same samples.
    const { data } = await sharp(tiff, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    expect(Array.from(data)).toEqual(Array.from(rgba));
  });

  it('writes RGB without alpha, word-aligned after a profile of odd length', async () => {
    const rgb = Uint8Array.from([10, 20, 30, 40, 50, 60]);
    const tiff = tiffWithProfile(rgb, 2, 1, 3, new Uint8Array(33));
    expect((tiff.length - rgb.length) % 2).toBe(0);
    const { data, info } = await sharp(tiff, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 2, height: 1, channels: 3 });
    expect(Array.from(data)).toEqual([10, 20, 30, 40, 50, 60]);
  });
});
