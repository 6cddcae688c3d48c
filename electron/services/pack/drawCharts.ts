import type { PackScores } from '#shared/pack/packModelSchema.ts';
import { THEME } from './packTheme.ts';
import type { PackWriter } from './pdfWriter.ts';

/*
 * Charts as vectors. Each chart's meaning is also in the text next to it
 * (tables, alt text), so the drawing itself is decoration for screen readers:
 * the caller tags it as a Figure with alt text or as an artifact.
 */

/** A horizontal bar of `share` (0–1) on a light track. */
export function drawBar(writer: PackWriter, x: number, y: number, width: number, share: number | null, colour: string = THEME.colour.accent, height = 5): void {
  const doc = writer.doc;
  doc.save();
  doc.roundedRect(x, y, width, height, height / 2).fill(THEME.colour.rule);
  if (share !== null && share > 0) doc.roundedRect(x, y, Math.max(height, width * Math.min(1, share)), height, height / 2).fill(colour);
  doc.restore();
}

/** Before → after on a track: a grey dot, a coloured dot, and a line between them. */
export function drawDumbbell(
  writer: PackWriter,
  x: number,
  y: number,
  width: number,
  before: number | null,
  after: number | null,
  direction: 'up' | 'down' | 'same' | null,
): void {
  const doc = writer.doc;
  const colour = direction === 'up' ? '#2e7d32' : direction === 'down' ? '#d32f2f' : THEME.colour.muted;
  doc.save();
  doc.moveTo(x, y).lineTo(x + width, y).lineWidth(1).strokeColor(THEME.colour.rule).stroke();
  if (before !== null && after !== null) doc.moveTo(x + width * before, y).lineTo(x + width * after, y).lineWidth(2.5).strokeColor(colour).stroke();
  if (before !== null) doc.circle(x + width * before, y, 3).fill(THEME.colour.faint);
  if (after !== null) doc.circle(x + width * after, y, 3.6).fill(colour);
  doc.restore();
}

const polygon = (points: readonly { x: number; y: number }[]) => points.map((p) => [p.x, p.y]);

/** Height the radar needs for `width` (labels around a square plot). */
export function radarHeight(width: number): number {
  return Math.min(width * 0.62, 270);
}

/**
 * A radar chart of the criteria, 0 (centre) to 1 (edge): rings at quarter
 * steps, the mean as a filled polygon, and (several mentors) the band between
 * the lowest and highest scores. Labels sit outside, wrapped.
 */
export function drawRadar(writer: PackWriter, radar: PackScores['radar'], x: number, y: number, width: number): void {
  const doc = writer.doc;
  const height = radarHeight(width);
  const labelWidth = Math.min(118, width * 0.24);
  const radius = Math.min(height / 2 - 22, (width - 2 * labelWidth) / 2 - 8);
  const cx = x + width / 2;
  const cy = y + height / 2;
  const n = radar.axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, r: number) => ({ x: cx + Math.cos(angle(i)) * radius * r, y: cy + Math.sin(angle(i)) * radius * r });

  doc.save();
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    doc.polygon(...polygon(radar.axes.map((_, i) => at(i, ring)))).lineWidth(ring === 1 ? 0.9 : 0.5).strokeColor(THEME.colour.rule).stroke();
  }
  for (let i = 0; i < n; i += 1) {
    const end = at(i, 1);
    doc.moveTo(cx, cy).lineTo(end.x, end.y).lineWidth(0.5).strokeColor(THEME.colour.rule).stroke();
  }
  if (radar.showsSpread && radar.axes.every((a) => a.min !== null && a.max !== null)) {
    const outer = polygon(radar.axes.map((a, i) => at(i, a.max ?? 0)));
    const inner = polygon(radar.axes.map((a, i) => at(i, a.min ?? 0)));
    doc.polygon(...outer).polygon(...inner).fillOpacity(0.16).fill(THEME.colour.accent, 'even-odd');
  }
  const values = radar.axes.map((a, i) => at(i, a.value ?? 0));
  doc.fillOpacity(0.28).polygon(...polygon(values)).fill(THEME.colour.accent);
  doc.fillOpacity(1).polygon(...polygon(values)).lineWidth(1.6).lineJoin('round').strokeColor(THEME.colour.accent).stroke();
  for (const p of values) doc.circle(p.x, p.y, 2.4).fill(THEME.colour.accent);
  doc.restore();

  radar.axes.forEach((axis, i) => {
    const a = angle(i);
    const edge = at(i, 1);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const style = { size: THEME.size.tiny, colour: THEME.colour.muted, align: (Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right') as 'center' | 'left' | 'right' };
    const h = writer.measure(axis.label, labelWidth, style);
    const gap = 6;
    let lx = style.align === 'center' ? edge.x - labelWidth / 2 : cos > 0 ? edge.x + gap : edge.x - gap - labelWidth;
    lx = Math.min(Math.max(lx, x), x + width - labelWidth);
    const ly = Math.abs(sin) < 0.2 ? edge.y - h / 2 : sin > 0 ? edge.y + gap * 0.5 : edge.y - h - gap * 0.5;
    writer.text(axis.label, lx, ly, labelWidth, style);
  });
}

/** The overall score as a gauge: a thick bar 0–100 with the score's end marked. */
export function drawGauge(writer: PackWriter, x: number, y: number, width: number, value: number | null): void {
  drawBar(writer, x, y, width, value === null ? null : value / 100, THEME.colour.accent, 9);
  const doc = writer.doc;
  doc.save();
  for (const tick of [0.25, 0.5, 0.75]) doc.moveTo(x + width * tick, y + 11).lineTo(x + width * tick, y + 14).lineWidth(0.6).strokeColor(THEME.colour.faint).stroke();
  doc.restore();
}
