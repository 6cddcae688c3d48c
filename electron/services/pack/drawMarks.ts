import { badgeWidthInRadii, bodyLines, CHROME, outputChromeUnit, textBox, TEXT_BOX_OPACITY, type Size } from '#shared/annotations/appearance.ts';
import { layoutBadges, leaderLine } from '#shared/annotations/badgeLayout.ts';
import { shownRect, shownTextBox } from '#shared/annotations/turnedFace.ts';
import { applyMatrix, swapsAxes, transformMatrix, type FaceTransform, type Matrix } from '#shared/domain/faceTransform.ts';
import type { AnnotationShape } from '#shared/annotations/shape.ts';
import { contrastRatio } from '#shared/annotations/colour.ts';
import type { PackCrop, PackFace, PackMark } from '#shared/pack/packModelSchema.ts';
import { THEME } from './packTheme.ts';
import type { PackWriter } from './pdfWriter.ts';

/**
 * Where image pixels land on the page: page = origin + (shown pixel − from) × scale,
 * where the shown pixel is the original pixel turned and mirrored as the face
 * is shown (`transform`); `from` is in shown pixels.
 */
export interface ImageView {
  x: number;
  y: number;
  /** Points per original image pixel. */
  scale: number;
  fromX: number;
  fromY: number;
  /** How the face is shown, and the original's size it turns. */
  transform: FaceTransform;
  face: Size;
}

type Point = { x: number; y: number };

/** Original image pixels → shown pixels, for a view. */
const turnOf = (view: ImageView): Matrix => transformMatrix(view.transform, view.face);

/** A point of the face as shown → the page. */
const shownToPage = (view: ImageView, p: Point): Point => ({ x: view.x + (p.x - view.fromX) * view.scale, y: view.y + (p.y - view.fromY) * view.scale });

/** A point of the original → the page. */
export const toPage = (view: ImageView, p: Point): Point => shownToPage(view, applyMatrix(turnOf(view), p));

/**
 * The page matrix that draws the original picture (or anything in original
 * pixels) as the view shows it: `doc.transform(...)` then draw at (0, 0).
 */
export function pageMatrix(view: ImageView): Matrix {
  const [a, b, c, d, e, f] = turnOf(view);
  const s = view.scale;
  return [a * s, b * s, c * s, d * s, view.x + (e - view.fromX) * s, view.y + (f - view.fromY) * s];
}

/** Draws the whole original picture, turned as the view shows it. */
export function drawPicture(writer: PackWriter, view: ImageView, drawImage: (x: number, y: number, width: number, height: number) => void): void {
  writer.doc.save();
  writer.doc.transform(...pageMatrix(view));
  drawImage(0, 0, view.face.width, view.face.height);
  writer.doc.restore();
}

/** White or near-black text on a fill, whichever reads (4.5 : 1 or better for white). */
export function textOn(fill: string): string {
  return contrastRatio('#ffffff', fill) >= 4.5 ? THEME.colour.white : THEME.colour.dark;
}

/**
 * Traces a shape's lines (not the badge) in page coordinates, chrome sized at
 * `unit` image pixels per chrome unit; false when the shape has no lines (pin, text).
 */
function tracePath(writer: PackWriter, shape: AnnotationShape, view: ImageView, unit: number): boolean {
  const doc = writer.doc;
  switch (shape.kind) {
    case 'rect': {
      const r = shownRect(view.transform, view.face, shape);
      const a = shownToPage(view, r);
      doc.rect(a.x, a.y, r.width * view.scale, r.height * view.scale);
      return true;
    }
    case 'ellipse': {
      const c = toPage(view, { x: shape.cx, y: shape.cy });
      const [rx, ry] = swapsAxes(view.transform) ? [shape.ry, shape.rx] : [shape.rx, shape.ry];
      doc.ellipse(c.x, c.y, Math.abs(rx) * view.scale, Math.abs(ry) * view.scale);
      return true;
    }
    default: {
      const lines = bodyLines(shape, unit).filter((line) => line.length > 0);
      for (const line of lines) {
        const [first, ...rest] = line.map((p) => toPage(view, p));
        if (!first) continue;
        doc.moveTo(first.x, first.y);
        for (const q of rest) doc.lineTo(q.x, q.y);
      }
      return lines.length > 0;
    }
  }
}

