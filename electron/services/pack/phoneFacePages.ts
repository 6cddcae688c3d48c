import { badgeWidthInRadii } from '#shared/annotations/appearance.ts';
import { ANNOTATION_CATEGORIES } from '#shared/domain/annotation.ts';
import type { PackFace, PackMark, PackModel } from '#shared/pack/packModelSchema.ts';
import { drawBadge, drawCrop, drawMarks } from './drawMarks.ts';
import type { EmbeddedImage } from './facePages.ts';
import { SEVERITY_TEXT } from './facePages.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

/*
 * A face in the Ponsel layout: the picture across the whole width with its
 * marks (the shared appearance model at the phone's scale, so badges are as
 * large to the eye as on the mentor's canvas), then the legend as a list a
 * thumb can scroll (a three-column table is too narrow on a phone), then the
 * zoomed details two to a row.
 */

const CROPS_PER_ROW = 2;
const CROP_GAP = 10;

/** The marks in the legend's order: by category (the studio's order), then as listed. */
function byCategory(face: PackFace): PackMark[] {
  const rank = (mark: PackMark) => ANNOTATION_CATEGORIES.indexOf(mark.category);
  return face.marks
    .map((mark, index) => ({ mark, index }))
    .sort((a, b) => rank(a.mark) - rank(b.mark) || a.index - b.index)
    .map(({ mark }) => mark);
}

function drawLegend(writer: PackWriter, model: PackModel, face: PackFace): void {
  const theme = writer.theme;
  const doc = writer.doc;
  const radius = theme.mark.badgeRadius;
  const indent = Math.max(...face.marks.map((m) => badgeWidthInRadii(m.label) * radius)) + 8;
  const width = writer.contentWidth - indent;
  const severityStyle = (mark: PackMark): TextStyle => ({ font: 'bold', size: theme.size.small, colour: SEVERITY_TEXT[mark.severity] });
  const comment: TextStyle = { size: theme.size.body };
  const mentor: TextStyle = { size: theme.size.small, colour: theme.colour.muted };
  const groupStyle: TextStyle = { font: 'bold', size: theme.size.small, colour: theme.colour.text };
  const list = doc.struct('L');
  writer.section.add(list);
  let group: PackMark['category'] | null = null;
  for (const mark of byCategory(face)) {
    const severity = mark.severityText;
    const markHeight =
      Math.max(radius * 2, writer.measure(severity, width, severityStyle(mark)) + writer.measure(mark.comment, width, comment)) +
      (mark.mentorName ? writer.measure(mark.mentorName, width, mentor) + 1 : 0);
    if (mark.category !== group) {
      group = mark.category;
      const label = mark.categoryText;
      const height = writer.measure(label, writer.contentWidth - 12, groupStyle) + 8;
      writer.ensure(height + Math.min(markHeight, writer.pageRoom / 2));
      const y = writer.y;
      writer.artifact(() => doc.save().roundedRect(writer.left, y, writer.contentWidth, height, 4).fill(theme.colour.panel).restore());
      writer.tagged('P', writer.section, () => writer.text(label, writer.left + 6, y + 4, writer.contentWidth - 12, groupStyle));
      writer.y = y + height + 5;
    }
    writer.ensure(Math.min(markHeight, writer.pageRoom));
    const y = writer.y;
    const item = doc.struct('LI');
    list.add(item);
    const badgeWidth = badgeWidthInRadii(mark.label) * radius;
    writer.tagged('Lbl', item, () => drawBadge(writer, mark.label, mark.colour, { x: writer.left + badgeWidth / 2, y: y + radius }, radius));
    const body = doc.struct('LBody');
    item.add(body);
    let cy = y;
    writer.tagged('P', body, () => {
      cy += writer.text(severity, writer.left + indent, cy, width, severityStyle(mark));
      writer.text(mark.comment, writer.left + indent, cy, width, comment);
    });
    cy = y + writer.measure(severity, width, severityStyle(mark)) + writer.measure(mark.comment, width, comment);
    if (mark.mentorName) {
      const name = mark.mentorName;
      const my = cy + 1;
      writer.tagged('P', body, () => writer.text(name, writer.left + indent, my, width, mentor));
      cy = my + writer.measure(name, width, mentor);
    }
    body.end();
    item.end();
    writer.y = Math.max(cy, y + radius * 2) + 8;
  }
  list.end();
}

