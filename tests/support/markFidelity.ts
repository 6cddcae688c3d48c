import sharp from 'sharp';
import type { AnnotationShape } from '#shared/annotations/shape.ts';
import type { Severity } from '#shared/annotations/operations.ts';
import { layoutBadges, type BadgePlace } from '#shared/annotations/badgeLayout.ts';
import { OUTPUT_REFERENCE_SIDE } from '#shared/annotations/appearance.ts';
import { SEVERITY_COLOURS } from '#shared/annotations/severityColours.ts';
import { shownTextBox } from '#shared/annotations/turnedFace.ts';
import { applyMatrix, IDENTITY_TRANSFORM, invert, shownSize, toShown, transformMatrix, type FaceTransform } from '#shared/domain/faceTransform.ts';

/*
 * The fidelity fixture: one plain face with one mark of each kind, marks that
 * overlap and marks that cross the edge; and the tools to find badges and
 * measure a text mark in a picture of any surface (canvas screenshot, burned
 * PNG, rasterised PDF page), with nothing but the pixels and the shared model.
 */

export const FIDELITY_FACE = { width: 1000, height: 1400 } as const;
export const FIDELITY_BACKGROUND = '#dde6ee';
/** The colour of the face's one word, "KOPI", centred near (500, 290) of the original (under pin 1). */
export const FIDELITY_INK = '#24364a';
/** Where the word lies on the original, with a margin. */
export const FIDELITY_INK_BOX = { x: 360, y: 230, width: 280, height: 120 } as const;

export interface FidelityMark {
  number: number;
  severity: Severity;
  shape: AnnotationShape;
}

export const FIDELITY_TEXT_SIZE = 56;

/**
 * Pin 1 on "KOPI" with an ellipse just below it and pin 3 right beside it; a
 * rectangle, an arrow and a note crossing the edge. The note has no round
 * letters: a bold "O" as large as a badge is a ring of the mark's colour too.
 */
export const FIDELITY_MARKS: readonly FidelityMark[] = [
  { number: 1, severity: 'must-fix', shape: { kind: 'pin', at: { x: 500, y: 300 } } },
  { number: 2, severity: 'suggestion', shape: { kind: 'ellipse', cx: 500, cy: 420, rx: 180, ry: 100 } },
  { number: 3, severity: 'strength', shape: { kind: 'pin', at: { x: 548, y: 332 } } },
  { number: 4, severity: 'must-fix', shape: { kind: 'rect', x: 800, y: 550, width: 350, height: 180 } },
  { number: 5, severity: 'must-fix', shape: { kind: 'arrow', from: { x: -200, y: 800 }, to: { x: 350, y: 760 } } },
  {
    number: 6,
    severity: 'suggestion',
    shape: { kind: 'freehand', points: [{ x: 600, y: 960 }, { x: 680, y: 1010 }, { x: 760, y: 970 }, { x: 850, y: 1040 }] },
  },
  { number: 7, severity: 'strength', shape: { kind: 'measure', from: { x: 120, y: 1150 }, to: { x: 620, y: 1150 }, mmPerPixel: null } },
  { number: 8, severity: 'must-fix', shape: { kind: 'text', at: { x: 790, y: 1330 }, text: 'LIHAT 12', fontSize: FIDELITY_TEXT_SIZE } },
];

