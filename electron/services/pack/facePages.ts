import { ANNOTATION_CATEGORIES } from '#shared/domain/annotation.ts';
import type { PackFace, PackMark, PackModel } from '#shared/pack/packModelSchema.ts';
import { drawDetails, detailSize, type DetailLayout } from './detailRows.ts';
import { drawBadge } from './drawMarks.ts';
import { drawFacePicture, shownFaceSize, type EmbeddedImage } from './facePicture.ts';
import { THEME } from './packTheme.ts';
import { drawTable, type Row } from './pdfTable.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

export type { EmbeddedImage } from './facePicture.ts';

/** Severity as text colour: readable on white (the amber of the marks is too light for words). */
export const SEVERITY_TEXT = { 'must-fix': '#b71c1c', suggestion: '#7a5200', strength: '#1b5e20' } as const;

/**
 * Details four to a row, up to three lines of a comment beside each; the rest
 * continues under the row across the page (detailRows.ts), as in Ponsel.
 */
function detailLayout(writer: PackWriter): DetailLayout {
  const theme = writer.theme;
  return {
    perRow: 4,
    gap: 12,
    radius: theme.mark.badgeRadius,
    caption: { size: theme.size.tiny, colour: theme.colour.text, lineGap: 1 },
    captionLines: 3,
    continued: { size: theme.size.small, lineGap: 1 },
  };
}

/**
 * The tallest the picture may be: as large as leaves room for a short legend
 * and its details on the same page, never under 42 % nor over 66 % of a page
 * (a long legend continues on the next page anyway).
 */
function pictureMaxHeight(writer: PackWriter, face: PackFace): number {
  const legend = 64 + face.marks.length * 37 + new Set(face.marks.map((m) => m.category)).size * 22;
  const layout = detailLayout(writer);
  const details = face.crops.length === 0 ? 0 : 36 + Math.ceil(face.crops.length / layout.perRow) * (detailSize(writer, layout) + 44);
  const wanted = writer.room - legend - details - 16;
  return Math.min(writer.room - 40, Math.max(writer.pageRoom * 0.42, Math.min(writer.pageRoom * 0.66, wanted)));
}

/**
 * The legend grouped by category (in the studio's order of categories), each
 * group under a shaded row naming it; within a group, marks keep the legend's
 * order. A face whose marks all share one category still gets its one heading.
 */
function legendRows(writer: PackWriter, face: PackFace): Row[] {
  const small: TextStyle = { size: THEME.size.small };
  const rank = (mark: PackMark) => ANNOTATION_CATEGORIES.indexOf(mark.category);
  const ordered = face.marks.map((mark, index) => ({ mark, index })).sort((a, b) => rank(a.mark) - rank(b.mark) || a.index - b.index);
  const rows: Row[] = [];
  let group: PackMark['category'] | null = null;
  for (const { mark } of ordered) {
    if (mark.category !== group) {
      group = mark.category;
      rows.push({ fill: THEME.colour.panel, cells: [{ runs: [] }, { runs: [{ text: mark.categoryText, style: { ...small, font: 'bold' } }] }, { runs: [] }] });
    }
    rows.push({
      cells: [
        {
          runs: [],
          graphic: { height: THEME.mark.badgeRadius * 2, before: true, content: true, draw: (x, y) => drawBadge(writer, mark.label, mark.colour, { x: x + 12, y: y + THEME.mark.badgeRadius }) },
        },
        {
          runs: [
            { text: mark.categoryText, style: small },
            { text: mark.severityText, style: { ...small, font: 'bold', colour: SEVERITY_TEXT[mark.severity] }, gapBefore: 1 },
          ],
        },
        {
          runs: [
            { text: mark.comment, style: { size: THEME.size.small + 0.5 } },
            ...(mark.mentorName ? [{ text: mark.mentorName, style: { size: THEME.size.tiny, colour: THEME.colour.muted }, gapBefore: 2 }] : []),
          ],
        },
      ],
    });
  }
  return rows;
}

/** One face: its picture with every mark drawn over it, the legend, and a zoomed detail per pin (its whole comment beside and under it). */
function drawFace(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage | undefined): void {
  const text = model.text.faces;
  writer.beginSection(face.title, { newPage: true });
  writer.heading(face.title, 2, 200);
  writer.paragraph(face.position, { size: THEME.size.small, colour: THEME.colour.muted }, { gapAfter: 8 });

  const shown = shownFaceSize(face);
  drawFacePicture(writer, model, face, image, Math.min(writer.contentWidth / shown.width, pictureMaxHeight(writer, face) / shown.height));

  writer.heading(text.legend, 3, 50);
  if (face.marks.length === 0) {
    writer.paragraph(text.none, { colour: THEME.colour.muted });
  } else {
    drawTable(
      writer,
      [
        { header: text.number, share: 0.09 },
        { header: `${text.category} · ${text.severity}`, share: 0.25 },
        { header: face.marks.some((m) => m.mentorName) ? `${text.comment} · ${text.mentor}` : text.comment, share: 0.66 },
      ],
      legendRows(writer, face),
    );
  }

  if (face.crops.length > 0 && image) drawDetails(writer, model, face, image, detailLayout(writer));
}

/** Every face in order, each from a new page. */
export function drawFaces(writer: PackWriter, model: PackModel, images: ReadonlyMap<string, EmbeddedImage>): void {
  for (const face of model.faces) drawFace(writer, model, face, images.get(face.assetId));
}
