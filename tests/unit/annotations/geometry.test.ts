import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  distance,
  measureMillimetres,
  mmPerPixelFromKnownLength,
  mmPerPixelFromPack,
  scaleShapeToBounds,
  shapeBounds,
  translateShape,
} from '#shared/annotations/geometry.ts';
import type { AnnotationShape } from '#shared/annotations/tools.ts';

const pin: AnnotationShape = { kind: 'pin', at: { x: 120, y: 340 } };
const rect: AnnotationShape = { kind: 'rect', x: 100, y: 200, width: 300, height: 150 };
const ellipse: AnnotationShape = { kind: 'ellipse', cx: 500, cy: 400, rx: 80, ry: 40 };
const arrow: AnnotationShape = { kind: 'arrow', from: { x: 900, y: 100 }, to: { x: 600, y: 300 } };
const freehand: AnnotationShape = {
  kind: 'freehand',
  points: [
    { x: 10, y: 50 },
    { x: 40, y: 20 },
    { x: 70, y: 90 },
  ],
};
const text: AnnotationShape = { kind: 'text', at: { x: 64, y: 32 }, text: 'Perbesar', fontSize: 24 };
const measure: AnnotationShape = { kind: 'measure', from: { x: 0, y: 1000 }, to: { x: 1400, y: 1000 }, mmPerPixel: 0.1 };
const shapes = [pin, rect, ellipse, arrow, freehand, text, measure];

/** Every coordinate of a shape, to compare with a float tolerance. */
function numbers(shape: AnnotationShape): number[] {
  return JSON.stringify(shape)
    .match(/-?\d+(\.\d+)?(e-?\d+)?/g)!
    .map(Number);
}

describe('shape bounds', () => {
  it('boxes each kind of shape in image pixels', () => {
    expect(shapeBounds(pin)).toEqual({ x: 120, y: 340, width: 0, height: 0 });
    expect(shapeBounds(text)).toEqual({ x: 64, y: 32, width: 0, height: 0 });
    expect(shapeBounds(rect)).toEqual({ x: 100, y: 200, width: 300, height: 150 });
    expect(shapeBounds(ellipse)).toEqual({ x: 420, y: 360, width: 160, height: 80 });
    expect(shapeBounds(arrow)).toEqual({ x: 600, y: 100, width: 300, height: 200 });
    expect(shapeBounds(freehand)).toEqual({ x: 10, y: 20, width: 60, height: 70 });
    expect(shapeBounds(measure)).toEqual({ x: 0, y: 1000, width: 1400, height: 0 });
  });

  it('copes with a rectangle stored with a negative size', () => {
    expect(shapeBounds({ kind: 'rect', x: 400, y: 350, width: -300, height: -150 })).toEqual(shapeBounds(rect));
  });
});

