import type { SummaryModel } from '#shared/pack/summaryModelSchema.ts';
import { drawBar } from './drawCharts.ts';
import { THEME } from './packTheme.ts';
import { drawTable, type Row } from './pdfTable.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';
import { CHART_COLOURS, divergingChartHeight, drawChangeBar, drawDivergingChart, drawHBarChart, hBarChartHeight, type HBar } from './summaryCharts.ts';

const SMALL: TextStyle = { size: THEME.size.small };
const TINY: TextStyle = { size: THEME.size.tiny };
const MUTED: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.muted };
const BOLD: TextStyle = { font: 'bold', size: THEME.size.small };
const INTRO: TextStyle = { size: THEME.size.small, colour: THEME.colour.muted };
const LEGEND: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.muted };
const FLAG_FILL = '#fdecea';

/** A chart tagged as a Figure with its alt text, kept whole on one page. */
function figure(writer: PackWriter, alt: string, height: number, draw: (y: number) => void): void {
  writer.ensure(height);
  const y = writer.y;
  writer.tagged('Figure', writer.section, () => draw(y), { alt });
  writer.y = y + height + 4;
}

const percentTicks = [0, 25, 50, 75, 100].map((v) => ({ at: v / 100, text: String(v) }));
const cell = (text: string, style: TextStyle = SMALL) => ({ runs: [{ text, style }] });

/** Ranking: the top 20 as bars (flagged in red, whiskers from lowest to highest score), then every submission. */
export function drawRanking(writer: PackWriter, model: SummaryModel): void {
  const text = model.text.ranking;
  const { ranking } = model;
  writer.beginSection(text.title, { newPage: true });
  writer.heading(text.title, 2, 120);
  writer.paragraph(text.intro, INTRO);
  writer.paragraph(ranking.flaggedText, BOLD, { gapAfter: ranking.revisedText ? 2 : 8 });
  if (ranking.revisedText) writer.paragraph(ranking.revisedText, { ...BOLD, colour: THEME.colour.accent }, { gapAfter: 8 });
  if (ranking.chart.bars.length === 0) {
    writer.paragraph(text.none, { colour: THEME.colour.muted });
    return;
  }
  writer.heading(ranking.chart.title, 3, hBarChartHeight(ranking.chart.bars.length) + 10);
  const bars: HBar[] = ranking.chart.bars.map((b) => ({
    label: b.label,
    value: b.mean / 100,
    valueText: b.meanText,
    colour: b.flagged ? CHART_COLOURS.flagged : CHART_COLOURS.bar,
    low: b.min === null ? null : b.min / 100,
    high: b.max === null ? null : b.max / 100,
  }));
  figure(writer, ranking.chart.alt, hBarChartHeight(bars.length), (y) =>
    drawHBarChart(writer, bars, writer.left, y, writer.contentWidth, { ticks: percentTicks, labelShare: 0.4 }),
  );
  writer.paragraph(text.chartLegend, LEGEND, { gapAfter: 8 });

  writer.heading(text.tableTitle, 3, 60);
  // One line a row where names allow: 300 submissions stay within a few pages.
  const flagStyle: TextStyle = { font: 'bold', size: THEME.size.tiny, colour: CHART_COLOURS.flagged };
  const label: TextStyle = { size: THEME.size.small - 0.5 };
  const fact: TextStyle = { size: THEME.size.tiny - 0.5 };
  const revisedStyle: TextStyle = { font: 'bold', size: THEME.size.tiny, colour: THEME.colour.accent };
  // A review revised after its mentor saw the others: who and when under the submission's name, "Direvisi" in the flag column.
  const rows: Row[] = ranking.rows.map((r) => ({
    fill: r.flagged ? FLAG_FILL : undefined,
    cells: [
      cell(r.rankText, BOLD),
      { runs: [{ text: r.label, style: label }, ...r.revisions.map((text) => ({ text, style: { ...fact, colour: THEME.colour.muted }, gapBefore: 1 }))] },
      cell(r.category, fact),
      cell(r.region, fact),
      cell(r.meanText, r.mean === null ? MUTED : BOLD),
      cell(r.nText, TINY),
      cell(r.spreadText, TINY),
      {
        runs: [
          ...(r.flagged ? [{ text: r.flagText, style: flagStyle }] : []),
          ...(r.revisions.length > 0 ? [{ text: model.text.ranking.revised, style: revisedStyle, gapBefore: r.flagged ? 1 : 0 }] : []),
        ],
      },
    ],
  }));
  drawTable(
    writer,
    [
      { header: text.rank, share: 0.105, align: 'right' },
      { header: text.submission, share: 0.255 },
      { header: text.category, share: 0.15 },
      { header: text.region, share: 0.125 },
      { header: text.mean, share: 0.1, align: 'right' },
      { header: text.n, share: 0.05, align: 'right' },
      { header: text.spread, share: 0.08, align: 'right' },
      { header: text.flag, share: 0.135 },
    ],
    rows,
  );
}

const readingColour = (reading: 'good' | 'tentative' | 'low' | null) => (reading ? CHART_COLOURS[reading] : THEME.colour.muted);

