import { badgeWidthInRadii } from '#shared/annotations/appearance.ts';
import type { PackCrop, PackFace, PackModel } from '#shared/pack/packModelSchema.ts';
import { fill } from '#shared/pack/packText.ts';
import { drawBadge, drawCrop } from './drawMarks.ts';
import type { EmbeddedImage } from './facePicture.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

/*
 * The zoomed details of a face, in rows, each with its comment beside its
 * badge, for both layouts (A4/Letter four to a row, Ponsel two). A comment
 * longer than its caption's lines goes on under the row, across the page,
 * after the same badge and marked as continued: nothing the mentor wrote is
 * cut, however narrow the caption.
 */

/** How one layout sets its details. */
export interface DetailLayout {
  perRow: number;
  /** Points between two details of a row. */
  gap: number;
  /** Radius of the badge beside a caption. */
  radius: number;
  caption: TextStyle;
  /** Lines of a comment beside its detail; the rest continues under the row. */
  captionLines: number;
  /** The continued part of a comment, across the page. */
  continued: TextStyle;
}

/** The height of `lines` lines in `style` as pdfkit sets them (Noto Sans' line box, plus the gap). */
function linesHeight(writer: PackWriter, style: TextStyle, lines: number): number {
  const sample = Array.from({ length: lines }, () => 'Ag').join('\n');
  return writer.measure(sample, writer.contentWidth, style) + 0.5;
}

/**
 * The longest run of whole words from the start of `text` that fits in
 * `maxHeight` at `width` followed by " …" (at least one word), and the words
 * left over.
 */
export function splitToFit(writer: PackWriter, text: string, width: number, style: TextStyle, maxHeight: number): [string, string] {
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

/** A comment as its caption shows it: whole when it fits `maxHeight`, else its head and what continues under the row. */
export function splitCaption(writer: PackWriter, comment: string, width: number, style: TextStyle, maxHeight: number): [string, string] {
  return writer.measure(comment, width, style) <= maxHeight ? [comment, ''] : splitToFit(writer, comment, width, style, maxHeight);
}

interface DetailRow {
  crops: PackCrop[];
  /** Room each badge takes before its caption. */
  badges: number[];
  captions: [head: string, rest: string][];
  height: number;
}

/** The rows of details, each caption split where it stops fitting, and each row's height. */
function detailRows(writer: PackWriter, face: PackFace, layout: DetailLayout, size: number): DetailRow[] {
  const comments = new Map(face.marks.map((m) => [m.annotationId, m.comment] as const));
  const captionMax = linesHeight(writer, layout.caption, layout.captionLines);
  const rows: DetailRow[] = [];
  for (let start = 0; start < face.crops.length; start += layout.perRow) {
    const crops = face.crops.slice(start, start + layout.perRow);
    const badges = crops.map((c) => badgeWidthInRadii(c.label) * layout.radius + 5);
    const captions = crops.map((c, k) => splitCaption(writer, comments.get(c.annotationId) ?? '', size - (badges[k] ?? 0), layout.caption, captionMax));
    const caption = Math.max(...captions.map(([head, rest], k) => writer.measure(rest ? `${head} …` : head, size - (badges[k] ?? 0), layout.caption)));
    rows.push({ crops, badges, captions, height: size + 6 + Math.max(caption, layout.radius * 2) });
  }
  return rows;
}

/** The side of a detail's square: `perRow` across the content width. */
export function detailSize(writer: PackWriter, layout: Pick<DetailLayout, 'perRow' | 'gap'>): number {
  return (writer.contentWidth - layout.gap * (layout.perRow - 1)) / layout.perRow;
}

/** The details' heading and every row of details, with what did not fit beside a detail continued under its row. */
export function drawDetails(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage, layout: DetailLayout): void {
  const size = detailSize(writer, layout);
  const radius = layout.radius;
  const rows = detailRows(writer, face, layout, size);
  // The heading stays with the first row (never alone at a page's foot).
  writer.heading(model.text.faces.details, 3, (rows[0]?.height ?? size) + 12);
  for (const row of rows) {
    writer.ensure(row.height + 12);
    const y = writer.y;
    row.crops.forEach((crop, k) => {
      const x = writer.left + k * (size + layout.gap);
      const badge = row.badges[k] ?? 0;
      const [head, rest] = row.captions[k] ?? ['', ''];
      writer.tagged('Figure', writer.section, () => drawCrop(writer, face, crop, image, { x, y, size }), { alt: crop.alt });
      writer.artifact(() => drawBadge(writer, crop.label, crop.colour, { x: x + (badge - 5) / 2, y: y + size + 6 + radius }, radius));
      writer.tagged('P', writer.section, () => writer.text(rest ? `${head} …` : head, x + badge, y + size + 6, size - badge, layout.caption));
    });
    writer.y = y + row.height + 12;
    // What did not fit beside a detail, across the page under the row, after the same badge.
    row.crops.forEach((crop, k) => {
      const rest = row.captions[k]?.[1];
      if (!rest) return;
      const badge = row.badges[k] ?? 0;
      const text = fill(model.text.faces.detailContinued, { text: rest });
      writer.ensure(Math.min(Math.max(writer.measure(text, writer.contentWidth - badge, layout.continued), radius * 2), writer.pageRoom));
      const by = writer.y;
      writer.artifact(() => drawBadge(writer, crop.label, crop.colour, { x: writer.left + (badge - 5) / 2, y: by + radius }, radius));
      writer.paragraph(text, layout.continued, { indent: badge, gapAfter: 10 });
    });
  }
}