describe('moving and resizing', () => {
  it.each(shapes)('moving a $kind moves its box and nothing else', (shape) => {
    const moved = translateShape(shape, 25, -10);
    const before = shapeBounds(shape);
    expect(shapeBounds(moved)).toEqual({ ...before, x: before.x + 25, y: before.y - 10 });
    expect(translateShape(moved, -25, 10)).toEqual(shape);
    expect(moved.kind).toBe(shape.kind);
  });

  it.each(shapes)('resizing a $kind to a box and back returns the same image pixels', (shape) => {
    const from = shapeBounds(shape);
    const to = { x: from.x + 33, y: from.y - 7, width: from.width * 1.7, height: from.height * 0.6 };
    const resized = scaleShapeToBounds(shape, from, to);
    const landed = shapeBounds(resized);
    expect(landed.x).toBeCloseTo(to.x, 9);
    expect(landed.y).toBeCloseTo(to.y, 9);
    expect(landed.width).toBeCloseTo(to.width, 9);
    expect(landed.height).toBeCloseTo(to.height, 9);
    const back = numbers(scaleShapeToBounds(resized, landed, from));
    numbers(shape).forEach((n, i) => expect(back[i]).toBeCloseTo(n, 9));
  });

  it('keeps text, and a measurement’s calibration, through a resize', () => {
    const box = shapeBounds(measure);
    const resized = scaleShapeToBounds(measure, box, { ...box, width: box.width / 2 });
    expect(resized).toEqual({ kind: 'measure', from: { x: 0, y: 1000 }, to: { x: 700, y: 1000 }, mmPerPixel: 0.1 });
    expect(scaleShapeToBounds(text, shapeBounds(text), { x: 0, y: 0, width: 10, height: 10 })).toEqual({
      kind: 'text',
      at: { x: 0, y: 0 },
      text: 'Perbesar',
      fontSize: 24,
    });
  });

  it('a flipped resize still stores a rectangle with a positive size', () => {
    const flipped = scaleShapeToBounds(rect, shapeBounds(rect), { x: 400, y: 200, width: -300, height: 150 });
    expect(flipped).toEqual({ kind: 'rect', x: 100, y: 200, width: 300, height: 150 });
  });

  it('does not touch the original shape', () => {
    const copy = structuredClone(freehand);
    translateShape(freehand, 5, 5);
    scaleShapeToBounds(freehand, shapeBounds(freehand), { x: 0, y: 0, width: 1, height: 1 });
    expect(freehand).toEqual(copy);
  });
});

describe('number badges', () => {
  it('sit where the mentor expects them on each kind of shape', () => {
    expect(anchorOf(pin)).toEqual({ x: 120, y: 340 });
    expect(anchorOf(rect)).toEqual({ x: 100, y: 200 });
    expect(anchorOf(ellipse)).toEqual({ x: 500, y: 360 });
    expect(anchorOf(arrow)).toEqual({ x: 900, y: 100 });
    expect(anchorOf(freehand)).toEqual({ x: 10, y: 50 });
    expect(anchorOf(text)).toEqual({ x: 64, y: 32 });
    expect(anchorOf(measure)).toEqual({ x: 700, y: 1000 });
  });
});

describe('measuring', () => {
  it('measures pixels and millimetres', () => {
    expect(distance({ x: 0, y: 0 }, { x: 30, y: 40 })).toBe(50);
    expect(measureMillimetres({ kind: 'measure', from: { x: 0, y: 0 }, to: { x: 300, y: 400 }, mmPerPixel: null }, 0.1)).toBeCloseTo(
      50,
      10,
    );
  });

  it('calibrates from the pack size: a 1400×2200 px front of a 140×220 mm pouch is 0.1 mm/px', () => {
    expect(mmPerPixelFromPack(1400, 2200, { widthMm: 140, heightMm: 220 })).toBe(0.1);
  });

  it('turns the pack to match a landscape photo of a portrait pouch', () => {
    expect(mmPerPixelFromPack(2200, 1400, { widthMm: 140, heightMm: 220 })).toBe(0.1);
    expect(mmPerPixelFromPack(1000, 1000, { widthMm: 100, heightMm: 100 })).toBe(0.1);
  });

  it('averages the two axes when the crop is slightly off', () => {
    // 0.1 mm/px across, 0.11 mm/px down.
    expect(mmPerPixelFromPack(1000, 2000, { widthMm: 100, heightMm: 220 })).toBeCloseTo(0.105, 12);
  });

  it('cannot calibrate without real sizes', () => {
    expect(mmPerPixelFromPack(0, 2200, { widthMm: 140, heightMm: 220 })).toBeNull();
    expect(mmPerPixelFromPack(1400, 2200, { widthMm: 0, heightMm: 220 })).toBeNull();
    expect(mmPerPixelFromPack(1400, 2200, { widthMm: Number.NaN, heightMm: 220 })).toBeNull();
  });

  it('calibrates from a line over something of known length', () => {
    expect(mmPerPixelFromKnownLength(250, 10)).toBe(0.04);
    expect(mmPerPixelFromKnownLength(0, 10)).toBeNull();
    expect(mmPerPixelFromKnownLength(250, 0)).toBeNull();
  });
});