function drawDetails(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage): void {
  const theme = writer.theme;
  const size = (writer.contentWidth - CROP_GAP * (CROPS_PER_ROW - 1)) / CROPS_PER_ROW;
  const radius = theme.mark.badgeRadius * 0.8;
  const captionStyle: TextStyle = { size: theme.size.small, lineGap: 1.5 };
  const captionMax = theme.size.small * 1.55 * 4;
  const comments = new Map(face.marks.map((m) => [m.annotationId, m.comment] as const));
  writer.heading(model.text.faces.details, 3, size + 40);
  for (let start = 0; start < face.crops.length; start += CROPS_PER_ROW) {
    const row = face.crops.slice(start, start + CROPS_PER_ROW);
    const badges = row.map((c) => badgeWidthInRadii(c.label) * radius + 5);
    const caption = Math.max(...row.map((c, k) => Math.min(captionMax, writer.measure(comments.get(c.annotationId) ?? '', size - (badges[k] ?? 0), captionStyle))));
    writer.ensure(size + Math.max(caption, radius * 2) + 12);
    const y = writer.y;
    row.forEach((crop, k) => {
      const x = writer.left + k * (size + CROP_GAP);
      const badge = badges[k] ?? 0;
      writer.tagged('Figure', writer.section, () => drawCrop(writer, face, crop, image, { x, y, size }), { alt: crop.alt });
      writer.artifact(() => drawBadge(writer, crop.label, crop.colour, { x: x + (badge - 5) / 2, y: y + size + 6 + radius }, radius));
      const comment = comments.get(crop.annotationId) ?? '';
      writer.tagged('P', writer.section, () => writer.text(comment, x + badge, y + size + 6, size - badge, captionStyle, captionMax));
    });
    writer.y = y + size + 6 + Math.max(caption, radius * 2) + 12;
  }
}

/** One face from a new page: the picture full width (or as tall as the page allows), the legend, the details. */
function drawPhoneFace(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage | undefined): void {
  const text = model.text.faces;
  const theme = writer.theme;
  const doc = writer.doc;
  writer.beginSection(face.title, { newPage: true });
  writer.heading(face.title, 2, 200);
  writer.paragraph(face.position, { size: theme.size.small, colour: theme.colour.muted }, { gapAfter: 6 });

  const scale = Math.min(writer.contentWidth / face.width, (writer.room - 4) / face.height);
  const width = face.width * scale;
  const height = face.height * scale;
  const box = { x: writer.left + (writer.contentWidth - width) / 2, y: writer.y, width, height };
  if (image) {
    writer.tagged(
      'Figure',
      writer.section,
      () => {
        image(box.x, box.y, box.width, box.height);
        drawMarks(writer, face, { x: box.x, y: box.y, scale, fromX: 0, fromY: 0 }, box);
      },
      { alt: face.alt },
    );
    writer.artifact(() => doc.save().lineWidth(0.6).strokeColor(theme.colour.rule).rect(box.x, box.y, box.width, box.height).stroke().restore());
  } else {
    writer.artifact(() => doc.save().rect(box.x, box.y, box.width, box.height).fill(theme.colour.panel).restore());
    writer.tagged('P', writer.section, () =>
      writer.text(text.imageMissing, box.x + 12, box.y + box.height / 2 - 8, box.width - 24, { colour: theme.colour.muted, align: 'center' }),
    );
  }
  writer.y = box.y + box.height + 8;

  writer.heading(text.legend, 3, 50);
  if (face.marks.length === 0) writer.paragraph(text.none, { colour: theme.colour.muted });
  else drawLegend(writer, model, face);
  if (face.crops.length > 0 && image) drawDetails(writer, model, face, image);
}

/** Every face in order, each from a new page. */
export function drawPhoneFaces(writer: PackWriter, model: PackModel, images: ReadonlyMap<string, EmbeddedImage>): void {
  for (const face of model.faces) drawPhoneFace(writer, model, face, images.get(face.assetId));
}
