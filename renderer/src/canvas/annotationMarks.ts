import { Circle, Ellipse, FabricObject, FabricText, Group, Path, Point as FabricPoint, Rect } from 'fabric';
import { IDENTITY_TRANSFORM, isIdentity, toOriginal, type FaceTransform } from '#shared/domain/faceTransform.ts';
import { shownTextBox } from '#shared/annotations/turnedFace.ts';
import type { AnnotationShape } from '#shared/annotations/tools.ts';
import type { Point } from '#shared/annotations/shape.ts';
import { CONTRAST_TEXT, contrastRatio } from '#shared/annotations/colour.ts';
import {
  badgeWidthInRadii,
  bodyLines,
  CHROME,
  textBox,
  TEXT_BOX_OPACITY,
  type Polyline,
  type Size,
} from '#shared/annotations/appearance.ts';
import { leaderLine, type BadgePlace } from '#shared/annotations/badgeLayout.ts';

/*
 * Fabric objects for a mark, as shared/annotations/appearance.ts and
 * badgeLayout.ts say it looks: the review canvas (fabricView.ts) and the
 * burned-in PNGs of a critique pack (burnAnnotations.ts) both draw with these.
 *
 * Geometry is in original image pixels. `unit` is image pixels per chrome
 * unit: 1 / zoom on the canvas, a share of the face in the PNG.
 *
 * A mark is three objects: its body (the geometry the mentor selects and
 * moves), its chrome (arrowhead, ticks, leader line: rebuilt when the unit
 * changes) and its badge (placed by the shared layout).
 */

// Fabric 7 centres objects by default; every position here is a top-left in image pixels.
FabricObject.ownDefaults.originX = 'left';
FabricObject.ownDefaults.originY = 'top';

export const MARK_FONT = 'Noto Sans, DejaVu Sans, sans-serif';
const DARK_TEXT = '#1f2933';

/** White on a dark mark colour, near-black on a light one (the amber of "saran"), whichever reads. */
export function badgeTextColour(fill: string): string {
  return contrastRatio('#ffffff', fill) >= CONTRAST_TEXT ? '#ffffff' : DARK_TEXT;
}

function polylinesPath(lines: readonly Polyline[]): string {
  const parts = lines.filter((l) => l.length > 0).map((l) => l.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' '));
  return parts.length ? parts.join(' ') : 'M 0 0';
}

/** The geometry of a mark with no chrome: what the mentor selects, moves and resizes. */
function geometryLines(shape: AnnotationShape): Polyline[] {
  switch (shape.kind) {
    case 'arrow':
    case 'measure':
      return [[shape.from, shape.to]];
    default:
      return bodyLines(shape, 1);
  }
}

/**
 * Turns an object drawn under a turned face's view back so it reads upright
 * (a badge, a note), about its centre: the view mirrors, then turns clockwise.
 */
export function uprightOnTurnedFace(object: FabricObject, transform: FaceTransform): void {
  const { quarterTurns, flipX } = transform;
  if (!quarterTurns && !flipX) return;
  const centre = object.getCenterPoint();
  object.set({ flipX, angle: (flipX ? 90 : -90) * quarterTurns });
  object.setPositionByOrigin(centre, 'center', 'center');
}

/**
 * A text mark: its lines in the mark's colour on a light box, sized by the
 * stored font size. On a turned face (`transform`) it reads upright, its box
 * centred where the box shows (shared/annotations/turnedFace.ts), as in the PDF.
 */
function textBody(shape: Extract<AnnotationShape, { kind: 'text' }>, colour: string, face: Size, transform: FaceTransform): Group {
  const provisional = textBox(shape, face);
  const lines = provisional.lines.map(
    (line) => new FabricText(line || ' ', { fontSize: provisional.fontSize, fontFamily: MARK_FONT, fontWeight: 'bold', fill: colour, objectCaching: false }),
  );
  const measured = Math.max(...lines.map((l) => l.width ?? 0));
  const box = textBox(shape, face, measured);
  const background = new Rect({
    left: box.x,
    top: box.y,
    width: box.width,
    height: box.height,
    fill: `rgba(255,255,255,${TEXT_BOX_OPACITY})`,
    strokeWidth: 0,
    objectCaching: false,
  });
  lines.forEach((line, i) => {
    // Fabric's line box is 1.13 font sizes tall with the glyphs in it: centre it in the model's line height.
    const top = box.y + box.padding + i * box.lineHeight + (box.lineHeight - (line.height ?? box.fontSize)) / 2;
    line.set({ left: box.x + box.padding, top });
  });
  const group = new Group([background, ...lines], { objectCaching: false, subTargetCheck: false });
  if (isIdentity(transform)) return group;
  const upright = shownTextBox(shape, face, transform, measured);
  const centre = toOriginal(transform, face, { x: upright.x + upright.width / 2, y: upright.y + upright.height / 2 });
  uprightOnTurnedFace(group, transform);
  group.setPositionByOrigin(new FabricPoint(centre.x, centre.y), 'center', 'center');
  return group;
}

