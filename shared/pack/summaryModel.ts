import type { Mentor } from '../domain/mentor.ts';
import type { Rubric } from '../domain/rubric.ts';
import type { ScoringSession } from '../domain/session.ts';
import type { Workshop } from '../domain/workshop.ts';
import { summaryEn, summaryId } from '../i18n/parts/summary.ts';
import { assignQueues } from '../scoring/queue.ts';
import { alphaReadingOf, emptyAgreement, iccMeanReadingOf, iccReadingOf, type Agreement, type SessionResults, type SubmissionResultRow, type VersionChange } from '../scoring/results.ts';
import { formatDateRange, formatFixed, formatMoment, formatMomentTime, formatNumber, formatPercent } from './packFormat.ts';
import { safeSegment } from '../files/safeFileName.ts';
import { fill, PACK_LOCALES, studioMessages, type PackLanguage } from './packText.ts';
import type { SummaryMessages, SummaryModel } from './summaryModelSchema.ts';
import { regionRows, versionSection } from './summarySections.ts';

/** The report's own words, by language. */
export const SUMMARY_MESSAGES: Readonly<Record<PackLanguage, SummaryMessages>> = { id: summaryId, en: summaryEn };

/** Bars in the ranking chart. */
export const RANKING_CHART_BARS = 20;

/** What the caller gathers for one session's report (the same data the results screen shows). */
export interface SummaryInput {
  workshop: Pick<Workshop, 'name' | 'region' | 'venue' | 'startDate' | 'endDate'>;
  session: Pick<ScoringSession, 'name' | 'blind' | 'assignment' | 'status' | 'mentorIds' | 'submissionIds' | 'conflicts'> &
    Partial<Pick<ScoringSession, 'keptAssignments'>>;
  rubric: Pick<Rubric, 'name' | 'version' | 'groups'>;
  /** `computeSessionResults` with the options below. */
  results: SessionResults;
  /** `versionChanges(results)`. */
  changes: readonly VersionChange[];
  mentors: readonly Pick<Mentor, 'id' | 'name' | 'organisation'>[];
  /** When the report is made (ms since the epoch). */
  generatedAt: number;
}

export interface SummaryOptions {
  language: PackLanguage;
  /** The results' means are normalised per mentor (must match `results.options.normalise`). */
  normalised: boolean;
  /** The spread above which a submission is flagged (must match `results.options.flagSpreadAbove`). */
  flagSpreadAbove: number;
}

/** Number formats of the report: scores with one decimal, coefficients with two, counts whole. */
export function summaryFormats(language: PackLanguage) {
  return {
    score: (v: number | null) => formatFixed(v, language, 1),
    coefficient: (v: number | null) => formatFixed(v, language, 2),
    count: (v: number | null) => formatNumber(v, language, 0),
  };
}

/** "0,72 [0,55–0,84]": a coefficient with its 95 % interval when there is one. */
function withInterval(f: ReturnType<typeof summaryFormats>, value: number | null, low: number | null, high: number | null): string {
  return value !== null && low !== null && high !== null ? `${f.coefficient(value)} [${f.coefficient(low)}–${f.coefficient(high)}]` : f.coefficient(value);
}

/** Readings are taken on the interval's lower bound (see `alphaReadingOf`). */
function agreementCells(a: Agreement, text: SummaryMessages, language: PackLanguage) {
  const f = summaryFormats(language);
  const alpha = alphaReadingOf(a);
  const icc = iccReadingOf(a);
  return {
    alpha: a.alpha,
    // The table's cells stay short (the intervals are in the overall sentences and the studio's table).
    alphaText: f.coefficient(a.alpha),
    alphaReading: alpha,
    iccText: icc ? `${f.coefficient(a.icc)} (${text.readings.icc[icc]})` : f.coefficient(a.icc),
    readingText: alpha ? text.readings.alpha[alpha] : text.readings.unavailable,
    unitsText: fill(text.criteria.units, { n: f.count(a.alphaUnits), mentors: f.count(a.alphaRaters), values: f.count(a.alphaPairable), iccN: f.count(a.iccUnits) }),
  };
}

