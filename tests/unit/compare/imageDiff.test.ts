import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { DIFF_HIGHLIGHT, diffImages, type PixelBuffer } from '#shared/compare/imageDiff.ts';

const INK = [20, 60, 140] as const;

/** A dot of ink on white with hard edges: each pixel is ink or paper, as a flat export draws it. */
function hardDot(width: number, height: number, cx: number, cy: number, radius: number): PixelBuffer {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2) data.set(INK, (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/** The same dot drawn by a real 2D canvas, whose edges are anti-aliased (as a re-export at another setting). */
function smoothDot(width: number, height: number, cx: number, cy: number, radius: number): PixelBuffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = `rgb(${INK.join(',')})`;
  ctx.beginPath();
  ctx.arc(cx, cy, radius, 0, Math.PI * 2);
  ctx.fill();
  return { data: ctx.getImageData(0, 0, width, height).data, width, height };
}

/** Pixels whose colour moved clearly (more than 40 of 255 on some channel). */
function clearlyDifferent(a: PixelBuffer, b: PixelBuffer): number {
  let count = 0;
  for (let p = 0; p < a.data.length; p += 4) {
    if ([0, 1, 2].some((c) => Math.abs(a.data[p + c]! - b.data[p + c]!) > 40)) count += 1;
  }
  return count;
}

/** A width × height image of one colour; `paint` changes single pixels. */
function image(width: number, height: number, rgba: [number, number, number, number], paint: Record<number, [number, number, number, number]> = {}): PixelBuffer {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p += 1) data.set(paint[p] ?? rgba, p * 4);
  return { data, width, height };
}

const pixel = (buffer: PixelBuffer, index: number) => [...buffer.data.subarray(index * 4, index * 4 + 4)];
const highlight = [DIFF_HIGHLIGHT.r, DIFF_HIGHLIGHT.g, DIFF_HIGHLIGHT.b, 255];

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

  it('does not count the anti-aliased edges of artwork exported again, but still sees it move', () => {
    const flat = hardDot(80, 60, 40, 30, 20);
    const smooth = smoothDot(80, 60, 40, 30, 20);
    // The re-export really differs along the whole rim...
    expect(clearlyDifferent(flat, smooth)).toBeGreaterThan(60);
    // ...yet nothing changed in the design.
    const same = diffImages(flat, smooth, { threshold: 0.1 });
    expect(same.changed).toBe(0);
    expect(same.data.some((v, i) => i % 4 === 0 && v === DIFF_HIGHLIGHT.r && same.data[i + 1] === DIFF_HIGHLIGHT.g)).toBe(false);
    // A re-export nudged by a fraction of a pixel is still the same artwork.
    expect(diffImages(smooth, smoothDot(80, 60, 40.4, 30.3, 20), { threshold: 0.1 }).changed).toBe(0);
    // The dot moved four pixels: the crescents either side are a change.
    const moved = diffImages(smooth, smoothDot(80, 60, 44, 30, 20), { threshold: 0.1 });
    expect(moved.changed).toBeGreaterThan(100);
    expect(pixel(moved, 30 * 80 + 62)).toEqual(highlight);
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
