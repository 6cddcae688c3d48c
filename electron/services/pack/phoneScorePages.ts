import type { PackModel } from '#shared/pack/packModelSchema.ts';
import { drawBar, drawDumbbell } from './drawCharts.ts';
import { STATUS_COLOURS } from './packTheme.ts';
import type { PackWriter, Struct, TextStyle } from './pdfWriter.ts';

/*
 * Scores, the label checklist and the change between versions in the Ponsel
 * layout: lists in one column instead of tables, each line at body size, and
 * a bar per score across the width (the radar chart's labels would be
 * too small to read at a phone's width, and the bars carry the same numbers).
 */

/** A drawing under a block's lines (a bar, a before–after line): decoration, the numbers are in the lines. */
interface Underline {
  height: number;
  draw(y: number): void;
}

const bar = (writer: PackWriter, share: number | null, height: number): Underline => ({
  height: height + 6,
  draw: (y) => drawBar(writer, writer.left, y + 3, writer.contentWidth, share, writer.theme.colour.accent, height),
});

/** Lines drawn as one tagged paragraph of `parent`, and an optional drawing under them, kept on one page. */
function block(writer: PackWriter, lines: { text: string; style: TextStyle; gap?: number }[], under?: Underline, parent: Struct = writer.section): void {
  const width = writer.contentWidth;
  const heights = lines.map((l) => writer.measure(l.text, width, l.style) + (l.gap ?? 0));
  const total = heights.reduce((s, h) => s + h, 0) + (under?.height ?? 0);
  writer.ensure(Math.min(total, writer.pageRoom));
  let y = writer.y;
  writer.tagged('P', parent, () => {
    lines.forEach((line, i) => {
      y += line.gap ?? 0;
      writer.text(line.text, writer.left, y, width, line.style);
      y += (heights[i] ?? 0) - (line.gap ?? 0);
    });
  });
  if (under) {
    const top = y;
    writer.artifact(() => under.draw(top));
    y += under.height;
  }
  writer.y = y + 8;
}

/** Scores: the groups with their subtotal, each criterion with its score, weight, level reached and notes; the overall last. */
export function drawPhoneScores(writer: PackWriter, model: PackModel): void {
  const text = model.text.scores;
  const scores = model.scores;
  const theme = writer.theme;
  const muted: TextStyle = { size: theme.size.small, colour: theme.colour.muted };
  writer.beginSection(text.title, { newPage: true });
  writer.heading(text.title, 2, 120);
  if (!scores.available) {
    writer.paragraph(text.notAvailable, { colour: theme.colour.muted });
    return;
  }
  writer.paragraph(scores.intro.join(' '), muted, { gapAfter: 10 });
  for (const group of scores.groups) {
    writer.heading(group.subtotalLabel, 3, 80);
    block(
      writer,
      [
        { text: `${group.subtotalText} · ${text.weight} ${group.weightText}`, style: { font: 'bold', size: theme.size.body, colour: theme.colour.accent } },
        ...(group.rangeText ? [{ text: group.rangeText, style: muted }] : []),
      ],
      bar(writer, group.subtotal === null ? null : group.subtotal / 100, 7),
    );
    for (const criterion of group.criteria) {
      const share = criterion.score === null ? null : (criterion.score - criterion.scale.min) / (criterion.scale.max - criterion.scale.min);
      block(
        writer,
        [
          { text: criterion.name, style: { font: 'bold', size: theme.size.body } },
          { text: `${criterion.scoreText} · ${text.weight} ${criterion.weightText}`, style: { size: theme.size.body, colour: theme.colour.accent } },
          ...(criterion.rangeText ? [{ text: criterion.rangeText, style: muted }] : []),
        ],
        bar(writer, share, 6),
      );
      writer.y -= 4;
      for (const line of [criterion.levelText, ...criterion.notes]) if (line) writer.paragraph(line, { size: theme.size.small }, { gapAfter: 3 });
      writer.y += 6;
    }
  }
  writer.heading(text.overall, 3, 60);
  block(
    writer,
    [
      { text: scores.overall.text, style: { font: 'bold', size: theme.size.h3, colour: theme.colour.accent } },
      ...(scores.overall.rangeText ? [{ text: scores.overall.rangeText, style: muted }] : []),
    ],
    bar(writer, scores.overall.value === null ? null : scores.overall.value / 100, 8),
  );
}

/** The label checklist as a list: each item with its status in colour, the note and the mark that shows it. */
export function drawPhoneChecklist(writer: PackWriter, model: PackModel): void {
  const text = model.text.checklist;
  const checklist = model.checklist;
  const theme = writer.theme;
  writer.beginSection(text.title, { newPage: writer.room < writer.pageRoom * 0.4 });
  writer.heading(text.title, 2, 100);
  writer.paragraph(text.intro, { size: theme.size.small, colour: theme.colour.muted });
  writer.paragraph(checklist.countsText, { size: theme.size.body }, { gapAfter: 8 });
  for (const row of checklist.rows) {
    block(writer, [
      { text: row.name, style: { font: row.problem ? 'bold' : 'regular', size: theme.size.body } },
      { text: row.statusText, style: { font: 'bold', size: theme.size.small, colour: STATUS_COLOURS[row.status].text } },
      ...(row.note ? [{ text: row.note, style: { size: theme.size.small }, gap: 1 }] : []),
      ...(row.markText ? [{ text: row.markText, style: { size: theme.size.small, colour: theme.colour.muted }, gap: 1 }] : []),
    ]);
  }
  if (checklist.registration.length > 0) {
    writer.heading(text.registration, 3, 40);
    for (const sentence of checklist.registration) writer.paragraph(sentence, { size: theme.size.body }, { gapAfter: 4 });
  }
}

/** What changed since the previous version: per criterion the two scores, the change in colour and a before–after line. */
export function drawPhoneVersionChange(writer: PackWriter, model: PackModel): void {
  const change = model.versionChange;
  if (!change) return;
  const theme = writer.theme;
  const directionColour = { up: STATUS_COLOURS.present.text, down: STATUS_COLOURS.missing.text, same: theme.colour.muted } as const;
  writer.beginSection(change.title, { newPage: writer.room < writer.pageRoom * 0.4 });
  writer.heading(change.title, 2, 100);
  writer.paragraph(change.intro, { size: theme.size.small, colour: theme.colour.muted }, { gapAfter: 8 });
  for (const [i, r] of [...change.rows, change.overall].entries()) {
    const last = i === change.rows.length;
    const share = (v: number | null) => (v === null ? null : (v - r.scale.min) / (r.scale.max - r.scale.min));
    const lines = [
      { text: r.name, style: { font: 'bold' as const, size: last ? theme.size.h3 : theme.size.body } },
      { text: `${change.beforeHeading}: ${r.beforeText} · ${change.afterHeading}: ${r.afterText}`, style: { size: theme.size.small } },
      { text: r.changeText, style: { font: 'bold' as const, size: theme.size.body, colour: r.direction ? directionColour[r.direction] : theme.colour.muted } },
    ];
    block(writer, lines, { height: 12, draw: (y) => drawDumbbell(writer, writer.left + 4, y + 6, writer.contentWidth - 8, share(r.before), share(r.after), r.direction) });
  }
}