/** The face as a PNG: a plain panel with "KOPI" under pin 1. */
export function fidelityFacePng(): Promise<Buffer> {
  const { width, height } = FIDELITY_FACE;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${FIDELITY_BACKGROUND}"/>
    <text x="500" y="320" font-family="DejaVu Sans" font-weight="bold" font-size="90" text-anchor="middle" fill="${FIDELITY_INK}">KOPI</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * Where the shared layout puts each badge, in face pixels, by mark number (`referenceSide`: the surface's output
 * scale; `turn`: how the face is shown, for the layout plans the badges as seen).
 */
export function expectedBadges(
  labels: (m: FidelityMark) => string = (m) => String(m.number),
  referenceSide: number = OUTPUT_REFERENCE_SIDE,
  turn: FaceTransform = IDENTITY_TRANSFORM,
): Map<number, BadgePlace> {
  const places = layoutBadges(
    FIDELITY_MARKS.map((m) => ({ key: String(m.number), shape: m.shape, label: labels(m) })),
    FIDELITY_FACE,
    referenceSide,
    turn,
  );
  return new Map(places.map((p) => [Number(p.key), p]));
}

export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

export async function readRaster(input: string | Buffer): Promise<Raster> {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels };
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function near(r: Raster, x: number, y: number, rgb: readonly number[], tolerance: number): boolean {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return false;
  const i = (Math.round(y) * r.width + Math.round(x)) * r.channels;
  return Math.hypot((r.data[i] ?? 0) - (rgb[0] ?? 0), (r.data[i + 1] ?? 0) - (rgb[1] ?? 0), (r.data[i + 2] ?? 0) - (rgb[2] ?? 0)) <= tolerance;
}

export interface FoundBadge {
  x: number;
  y: number;
  colour: string;
}

/**
 * Every badge in a picture: a disc (or pill) of one mark colour at least
 * `radius` pixels round. A pixel is a badge's core when two rings around it,
 * at 0.7 and 0.82 of the radius (outside the digits, inside the white rim), are
 * all but entirely that colour: strokes, dots, leader lines and letters are far
 * too thin for that. Neighbouring cores are merged; a badge is their centroid.
 */
export function findBadges(r: Raster, radius: number, colours: readonly string[] = Object.values(SEVERITY_COLOURS), tolerance = 48): FoundBadge[] {
  const samples = 32;
  const rings = [0.7, 0.82].flatMap((k) =>
    Array.from({ length: samples }, (_, i) => ({
      dx: Math.round(Math.cos((i / samples) * 2 * Math.PI) * radius * k),
      dy: Math.round(Math.sin((i / samples) * 2 * Math.PI) * radius * k),
    })),
  );
  const found: FoundBadge[] = [];
  for (const colour of colours) {
    const rgb = hexRgb(colour);
    const mask = new Uint8Array(r.width * r.height);
    for (let y = 0; y < r.height; y += 1) for (let x = 0; x < r.width; x += 1) if (near(r, x, y, rgb, tolerance)) mask[y * r.width + x] = 1;
    const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < r.width && y < r.height ? (mask[y * r.width + x] ?? 0) : 0);
    const core = new Uint8Array(r.width * r.height);
    const reach = Math.ceil(radius * 0.7);
    for (let y = 0; y < r.height; y += 1) {
      for (let x = 0; x < r.width; x += 1) {
        // The centre itself is under the digits: only the rings count. Four points first, to skip most pixels cheaply.
        if (!at(x + reach, y) || !at(x - reach, y) || !at(x, y + reach) || !at(x, y - reach)) continue;
        let hits = 0;
        for (const s of rings) hits += at(x + s.dx, y + s.dy);
        if (hits >= rings.length * 0.9) core[y * r.width + x] = 1;
      }
    }
    // Connected cores (8-neighbours), each one badge.
    const seen = new Uint8Array(core.length);
    for (let start = 0; start < core.length; start += 1) {
      if (!core[start] || seen[start]) continue;
      const stack = [start];
      seen[start] = 1;
      let sx = 0;
      let sy = 0;
      let n = 0;
      while (stack.length) {
        const i = stack.pop() as number;
        const x = i % r.width;
        const y = (i - x) / r.width;
        sx += x;
        sy += y;
        n += 1;
        for (let dy = -1; dy <= 1; dy += 1)
          for (let dx = -1; dx <= 1; dx += 1) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= r.width || ny >= r.height) continue;
            const j = ny * r.width + nx;
            if (core[j] && !seen[j]) {
              seen[j] = 1;
              stack.push(j);
            }
          }
      }
      found.push({ x: sx / n, y: sy / n, colour });
    }
  }
  return found;
}

