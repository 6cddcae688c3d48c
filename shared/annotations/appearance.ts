import type { AnnotationShape, Point, ShapeOf } from './shape.ts';

/*
 * How a mark looks, decided once for every surface that draws one: the review
 * canvas, the burned-in PNG of a critique pack and the pack's PDF.
 *
 * Two kinds of size:
 *
 * - **Artwork sizes** belong to the design and are stored with the mark in
 *   original image pixels: the geometry, and a text mark's font size (chosen
 *   when the mark is made so that it reads at the zoom of that moment).
 *   Every surface scales them with the picture.
 * - **Chrome** is how the mark is drawn, in *chrome units* (cu): stroke width,
 *   badge, arrowhead, measuring ticks, pin dot, leader line. On the canvas one
 *   chrome unit is one screen pixel, whatever the zoom. On paper and in the
 *   PNG it is a stated share of the picture: 1/OUTPUT_REFERENCE_SIDE of its
 *   long side, i.e. the marks look as on a canvas showing the whole face
 *   OUTPUT_REFERENCE_SIDE screen pixels across.
 *
 * Surfaces pass `unit` = image pixels per chrome unit and draw what this module
 * returns; none decides a size of its own.
 */

/** Chrome sizes in chrome units. */
export const CHROME = {
  stroke: 2.5,
  strokeSelected: 4,
  /** The white halo under a stroke (each side), so a mark reads on dark and light designs alike. */
  halo: 1.2,
  badgeRadius: 12,
  badgeFont: 13,
  badgeOutline: 2,
  arrowHead: 16,
  /** Half-angle of the arrowhead's wings, radians. */
  arrowSpread: 0.45,
  /** Half-length of the ticks across each end of a measurement. */
  measureTick: 8,
  pinDot: 3,
  /** The thin line from a mark to its badge when the badge had to move aside. */
  leader: 1.5,
} as const;

/** Marks on paper and in the PNG look as on a canvas showing the whole face this many screen pixels across. */
export const OUTPUT_REFERENCE_SIDE = 500;

/** A text mark's font size when it is made, in screen pixels at the zoom of that moment. */
export const TEXT_SCREEN_SIZE = 16;
/** Line height of a text mark, in font sizes. */
export const TEXT_LINE_HEIGHT = 1.25;
/** Padding of a text mark's light box, in font sizes. */
export const TEXT_PADDING = 0.25;
/** Opacity of a text mark's light box. */
export const TEXT_BOX_OPACITY = 0.85;

export interface Size {
  width: number;
  height: number;
}

/** Image pixels per chrome unit on paper and in the PNG. */
export function outputChromeUnit(face: Size): number {
  return Math.max(face.width, face.height) / OUTPUT_REFERENCE_SIDE;
}

/** Image pixels per chrome unit on the canvas at `zoom` (screen pixels per image pixel). */
export function canvasChromeUnit(zoom: number): number {
  return 1 / zoom;
}

/**
 * The badge radius, in image pixels, that the badge layout plans with: the
 * badge as paper and PNG draw it. One figure per face, so badges sit in the
 * same place relative to the artwork on every surface.
 */
export function layoutBadgeRadius(face: Size): number {
  return CHROME.badgeRadius * outputChromeUnit(face);
}

/**
 * Image pixels per chrome unit for a badge on the canvas: one screen pixel,
 * but never larger than the planned badge, so badges the layout kept apart
 * never meet when the mentor zooms far out.
 */
export function canvasBadgeUnit(zoom: number, face: Size): number {
  return Math.min(canvasChromeUnit(zoom), outputChromeUnit(face));
}