/** Statistics per criterion: a chart of alpha with Krippendorff's 0.667 and 0.8 marks, then the table. */
export function drawCriteria(writer: PackWriter, model: SummaryModel): void {
  const text = model.text.criteria;
  const { criteria } = model;
  writer.beginSection(text.title, { newPage: true });
  writer.heading(text.title, 2, 120);
  writer.paragraph(text.intro, INTRO, { gapAfter: 8 });
  const fmt = (v: number) => new Intl.NumberFormat(model.meta.lang, { minimumFractionDigits: v === 0.667 ? 3 : 2, maximumFractionDigits: 3 }).format(v);
  const bars: HBar[] = criteria.rows.map((r) => ({
    label: r.name,
    value: r.alpha === null ? null : Math.max(0, r.alpha),
    valueText: r.alphaText,
    colour: readingColour(r.alphaReading),
  }));
  writer.heading(text.chartTitle, 3, hBarChartHeight(bars.length) + 10);
  figure(writer, criteria.chartAlt, hBarChartHeight(bars.length), (y) =>
    drawHBarChart(writer, bars, writer.left, y, writer.contentWidth, {
      labelShare: 0.42,
      ticks: [
        { at: 0, text: '0' },
        { at: 0.5, text: fmt(0.5) },
        { at: 0.667, text: fmt(0.667), reference: CHART_COLOURS.tentative },
        { at: 0.8, text: fmt(0.8), reference: CHART_COLOURS.good },
        { at: 1, text: '1' },
      ],
    }),
  );
  writer.paragraph(text.chartLegend, LEGEND, { gapAfter: 8 });

  const agreementCells = (a: SummaryModel['criteria']['overall']) => [
    { runs: [{ text: a.alphaText, style: { ...BOLD, colour: readingColour(a.alphaReading) } }, { text: a.unitsText, style: MUTED, gapBefore: 1 }] },
    cell(a.iccText, TINY),
    cell(a.readingText, TINY),
  ];
  const rows: Row[] = criteria.rows.map((r) => ({
    cells: [
      { runs: [{ text: r.name, style: BOLD }, { text: `${r.group} · ${r.scaleText}`, style: MUTED, gapBefore: 1 }] },
      {
        runs: [{ text: r.meanText, style: BOLD }],
        graphic: { height: 3, draw: (x, y, w) => drawBar(writer, x, y, w, r.meanShare, CHART_COLOURS.bar, 3) },
      },
      cell(r.sdText),
      ...agreementCells(r),
    ],
  }));
  rows.push({ fill: THEME.colour.panel, cells: [cell(text.overallRow, BOLD), cell('–'), cell('–'), ...agreementCells(criteria.overall)] });
  drawTable(
    writer,
    [
      { header: text.criterion, share: 0.31 },
      { header: text.mean, share: 0.1, align: 'right' },
      { header: text.sd, share: 0.07, align: 'right' },
      { header: text.alpha, share: 0.15, align: 'right' },
      { header: text.icc, share: 0.16 },
      { header: text.reading, share: 0.21 },
    ],
    rows,
  );
}

/** Statistics per region: the mean of each region with the range of its submissions' means, then the table. */
export function drawRegions(writer: PackWriter, model: SummaryModel): void {
  const text = model.text.regions;
  const { regions } = model;
  writer.beginSection(text.title, { newPage: writer.room < 260 });
  writer.heading(text.title, 2, 120);
  writer.paragraph(text.intro, INTRO, { gapAfter: 8 });
  if (regions.rows.length === 0) {
    writer.paragraph(text.none, { colour: THEME.colour.muted });
    return;
  }
  const bars: HBar[] = regions.rows.map((r) => ({
    label: r.region,
    value: r.mean === null ? null : r.mean / 100,
    valueText: r.meanText,
    colour: CHART_COLOURS.bar,
    low: r.min === null ? null : r.min / 100,
    high: r.max === null ? null : r.max / 100,
  }));
  figure(writer, regions.chartAlt, hBarChartHeight(bars.length, { rowHeight: 18 }), (y) =>
    drawHBarChart(writer, bars, writer.left, y, writer.contentWidth, { ticks: percentTicks, rowHeight: 18, labelShare: 0.25 }),
  );
  writer.paragraph(text.chartLegend, LEGEND, { gapAfter: 8 });
  drawTable(
    writer,
    [
      { header: text.region, share: 0.18 },
      { header: text.count, share: 0.11, align: 'right' },
      { header: text.scored, share: 0.1, align: 'right' },
      { header: text.mean, share: 0.11, align: 'right' },
      { header: text.range, share: 0.15, align: 'right' },
      { header: text.best, share: 0.35 },
    ],
    regions.rows.map((r) => ({
      cells: [cell(r.region, BOLD), cell(r.countText), cell(r.scoredText), cell(r.meanText, BOLD), cell(r.rangeText), cell(r.bestText, TINY)],
    })),
  );
}

