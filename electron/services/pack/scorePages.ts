import type { PackModel } from '#shared/pack/packModelSchema.ts';
import { drawBar, drawDumbbell, drawRadar, radarHeight } from './drawCharts.ts';
import { STATUS_COLOURS, THEME } from './packTheme.ts';
import { drawTable, type Row } from './pdfTable.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

const SMALL: TextStyle = { size: THEME.size.small };
const MUTED: TextStyle = { size: THEME.size.small, colour: THEME.colour.muted };
const BOLD: TextStyle = { font: 'bold', size: THEME.size.small + 0.5 };

/** Scores: the radar chart, then a table of groups and criteria with levels reached and notes, and the overall. */
export function drawScores(writer: PackWriter, model: PackModel): void {
  const text = model.text.scores;
  const scores = model.scores;
  writer.beginSection(text.title, { newPage: true });
  writer.heading(text.title, 2, 120);
  if (!scores.available) {
    writer.paragraph(text.notAvailable, { colour: THEME.colour.muted });
    return;
  }
  writer.paragraph(scores.intro.join(' '), { size: THEME.size.small, colour: THEME.colour.muted }, { gapAfter: 10 });

  if (scores.radar.axes.length >= 3) {
    const height = radarHeight(writer.contentWidth);
    writer.ensure(height + 30);
    const y = writer.y;
    writer.tagged('Figure', writer.section, () => drawRadar(writer, scores.radar, writer.left, y, writer.contentWidth), { alt: scores.radar.alt });
    writer.y = y + height + 4;
    const notes = [text.chartNote, ...(scores.radar.showsSpread ? [text.chartBand] : [])].join(' ');
    writer.paragraph(notes, { size: THEME.size.tiny, colour: THEME.colour.muted, align: 'center' }, { gapAfter: 10 });
  }

  const rows: Row[] = [];
  for (const group of scores.groups) {
    rows.push({
      fill: THEME.colour.accentLight,
      cells: [
        { runs: [{ text: group.subtotalLabel, style: BOLD }] },
        { runs: [{ text: group.weightText, style: SMALL }] },
        {
          runs: [{ text: group.subtotalText, style: BOLD }, ...(group.rangeText ? [{ text: group.rangeText, style: MUTED, gapBefore: 1 }] : [])],
          graphic: { height: 5, draw: (x, y, w) => drawBar(writer, x, y, w, group.subtotal === null ? null : group.subtotal / 100) },
        },
      ],
    });
    for (const criterion of group.criteria) {
      const share = criterion.score === null ? null : (criterion.score - criterion.scale.min) / (criterion.scale.max - criterion.scale.min);
      rows.push({
        cells: [
          {
            runs: [
              { text: criterion.name, style: { font: 'bold', size: THEME.size.small + 0.5 } },
              ...(criterion.levelText ? [{ text: criterion.levelText, style: MUTED, gapBefore: 2 }] : []),
              ...criterion.notes.map((note) => ({ text: note, style: SMALL, gapBefore: 3 })),
            ],
          },
          { runs: [{ text: criterion.weightText, style: SMALL }] },
          {
            runs: [{ text: criterion.scoreText, style: BOLD }, ...(criterion.rangeText ? [{ text: criterion.rangeText, style: MUTED, gapBefore: 1 }] : [])],
            graphic: { height: 5, draw: (x, y, w) => drawBar(writer, x, y, w, share) },
          },
        ],
      });
    }
  }
  rows.push({
    fill: THEME.colour.panel,
    cells: [
      { runs: [{ text: text.overall, style: { font: 'bold', size: THEME.size.body } }] },
      { runs: [] },
      {
        runs: [{ text: scores.overall.text, style: { font: 'bold', size: THEME.size.body } }, ...(scores.overall.rangeText ? [{ text: scores.overall.rangeText, style: MUTED, gapBefore: 1 }] : [])],
        graphic: { height: 6, draw: (x, y, w) => drawBar(writer, x, y, w, scores.overall.value === null ? null : scores.overall.value / 100) },
      },
    ],
  });
  drawTable(
    writer,
    [
      { header: text.criterion, share: 0.64 },
      { header: text.weight, share: 0.1 },
      { header: text.score, share: 0.26 },
    ],
    rows,
  );
}