/** The part of a picture inside `box` (clamped to it), with the offset to add back to its coordinates. */
export function cropRaster(r: Raster, box: { x: number; y: number; width: number; height: number }): Raster {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(r.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(r.height, Math.ceil(box.y + box.height));
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8Array(width * height * r.channels);
  for (let y = 0; y < height; y += 1) data.set(r.data.subarray(((y0 + y) * r.width + x0) * r.channels, ((y0 + y) * r.width + x1) * r.channels), y * width * r.channels);
  return { data, width, height, channels: r.channels };
}

/** Face pixels → picture pixels on one surface: the face turned as shown (`turn`), then scaled and moved. */
export interface SurfaceMap {
  scale: number;
  x: number;
  y: number;
  turn?: FaceTransform;
}

export const toSurface = (map: SurfaceMap, p: { x: number; y: number }) => {
  const shown = toShown(map.turn ?? IDENTITY_TRANSFORM, FIDELITY_FACE, p);
  return { x: map.x + shown.x * map.scale, y: map.y + shown.y * map.scale };
};

/** Where a rectangle of the face lands on the surface (the bounding box of its turned corners). */
export function surfaceRect(map: SurfaceMap, rect: { x: number; y: number; width: number; height: number }) {
  const a = toSurface(map, rect);
  const b = toSurface(map, { x: rect.x + rect.width, y: rect.y + rect.height });
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}

/** Where a point shown on the face lands on the surface (no turn: it is already turned). */
const shownToSurface = (map: SurfaceMap, p: { x: number; y: number }) => ({ x: map.x + p.x * map.scale, y: map.y + p.y * map.scale });

/**
 * The word KOPI on a surface against the source picture turned as the surface shows it (`source`: the face as
 * stored), both counted only outside the badges (`badgeRadius` as drawn there, planned at `referenceSide`), which
 * are planned without regard to the artwork and may hide part of the word: how many of its pixels were found and
 * should be, and how far apart the two centres are, in surface pixels. An unturned or wrongly turned picture has
 * its word elsewhere.
 */
export function turnedInk(
  r: Raster,
  map: SurfaceMap,
  source: Raster,
  badgeRadius: number,
  referenceSide: number = OUTPUT_REFERENCE_SIDE,
): { found: number; truth: number; off: number } {
  const window = surfaceRect(map, FIDELITY_INK_BOX);
  const hidden = [...expectedBadges(undefined, referenceSide, map.turn).values()].map((p) => {
    const c = toSurface(map, p.centre);
    const hw = (p.halfWidth / p.radius) * badgeRadius + 3;
    return { x0: c.x - hw, x1: c.x + hw, y0: c.y - badgeRadius - 3, y1: c.y + badgeRadius + 3 };
  });
  const back = invert(transformMatrix(map.turn ?? IDENTITY_TRANSFORM, FIDELITY_FACE));
  const ink = hexRgb(FIDELITY_INK);
  const found = { x: 0, y: 0, n: 0 };
  const truth = { x: 0, y: 0, n: 0 };
  for (let y = Math.max(0, Math.floor(window.y)); y < Math.min(r.height, Math.ceil(window.y + window.height)); y += 1)
    for (let x = Math.max(0, Math.floor(window.x)); x < Math.min(r.width, Math.ceil(window.x + window.width)); x += 1) {
      if (hidden.some((h) => x >= h.x0 && x <= h.x1 && y >= h.y0 && y <= h.y1)) continue;
      if (near(r, x, y, ink, 20)) Object.assign(found, { x: found.x + x, y: found.y + y, n: found.n + 1 });
      // The source pixel the turned artwork shows here.
      const p = applyMatrix(back, { x: (x + 0.5 - map.x) / map.scale, y: (y + 0.5 - map.y) / map.scale });
      if (near(source, Math.floor(p.x), Math.floor(p.y), ink, 20)) Object.assign(truth, { x: truth.x + x, y: truth.y + y, n: truth.n + 1 });
    }
  const off = found.n && truth.n ? Math.hypot(found.x / found.n - truth.x / truth.n, found.y / found.n - truth.y / truth.n) : Number.POSITIVE_INFINITY;
  return { found: found.n, truth: truth.n, off };
}

/**
 * The height of the text mark's letters, in face pixels: the rows inside its
 * box (right of its badge) that hold pixels of the mark's colour.
 */
export function textInkHeight(r: Raster, map: SurfaceMap, colour: string): number {
  const mark = FIDELITY_MARKS.find((m) => m.shape.kind === 'text');
  if (!mark || mark.shape.kind !== 'text') throw new Error('no text mark');
  const turn = map.turn ?? IDENTITY_TRANSFORM;
  // The note reads upright on every surface, its box centred where it shows (shared/annotations/turnedFace.ts).
  const box = shownTextBox(mark.shape, FIDELITY_FACE, turn);
  const shown = shownSize(turn, FIDELITY_FACE);
  const badge = expectedBadges(undefined, undefined, turn).get(mark.number) as BadgePlace;
  const badgeAt = toSurface(map, badge.centre);
  const badgeHalf = badge.halfWidth * map.scale;
  const badgeRadius = badge.radius * map.scale;
  const upright = turn.quarterTurns === 0 && !turn.flipX;
  // Upright: right of the badge to the face's edge, as before; turned: across the note's box.
  const left = upright ? badgeAt.x + badgeHalf + 3 : shownToSurface(map, { x: box.x, y: 0 }).x;
  const right = upright ? shownToSurface(map, { x: shown.width, y: 0 }).x - 1 : shownToSurface(map, { x: box.x + box.width, y: 0 }).x;
  const top = shownToSurface(map, { x: 0, y: box.y - box.fontSize * 0.3 }).y;
  const bottom = shownToSurface(map, { x: 0, y: Math.min(shown.height, box.y + box.height + box.fontSize * 0.3) }).y;
  // A badge moved off the note (one against the picture's edge) has a leader line from the note's edge: not letters.
  const anchorAt = toSurface(map, badge.anchor);
  const onLeader = (x: number, y: number) => {
    if (!badge.moved) return false;
    const dx = badgeAt.x - anchorAt.x;
    const dy = badgeAt.y - anchorAt.y;
    const t = Math.max(0, Math.min(1, ((x - anchorAt.x) * dx + (y - anchorAt.y) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(x - (anchorAt.x + t * dx), y - (anchorAt.y + t * dy)) <= 3 + map.scale * 2;
  };
  const underBadge = (x: number, y: number) => (Math.abs(x - badgeAt.x) <= badgeHalf + 2 && Math.abs(y - badgeAt.y) <= badgeRadius + 2) || onLeader(x, y);
  const rgb = hexRgb(colour);
  let first = -1;
  let last = -1;
  for (let y = Math.floor(top); y <= Math.ceil(bottom); y += 1) {
    let count = 0;
    for (let x = Math.ceil(left); x <= Math.floor(right); x += 1) if (!underBadge(x, y) && near(r, x, y, rgb, 90)) count += 1;
    if (count >= 2) {
      if (first < 0) first = y;
      last = y;
    }
  }
  if (first < 0) return 0;
  return (last - first + 1) / map.scale;
}

export interface FidelityReport {
  surface: string;
  found: FoundBadge[];
  /** For each mark number, the distance in picture pixels from the model's badge centre to the nearest badge found. */
  misses: Map<number, number>;
  overlapping: [number, number][];
  textHeight: number;
}

/** Finds the badges and the text on one surface and compares them with the model (planned at `referenceSide`). */
export function checkSurface(surface: string, r: Raster, map: SurfaceMap, badgeRadius: number, referenceSide: number = OUTPUT_REFERENCE_SIDE): FidelityReport {
  const found = findBadges(r, badgeRadius);
  const expected = expectedBadges(undefined, referenceSide, map.turn);
  const misses = new Map<number, number>();
  for (const [number, place] of expected) {
    const at = toSurface(map, place.centre);
    const best = Math.min(...found.map((f) => Math.hypot(f.x - at.x, f.y - at.y)));
    misses.set(number, best);
  }
  const overlapping: [number, number][] = [];
  // Each badge found is the nearest mark's; two overlap when their pills, as the model sizes them at this scale, meet.
  const owner = (f: FoundBadge): BadgePlace =>
    [...expected.values()].reduce((best, p) => {
      const d = (q: BadgePlace) => Math.hypot(toSurface(map, q.centre).x - f.x, toSurface(map, q.centre).y - f.y);
      return d(p) < d(best) ? p : best;
    });
  for (let i = 0; i < found.length; i += 1)
    for (let j = i + 1; j < found.length; j += 1) {
      const a = found[i] as FoundBadge;
      const b = found[j] as FoundBadge;
      const wa = (owner(a).halfWidth / owner(a).radius) * badgeRadius;
      const wb = (owner(b).halfWidth / owner(b).radius) * badgeRadius;
      if (Math.abs(a.x - b.x) < wa + wb - 1 && Math.abs(a.y - b.y) < badgeRadius * 2 - 1) overlapping.push([Number(owner(a).key), Number(owner(b).key)]);
    }
  const textColour = SEVERITY_COLOURS[FIDELITY_MARKS.find((m) => m.shape.kind === 'text')?.severity ?? 'must-fix'];
  return { surface, found, misses, overlapping, textHeight: textInkHeight(r, map, textColour) };
}

/**
 * The face's picture: the rows and columns holding many pixels near
 * `background` (the face's flat panel); anti-aliased pixels of text
 * elsewhere on a page do not count. `count` is how many matched in all.
 */
export function pictureBox(r: Raster, background: string = FIDELITY_BACKGROUND, tolerance = 24): { x: number; y: number; width: number; height: number; count: number } {
  const rgb = hexRgb(background);
  const rows = new Uint32Array(r.height);
  const columns = new Uint32Array(r.width);
  let count = 0;
  for (let y = 0; y < r.height; y += 1)
    for (let x = 0; x < r.width; x += 1)
      if (near(r, x, y, rgb, tolerance)) {
        rows[y] = (rows[y] ?? 0) + 1;
        columns[x] = (columns[x] ?? 0) + 1;
        count += 1;
      }
  // The picture's rows and columns are mostly panel; text elsewhere only grazes the colour.
  const minimum = Math.max(20, Math.max(...rows, ...columns) * 0.3);
  const first = (a: Uint32Array) => a.findIndex((n) => n >= minimum);
  const last = (a: Uint32Array) => a.length - 1 - [...a].reverse().findIndex((n) => n >= minimum);
  const x = first(columns);
  const y = first(rows);
  if (x < 0 || y < 0) return { x: 0, y: 0, width: 0, height: 0, count: 0 };
  return { x, y, width: last(columns) - x + 1, height: last(rows) - y + 1, count };
}
