import { THEME } from './packTheme.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

/*
 * The summary report's charts, as vectors: horizontal bars on a fixed axis
 * (ranking, agreement, regions) and bars either side of zero (leniency,
 * change between versions). Every number drawn is also in the table next to
 * the chart and in the chart's alt text; the caller tags the chart as a Figure.
 */

export const CHART_COLOURS = {
  bar: THEME.colour.accent,
  flagged: '#c62828',
  whisker: '#1f2933',
  good: '#2e7d32',
  tentative: '#b7791f',
  low: '#c62828',
  positive: '#2e7d32',
  negative: '#c62828',
  grid: THEME.colour.rule,
} as const;

const LABEL: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.text, lineGap: 0 };
const VALUE: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.text, font: 'bold', lineGap: 0 };
const TICK: TextStyle = { size: THEME.size.tiny - 1, colour: THEME.colour.muted, lineGap: 0 };

export interface HBar {
  label: string;
  /** Where the bar ends on the axis, 0–1; null draws no bar. */
  value: number | null;
  valueText: string;
  colour: string;
  /** A whisker from `low` to `high` (0–1), e.g. the lowest to the highest mentor's score. */
  low?: number | null;
  high?: number | null;
}

export interface AxisTick {
  /** 0–1 along the axis. */
  at: number;
  text: string;
  /** A dashed, coloured reference line (e.g. alpha 0.8) instead of a plain grid line. */
  reference?: string;
}

export interface HBarOptions {
  rowHeight?: number;
  /** Share of the width given to the labels. */
  labelShare?: number;
  ticks: readonly AxisTick[];
}

const AXIS_ROOM = 14;

/** Height of a bar chart of `count` bars. */
export function hBarChartHeight(count: number, options: Pick<HBarOptions, 'rowHeight'> = {}): number {
  return count * (options.rowHeight ?? 15) + AXIS_ROOM + 4;
}

/** Horizontal bars with labels on the left, the value at each bar's end, optional whiskers and reference lines. */
export function drawHBarChart(writer: PackWriter, bars: readonly HBar[], x: number, y: number, width: number, options: HBarOptions): number {
  const doc = writer.doc;
  const rowHeight = options.rowHeight ?? 15;
  const labelWidth = width * (options.labelShare ?? 0.38);
  const valueRoom = 34;
  const axisX = x + labelWidth + 6;
  const axisWidth = width - labelWidth - 6 - valueRoom;
  const at = (share: number) => axisX + Math.min(1, Math.max(0, share)) * axisWidth;
  const plotHeight = bars.length * rowHeight;
  const barHeight = Math.min(10, rowHeight - 4);

  doc.save();
  for (const tick of options.ticks) {
    const tx = at(tick.at);
    doc.moveTo(tx, y).lineTo(tx, y + plotHeight + 2);
    if (tick.reference) doc.lineWidth(0.9).dash(2.5, { space: 2 }).strokeColor(tick.reference).stroke().undash();
    else doc.lineWidth(0.5).strokeColor(CHART_COLOURS.grid).stroke();
  }
  doc.restore();
  for (const tick of options.ticks) {
    const w = writer.widthOf(tick.text, TICK) + 2;
    writer.text(tick.text, at(tick.at) - w / 2, y + plotHeight + 4, w, { ...TICK, align: 'center' });
  }

  bars.forEach((bar, i) => {
    const top = y + i * rowHeight;
    const mid = top + rowHeight / 2;
    writer.text(bar.label, x, mid - 4.6, labelWidth, { ...LABEL, align: 'right' }, 10);
    let end = axisX;
    if (bar.value !== null) {
      end = at(bar.value);
      doc.save().rect(axisX, mid - barHeight / 2, Math.max(1, end - axisX), barHeight).fill(bar.colour).restore();
    }
    if (bar.low !== undefined && bar.high !== undefined && bar.low !== null && bar.high !== null && bar.high > bar.low) {
      const lx = at(bar.low);
      const hx = at(bar.high);
      doc.save().lineWidth(0.8).strokeColor(CHART_COLOURS.whisker);
      doc.moveTo(lx, mid).lineTo(hx, mid).stroke();
      doc.moveTo(lx, mid - 3).lineTo(lx, mid + 3).stroke();
      doc.moveTo(hx, mid - 3).lineTo(hx, mid + 3).stroke();
      doc.restore();
      end = Math.max(end, hx);
    }
    // A white backing keeps the value readable where a reference line crosses it.
    const valueWidth = writer.widthOf(bar.valueText, VALUE);
    doc.save().rect(end + 2, mid - 5, valueWidth + 2, 10).fill(THEME.colour.white).restore();
    writer.text(bar.valueText, end + 3, mid - 4.6, valueRoom + (axisX + axisWidth - end), { ...VALUE, colour: bar.value === null ? THEME.colour.muted : VALUE.colour });
  });
  return hBarChartHeight(bars.length, options);
}

