import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  bodyLines,
  canvasBadgeUnit,
  CHROME,
  measureTicks,
  OUTPUT_REFERENCE_SIDE,
  outputChromeUnit,
  textBox,
  textSizeForZoom,
} from '#shared/annotations/appearance.ts';
import { translateShape } from '#shared/annotations/geometry.ts';
import { annotationShapeSchema } from '#shared/domain/annotation.ts';

const FACE = { width: 3000, height: 4000 };

describe('the appearance model', () => {
  it('gives a text mark made at 29 % a font size that reads 16 px on screen, and keeps it with the mark', () => {
    const fontSize = textSizeForZoom(0.29);
    expect(fontSize * 0.29).toBeCloseTo(16, 1);
    const shape = annotationShapeSchema.parse({ kind: 'text', at: { x: 10, y: 10 }, text: 'KOPI', fontSize });
    // After a reload (a parse of the stored record) and a move, the same size: it belongs to the artwork.
    expect(shape.kind === 'text' && shape.fontSize).toBe(fontSize);
    const moved = translateShape(shape, 50, 50);
    expect(moved.kind === 'text' && moved.fontSize).toBe(fontSize);
  });

  it('refuses a text mark without a font size (older marks get one from the migration chain)', () => {
    expect(annotationShapeSchema.safeParse({ kind: 'text', at: { x: 0, y: 0 }, text: 'lama' }).success).toBe(false);
  });

  it('sizes chrome per surface: screen pixels on the canvas, a share of the picture on paper and in the PNG', () => {
    expect(outputChromeUnit(FACE)).toBeCloseTo(4000 / OUTPUT_REFERENCE_SIDE);
    // Zoomed in, a canvas badge is 12 screen px; zoomed far out, never larger than the badge the layout planned.
    expect(canvasBadgeUnit(2, FACE)).toBe(0.5);
    expect(canvasBadgeUnit(0.01, FACE)).toBe(outputChromeUnit(FACE));
    const head = arrowHead({ kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 100, y: 0 } }, 2);
    expect(head).toHaveLength(3);
    expect(Math.hypot((head[0]?.x ?? 0) - 100, head[0]?.y ?? 0)).toBeCloseTo(CHROME.arrowHead * 2);
    const [tick] = measureTicks({ kind: 'measure', from: { x: 0, y: 0 }, to: { x: 100, y: 0 }, mmPerPixel: null }, 1);
    expect(Math.abs((tick[0]?.y ?? 0) - (tick[1]?.y ?? 0))).toBeCloseTo(CHROME.measureTick * 2);
    expect(bodyLines({ kind: 'arrow', from: { x: 5, y: 5 }, to: { x: 5, y: 5 } }, 1)).toHaveLength(1);
  });

  it('keeps a text box near the edge inside the picture instead of cutting it off', () => {
    const box = textBox({ kind: 'text', at: { x: 2990, y: 3990 }, text: 'Terlalu dekat tepi', fontSize: 60 }, FACE, 500);
    expect(box.x + box.width).toBeLessThanOrEqual(3000);
    expect(box.y + box.height).toBeLessThanOrEqual(4000);
    expect(box.height).toBeCloseTo(60 * 1.25 + 60 * 0.5);
  });
});