/** Font size, in image pixels, for a text mark made at `zoom`: it reads at TEXT_SCREEN_SIZE on screen. */
export function textSizeForZoom(zoom: number): number {
  const size = TEXT_SCREEN_SIZE / zoom;
  return Number.isFinite(size) && size > 0 ? round2(size) : TEXT_SCREEN_SIZE;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The lines a text mark shows ("…" for an empty one, which is being typed). */
export function textLines(shape: ShapeOf<'text'>): string[] {
  const text = shape.text.trim() ? shape.text : '…';
  return text.split(/\r?\n/);
}

/** Estimated width of a text mark, in font sizes per character: where the box goes must not depend on a surface's typeface. */
export const TEXT_CHAR_WIDTH = 0.64;

/**
 * Where a text mark's light box goes, in image pixels: top-left at the mark's
 * point, moved just enough to stay inside the picture (a note made near the
 * edge is never cut off). The position comes from a width estimated from the
 * characters, so it is the same on every surface (unless the measured box is
 * wider and near the right edge); the box's own width is
 * `measuredWidth` (the widest line at the font size in the surface's
 * typeface; the estimate when omitted) plus padding.
 */
export function textBox(shape: ShapeOf<'text'>, face: Size, measuredWidth?: number): TextBox {
  const fontSize = shape.fontSize;
  const padding = fontSize * TEXT_PADDING;
  const lines = textLines(shape);
  const estimated = Math.max(1, ...lines.map((line) => [...line].length)) * TEXT_CHAR_WIDTH * fontSize + padding * 2;
  const width = (measuredWidth ?? estimated - padding * 2) + padding * 2;
  const height = lines.length * fontSize * TEXT_LINE_HEIGHT + padding * 2;
  // The wider of the two: a box near the edge is never cut off, even when the typeface runs wider than the estimate.
  const x = clamp(shape.at.x, 0, Math.max(0, face.width - Math.max(estimated, width)));
  const y = clamp(shape.at.y, 0, Math.max(0, face.height - height));
  return { x, y, width, height, fontSize, padding, lines, lineHeight: fontSize * TEXT_LINE_HEIGHT };
}

export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  padding: number;
  lineHeight: number;
  lines: string[];
}

/** The drawn parts of a mark's body besides its own geometry, in image pixels: arrowhead wings and measuring ticks. */
export type Polyline = Point[];

/** The arrowhead: two wings meeting at the arrow's point. Empty for a zero-length arrow. */
export function arrowHead(shape: ShapeOf<'arrow'>, unit: number): Polyline {
  const { from, to } = shape;
  if (from.x === to.x && from.y === to.y) return [];
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const head = CHROME.arrowHead * unit;
  const wing = (side: number): Point => ({
    x: to.x - head * Math.cos(angle + side * CHROME.arrowSpread),
    y: to.y - head * Math.sin(angle + side * CHROME.arrowSpread),
  });
  return [wing(1), { x: to.x, y: to.y }, wing(-1)];
}

/** The two ticks across the ends of a measurement. */
export function measureTicks(shape: ShapeOf<'measure'>, unit: number): [Polyline, Polyline] {
  const { from, to } = shape;
  const angle = Math.atan2(to.y - from.y, to.x - from.x) + Math.PI / 2;
  const dx = CHROME.measureTick * unit * Math.cos(angle);
  const dy = CHROME.measureTick * unit * Math.sin(angle);
  const tick = (p: Point): Polyline => [
    { x: p.x - dx, y: p.y - dy },
    { x: p.x + dx, y: p.y + dy },
  ];
  return [tick(from), tick(to)];
}

/**
 * Every line of a mark's body as polylines in image pixels (pin and text have
 * none; rectangles and ellipses are drawn as themselves by each surface). The
 * arrow and the measurement include their chrome at `unit`.
 */
export function bodyLines(shape: AnnotationShape, unit: number): Polyline[] {
  switch (shape.kind) {
    case 'arrow': {
      const head = arrowHead(shape, unit);
      return head.length ? [[shape.from, shape.to], head] : [[shape.from, shape.to]];
    }
    case 'measure':
      return [[shape.from, shape.to], ...measureTicks(shape, unit)];
    case 'freehand':
      return shape.points.length ? [shape.points] : [];
    default:
      return [];
  }
}

/** Width of a badge's pill in badge radii: a circle for one or two characters, longer for "A12". */
export function badgeWidthInRadii(label: string): number {
  // ~0.62 em per bold digit or capital at the badge's font size, plus a radius of padding.
  const textWidth = [...label].length * 0.62 * (CHROME.badgeFont / CHROME.badgeRadius);
  return Math.max(2, textWidth + 1);
}

export function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}
