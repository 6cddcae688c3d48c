import { THEME } from './packTheme.ts';
import type { PackWriter, Struct, TextStyle } from './pdfWriter.ts';

/** One paragraph inside a cell. */
export interface Run {
  text: string;
  style?: TextStyle;
  /** Space above this run (after the previous one). */
  gapBefore?: number;
}

/** A drawing inside a cell, below its text (a chip, a bar): decoration, the meaning is in the text. */
export interface Graphic {
  height: number;
  /** Drawn with its top-left at (x, y); `width` is the cell's inner width. */
  draw: (x: number, y: number, width: number) => void;
  /** Above the text instead of below (a badge before a comment). */
  before?: boolean;
  /** Part of the cell's content (it draws text, e.g. a numbered badge), not decoration. */
  content?: boolean;
  /** Under the text, at the cell's top-left, taking no room of its own (a chip's background). */
  under?: boolean;
}

export interface Cell {
  runs: Run[];
  graphic?: Graphic;
  /** Inner space to the left of the text (e.g. beside a badge drawn by the graphic). */
  indent?: number;
}

export interface Row {
  cells: Cell[];
  /** Background of the whole row (group subtotals, the overall). */
  fill?: string;
}

export interface Column {
  header: string;
  /** Share of the content width; the shares add up to 1. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

const PAD_X = 6;
const PAD_Y = 5;
const HEADER_STYLE: TextStyle = { font: 'bold', size: THEME.size.tiny, colour: THEME.colour.muted };

/**
 * A table that breaks between rows and repeats its header on every page it
 * continues to. Tagged as Table › TR › TH/TD; the repeated headers, rules and
 * row backgrounds are artifacts. A row taller than a whole page (a comment of
 * thousands of characters) is cut with an ellipsis rather than split.
 */
export function drawTable(writer: PackWriter, columns: readonly Column[], rows: readonly Row[], parent: Struct = writer.section): void {
  const doc = writer.doc;
  const widths = columns.map((c) => c.share * writer.contentWidth);
  const xs = widths.map((_, i) => writer.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const inner = (i: number, cell?: Cell) => (widths[i] as number) - PAD_X * 2 - (cell?.indent ?? 0);
  const alignOf = (i: number) => columns[i]?.align ?? 'left';

  const headerHeight = Math.max(...columns.map((c, i) => writer.measure(c.header, inner(i), HEADER_STYLE))) + PAD_Y * 2;
  const runHeight = (run: Run, width: number) => writer.measure(run.text, width, run.style);
  const cellHeight = (cell: Cell, i: number) => {
    const text = cell.runs.reduce((h, run, k) => h + (k > 0 ? (run.gapBefore ?? 3) : 0) + runHeight(run, inner(i, cell)), 0);
    if (!cell.graphic) return text;
    if (cell.graphic.under) return Math.max(text, cell.graphic.height);
    return text + cell.graphic.height + (cell.runs.length > 0 ? 3 : 0);
  };
  const rowHeight = (row: Row) => Math.max(...row.cells.map((cell, i) => cellHeight(cell, i))) + PAD_Y * 2;

  const table = doc.struct('Table');
  parent.add(table);

  const drawHeader = (tagged: boolean) => {
    const y = writer.y;
    writer.artifact(() => {
      doc.save().rect(writer.left, y, writer.contentWidth, headerHeight).fill(THEME.colour.panel).restore();
      doc.save().moveTo(writer.left, y + headerHeight).lineTo(writer.right, y + headerHeight).lineWidth(0.8).strokeColor(THEME.colour.faint).stroke().restore();
    });
    const draw = (i: number) => writer.text(columns[i]?.header ?? '', (xs[i] as number) + PAD_X, y + PAD_Y, inner(i), { ...HEADER_STYLE, align: alignOf(i) });
    if (tagged) {
      const tr = doc.struct('TR');
      table.add(tr);
      columns.forEach((_, i) => writer.tagged('TH', tr, () => draw(i), { scope: 'Column' }));
      tr.end();
    } else {
      writer.artifact(() => columns.forEach((_, i) => draw(i)));
    }
    writer.y = y + headerHeight;
  };

  const first = rows[0];
  writer.ensure(headerHeight + (first ? Math.min(rowHeight(first), writer.pageRoom - headerHeight) : 0));
  drawHeader(true);

  for (const row of rows) {
    const fullHeight = rowHeight(row);
    const maxHeight = writer.pageRoom - headerHeight;
    const height = Math.min(fullHeight, maxHeight);
    if (writer.y + height > writer.bottom) {
      writer.newPage();
      drawHeader(false);
    }
    const y = writer.y;
    writer.artifact(() => {
      if (row.fill) doc.save().rect(writer.left, y, writer.contentWidth, height).fill(row.fill).restore();
      doc.save().moveTo(writer.left, y + height).lineTo(writer.right, y + height).lineWidth(0.5).strokeColor(THEME.colour.rule).stroke().restore();
    });
    const tr = doc.struct('TR');
    table.add(tr);
    row.cells.forEach((cell, i) => {
      const x = (xs[i] as number) + PAD_X + (cell.indent ?? 0);
      const width = inner(i, cell);
      const graphic = cell.graphic;
      const graphicX = (xs[i] as number) + PAD_X;
      const graphicWidth = (widths[i] as number) - PAD_X * 2;
      let cy = y + PAD_Y;
      const drawGraphic = (gy: number) => {
        if (!graphic) return;
        if (graphic.content) graphic.draw(graphicX, gy, graphicWidth);
        else writer.artifact(() => graphic.draw(graphicX, gy, graphicWidth));
      };
      // Artifacts may not sit inside tagged content: a decorative graphic is drawn outside the cell's TD.
      if (graphic?.under) drawGraphic(cy);
      else if (graphic?.before && !graphic.content) {
        drawGraphic(cy);
        cy += graphic.height + 3;
      }
      const hasContent = cell.runs.length > 0 || graphic?.content === true;
      if (!hasContent) {
        const empty = doc.struct('TD');
        empty.end();
        tr.add(empty);
      } else {
        writer.tagged('TD', tr, () => {
          if (graphic?.before && graphic.content && !graphic.under) {
            drawGraphic(cy);
            cy += graphic.height + (cell.runs.length > 0 ? 3 : 0);
          }
          cell.runs.forEach((run, k) => {
            if (k > 0) cy += run.gapBefore ?? 3;
            const room = y + height - PAD_Y - cy;
            const h = runHeight(run, width);
            // Only a row taller than a page gets here with too little room: cut its text there.
            writer.text(run.text, x, cy, width, { ...run.style, align: run.style?.align ?? alignOf(i) }, h > room ? Math.max(room, 12) : undefined);
            cy += Math.min(h, room);
          });
          if (graphic && !graphic.before && !graphic.under && graphic.content) drawGraphic(cy + (cell.runs.length > 0 ? 3 : 0));
        });
      }
      if (graphic && !graphic.before && !graphic.under && !graphic.content) drawGraphic(cy + (cell.runs.length > 0 ? 3 : 0));
    });
    tr.end();
    writer.y = y + height;
  }
  table.end();
  writer.y += THEME.gap.paragraph;
}
