import { anchorOf } from '../../../shared/annotations/geometry.ts';
import { contrastRatio } from '../../../shared/annotations/colour.ts';
import type { PackCrop, PackFace, PackMark } from '../../../shared/pack/packModelSchema.ts';
import { THEME } from './packTheme.ts';
import type { PackWriter } from './pdfWriter.ts';

/** Where image pixels land on the page: page = origin + (pixel − from) × scale. */
export interface ImageView {
  x: number;
  y: number;
  /** Points per original image pixel. */
  scale: number;
  fromX: number;
  fromY: number;
}

type Point = { x: number; y: number };

const toPage = (view: ImageView, p: Point): Point => ({ x: view.x + (p.x - view.fromX) * view.scale, y: view.y + (p.y - view.fromY) * view.scale });

/** White or near-black text on a fill, whichever reads (4.5 : 1 or better for white). */
export function textOn(fill: string): string {
  return contrastRatio('#ffffff', fill) >= 4.5 ? THEME.colour.white : THEME.colour.dark;
}

/** Traces a shape's path (not the badge) in page coordinates; false for a text annotation, which has no path. */
function tracePath(writer: PackWriter, mark: PackMark, view: ImageView): boolean {
  const doc = writer.doc;
  const shape = mark.shape;
  const { arrowHead, measureTick } = THEME.mark;
  switch (shape.kind) {
    case 'pin':
    case 'text':
      return false;
    case 'rect': {
      const a = toPage(view, { x: shape.x, y: shape.y });
      doc.rect(a.x, a.y, shape.width * view.scale, shape.height * view.scale);
      return true;
    }
    case 'ellipse': {
      const c = toPage(view, { x: shape.cx, y: shape.cy });
      doc.ellipse(c.x, c.y, Math.abs(shape.rx) * view.scale, Math.abs(shape.ry) * view.scale);
      return true;
    }
    case 'arrow': {
      const from = toPage(view, shape.from);
      const to = toPage(view, shape.to);
      const angle = Math.atan2(to.y - from.y, to.x - from.x);
      const wing = (side: number) => ({ x: to.x - arrowHead * Math.cos(angle + side * 0.45), y: to.y - arrowHead * Math.sin(angle + side * 0.45) });
      const [w1, w2] = [wing(1), wing(-1)];
      doc.moveTo(from.x, from.y).lineTo(to.x, to.y).moveTo(w1.x, w1.y).lineTo(to.x, to.y).lineTo(w2.x, w2.y);
      return true;
    }
    case 'measure': {
      const from = toPage(view, shape.from);
      const to = toPage(view, shape.to);
      const angle = Math.atan2(to.y - from.y, to.x - from.x) + Math.PI / 2;
      const dx = measureTick * Math.cos(angle);
      const dy = measureTick * Math.sin(angle);
      doc
        .moveTo(from.x, from.y)
        .lineTo(to.x, to.y)
        .moveTo(from.x - dx, from.y - dy)
        .lineTo(from.x + dx, from.y + dy)
        .moveTo(to.x - dx, to.y - dy)
        .lineTo(to.x + dx, to.y + dy);
      return true;
    }
    case 'freehand': {
      const [first, ...rest] = shape.points;
      if (!first) return false;
      const start = toPage(view, first);
      doc.moveTo(start.x, start.y);
      for (const p of rest) {
        const q = toPage(view, p);
        doc.lineTo(q.x, q.y);
      }
      return true;
    }
  }
}

/** A shape's stroke with a thin white halo under it, so it reads on light and dark designs alike. */
function strokeShape(writer: PackWriter, mark: PackMark, view: ImageView): void {
  const doc = writer.doc;
  const { stroke, halo } = THEME.mark;
  doc.save().lineJoin('round').lineCap('round');
  if (tracePath(writer, mark, view)) {
    doc.lineWidth(stroke + halo * 2).strokeOpacity(0.8).strokeColor(THEME.colour.white).stroke();
    tracePath(writer, mark, view);
    doc.lineWidth(stroke).strokeOpacity(1).strokeColor(mark.colour).stroke();
  }
  doc.restore();
}

/** A text annotation: its words in the mark's colour on a light box, as on the canvas. */
function drawTextMark(writer: PackWriter, mark: PackMark, view: ImageView, maxWidth: number): void {
  if (mark.shape.kind !== 'text') return;
  const words = mark.shape.text.trim() || '…';
  const style = { size: THEME.size.small, colour: mark.colour, font: 'bold' as const, lineGap: 0.5 };
  const width = Math.min(maxWidth, writer.widthOf(words, style) + 1);
  const height = writer.measure(words, width, style);
  const at = toPage(view, mark.shape.at);
  // Right of the badge that sits on the text's corner.
  const x = at.x + THEME.mark.badgeRadius + 2;
  writer.doc.save().fillOpacity(0.85).rect(x - 2, at.y - 1, width + 4, height + 2).fill(THEME.colour.white).restore();
  writer.text(words, x, at.y, width, style);
}

/** A numbered badge centred on `at`: a circle, or a pill when the label is long ("A12"). */
export function drawBadge(writer: PackWriter, label: string, colour: string, at: Point, radius: number = THEME.mark.badgeRadius): void {
  const doc = writer.doc;
  const style = { font: 'bold' as const, size: THEME.mark.badgeFont * (radius / THEME.mark.badgeRadius), colour: textOn(colour) };
  const textWidth = writer.widthOf(label, style);
  const width = Math.max(radius * 2, textWidth + radius);
  doc.save();
  doc.roundedRect(at.x - width / 2, at.y - radius, width, radius * 2, radius).lineWidth(1.2).fillAndStroke(colour, THEME.colour.white);
  doc.restore();
  writer.text(label, at.x - width / 2, at.y - style.size * 0.68, width, { ...style, align: 'center', lineGap: 0 });
}

/**
 * Every mark of a face over its picture, as vectors: shapes clipped to the
 * picture, then the text marks, then the badges on top (never clipped, so a
 * badge on the edge stays whole).
 */
export function drawMarks(writer: PackWriter, face: PackFace, view: ImageView, box: { x: number; y: number; width: number; height: number }): void {
  const doc = writer.doc;
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  for (const mark of face.marks) strokeShape(writer, mark, view);
  doc.restore();
  for (const mark of face.marks) drawTextMark(writer, mark, view, box.width * 0.45);
  for (const mark of face.marks) drawBadge(writer, mark.label, mark.colour, toPage(view, anchorOf(mark.shape)));
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
  const view: ImageView = { x: box.x, y: box.y, scale, fromX: crop.rect.x, fromY: crop.rect.y };
  doc.save();
  doc.rect(box.x, box.y, box.size, box.size).clip();
  drawImage(box.x - crop.rect.x * scale, box.y - crop.rect.y * scale, face.width * scale, face.height * scale);
  for (const mark of face.marks) if (mark.annotationId !== crop.annotationId) strokeShape(writer, mark, view);
  doc.restore();
  doc.save().lineWidth(0.8).strokeColor(crop.colour).rect(box.x, box.y, box.size, box.size).stroke().restore();
  const pin = toPage(view, crop.pin);
  const ring = Math.max(8, box.size * 0.09);
  doc.save().lineWidth(4).strokeOpacity(0.85).strokeColor(THEME.colour.white).circle(pin.x, pin.y, ring).stroke().restore();
  doc.save().lineWidth(2).strokeColor(crop.colour).circle(pin.x, pin.y, ring).stroke().restore();
}
