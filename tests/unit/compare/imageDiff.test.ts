import { describe, expect, it } from 'vitest';
import { colourDistance, DIFF_HIGHLIGHT, diffImages, type PixelBuffer } from '../../../shared/compare/imageDiff.ts';

/** A width × height image of one colour; `paint` changes single pixels. */
function image(width: number, height: number, rgba: [number, number, number, number], paint: Record<number, [number, number, number, number]> = {}): PixelBuffer {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p += 1) data.set(paint[p] ?? rgba, p * 4);
  return { data, width, height };
}

const pixel = (buffer: PixelBuffer, index: number) => [...buffer.data.subarray(index * 4, index * 4 + 4)];
const highlight = [DIFF_HIGHLIGHT.r, DIFF_HIGHLIGHT.g, DIFF_HIGHLIGHT.b, 255];

describe('colour distance', () => {
  it('is 0 for the same colour, symmetric, and near 1 for black against white', () => {
    const red = { r: 179, g: 38, b: 30 };
    const green = { r: 46, g: 125, b: 50 };
    expect(colourDistance(red, red)).toBe(0);
    expect(colourDistance(red, green)).toBeCloseTo(colourDistance(green, red));
    expect(colourDistance(red, green)).toBeGreaterThan(0.2);
    expect(colourDistance({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeGreaterThan(0.9);
    expect(colourDistance({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeLessThanOrEqual(1);
  });
});

describe('image difference', () => {
  it('finds nothing between identical images and shows A greyed and lighter', () => {
    const a = image(4, 3, [179, 38, 30, 255]);
    const result = diffImages(a, image(4, 3, [179, 38, 30, 255]), { threshold: 0.1 });
    expect(result.changed).toBe(0);
    expect(result.share).toBe(0);
    const [r, g, b, alpha] = pixel(result, 5);
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(alpha).toBe(255);
    // Lighter than the ink's own luminance (about 80), but not white.
    expect(r).toBeGreaterThan(150);
    expect(r).toBeLessThan(250);
  });

  it('highlights exactly the pixels that changed and counts their share', () => {
    const a = image(10, 10, [240, 236, 216, 255]);
    const b = image(10, 10, [240, 236, 216, 255], { 7: [46, 125, 50, 255], 42: [0, 0, 0, 255] });
    const result = diffImages(a, b, { threshold: 0.1 });
    expect(result.changed).toBe(2);
    expect(result.share).toBeCloseTo(0.02);
    expect(pixel(result, 7)).toEqual(highlight);
    expect(pixel(result, 42)).toEqual(highlight);
    expect(pixel(result, 8)).not.toEqual(highlight);
    expect(result.width).toBe(10);
    expect(result.data.length).toBe(400);
  });

  it('ignores changes below the threshold and catches them once it is lowered', () => {
    const a = image(2, 1, [120, 120, 120, 255]);
    const b = image(2, 1, [120, 120, 120, 255], { 1: [126, 122, 118, 255] });
    expect(diffImages(a, b, { threshold: 0.1 }).changed).toBe(0);
    expect(diffImages(a, b, { threshold: 0.01 }).changed).toBe(1);
    expect(diffImages(a, a, { threshold: 0 }).changed).toBe(0);
  });

  it('compares transparent pixels as the white they sit on', () => {
    const clear = image(1, 1, [0, 0, 0, 0]);
    expect(diffImages(clear, image(1, 1, [255, 255, 255, 255]), { threshold: 0.01 }).changed).toBe(0);
    expect(diffImages(clear, image(1, 1, [0, 0, 0, 255]), { threshold: 0.5 }).changed).toBe(1);
  });

  it('uses the highlight colour asked for', () => {
    const result = diffImages(image(1, 1, [0, 0, 0, 255]), image(1, 1, [255, 255, 0, 255]), {
      threshold: 0.1,
      highlight: { r: 0, g: 200, b: 255 },
    });
    expect(pixel(result, 0)).toEqual([0, 200, 255, 255]);
  });

  it('refuses images of different sizes', () => {
    expect(() => diffImages(image(2, 2, [0, 0, 0, 255]), image(2, 3, [0, 0, 0, 255]), { threshold: 0.1 })).toThrow(RangeError);
  });
});
