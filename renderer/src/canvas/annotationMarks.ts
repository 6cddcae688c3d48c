import { Circle, Ellipse, FabricObject, FabricText, Group, Path, Rect } from 'fabric';
import type { AnnotationShape } from '../../../shared/annotations/tools.ts';
import { CONTRAST_TEXT, contrastRatio } from '../../../shared/annotations/colour.ts';

/*
 * How an annotation looks, in one place: the review canvas (fabricView.ts)
 * and the burned-in PNGs of a critique pack (burnAnnotations.ts) both draw
 * with these, so a mark on the exported image is the mark the mentor made.
 *
 * Geometry is in original image pixels. `unit` is how many image pixels one
 * screen pixel covers (1 / zoom on the canvas): strokes, arrow heads and
 * badges are sized in screen pixels times `unit`, so they keep their size on
 * screen at any zoom.
 */

// Fabric 7 centres objects by default; every position here is a top-left in image pixels.
FabricObject.ownDefaults.originX = 'left';
FabricObject.ownDefaults.originY = 'top';

const FONT = 'Noto Sans, DejaVu Sans, sans-serif';
/** Badge radius in screen pixels; a long label ("A12") stretches it into a pill. */
const BADGE_RADIUS = 12;
const DARK_TEXT = '#1f2933';

function arrowPath(from: { x: number; y: number }, to: { x: number; y: number }, head: number): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const wing = (side: number) => ({
    x: to.x - head * Math.cos(angle + side * 0.45),
    y: to.y - head * Math.sin(angle + side * 0.45),
  });
  const a = wing(1);
  const b = wing(-1);
  return `M ${from.x} ${from.y} L ${to.x} ${to.y} M ${a.x} ${a.y} L ${to.x} ${to.y} L ${b.x} ${b.y}`;
}

function measurePath(from: { x: number; y: number }, to: { x: number; y: number }, tick: number): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x) + Math.PI / 2;
  const dx = tick * Math.cos(angle);
  const dy = tick * Math.sin(angle);
  return `M ${from.x} ${from.y} L ${to.x} ${to.y} M ${from.x - dx} ${from.y - dy} L ${from.x + dx} ${from.y + dy} M ${to.x - dx} ${to.y - dy} L ${to.x + dx} ${to.y + dy}`;
}

/** White on a dark mark colour, near-black on a light one (the amber of "saran"), whichever reads. */
export function badgeTextColour(fill: string): string {
  return contrastRatio('#ffffff', fill) >= CONTRAST_TEXT ? '#ffffff' : DARK_TEXT;
}

/** The shape of an annotation (not its badge) as a Fabric object, outlined in `colour`. */
export function markBody(shape: AnnotationShape, colour: string, unit: number, draft = false): FabricObject {
  const common = { stroke: colour, fill: 'transparent', strokeWidth: 2, objectCaching: false, hasRotatingPoint: false };
  switch (shape.kind) {
    case 'rect':
      return new Rect({ ...common, left: shape.x, top: shape.y, width: shape.width, height: shape.height });
    case 'ellipse':
      return new Ellipse({ ...common, left: shape.cx - shape.rx, top: shape.cy - shape.ry, rx: shape.rx, ry: shape.ry });
    case 'arrow':
      return new Path(arrowPath(shape.from, shape.to, 18 * unit), common);
    case 'measure':
      return new Path(measurePath(shape.from, shape.to, 8 * unit), common);
    case 'freehand': {
      const [first, ...rest] = shape.points;
      const d = first ? `M ${first.x} ${first.y} ${rest.map((p) => `L ${p.x} ${p.y}`).join(' ')}` : 'M 0 0';
      return new Path(d, { ...common, strokeLineCap: 'round', strokeLineJoin: 'round' });
    }
    case 'text':
      return new FabricText(shape.text || '…', {
        left: shape.at.x,
        top: shape.at.y,
        fill: colour,
        fontSize: 18 * unit,
        fontFamily: FONT,
        backgroundColor: 'rgba(255,255,255,0.85)',
        objectCaching: false,
      });
    case 'pin':
      return new Circle({
        left: shape.at.x - (draft ? 6 : 3),
        top: shape.at.y - (draft ? 6 : 3),
        radius: draft ? 6 : 3,
        fill: colour,
        stroke: '#ffffff',
        strokeWidth: 1,
        objectCaching: false,
      });
  }
}

/**
 * The numbered badge of an annotation, centred on `at` and drawn in screen
 * pixels (scale it with `styleMark`): a circle, or a pill when the label is
 * longer than the circle is wide.
 */
export function markBadge(label: string, colour: string, at: { x: number; y: number }): Group {
  // No per-object caches: Fabric makes each at least 256 × 256 px, a thousand of them for 500 badges.
  const text = new FabricText(label, {
    originX: 'center',
    originY: 'center',
    fontSize: 13,
    fontWeight: 'bold',
    fill: badgeTextColour(colour),
    fontFamily: FONT,
    objectCaching: false,
  });
  const width = Math.max(BADGE_RADIUS * 2, (text.width ?? 0) + BADGE_RADIUS);
  const pill = new Rect({
    left: 0,
    top: 0,
    width,
    height: BADGE_RADIUS * 2,
    rx: BADGE_RADIUS,
    ry: BADGE_RADIUS,
    fill: colour,
    stroke: '#ffffff',
    strokeWidth: 2,
    objectCaching: false,
  });
  text.set({ left: width / 2, top: BADGE_RADIUS });
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

/** Stroke width and badge size for `unit` image pixels per screen pixel; a selected mark is drawn bolder. */
export function styleMark(body: FabricObject, badge: Group, unit: number, selected = false): void {
  body.set({ strokeWidth: (selected ? 4 : 2.5) * unit, cornerSize: 10, borderScaleFactor: 1 });
  badge.set({ scaleX: unit, scaleY: unit });
}