/** A shape's stroke with a thin white halo under it, so it reads on light and dark designs alike; `pt` is points per chrome unit. */
function strokeShape(writer: PackWriter, mark: PackMark, view: ImageView, pt: number): void {
  const doc = writer.doc;
  const unit = pt / view.scale;
  doc.save().lineJoin('round').lineCap('round');
  if (tracePath(writer, mark.shape, view, unit)) {
    doc.lineWidth((CHROME.stroke + CHROME.halo * 2) * pt).strokeOpacity(0.8).strokeColor(THEME.colour.white).stroke();
    tracePath(writer, mark.shape, view, unit);
    doc.lineWidth(CHROME.stroke * pt).strokeOpacity(1).strokeColor(mark.colour).stroke();
  }
  if (mark.shape.kind === 'pin') {
    const at = toPage(view, mark.shape.at);
    doc.circle(at.x, at.y, CHROME.pinDot * pt).lineWidth(pt).fillAndStroke(mark.colour, THEME.colour.white);
  }
  doc.restore();
}

/** pdfkit's line box for Noto Sans is ascender + descender tall: this much of a font size. */
const PDF_LINE_BOX = 1.362;

/**
 * A text annotation: its words in the mark's colour on a light box, at its
 * stored size, as on the canvas and in the PNG; upright on a turned face,
 * centred where its box shows (turnedFace.ts).
 */
function drawTextMark(writer: PackWriter, mark: PackMark, view: ImageView): void {
  if (mark.shape.kind !== 'text') return;
  const shape = mark.shape;
  const face = view.face;
  const size = textBox(shape, face).fontSize * view.scale;
  const style = { size, colour: mark.colour, font: 'bold' as const, lineGap: 0 };
  const lines = textBox(shape, face).lines;
  const measured = Math.max(...lines.map((line) => writer.widthOf(line, style))) / view.scale;
  const box = shownTextBox(shape, face, view.transform, measured);
  const at = shownToPage(view, { x: box.x, y: box.y });
  const doc = writer.doc;
  doc.save().fillOpacity(TEXT_BOX_OPACITY).rect(at.x, at.y, box.width * view.scale, box.height * view.scale).fill(THEME.colour.white).restore();
  const lineHeight = box.lineHeight * view.scale;
  box.lines.forEach((line, i) => {
    const top = at.y + box.padding * view.scale + i * lineHeight + (lineHeight - size * PDF_LINE_BOX) / 2;
    // No wrapping: the box was sized to the widest line.
    writer.text(line, at.x + box.padding * view.scale, top, box.width * view.scale * 2, style);
  });
}

/** A numbered badge centred on `at`: a circle, or a pill as wide as the shared model says for a long label ("A12"). */
export function drawBadge(writer: PackWriter, label: string, colour: string, at: Point, radius: number = writer.theme.mark.badgeRadius): void {
  const doc = writer.doc;
  const style = { font: 'bold' as const, size: CHROME.badgeFont * (radius / CHROME.badgeRadius), colour: textOn(colour) };
  const width = badgeWidthInRadii(label) * radius;
  doc.save();
  doc
    .roundedRect(at.x - width / 2, at.y - radius, width, radius * 2, radius)
    .lineWidth(CHROME.badgeOutline * (radius / CHROME.badgeRadius))
    .fillAndStroke(colour, THEME.colour.white);
  doc.restore();
  writer.text(label, at.x - width / 2, at.y - style.size * 0.68, width, { ...style, align: 'center', lineGap: 0 });
}

