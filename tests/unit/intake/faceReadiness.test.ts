import { describe, expect, it } from 'vitest';
import type { FaceMetadata } from '#shared/intake/faceMetadata.ts';
import { actionableWarnings, faceReadiness, faceSize } from '#shared/intake/faceReadiness.ts';

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
