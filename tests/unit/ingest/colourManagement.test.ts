import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { colourPlan } from '#electron/services/ingest/colourManagement.ts';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { DEFAULT_INGEST_LIMITS, PREVIEW_LONG_EDGE } from '#shared/intake/ingestOutcome.ts';
import { expectColourNear, onlyFace, photoLike, pixelAt, solid, twoColour } from './samples.ts';

async function metadataOf(image: ReturnType<typeof solid>) {
  return sharp(await image.jpeg().toBuffer()).metadata();
}

/** Mean absolute difference per channel between two encoded images of the same size. */
async function meanDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((bytes) => sharp(bytes).raw().toBuffer()));
  if (!left || !right) throw new Error('decode failed');
  expect(right.length).toBe(left.length);
  let sum = 0;
  for (let i = 0; i < left.length; i += 1) sum += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
  return sum / left.length;
}

describe('colourPlan', () => {
  it('skips the identity conversion of an sRGB profile', async () => {
    expect(colourPlan(await metadataOf(solid(8, 8, '#888888').withIccProfile('srgb')))).toEqual({ ignoreIcc: true, profileAfterResize: null });
  });

  it('moves the conversion of another RGB profile after the reduction', async () => {
    const meta = await metadataOf(solid(8, 8, '#888888').withIccProfile('p3'));
    expect(colourPlan(meta)).toEqual({ ignoreIcc: true, profileAfterResize: meta.icc });
  });

  it('leaves CMYK, and images without a profile, to sharp', async () => {
    expect(colourPlan(await metadataOf(solid(8, 8, '#888888').withIccProfile('cmyk').toColourspace('cmyk')))).toEqual({ ignoreIcc: false, profileAfterResize: null });
    expect(colourPlan(await metadataOf(solid(8, 8, '#888888')))).toEqual({ ignoreIcc: false, profileAfterResize: null });
  });
});

describe('ingestFile colour management', () => {
  it('shows a Display P3 photo in its true colours', async () => {
    // The design's sRGB colours, stored in P3 as an iPhone would (about #ca3c32 and #509e4a).
    const jpeg = await twoColour(400, 300, '#dc2828', '#28a03c').withIccProfile('p3').jpeg({ quality: 95 }).toBuffer();
    const face = onlyFace(await ingestFile(jpeg, 'iphone.jpg', DEFAULT_INGEST_LIMITS));
    expectColourNear(await pixelAt(face.preview.bytes, 50, 150), [0xdc, 0x28, 0x28], 6);
    expectColourNear(await pixelAt(face.preview.bytes, 350, 150), [0x28, 0xa0, 0x3c], 6);
  });

  it.each(['srgb', 'p3'] as const)('gives the same preview as converting at full resolution (%s profile)', async (profile) => {
    const jpeg = await sharp(await photoLike(3000, 2000)).withIccProfile(profile).jpeg({ quality: 90 }).toBuffer();
    const face = onlyFace(await ingestFile(jpeg, 'foto.jpg', DEFAULT_INGEST_LIMITS));
    // sharp's own way: convert every pixel to sRGB, then reduce.
    const reference = await sharp(jpeg)
      .resize({ width: PREVIEW_LONG_EDGE, height: PREVIEW_LONG_EDGE, fit: 'inside' })
      .jpeg({ quality: 82, mozjpeg: false })
      .toBuffer();
    expect(await meanDifference(face.preview.bytes, reference)).toBeLessThan(1.5);
  });
});