/** The label checklist (problems first), then the registration number. */
export function drawChecklist(writer: PackWriter, model: PackModel): void {
  const text = model.text.checklist;
  const checklist = model.checklist;
  writer.beginSection(text.title, { newPage: writer.room < 220 });
  writer.heading(text.title, 2, 100);
  writer.paragraph(text.intro, { size: THEME.size.small, colour: THEME.colour.muted });
  writer.paragraph(checklist.countsText, SMALL, { gapAfter: 8 });
  if (checklist.available) {
    drawTable(
      writer,
      [
        { header: text.item, share: 0.36 },
        { header: text.status, share: 0.2 },
        { header: text.note, share: 0.44 },
      ],
      checklist.rows.map((row) => ({
        cells: [
          { runs: [{ text: row.name, style: row.problem ? BOLD : SMALL }] },
          {
            // The status as a chip: the words are the cell's content, the pill behind them an artifact.
            indent: 7,
            runs: [{ text: row.statusText, style: { font: 'bold', size: THEME.size.small, colour: STATUS_COLOURS[row.status].text } }],
            graphic: {
              height: THEME.size.small * 1.4,
              under: true,
              draw: (x, y) => {
                const width = writer.widthOf(row.statusText, { font: 'bold', size: THEME.size.small }) + 14;
                const h = THEME.size.small * 1.9;
                const top = y - (h - THEME.size.small * 1.36) / 2;
                const colours = STATUS_COLOURS[row.status];
                writer.doc.save().roundedRect(x, top, width, h, h / 2).fill(colours.fill).restore();
                if (row.status === 'unchecked') writer.doc.save().roundedRect(x, top, width, h, h / 2).lineWidth(0.6).strokeColor(THEME.colour.faint).stroke().restore();
              },
            },
          },
          {
            runs: [
              ...(row.note ? [{ text: row.note, style: SMALL }] : []),
              ...(row.markText ? [{ text: row.markText, style: MUTED, gapBefore: 2 }] : []),
            ],
          },
        ],
      })),
    );
  }
  if (checklist.registration.length > 0) {
    writer.heading(text.registration, 3, 40);
    for (const sentence of checklist.registration) writer.paragraph(sentence, SMALL, { gapAfter: 3 });
  }
}

/** Print readiness of each face. */
export function drawPrint(writer: PackWriter, model: PackModel): void {
  const text = model.text.print;
  if (model.print.length === 0) return;
  writer.beginSection(text.title, { newPage: writer.room < 180 });
  writer.heading(text.title, 2, 100);
  writer.paragraph(text.intro, { size: THEME.size.small, colour: THEME.colour.muted }, { gapAfter: 8 });
  drawTable(
    writer,
    [
      { header: text.face, share: 0.14 },
      { header: text.pixels, share: 0.17 },
      { header: text.dpi, share: 0.14 },
      { header: text.colour, share: 0.14 },
      { header: text.profile, share: 0.14 },
      { header: text.verdict, share: 0.27 },
    ],
    model.print.map((row) => ({
      cells: [
        { runs: [{ text: row.face, style: BOLD }] },
        { runs: [{ text: row.pixelsText, style: SMALL }] },
        { runs: [{ text: row.dpiText, style: SMALL }] },
        { runs: [{ text: row.colourText, style: SMALL }] },
        { runs: [{ text: row.profileText, style: SMALL }] },
        {
          runs: [
            ...(row.ok ? [{ text: text.ok, style: { ...SMALL, colour: STATUS_COLOURS.present.text, font: 'bold' as const } }] : []),
            ...row.warnings.map((w, k) => ({ text: w, style: { ...SMALL, colour: k === 0 ? STATUS_COLOURS.missing.text : THEME.colour.text }, gapBefore: 3 })),
            ...(row.note ? [{ text: row.note, style: MUTED, gapBefore: 3 }] : []),
          ],
        },
      ],
    })),
  );
}

/** What changed since the previous reviewed version, per criterion and overall, with a before → after chart per row. */
export function drawVersionChange(writer: PackWriter, model: PackModel): void {
  const change = model.versionChange;
  if (!change) return;
  const text = model.text.versions;
  writer.beginSection(change.title, { newPage: writer.room < 160 });
  writer.heading(change.title, 2, 100);
  writer.paragraph(change.intro, { size: THEME.size.small, colour: THEME.colour.muted }, { gapAfter: 8 });
  const directionColour = { up: STATUS_COLOURS.present.text, down: STATUS_COLOURS.missing.text, same: THEME.colour.muted } as const;
  const row = (r: NonNullable<PackModel['versionChange']>['overall'], bold: boolean): Row => {
    const share = (v: number | null) => (v === null ? null : (v - r.scale.min) / (r.scale.max - r.scale.min));
    const style = bold ? BOLD : SMALL;
    return {
      fill: bold ? THEME.colour.panel : undefined,
      cells: [
        { runs: [{ text: r.name, style }] },
        { runs: [{ text: r.beforeText, style: { ...style, align: 'right' } }] },
        { runs: [{ text: r.afterText, style: { ...style, align: 'right' } }] },
        {
          runs: [{ text: r.changeText, style: { ...style, font: 'bold', colour: r.direction ? directionColour[r.direction] : THEME.colour.muted } }],
          graphic: { height: 8, draw: (x, y, w) => drawDumbbell(writer, x + 4, y + 4, w - 8, share(r.before), share(r.after), r.direction) },
        },
      ],
    };
  };
  drawTable(
    writer,
    [
      { header: text.criterion, share: 0.46 },
      { header: change.beforeHeading, share: 0.13, align: 'right' },
      { header: change.afterHeading, share: 0.13, align: 'right' },
      { header: text.change, share: 0.28 },
    ],
    [...change.rows.map((r) => row(r, false)), row(change.overall, true)],
  );
}
