import { badgeWidthInRadii, clamp, CHROME, layoutBadgeRadius, OUTPUT_REFERENCE_SIDE, outputChromeUnit, textBox, TEXT_PADDING, type Size } from './appearance.ts';
import { applyMatrix, IDENTITY_TRANSFORM, invert, isIdentity, shownSize, transformMatrix, type FaceTransform } from '../domain/faceTransform.ts';
import type { AnnotationShape, Point } from './shape.ts';
import { shownShape } from './turnedFace.ts';

/*
 * Where every mark's number badge goes, in original image pixels, decided once
 * for the canvas, the PNG and the PDF. Rules, in order:
 *
 * 1. A badge sits on its mark's anchor (a rectangle's corner, an arrow's
 *    tail…), taken where the mark is inside the picture: an arrow that starts
 *    outside gets its badge where it enters.
 * 2. Every badge lies wholly inside the picture.
 * 3. No badge covers another badge, a pin or a text note (its own
 *    included): pins keep their place (a pin is its badge), the others, in
 *    the order given, move aside along a short leader line to the nearest
 *    free spot.
 *
 * Nothing is ever dropped: when no free spot exists (hundreds of marks on a
 * tiny face), a badge takes the spot that overlaps least.
 *
 * On a turned or mirrored face the rules hold as the face is seen: badges
 * and notes are drawn upright there (turnedFace.ts), so the layout is planned
 * on the face as shown and its places turned back into original pixels.
 */

export interface BadgeInput {
  /** The caller's handle for the mark (annotation id, list index). */
  key: string;
  shape: AnnotationShape;
  label: string;
}

export interface BadgePlace {
  key: string;
  /** The point on the mark the badge belongs to, inside the picture; a leader line joins it to a moved badge. */
  anchor: Point;
  /** Centre of the badge. */
  centre: Point;
  /** Half the badge's width and its radius (half its height), image pixels, as planned. */
  halfWidth: number;
  radius: number;
  /** True when the badge moved away from its anchor to stay clear of another badge or a pin. */
  moved: boolean;
}

interface Box {
  x: number;
  y: number;
  hw: number;
  hh: number;
}

function inside(p: Point, face: Size): boolean {
  return p.x >= 0 && p.y >= 0 && p.x <= face.width && p.y <= face.height;
}

function clampPoint(p: Point, face: Size): Point {
  return { x: clamp(p.x, 0, face.width), y: clamp(p.y, 0, face.height) };
}

/** The part of segment a→b inside the picture (Liang–Barsky), or null when it misses the picture. */
export function clipSegment(a: Point, b: Point, face: Size): [Point, Point] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x],
    [dx, face.width - a.x],
    [-dy, a.y],
    [dy, face.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [
    { x: a.x + t0 * dx, y: a.y + t0 * dy },
    { x: a.x + t1 * dx, y: a.y + t1 * dy },
  ];
}

