import { badgeWidthInRadii } from '#shared/annotations/appearance.ts';
import { ANNOTATION_CATEGORIES } from '#shared/domain/annotation.ts';
import type { PackFace, PackMark, PackModel } from '#shared/pack/packModelSchema.ts';
import { drawDetails, type DetailLayout } from './detailRows.ts';
import { drawBadge } from './drawMarks.ts';
import { SEVERITY_TEXT } from './facePages.ts';
import { drawFacePicture, shownFaceSize, type EmbeddedImage } from './facePicture.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

/*
 * A face in the Ponsel layout: the picture across the whole width with its
 * marks (the shared appearance model at the phone's scale, so badges are as
 * large to the eye as on the mentor's canvas), then the legend as a list a
 * thumb can scroll (a three-column table is too narrow on a phone), then the
 * zoomed details two to a row.
 */

/** Details two to a row, up to six lines of a comment beside each; the rest continues under the row (detailRows.ts). */
function detailLayout(writer: PackWriter): DetailLayout {
  const theme = writer.theme;
  const caption: TextStyle = { size: theme.size.small, lineGap: 1.5 };
  return { perRow: 2, gap: 10, radius: theme.mark.badgeRadius * 0.8, caption, captionLines: 6, continued: caption };
}

/** The marks in the legend's order: by category (the studio's order), then as listed. */
function byCategory(face: PackFace): PackMark[] {
  const rank = (mark: PackMark) => ANNOTATION_CATEGORIES.indexOf(mark.category);
  return face.marks
    .map((mark, index) => ({ mark, index }))
    .sort((a, b) => rank(a.mark) - rank(b.mark) || a.index - b.index)
    .map(({ mark }) => mark);
}

/** How the legend's entries are laid out and how tall each is. */
function legendLayout(writer: PackWriter, face: PackFace) {
  const theme = writer.theme;
  const radius = theme.mark.badgeRadius;
  const indent = Math.max(...face.marks.map((m) => badgeWidthInRadii(m.label) * radius)) + 8;
  const width = writer.contentWidth - indent;
  const severityStyle = (mark: PackMark): TextStyle => ({ font: 'bold', size: theme.size.small, colour: SEVERITY_TEXT[mark.severity] });
  const comment: TextStyle = { size: theme.size.body };
  const mentor: TextStyle = { size: theme.size.small, colour: theme.colour.muted };
  const groupStyle: TextStyle = { font: 'bold', size: theme.size.small, colour: theme.colour.text };
  const markHeight = (mark: PackMark) =>
    Math.max(radius * 2, writer.measure(mark.severityText, width, severityStyle(mark)) + writer.measure(mark.comment, width, comment)) +
    (mark.mentorName ? writer.measure(mark.mentorName, width, mentor) + 1 : 0);
  const groupHeight = (mark: PackMark) => writer.measure(mark.categoryText, writer.contentWidth - 12, groupStyle) + 8;
  /** What must follow a group's heading on its page: the heading and (a good part of) its first entry. */
  const groupStart = (mark: PackMark) => groupHeight(mark) + Math.min(markHeight(mark), writer.pageRoom / 2);
  return { radius, indent, width, severityStyle, comment, mentor, groupStyle, markHeight, groupHeight, groupStart };
}

/** How much of the legend the heading above it keeps on its page. */
function legendStart(writer: PackWriter, face: PackFace): number {
  const first = byCategory(face)[0];
  return first ? legendLayout(writer, face).groupStart(first) + 5 : 0;
}

function drawLegend(writer: PackWriter, model: PackModel, face: PackFace): void {
  const doc = writer.doc;
  const { radius, indent, width, severityStyle, comment, mentor, groupStyle, markHeight: heightOf, groupHeight, groupStart } = legendLayout(writer, face);
  const list = doc.struct('L');
  writer.section.add(list);
  let group: PackMark['category'] | null = null;
  for (const mark of byCategory(face)) {
    const severity = mark.severityText;
    const markHeight = heightOf(mark);
    if (mark.category !== group) {
      group = mark.category;
      const label = mark.categoryText;
      const height = groupHeight(mark);
      writer.ensure(groupStart(mark));
      const y = writer.y;
      writer.artifact(() => doc.save().roundedRect(writer.left, y, writer.contentWidth, height, 4).fill(writer.theme.colour.panel).restore());
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

/** One face from a new page: the picture full width (or as tall as the page allows), the legend, the details. */
function drawPhoneFace(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage | undefined): void {
  const text = model.text.faces;
  const theme = writer.theme;
  writer.beginSection(face.title, { newPage: true });
  writer.heading(face.title, 2, 200);
  writer.paragraph(face.position, { size: theme.size.small, colour: theme.colour.muted }, { gapAfter: 6 });

  const shown = shownFaceSize(face);
  drawFacePicture(writer, model, face, image, Math.min(writer.contentWidth / shown.width, (writer.room - 4) / shown.height));

  writer.heading(text.legend, 3, Math.max(50, legendStart(writer, face)));
  if (face.marks.length === 0) writer.paragraph(text.none, { colour: theme.colour.muted });
  else drawLegend(writer, model, face);
  if (face.crops.length > 0 && image) drawDetails(writer, model, face, image, detailLayout(writer));
}

/** Every face in order, each from a new page. */
export function drawPhoneFaces(writer: PackWriter, model: PackModel, images: ReadonlyMap<string, EmbeddedImage>): void {
  for (const face of model.faces) drawPhoneFace(writer, model, face, images.get(face.assetId));
}