export interface DivergingItem {
  label: string;
  value: number | null;
  valueText: string;
}

/** Height of a diverging chart of `count` rows. */
export function divergingChartHeight(count: number, rowHeight = 16): number {
  return 16 + count * rowHeight + 4;
}

/**
 * Bars left (negative) or right (positive) of zero on one symmetric scale
 * (the largest magnitude, at least `minScale`), captions above each side.
 */
export function drawDivergingChart(
  writer: PackWriter,
  items: readonly DivergingItem[],
  x: number,
  y: number,
  width: number,
  captions: { negative: string; positive: string },
  options: { rowHeight?: number; minScale?: number } = {},
): number {
  const doc = writer.doc;
  const rowHeight = options.rowHeight ?? 16;
  const labelWidth = width * 0.34;
  const valueRoom = 38;
  const half = (width - labelWidth - 8 - 2 * valueRoom) / 2;
  const zero = x + labelWidth + 8 + valueRoom + half;
  const scale = Math.max(options.minScale ?? 1e-9, ...items.map((i) => Math.abs(i.value ?? 0)));
  const captionStyle: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.muted, lineGap: 0 };
  // Arrows away from zero, drawn (Noto Sans has no arrow glyphs).
  const negativeWidth = writer.widthOf(captions.negative, captionStyle);
  writer.text(captions.negative, zero - 8 - negativeWidth - 1, y, negativeWidth + 2, { ...captionStyle, align: 'right' });
  writer.text(captions.positive, zero + 8, y, half + valueRoom - 20, captionStyle);
  const arrow = (from: number, tip: number) => {
    const mid = y + 4.6;
    const dir = Math.sign(tip - from);
    doc.save().moveTo(from, mid).lineTo(tip - dir * 3, mid).lineWidth(0.8).strokeColor(THEME.colour.muted).stroke();
    doc.polygon([tip, mid], [tip - dir * 4, mid - 2.5], [tip - dir * 4, mid + 2.5]).fill(THEME.colour.muted).restore();
  };
  const positiveWidth = writer.widthOf(captions.positive, captionStyle);
  arrow(zero - 12 - negativeWidth, zero - 28 - negativeWidth);
  arrow(zero + 12 + positiveWidth, zero + 28 + positiveWidth);
  const top = y + 16;
  const barHeight = Math.min(10, rowHeight - 5);
  items.forEach((item, i) => {
    const mid = top + i * rowHeight + rowHeight / 2;
    writer.text(item.label, x, mid - 4.6, labelWidth, { ...LABEL, align: 'right' }, 10);
    const v = item.value ?? 0;
    const w = (Math.abs(v) / scale) * half;
    if (item.value !== null && w > 0) {
      doc
        .save()
        .rect(v < 0 ? zero - w : zero, mid - barHeight / 2, Math.max(w, 1), barHeight)
        .fill(v < 0 ? CHART_COLOURS.negative : CHART_COLOURS.positive)
        .restore();
    }
    const textWidth = writer.widthOf(item.valueText, VALUE) + 2;
    const tx = v < 0 ? zero - w - 3 - textWidth : zero + w + 3;
    writer.text(item.valueText, tx, mid - 4.6, textWidth, { ...VALUE, align: v < 0 ? 'right' : 'left' });
  });
  doc
    .save()
    .moveTo(zero, top - 2)
    .lineTo(zero, top + items.length * rowHeight + 2)
    .lineWidth(0.8)
    .strokeColor(THEME.colour.faint)
    .stroke()
    .restore();
  return divergingChartHeight(items.length, rowHeight);
}

/** A small bar either side of a centre line, for a change inside a table cell; `share` is -1 to 1. */
export function drawChangeBar(writer: PackWriter, x: number, y: number, width: number, share: number | null, height = 6): void {
  const doc = writer.doc;
  const centre = x + width / 2;
  doc.save();
  doc.rect(x, y, width, height).fill(THEME.colour.panel);
  if (share !== null && share !== 0) {
    const w = (Math.min(1, Math.abs(share)) * width) / 2;
    doc.rect(share < 0 ? centre - w : centre, y, Math.max(w, 0.8), height).fill(share < 0 ? CHART_COLOURS.negative : CHART_COLOURS.positive);
  }
  doc.moveTo(centre, y - 1.5).lineTo(centre, y + height + 1.5).lineWidth(0.7).strokeColor(THEME.colour.faint).stroke();
  doc.restore();
}