/** Best rank first, unranked last, then by label: the order of the ranking table and the export. */
export function rankingOrder(rows: readonly SubmissionResultRow[], language: PackLanguage): SubmissionResultRow[] {
  return [...rows].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.submission.label.localeCompare(b.submission.label, PACK_LOCALES[language]),
  );
}

/**
 * The curator's summary report of one scoring session, as plain data (see
 * summaryModelSchema.ts): cover facts and key figures, the ranking with a
 * chart of the top 20, statistics and agreement per criterion, statistics per
 * region, improvement across versions, agreement and leniency per mentor, and
 * how to read it all. Every number comes from `results` and `changes`; this
 * only orders, translates and formats them.
 */
export function buildSummaryModel(input: SummaryInput, options: SummaryOptions): SummaryModel {
  const { language } = options;
  const { workshop, session, rubric, results } = input;
  if (results.options.normalise !== options.normalised || results.options.flagSpreadAbove !== options.flagSpreadAbove) {
    throw new Error('The summary report must describe the options its results were computed with (normalise, flagSpreadAbove)');
  }
  const text = SUMMARY_MESSAGES[language];
  const studio = studioMessages(language);
  const f = summaryFormats(language);
  const name = (n: { id: string; en: string }) => n[language];
  const itemLabel = (row: SubmissionResultRow) => fill(text.itemLabel, { label: row.submission.label, version: row.submission.version });
  const categoryName = (code: string) => (studio.categories as Record<string, string>)[code] ?? code;
  const regionName = (region: string) => region.trim() || text.regions.noRegion;
  const threshold = f.count(options.flagSpreadAbove);

  // Cover.
  const c = results.completeness;
  const assigned = [...assignQueues(session).values()].reduce((sum, queue) => sum + queue.length, 0);
  const completeness = assigned === 0 ? 0 : Math.min(1, c.submittedReviews / assigned);
  const flagged = results.submissions.filter((r) => r.flagged).length;
  const known = new Map(input.mentors.map((m) => [m.id, m] as const));
  const mentorName = (id: string) => known.get(id)?.name.trim() || text.agreement.unknownMentor;
  const mentors = session.mentorIds.map((id) => ({ name: mentorName(id), organisation: known.get(id)?.organisation.trim() ?? '' }));
  const fact = (label: string, value: string) => (value.trim() ? [{ label, value: value.trim() }] : []);
  const regions = [...new Set(results.submissions.map((r) => r.submission.region.trim()).filter(Boolean))].sort();
  const overallCells = agreementCells(results.overall, text, language);

  // Ranking.
  const ordered = rankingOrder(results.submissions, language);
  const rows = ordered.map((r) => ({
    submissionId: r.submission.id,
    rank: r.rank,
    rankText: f.count(r.rank),
    label: itemLabel(r),
    category: categoryName(r.submission.category),
    region: regionName(r.submission.region),
    mean: r.mean,
    meanText: r.mean === null ? text.ranking.notScored : f.score(r.mean),
    n: r.n,
    nText: f.count(r.n),
    min: r.min,
    max: r.max,
    spread: r.spread,
    spreadText: f.score(r.spread),
    flagged: r.flagged,
    flagText: r.flagged ? text.ranking.flagged : '',
    revisions: r.revisedAfterReveal.map((revision) =>
      fill(revision.pending ? text.ranking.revisedPending : text.ranking.revisedBy, { mentor: mentorName(revision.mentorId), when: formatMomentTime(revision.at, language) }),
    ),
  }));
  const revised = results.submissions.reduce((n, r) => n + r.revisedAfterReveal.length, 0);
  const bars = ordered
    .filter((r) => r.mean !== null)
    .slice(0, RANKING_CHART_BARS)
    .map((r) => ({ label: `${f.count(r.rank)}. ${itemLabel(r)}`, mean: r.mean as number, min: r.min, max: r.max, meanText: f.score(r.mean), flagged: r.flagged }));

  // Criteria, with a code (K1, K2…) the version table refers to.
  const criteria = rubric.groups.flatMap((g) => g.criteria.map((criterion) => ({ criterion, group: g })));
  const byCriterion = new Map(results.criteria.map((r) => [r.criterionId, r] as const));
  const code = (i: number) => fill(text.criterionCode, { n: i + 1 });
  const criterionRows = criteria.map(({ criterion, group }, i) => {
    const r = byCriterion.get(criterion.id);
    const { min, max } = criterion.scale;
    const mean = r?.mean ?? null;
    return {
      criterionId: criterion.id,
      name: `${code(i)} ${name(criterion.name)}`,
      group: name(group.name),
      scaleText: fill(text.criteria.scale, { min: formatNumber(min, language, 2), max: formatNumber(max, language, 2) }),
      mean,
      meanShare: mean === null ? null : Math.min(1, Math.max(0, (mean - min) / (max - min))),
      meanText: f.score(mean),
      sdText: f.coefficient(r?.sd ?? null),
      n: r?.n ?? 0,
      ...agreementCells(r ?? emptyAgreement('ordinal'), text, language),
    };
  });

  // Agreement and leniency.
  const o = results.overall;
  const sentences =
    o.alpha === null
      ? [text.agreement.none]
      : [
          fill(text.agreement.overall, { alpha: withInterval(f, o.alpha, o.alphaLow, o.alphaHigh), reading: overallCells.readingText, count: f.count(o.alphaUnits) }),
          ...(o.icc !== null
            ? [
                fill(text.agreement.overallIcc, {
                  icc: withInterval(f, o.icc, o.iccLow, o.iccHigh),
                  iccMean: withInterval(f, o.iccMean, o.iccMeanLow, o.iccMeanHigh),
                  reading: iccMeanReadingOf(o) ? text.readings.icc[iccMeanReadingOf(o) ?? 'poor'] : text.readings.unavailable,
                  count: f.count(o.iccUnits),
                  mentors: f.count(o.iccRaters),
                }),
              ]
            : []),
        ];
  const signed = (v: number | null) => (v === null ? f.score(null) : v > 0 ? `+${f.score(v)}` : f.score(v));
  const mentorRows = results.mentors.map((m) => ({
    mentorId: m.mentorId,
    name: mentorName(m.mentorId),
    organisation: known.get(m.mentorId)?.organisation.trim() ?? '',
    submittedText: f.count(m.submitted),
    countedText: f.count(m.counted),
    meanGivenText: f.score(m.meanGiven),
    leniency: m.leniency,
    leniencyText: signed(m.leniency),
    sharedText: f.count(m.leniencyN),
  }));

  const regionSection = regionRows(results.submissions, { language, text, regionName, label: itemLabel });
  const versions = versionSection(input.changes, results.submissions, criteria, { language, text, code, name });
  const summarise = (items: readonly string[]) => items.join('; ');
  const named = { session: session.name, workshop: workshop.name };

  return {
    formatVersion: 1,
    language,
    meta: {
      title: fill(text.documentTitle, named),
      author: mentors.map((m) => m.name).join(', ') || text.cover.mentors,
      subject: fill(text.subject, named),
      keywords: fill(text.keywords, { region: workshop.region.trim() || regions.join(', ') }),
      lang: PACK_LOCALES[language],
    },
    footer: fill(text.footer, named),
    cover: {
      kicker: text.kicker,
      title: session.name,
      facts: [
        ...fact(text.cover.workshop, workshop.name),
        ...fact(text.cover.region, workshop.region.trim() || regions.join(', ')),
        ...fact(text.cover.venue, workshop.venue),
        ...fact(text.cover.dates, workshop.startDate || workshop.endDate ? formatDateRange(workshop.startDate, workshop.endDate, language) : ''),
        ...fact(text.cover.rubric, fill(text.cover.rubricValue, { name: name(rubric.name), version: rubric.version })),
        ...fact(text.cover.mode, session.blind ? text.cover.blind : text.cover.named),
        ...fact(text.cover.assignment, text.cover.assignments[session.assignment]),
        ...fact(text.cover.status, text.cover.statuses[session.status]),
        ...fact(text.cover.means, options.normalised ? text.cover.normalised : text.cover.raw),
        ...fact(text.cover.flagRule, fill(text.cover.flagRuleValue, { threshold })),
      ],
      mentors,
      figures: [
        { label: text.cover.submissions, value: f.count(c.submissions), detail: null },
        { label: text.cover.scored, value: f.count(c.scored), detail: c.submissions > 0 ? formatPercent(c.scored / c.submissions, language) : null },
        { label: text.cover.reviewsCounted, value: f.count(c.countedReviews), detail: null },
        {
          label: text.cover.completeness,
          value: formatPercent(completeness, language),
          detail: fill(text.cover.completenessOf, { done: f.count(Math.min(c.submittedReviews, assigned)), assigned: f.count(assigned) }),
        },
        { label: text.cover.overallAlpha, value: overallCells.alphaText, detail: overallCells.readingText },
        { label: text.cover.flagged, value: f.count(flagged), detail: fill(text.cover.flaggedDetail, { threshold }) },
      ],
      completeness,
      completenessText: fill(text.cover.completenessText, {
        scored: f.count(c.scored),
        total: f.count(c.submissions),
        two: f.count(c.scoredByTwoOrMore),
        counted: f.count(c.countedReviews),
      }),
      notes: session.status === 'open' ? [text.cover.openNote] : [],
      generated: fill(text.generated, { date: formatMoment(input.generatedAt, language) }),
    },
    ranking: {
      rows,
      flaggedText: flagged > 0 ? fill(text.ranking.flaggedCount, { count: f.count(flagged), threshold }) : fill(text.ranking.noneFlagged, { threshold }),
      revisedText: revised > 0 ? fill(text.ranking.revisedCount, { count: f.count(revised) }) : null,
      chart: {
        title: fill(text.ranking.chartTitle, { n: f.count(bars.length) }),
        alt: fill(text.ranking.chartAlt, {
          n: f.count(bars.length),
          summary: summarise(bars.map((b) => `${b.label} ${b.meanText}`)),
        }),
        bars,
      },
    },
    criteria: {
      rows: criterionRows,
      overall: overallCells,
      chartAlt: fill(text.criteria.chartAlt, { summary: summarise(criterionRows.map((r) => `${r.name} ${r.alphaText}`)) }),
    },
    regions: {
      rows: regionSection,
      chartAlt: fill(text.regions.chartAlt, { summary: summarise(regionSection.map((r) => `${r.region} ${r.meanText}`)) }),
    },
    versions,
    agreement: {
      sentences,
      alpha: o.alpha,
      alphaReading: alphaReadingOf(o),
      mentors: mentorRows,
      chartAlt: fill(text.agreement.chartAlt, { summary: summarise(mentorRows.map((m) => `${m.name} ${m.leniencyText}`)) }),
    },
    howToRead: [
      text.howToRead.items.mean,
      ...(options.normalised ? [text.howToRead.items.normalised] : []),
      text.howToRead.items.spread,
      text.howToRead.items.alpha,
      text.howToRead.items.icc,
      text.howToRead.items.leniency,
      text.howToRead.items.versions,
      ...(revised > 0 ? [text.howToRead.items.revised] : []),
    ],
    text,
  };
}

/** The report's file name: "<workshop> - <session> - Laporan ringkasan.pdf", safe on every file system. */
export function summaryFileName(workshopName: string, sessionName: string, language: PackLanguage): string {
  const text = SUMMARY_MESSAGES[language];
  const stem = [safeSegment(workshopName, '', 60), safeSegment(sessionName, text.noName, 60), text.fileName].filter(Boolean).join(' - ');
  return `${safeSegment(stem, text.fileName, 150)}.pdf`;
}