/**
 * The body of a mark (not its chrome or badge) as a Fabric object, outlined in
 * `colour`. `face` is the picture's size (a text mark's box stays inside it);
 * `unit` sizes the pin dot; `transform` is the face's, under which a note is
 * turned back upright. Nothing is clipped here: the surface clips every mark
 * to the picture at once (the review canvas, reviewCanvas.ts) or ends where
 * the picture does (the PNG).
 */
export function markBody(shape: AnnotationShape, colour: string, face: Size, unit: number, draft = false, transform: FaceTransform = IDENTITY_TRANSFORM): FabricObject {
  const common = { stroke: colour, fill: 'transparent', strokeWidth: CHROME.stroke * unit, objectCaching: false, hasRotatingPoint: false };
  switch (shape.kind) {
    case 'rect':
      return new Rect({ ...common, left: shape.x, top: shape.y, width: shape.width, height: shape.height });
    case 'ellipse':
      return new Ellipse({ ...common, left: shape.cx - shape.rx, top: shape.cy - shape.ry, rx: shape.rx, ry: shape.ry });
    case 'arrow':
    case 'measure':
    case 'freehand':
      return new Path(polylinesPath(geometryLines(shape)), { ...common, strokeLineCap: 'round', strokeLineJoin: 'round' });
    case 'text':
      return textBody(shape, colour, face, transform);
    case 'pin': {
      const radius = CHROME.pinDot * unit * (draft ? 2 : 1);
      return new Circle({ left: shape.at.x - radius, top: shape.at.y - radius, radius, fill: colour, stroke: '#ffffff', strokeWidth: unit, objectCaching: false });
    }
  }
}

/** What a mark's chrome is at `unit`: arrowhead wings and measuring ticks, and the leader line to a badge that moved aside. */
function chromeLines(shape: AnnotationShape, unit: number, place: BadgePlace | null, badgeRadius: number): { lines: Polyline[]; leader: [Point, Point] | null } {
  const lines = shape.kind === 'arrow' || shape.kind === 'measure' ? bodyLines(shape, unit).slice(1) : [];
  return { lines, leader: place ? leaderLine(place, badgeRadius) : null };
}

/** Whether a mark of this kind, with its badge at `place`, may have chrome at all. */
export function hasChrome(shape: AnnotationShape, place: BadgePlace | null): boolean {
  return shape.kind === 'arrow' || shape.kind === 'measure' || place?.moved === true;
}

/**
 * A mark's chrome at `unit`: arrowhead wings, measuring ticks, and the leader
 * line to a badge that moved aside (`badgeRadius` is the badge as drawn, in
 * image pixels). Null when the mark has none.
 */
export function markChrome(shape: AnnotationShape, colour: string, unit: number, place: BadgePlace | null, badgeRadius: number): FabricObject | null {
  const { lines, leader } = chromeLines(shape, unit, place, badgeRadius);
  const chrome = lines.length
    ? new Path(polylinesPath(lines), { stroke: colour, fill: 'transparent', strokeWidth: CHROME.stroke * unit, strokeLineCap: 'round', strokeLineJoin: 'round', objectCaching: false })
    : null;
  const leaderPath = leader
    ? new Path(polylinesPath([leader]), { stroke: colour, fill: 'transparent', strokeWidth: CHROME.leader * unit, strokeDashArray: [3 * unit, 2 * unit], objectCaching: false })
    : null;
  const parts = [chrome, leaderPath].filter((p): p is Path => p !== null);
  if (parts.length === 0) return null;
  const object = parts.length === 1 ? (parts[0] as Path) : new Group(parts, { objectCaching: false });
  object.set({ selectable: false, evented: false });
  return object;
}

function tracePolyline(ctx: CanvasRenderingContext2D, line: Polyline): void {
  line.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
}

/** Image pixels per chrome unit at a zoom, and the badge radius as drawn there. */
export type ChromeUnits = (zoom: number) => { unit: number; badgeRadius: number };

/**
 * A mark's chrome on the review canvas, drawn for the zoom it is drawn at:
 * arrowheads, ticks and leader lines keep their size on screen, and nothing is
 * built again when the zoom changes (500 Fabric paths made per zoom step cost
 * more than drawing them). The lines are markChrome's, as in the PNG: the same
 * shared geometry at the same unit. It spans the face (scene units are image
 * pixels), takes no pointer events and has no handles.
 */