/** Points per chrome unit for a picture: a stated share of the picture (shared/annotations/appearance.ts), larger in the phone layout. */
export function pagePointsPerChromeUnit(face: Size, view: ImageView, referenceSide: number): number {
  return outputChromeUnit(face, referenceSide) * view.scale;
}

/**
 * Every mark of a face over its picture, as vectors: shapes and text marks
 * clipped to the picture, then the leader lines and badges on top, where the
 * shared badge layout puts them (always inside the picture).
 */
export function drawMarks(writer: PackWriter, face: PackFace, view: ImageView, box: { x: number; y: number; width: number; height: number }): void {
  const doc = writer.doc;
  const size = { width: face.width, height: face.height };
  const referenceSide = writer.theme.referenceSide;
  const pt = pagePointsPerChromeUnit(size, view, referenceSide);
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  for (const mark of face.marks) strokeShape(writer, mark, view, pt);
  for (const mark of face.marks) drawTextMark(writer, mark, view);
  doc.restore();
  const places = layoutBadges(
    face.marks.map((mark) => ({ key: mark.annotationId, shape: mark.shape, label: mark.label })),
    size,
    referenceSide,
    view.transform,
  );
  const radius = CHROME.badgeRadius * pt;
  face.marks.forEach((mark, i) => {
    const place = places[i];
    const leader = place ? leaderLine(place, radius / view.scale) : null;
    if (!leader) return;
    const [a, b] = leader.map((p) => toPage(view, p)) as [Point, Point];
    doc.save().lineCap('round').lineWidth(CHROME.leader * pt).dash(3 * pt, { space: 2 * pt }).strokeColor(mark.colour);
    doc.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke();
    doc.undash().restore();
  });
  // Badges are planned on the face as seen (badgeLayout.ts), as on the canvas, and drawn upright where their centre shows.
  face.marks.forEach((mark, i) => {
    const place = places[i];
    if (place) drawBadge(writer, mark.label, mark.colour, toPage(view, place.centre), radius);
  });
}

/**
 * A zoomed detail: the same embedded picture, clipped to the crop and scaled
 * up (no second copy of the image in the file), with the other marks' shapes
 * and a ring around the pin in focus instead of its badge, which would hide
 * the very detail.
 */
export function drawCrop(
  writer: PackWriter,
  face: PackFace,
  crop: PackCrop,
  drawImage: (x: number, y: number, width: number, height: number) => void,
  box: { x: number; y: number; size: number },
): void {
  const doc = writer.doc;
  const scale = box.size / crop.rect.width;
  const faceSize = { width: face.width, height: face.height };
  // The crop is a square of the original: on a turned face, the same square as shown.
  const shown = shownRect(face.transform, faceSize, crop.rect);
  const view: ImageView = { x: box.x, y: box.y, scale, fromX: shown.x, fromY: shown.y, transform: face.transform, face: faceSize };
  // A detail is small and zoomed: its strokes keep the pack's usual line weight rather than a share of the detail.
  const pt = writer.theme.mark.stroke / CHROME.stroke;
  doc.save();
  doc.rect(box.x, box.y, box.size, box.size).clip();
  drawPicture(writer, view, drawImage);
  for (const mark of face.marks) if (mark.annotationId !== crop.annotationId) strokeShape(writer, mark, view, pt);
  doc.restore();
  doc.save().lineWidth(0.8).strokeColor(crop.colour).rect(box.x, box.y, box.size, box.size).stroke().restore();
  const pin = toPage(view, crop.pin);
  const ring = Math.max(8, box.size * 0.09);
  doc.save().lineWidth(4).strokeOpacity(0.85).strokeColor(THEME.colour.white).circle(pin.x, pin.y, ring).stroke().restore();
  doc.save().lineWidth(2).strokeColor(crop.colour).circle(pin.x, pin.y, ring).stroke().restore();
}