/** Improvement across versions: mean change per criterion (chart and table), then each participant with change bars. */
export function drawVersions(writer: PackWriter, model: SummaryModel): void {
  const text = model.text.versions;
  const { versions } = model;
  writer.beginSection(text.title, { newPage: writer.room < 300 });
  writer.heading(text.title, 2, 120);
  writer.paragraph(text.intro, INTRO);
  if (!versions.available) {
    writer.paragraph(text.none, { colour: THEME.colour.muted });
    return;
  }
  if (versions.summaryText) writer.paragraph(versions.summaryText, BOLD, { gapAfter: 8 });
  const count = new Intl.NumberFormat(model.meta.lang, { maximumFractionDigits: 0 });

  writer.heading(text.criteriaTitle, 3, divergingChartHeight(versions.criteria.length) + 10);
  figure(writer, versions.criteriaChartAlt, divergingChartHeight(versions.criteria.length), (y) =>
    drawDivergingChart(
      writer,
      versions.criteria.map((c) => ({ label: c.name, value: c.meanChange, valueText: c.meanChangeText })),
      writer.left,
      y,
      writer.contentWidth,
      { negative: text.worseCaption, positive: text.better },
      { minScale: 0.5 },
    ),
  );
  drawTable(
    writer,
    [
      { header: text.criterion, share: 0.5 },
      { header: text.participants, share: 0.14, align: 'right' },
      { header: text.meanChange, share: 0.16, align: 'right' },
      { header: text.improved, share: 0.1, align: 'right' },
      { header: text.worse, share: 0.1, align: 'right' },
    ],
    versions.criteria.map((c) => ({
      cells: [cell(c.name, BOLD), cell(count.format(c.n)), cell(c.meanChangeText, BOLD), cell(count.format(c.improved)), cell(count.format(c.worse))],
    })),
  );

  writer.heading(text.participantsTitle, 3, 60);
  const scale = Math.max(1, ...versions.rows.map((r) => Math.abs(r.change)));
  drawTable(
    writer,
    [
      { header: text.participant, share: 0.2 },
      { header: text.versions, share: 0.14 },
      { header: text.before, share: 0.11, align: 'right' },
      { header: text.after, share: 0.11, align: 'right' },
      { header: text.change, share: 0.15 },
      { header: text.criteria, share: 0.29 },
    ],
    versions.rows.map((r) => ({
      cells: [
        cell(r.label, BOLD),
        { runs: [{ text: r.versionsText, style: SMALL }, ...(r.stepsText ? [{ text: r.stepsText, style: MUTED, gapBefore: 1 }] : [])] },
        cell(r.beforeText),
        cell(r.afterText),
        {
          runs: [{ text: r.changeText, style: { ...BOLD, colour: r.change > 0 ? CHART_COLOURS.positive : r.change < 0 ? CHART_COLOURS.negative : THEME.colour.muted } }],
          graphic: { height: 6, draw: (x, y, w) => drawChangeBar(writer, x, y + 1, w, r.change / scale) },
        },
        cell(r.criteriaText, { size: THEME.size.tiny - 0.5 }),
      ],
    })),
  );
}

/** Agreement between mentors, in words, then each mentor's leniency as bars either side of zero and a table. */
export function drawAgreement(writer: PackWriter, model: SummaryModel): void {
  const text = model.text.agreement;
  const { agreement } = model;
  writer.beginSection(text.title, { newPage: writer.room < 300 });
  writer.heading(text.title, 2, 120);
  for (const sentence of agreement.sentences) writer.paragraph(sentence, { size: THEME.size.body }, { gapAfter: 4 });

  // The chart and its small table belong together: start them on a new page rather than split them.
  writer.heading(text.leniencyTitle, 3, Math.min(writer.pageRoom - 60, divergingChartHeight(agreement.mentors.length, 20) + 80 + agreement.mentors.length * 32));
  writer.paragraph(text.leniencyIntro, INTRO, { gapAfter: 8 });
  figure(writer, agreement.chartAlt, divergingChartHeight(agreement.mentors.length, 20), (y) =>
    drawDivergingChart(
      writer,
      agreement.mentors.map((m) => ({ label: m.name, value: m.leniency, valueText: m.leniencyText })),
      writer.left,
      y,
      writer.contentWidth,
      { negative: text.harsher, positive: text.moreLenient },
      { rowHeight: 20, minScale: 2 },
    ),
  );
  drawTable(
    writer,
    [
      { header: text.mentor, share: 0.34 },
      { header: text.submitted, share: 0.12, align: 'right' },
      { header: text.counted, share: 0.12, align: 'right' },
      { header: text.meanGiven, share: 0.14, align: 'right' },
      { header: text.leniency, share: 0.14, align: 'right' },
      { header: text.shared, share: 0.14, align: 'right' },
    ],
    agreement.mentors.map((m) => ({
      cells: [
        { runs: [{ text: m.name, style: BOLD }, ...(m.organisation ? [{ text: m.organisation, style: MUTED, gapBefore: 1 }] : [])] },
        cell(m.submittedText),
        cell(m.countedText),
        cell(m.meanGivenText),
        cell(m.leniencyText, BOLD),
        cell(m.sharedText),
      ],
    })),
  );
}
