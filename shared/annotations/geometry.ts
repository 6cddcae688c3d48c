import { crosswise, type PhysicalSize } from '../intake/printReadiness.ts';
import type { AnnotationShape, Bounds, Point, ShapeOf } from './shape.ts';

export type { Bounds, Point } from './shape.ts';

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The smallest box holding every point; a zero box at the origin when there are none. */
export function pointsBounds(points: readonly Point[]): Bounds {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Bounding box of the geometry in image pixels (no stroke); pin and text are a zero-size box at their point. */
export function shapeBounds(shape: AnnotationShape): Bounds {
  switch (shape.kind) {
    case 'pin':
    case 'text':
      return { x: shape.at.x, y: shape.at.y, width: 0, height: 0 };
    case 'rect':
      // Stored rects are normalised, but a hand-edited or merged one may not be.
      return pointsBounds([
        { x: shape.x, y: shape.y },
        { x: shape.x + shape.width, y: shape.y + shape.height },
      ]);
    case 'ellipse':
      return pointsBounds([
        { x: shape.cx - shape.rx, y: shape.cy - shape.ry },
        { x: shape.cx + shape.rx, y: shape.cy + shape.ry },
      ]);
    case 'arrow':
    case 'measure':
      return pointsBounds([shape.from, shape.to]);
    case 'freehand':
      return pointsBounds(shape.points);
  }
}

/** p ↦ (p.x·sx + tx, p.y·sy + ty): all that moving and resizing an annotation needs. */
interface AxisMap {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

function mapShape(shape: AnnotationShape, m: AxisMap): AnnotationShape {
  const map = (p: Point): Point => ({ x: p.x * m.sx + m.tx, y: p.y * m.sy + m.ty });
  switch (shape.kind) {
    case 'pin':
      return { kind: 'pin', at: map(shape.at) };
    case 'text':
      // The font size belongs to the artwork: moving a note keeps it.
      return { kind: 'text', at: map(shape.at), text: shape.text, fontSize: shape.fontSize };
    case 'rect': {
      // Map both corners and normalise, so a flip (negative scale) still stores a positive size.
      const box = pointsBounds([map({ x: shape.x, y: shape.y }), map({ x: shape.x + shape.width, y: shape.y + shape.height })]);
      return { kind: 'rect', ...box };
    }
    case 'ellipse': {
      const c = map({ x: shape.cx, y: shape.cy });
      return { kind: 'ellipse', cx: c.x, cy: c.y, rx: shape.rx * Math.abs(m.sx), ry: shape.ry * Math.abs(m.sy) };
    }
    case 'arrow':
      return { kind: 'arrow', from: map(shape.from), to: map(shape.to) };
    case 'measure':
      // mmPerPixel belongs to the image, not to the line: it survives any move or resize.
      return { kind: 'measure', from: map(shape.from), to: map(shape.to), mmPerPixel: shape.mmPerPixel };
    case 'freehand':
      return { kind: 'freehand', points: shape.points.map(map) };
  }
}

/** The same shape moved by (dx, dy) image pixels. */
export function translateShape<S extends AnnotationShape>(shape: S, dx: number, dy: number): S {
  return mapShape(shape, { sx: 1, sy: 1, tx: dx, ty: dy }) as S;
}

/**
 * The shape stretched so that box `from` (normally its `shapeBounds`) lands on
 * box `to`: how a Fabric move or resize is written back in image pixels. An
 * axis along which `from` has no extent (a pin, a vertical line) only moves.
 */
export function scaleShapeToBounds<S extends AnnotationShape>(shape: S, from: Bounds, to: Bounds): S {
  const sx = from.width === 0 ? 1 : to.width / from.width;
  const sy = from.height === 0 ? 1 : to.height / from.height;
  return mapShape(shape, { sx, sy, tx: to.x - from.x * sx, ty: to.y - from.y * sy }) as S;
}

/** Where the annotation's number badge sits. */
export function anchorOf(shape: AnnotationShape): Point {
  switch (shape.kind) {
    case 'pin':
    case 'text':
      return { x: shape.at.x, y: shape.at.y };
    case 'rect': {
      const box = shapeBounds(shape);
      return { x: box.x, y: box.y };
    }
    case 'ellipse':
      return { x: shape.cx, y: shape.cy - Math.abs(shape.ry) };
    case 'arrow':
      // The tail: the head points at the problem, and a badge there would hide it.
      return { x: shape.from.x, y: shape.from.y };
    case 'freehand': {
      const first = shape.points[0];
      return first ? { x: first.x, y: first.y } : { x: 0, y: 0 };
    }
    case 'measure':
      return { x: (shape.from.x + shape.to.x) / 2, y: (shape.from.y + shape.to.y) / 2 };
  }
}

/** Length of a measurement in millimetres on the real pack. */
export function measureMillimetres(shape: ShapeOf<'measure'>, mmPerPixel: number): number {
  return distance(shape.from, shape.to) * mmPerPixel;
}

const isPositive = (n: number) => Number.isFinite(n) && n > 0;

/**
 * Millimetres per image pixel when the image shows one face cropped to its
 * edges, of a pack face `pack` in size. The pack is turned to the image's
 * orientation (a landscape photo of a portrait pouch), as for print DPI; the two
 * axes are averaged, which is exact when the crop is true and a fair guess when
 * it is a little off. Null when any size is missing, zero or negative.
 */
export function mmPerPixelFromPack(imageWidthPx: number, imageHeightPx: number, pack: PhysicalSize): number | null {
  if (![imageWidthPx, imageHeightPx, pack.widthMm, pack.heightMm].every(isPositive)) return null;
  const turned = crosswise(imageWidthPx, imageHeightPx, pack);
  const widthMm = turned ? pack.heightMm : pack.widthMm;
  const heightMm = turned ? pack.widthMm : pack.heightMm;
  return (widthMm / imageWidthPx + heightMm / imageHeightPx) / 2;
}

/** Calibration from a line the mentor drew over something of known size (a ruler, a 1 cm logo). Null for a zero-length line. */
export function mmPerPixelFromKnownLength(pixelLength: number, millimetres: number): number | null {
  return isPositive(pixelLength) && isPositive(millimetres) ? millimetres / pixelLength : null;
}