/** Where a mark's badge belongs, inside the picture. */
export function clippedAnchor(shape: AnnotationShape, face: Size): Point {
  switch (shape.kind) {
    case 'pin':
      return clampPoint(shape.at, face);
    case 'text': {
      const box = textBox(shape, face);
      return clampPoint({ x: box.x, y: box.y + box.height / 2 }, face);
    }
    case 'rect': {
      const x0 = Math.min(shape.x, shape.x + shape.width);
      const y0 = Math.min(shape.y, shape.y + shape.height);
      return clampPoint({ x: x0, y: y0 }, face);
    }
    case 'ellipse':
      return clampPoint({ x: shape.cx, y: shape.cy - Math.abs(shape.ry) }, face);
    case 'arrow': {
      // The tail: the head points at the problem, and a badge there would hide it.
      const part = clipSegment(shape.from, shape.to, face);
      return part ? part[0] : clampPoint(shape.from, face);
    }
    case 'measure': {
      const part = clipSegment(shape.from, shape.to, face);
      const [a, b] = part ?? [shape.from, shape.to];
      return clampPoint({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, face);
    }
    case 'freehand': {
      const first = shape.points.find((p) => inside(p, face)) ?? shape.points[0] ?? { x: 0, y: 0 };
      return clampPoint(first, face);
    }
  }
}

/** Where the badge would sit with nothing in the way: on the anchor, or left of a text mark's box. */
function preferredCentre(shape: AnnotationShape, anchor: Point, halfWidth: number): Point {
  if (shape.kind !== 'text') return anchor;
  const gap = shape.fontSize * TEXT_PADDING;
  return { x: anchor.x - halfWidth - gap, y: anchor.y };
}

function keepInside(p: Point, hw: number, hh: number, face: Size): Point {
  return {
    x: face.width <= hw * 2 ? face.width / 2 : clamp(p.x, hw, face.width - hw),
    y: face.height <= hh * 2 ? face.height / 2 : clamp(p.y, hh, face.height - hh),
  };
}

function overlap(a: Box, b: Box, gap: number): number {
  const ox = a.hw + b.hw + gap - Math.abs(a.x - b.x);
  const oy = a.hh + b.hh + gap - Math.abs(a.y - b.y);
  return ox > 0 && oy > 0 ? ox * oy : 0;
}

/** One number per grid cell (a face is far fewer than 2^20 cells across). */
const cellKey = (cx: number, cy: number) => cx * 2 ** 21 + cy;

/**
 * Boxes filed by the grid cell of their centre, so a candidate spot is tested
 * against the boxes near it only: 500 badges tried in up to 360 spots each
 * against every badge placed before took half a second. `near` gives every box
 * that can overlap, in the order they were added, so the sums (and the layout)
 * are exactly those of testing them all: the boxes left out add nothing.
 */
class BoxGrid {
  readonly boxes: Box[] = [];
  private readonly cells = new Map<number, number[]>();
  private maxHw = 0;
  private maxHh = 0;
  private readonly cell: number;
  constructor(cell: number) {
    this.cell = cell;
  }

  add(box: Box): void {
    const key = cellKey(Math.floor(box.x / this.cell), Math.floor(box.y / this.cell));
    const list = this.cells.get(key);
    if (list) list.push(this.boxes.length);
    else this.cells.set(key, [this.boxes.length]);
    this.boxes.push(box);
    this.maxHw = Math.max(this.maxHw, box.hw);
    this.maxHh = Math.max(this.maxHh, box.hh);
  }

  /** Indices of the boxes that may overlap `box` with `gap`, ascending. */
  near(box: Box, gap: number): number[] {
    if (this.boxes.length === 0) return [];
    const reachX = box.hw + this.maxHw + gap;
    const reachY = box.hh + this.maxHh + gap;
    const found: number[] = [];
    for (let cx = Math.floor((box.x - reachX) / this.cell), x1 = Math.floor((box.x + reachX) / this.cell); cx <= x1; cx++) {
      for (let cy = Math.floor((box.y - reachY) / this.cell), y1 = Math.floor((box.y + reachY) / this.cell); cy <= y1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (list) found.push(...list);
      }
    }
    return found.sort((a, b) => a - b);
  }
}

/** Directions tried around a crowded anchor, best first: up, then fanning out to either side, down last. */
const DIRECTIONS = [-90, -60, -120, -30, -150, 0, 180, 30, 150, 60, 120, 90, -75, -105, -45, -135, -15, -165, 15, 165, 45, 135, 75, 105].map((deg) => (deg * Math.PI) / 180);
/** Rings tried, in badge radii from the anchor: close ones first, then wider until a free spot turns up. */
const RINGS = [2.4, 3.4, 4.6, 6, 7.5, 9, 11, 13, 15.5, 18, 21, 24.5, 28.5, 33, 38];

/**
 * Places every badge of one face (see the rules above). `marks` in the order
 * their badges should claim space, normally the legend's. `referenceSide` is
 * the output scale the badges are drawn at (appearance.ts): the canvas, the
 * PNG and the A4/Letter PDF share the default; a phone pack draws larger
 * badges and plans with its own, so they never overlap there either.
 * `transform` is how the face is shown: the places come back in original
 * pixels, to be drawn through it like the marks, with every badge upright.
 */
export function layoutBadges(
  marks: readonly BadgeInput[],
  face: Size,
  referenceSide: number = OUTPUT_REFERENCE_SIDE,
  transform: FaceTransform = IDENTITY_TRANSFORM,
): BadgePlace[] {
  if (isIdentity(transform)) return layoutUpright(marks, face, referenceSide);
  // A note's box and a badge's width lie across the face as seen: plan there, then turn the places back.
  const seen = marks.map((m) => ({ ...m, shape: shownShape(m.shape, face, transform) }));
  const back = invert(transformMatrix(transform, face));
  return layoutUpright(seen, shownSize(transform, face), referenceSide).map((place) => ({
    ...place,
    anchor: applyMatrix(back, place.anchor),
    centre: applyMatrix(back, place.centre),
  }));
}

/** The layout on a face seen as it is stored (or on the shown face, in shown pixels). */
function layoutUpright(marks: readonly BadgeInput[], face: Size, referenceSide: number): BadgePlace[] {
  const radius = layoutBadgeRadius(face, referenceSide);
  const gap = radius * 0.2;
  const pinHalf = CHROME.pinDot * outputChromeUnit(face, referenceSide) + gap;
  const placed = new BoxGrid(radius * 4);
  const result = new Map<string, BadgePlace>();

  // Every pin's dot is in the way of every other badge, even a pin's own badge moved aside.
  const pins = marks.filter((m) => m.shape.kind === 'pin');
  const pinDots = pins.map((m) => ({ key: m.key, box: { ...clippedAnchor(m.shape, face), hw: pinHalf, hh: pinHalf } }));
  const pinGrid = new BoxGrid(radius * 4);
  for (const dot of pinDots) pinGrid.add(dot.box);
  // A text note's words are in the way too (its box at the estimated width, the same on every surface), its own
  // badge's as well: beside the note costs nothing, but a note against the picture's left edge would have its first
  // letters covered by a badge pushed back inside.
  const notes = marks.flatMap((m) => {
    if (m.shape.kind !== 'text') return [];
    const box = textBox(m.shape, face);
    return [{ key: m.key, box: { x: box.x + box.width / 2, y: box.y + box.height / 2, hw: box.width / 2, hh: box.height / 2 } }];
  });
  const order = [...pins, ...marks.filter((m) => m.shape.kind !== 'pin')];

  for (const mark of order) {
    const halfWidth = (badgeWidthInRadii(mark.label) * radius) / 2;
    const anchor = clippedAnchor(mark.shape, face);
    const start = keepInside(preferredCentre(mark.shape, anchor, halfWidth), halfWidth, radius, face);
    const cost = (p: Point): number => {
      const box = { x: p.x, y: p.y, hw: halfWidth, hh: radius };
      let sum = 0;
      for (const i of placed.near(box, gap)) sum += overlap(box, placed.boxes[i] as Box, gap);
      for (const i of pinGrid.near(box, 0)) {
        const dot = pinDots[i] as (typeof pinDots)[number];
        if (dot.key !== mark.key) sum += overlap(box, dot.box, 0);
      }
      for (const note of notes) sum += overlap(box, note.box, 0);
      return sum;
    };
    let best = start;
    let bestCost = cost(start);
    search: for (const ring of RINGS) {
      if (bestCost === 0) break;
      for (const angle of DIRECTIONS) {
        const raw = { x: anchor.x + Math.cos(angle) * ring * radius, y: anchor.y + Math.sin(angle) * ring * radius };
        const candidate = keepInside(raw, halfWidth, radius, face);
        const c = cost(candidate);
        if (c < bestCost) {
          best = candidate;
          bestCost = c;
          if (c === 0) break search;
        }
      }
    }
    placed.add({ x: best.x, y: best.y, hw: halfWidth, hh: radius });
    const moved = Math.hypot(best.x - start.x, best.y - start.y) > radius * 0.25;
    result.set(mark.key, { key: mark.key, anchor, centre: best, halfWidth, radius, moved });
  }
  return marks.map((m) => result.get(m.key) as BadgePlace);
}

/**
 * The leader line from a moved badge's anchor to the badge's edge, or null when
 * the badge sits on its anchor. `radius` is the badge as this surface draws it.
 */
export function leaderLine(place: BadgePlace, radius: number = place.radius): [Point, Point] | null {
  if (!place.moved) return null;
  const dx = place.anchor.x - place.centre.x;
  const dy = place.anchor.y - place.centre.y;
  const length = Math.hypot(dx, dy);
  if (length <= radius) return null;
  return [place.anchor, { x: place.centre.x + (dx / length) * radius, y: place.centre.y + (dy / length) * radius }];
}