export class LiveChrome extends FabricObject {
  static override createControls(): { controls: Record<string, never> } {
    return { controls: {} };
  }

  readonly shape: AnnotationShape;
  readonly colour: string;
  readonly units: ChromeUnits;
  place: BadgePlace | null;

  constructor(shape: AnnotationShape, colour: string, face: Size, place: BadgePlace | null, units: ChromeUnits) {
    super({ left: 0, top: 0, width: face.width, height: face.height, strokeWidth: 0, selectable: false, evented: false, objectCaching: false });
    this.shape = shape;
    this.colour = colour;
    this.place = place;
    this.units = units;
  }

  /** Where its lines are drawn at the canvas's zoom now, in image pixels, their stroke included. */
  bounds(): { left: number; top: number; right: number; bottom: number } {
    const { unit, badgeRadius } = this.units(this.canvas?.getZoom() ?? 1);
    const { lines, leader } = chromeLines(this.shape, unit, this.place, badgeRadius);
    const points = [...lines.flat(), ...(leader ?? [])];
    if (points.length === 0) return { left: 0, top: 0, right: 0, bottom: 0 };
    const pad = CHROME.stroke * unit;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    return { left: Math.min(...xs) - pad, top: Math.min(...ys) - pad, right: Math.max(...xs) + pad, bottom: Math.max(...ys) + pad };
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    const { unit, badgeRadius } = this.units(this.canvas?.getZoom() ?? 1);
    const { lines, leader } = chromeLines(this.shape, unit, this.place, badgeRadius);
    // Fabric draws an object about its centre; the lines are in image pixels from the face's corner.
    ctx.translate(-this.width / 2, -this.height / 2);
    ctx.strokeStyle = this.colour;
    if (lines.length) {
      ctx.lineWidth = CHROME.stroke * unit;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.beginPath();
      for (const line of lines) tracePolyline(ctx, line);
      ctx.stroke();
    }
    if (leader) {
      ctx.lineWidth = CHROME.leader * unit;
      ctx.lineCap = 'butt';
      ctx.setLineDash([3 * unit, 2 * unit]);
      ctx.beginPath();
      tracePolyline(ctx, leader);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
}

/**
 * The numbered badge of a mark, centred on `at` and drawn in chrome units
 * (scale it with `styleMark`): a circle, or a pill when the label is long. Its
 * width comes from the shared model, not from this surface's font.
 */
export function markBadge(label: string, colour: string, at: { x: number; y: number }): Group {
  const radius = CHROME.badgeRadius;
  // No per-object caches: Fabric makes each at least 256 × 256 px, a thousand of them for 500 badges.
  const text = new FabricText(label, {
    originX: 'center',
    originY: 'center',
    fontSize: CHROME.badgeFont,
    fontWeight: 'bold',
    fill: badgeTextColour(colour),
    fontFamily: MARK_FONT,
    objectCaching: false,
  });
  const width = badgeWidthInRadii(label) * radius;
  const pill = new Rect({
    left: 0,
    top: 0,
    width,
    height: radius * 2,
    rx: radius,
    ry: radius,
    fill: colour,
    stroke: '#ffffff',
    strokeWidth: CHROME.badgeOutline,
    objectCaching: false,
  });
  text.set({ left: width / 2, top: radius });
  return new Group([pill, text], {
    left: at.x,
    top: at.y,
    originX: 'center',
    originY: 'center',
    selectable: false,
    evented: false,
    objectCaching: false,
  });
}

/**
 * Stroke width for `unit` and badge size for `badgeUnit` (image pixels per chrome unit); a selected mark is drawn bolder.
 * `coords` false leaves the body's hit-testing corners for the caller to update (after a zoom gesture).
 */
export function styleMark(body: FabricObject, badge: Group, unit: number, badgeUnit: number, selected = false, coords = true): void {
  if (body instanceof Circle) {
    // A pin's dot is chrome: the same size on screen at any zoom, centred on the pin.
    const centre = body.getCenterPoint();
    const radius = CHROME.pinDot * unit * (selected ? 1.5 : 1);
    body.set({ radius, strokeWidth: unit });
    body.setPositionByOrigin(centre, 'center', 'center');
  } else if (!(body instanceof Group)) {
    body.set({ strokeWidth: (selected ? CHROME.strokeSelected : CHROME.stroke) * unit });
  }
  if (coords) body.setCoords();
  badge.set({ scaleX: badgeUnit, scaleY: badgeUnit });
}
