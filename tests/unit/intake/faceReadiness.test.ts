import { describe, expect, it } from 'vitest';
import type { FaceMetadata } from '#shared/intake/faceMetadata.ts';
import { actionableWarnings, faceReadiness, faceSize, liesAcrossPack, shownPixels } from '#shared/intake/faceReadiness.ts';
import { mmPerPixelFromPack } from '#shared/annotations/geometry.ts';

const pack = { widthMm: 120, heightMm: 180, depthMm: 40 };

function metadata(changes: Partial<FaceMetadata>): FaceMetadata {
  return {
    format: 'jpeg',
    width: 1417,
    height: 2126,
    densityDpi: 300,
    colourSpace: 'srgb',
    iccProfileName: 'sRGB IEC61966-2.1',
    hasAlpha: false,
    bitDepth: 8,
    byteSize: 1,
    sha256: 'a'.repeat(64),
    captureDate: null,
    device: null,
    exifOrientation: null,
    pageNumber: null,
    pageSize: null,
    ...changes,
  };
}

describe('faceSize', () => {
  it('gives each face the two pack dimensions it shows', () => {
    expect(faceSize('front', pack)).toEqual({ widthMm: 120, heightMm: 180 });
    expect(faceSize('left', pack)).toEqual({ widthMm: 40, heightMm: 180 });
    expect(faceSize('top', pack)).toEqual({ widthMm: 120, heightMm: 40 });
    expect(faceSize('dieline', pack)).toBeNull();
    expect(faceSize('left', { ...pack, depthMm: 0 })).toBeNull();
    expect(faceSize('front', null)).toBeNull();
  });
});

describe('faceReadiness', () => {
  it('judges a photo by its resolution at the declared pack size', () => {
    // 1417 px over 120 mm is 300 dpi; half the pixels is 150.
    expect(faceReadiness({ face: 'front', metadata: metadata({}) }, pack).effectiveDpi).toBe(300);
    const low = faceReadiness({ face: 'front', metadata: metadata({ width: 709, height: 1063 }) }, pack);
    expect(low.warnings).toContain('low-resolution');
    expect(actionableWarnings(low)).toContain('low-resolution');
  });

  it('never judges the pixels of a PDF page we rendered ourselves', () => {
    const page = faceReadiness({ face: 'front', metadata: metadata({ format: 'pdf', width: 200, height: 300, colourSpace: 'srgb', iccProfileName: null }) }, pack);
    expect(page.effectiveDpi).toBeNull();
    expect(actionableWarnings(page)).toEqual([]);
  });
});

describe('a face shot sideways, then turned upright', () => {
  // A 120 × 180 mm front photographed on its side: 2126 px across, 1417 px up.
  const sideways = { face: 'front' as const, metadata: metadata({ width: 2126, height: 1417 }) };
  const turned = { ...sideways, transform: { quarterTurns: 1 as const, flipX: false } };

  it('reads the pack width across the face as shown: a quarter turn swaps its pixels against the pack', () => {
    expect(shownPixels(sideways)).toEqual({ width: 2126, height: 1417 });
    expect(shownPixels(turned)).toEqual({ width: 1417, height: 2126 });
    expect(shownPixels({ ...sideways, transform: { quarterTurns: 2, flipX: true } })).toEqual({ width: 2126, height: 1417 });
  });

  it('says the sideways face was matched crosswise, and no longer once it is turned upright', () => {
    expect(liesAcrossPack(sideways, pack)).toBe(true);
    expect(liesAcrossPack(turned, pack)).toBe(false);
    expect(liesAcrossPack({ ...turned, transform: { quarterTurns: 3, flipX: true } }, pack)).toBe(false);
    expect(liesAcrossPack({ ...turned, transform: { quarterTurns: 2, flipX: false } }, pack)).toBe(true);
    // Nothing to lie across without a pack size or for a face of unknown type.
    expect(liesAcrossPack(sideways, null)).toBe(false);
    expect(liesAcrossPack({ ...sideways, face: 'other' }, pack)).toBe(false);
  });

  it('gives the same 300 dpi and the same millimetres per pixel before and after the turn (long side to long side)', () => {
    expect(faceReadiness(sideways, pack).effectiveDpi).toBe(300);
    expect(faceReadiness(turned, pack).effectiveDpi).toBe(300);
    const size = faceSize('front', pack);
    if (!size) throw new Error('no size');
    const before = shownPixels(sideways);
    const after = shownPixels(turned);
    expect(mmPerPixelFromPack(after.width, after.height, size)).toBeCloseTo(120 / 1417, 4);
    expect(mmPerPixelFromPack(before.width, before.height, size)).toBeCloseTo(mmPerPixelFromPack(after.width, after.height, size) ?? 0, 8);
  });

  it('judges a side panel shown turned against depth × height', () => {
    // A 40 × 180 mm side at 300 dpi: 472 × 2126 px upright, stored on its side.
    const side = { face: 'left' as const, metadata: metadata({ width: 2126, height: 472 }), transform: { quarterTurns: 3 as const, flipX: false } };
    expect(shownPixels(side)).toEqual({ width: 472, height: 2126 });
    expect(liesAcrossPack(side, pack)).toBe(false);
    expect(faceReadiness(side, pack).effectiveDpi).toBe(300);
  });
});
