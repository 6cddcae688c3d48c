import { badgeWidthInRadii } from '#shared/annotations/appearance.ts';
import { ANNOTATION_CATEGORIES } from '#shared/domain/annotation.ts';
import type { PackCrop, PackFace, PackMark, PackModel } from '#shared/pack/packModelSchema.ts';
import { fill } from '#shared/pack/packText.ts';
import { drawBadge, drawCrop } from './drawMarks.ts';
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

const CROPS_PER_ROW = 2;
const CROP_GAP = 10;
/** Lines of a comment beside its zoomed detail; the rest continues under the row. */
const CAPTION_LINES = 6;

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

/**
 * The longest run of whole words from the start of `text` that fits in
 * `maxHeight` at `width` (at least one word), and the words left over.
 */
function splitToFit(writer: PackWriter, text: string, width: number, style: TextStyle, maxHeight: number): [string, string] {
  const words = text.split(/(?<=\s)/u);
  let low = 1;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (writer.measure(`${words.slice(0, mid).join('').trimEnd()} …`, width, style) <= maxHeight) low = mid;
    else high = mid - 1;
  }
  return [words.slice(0, low).join('').trimEnd(), words.slice(low).join('').trim()];
}

/**
 * The zoomed details two to a row, each with its comment beside its badge.
 * A comment longer than a caption's CAPTION_LINES goes on under the row,
 * across the page, marked as continued: nothing the mentor wrote is cut.
 */
function drawDetails(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage): void {
  const theme = writer.theme;
  const size = (writer.contentWidth - CROP_GAP * (CROPS_PER_ROW - 1)) / CROPS_PER_ROW;
  const radius = theme.mark.badgeRadius * 0.8;
  const captionStyle: TextStyle = { size: theme.size.small, lineGap: 1.5 };
  const captionMax = theme.size.small * 1.55 * CAPTION_LINES;
  const comments = new Map(face.marks.map((m) => [m.annotationId, m.comment] as const));
  const rows: { crops: PackCrop[]; badges: number[]; captions: [string, string][]; height: number }[] = [];
  for (let start = 0; start < face.crops.length; start += CROPS_PER_ROW) {
    const crops = face.crops.slice(start, start + CROPS_PER_ROW);
    const badges = crops.map((c) => badgeWidthInRadii(c.label) * radius + 5);
    const captions = crops.map((c, k): [string, string] => {
      const comment = comments.get(c.annotationId) ?? '';
      const width = size - (badges[k] ?? 0);
      return writer.measure(comment, width, captionStyle) <= captionMax ? [comment, ''] : splitToFit(writer, comment, width, captionStyle, captionMax);
    });
    const caption = Math.max(...captions.map(([head, rest], k) => writer.measure(rest ? `${head} …` : head, size - (badges[k] ?? 0), captionStyle)));
    rows.push({ crops, badges, captions, height: size + 6 + Math.max(caption, radius * 2) });
  }
  // The heading stays with the first row (never alone at a page's foot).
  writer.heading(model.text.faces.details, 3, (rows[0]?.height ?? size) + 12);
  const continued: TextStyle = { size: theme.size.small, lineGap: 1.5 };
  for (const row of rows) {
    writer.ensure(row.height + 12);
    const y = writer.y;
    row.crops.forEach((crop, k) => {
      const x = writer.left + k * (size + CROP_GAP);
      const badge = row.badges[k] ?? 0;
      const [head, rest] = row.captions[k] ?? ['', ''];
      writer.tagged('Figure', writer.section, () => drawCrop(writer, face, crop, image, { x, y, size }), { alt: crop.alt });
      writer.artifact(() => drawBadge(writer, crop.label, crop.colour, { x: x + (badge - 5) / 2, y: y + size + 6 + radius }, radius));
      writer.tagged('P', writer.section, () => writer.text(rest ? `${head} …` : head, x + badge, y + size + 6, size - badge, captionStyle));
    });
    writer.y = y + row.height + 12;
    // What did not fit beside a detail, across the page under the row, after the same badge.
    row.crops.forEach((crop, k) => {
      const rest = row.captions[k]?.[1];
      if (!rest) return;
      const badge = row.badges[k] ?? 0;
      const text = fill(model.text.faces.detailContinued, { text: rest });
      writer.ensure(Math.min(writer.measure(text, writer.contentWidth - badge, continued), writer.pageRoom));
      const by = writer.y;
      writer.artifact(() => drawBadge(writer, crop.label, crop.colour, { x: writer.left + (badge - 5) / 2, y: by + radius }, radius));
      writer.paragraph(text, continued, { indent: badge, gapAfter: 10 });
    });
  }
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
  if (face.crops.length > 0 && image) drawDetails(writer, model, face, image);
}

/** Every face in order, each from a new page. */
export function drawPhoneFaces(writer: PackWriter, model: PackModel, images: ReadonlyMap<string, EmbeddedImage>): void {
  for (const face of model.faces) drawPhoneFace(writer, model, face, images.get(face.assetId));
}
