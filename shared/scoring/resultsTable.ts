import type { Rubric } from '../domain/rubric.ts';
import type { NormalisationStatus } from './aggregate.ts';
import type { AlphaMetric } from './agreement.ts';
import type { Agreement, RevisionAfterReveal, SessionResults, VersionChange } from './results.ts';

/** A cell of an exported file: numbers stay numbers; null is an empty cell. */
export type Cell = string | number | null;

/** One table of an export: a CSV file, or one sheet of an XLSX workbook. */
export interface ExportTable {
  /** The sheet's name. */
  name: string;
  header: string[];
  rows: Cell[][];
}

export const RESULT_COLUMNS = [
  'rank',
  'rankInCategory',
  'rankInRegion',
  'label',
  'version',
  'category',
  'region',
  'mean',
  'n',
  'sd',
  'min',
  'max',
  'spread',
  'flagged',
  'revisedAfterReveal',
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

export const CRITERION_COLUMNS = [
  'group',
  'criterion',
  'scale',
  'mean',
  'sd',
  'n',
  'alphaMetric',
  'alpha',
  'alphaLow',
  'alphaHigh',
  'alphaUnits',
  'alphaRaters',
  'alphaPairable',
  'icc',
  'iccLow',
  'iccHigh',
  'iccMean',
  'iccMeanLow',
  'iccMeanHigh',
  'iccUnits',
  'iccRaters',
] as const;
export type CriterionColumn = (typeof CRITERION_COLUMNS)[number];

export const MENTOR_COLUMNS = ['mentor', 'submitted', 'abstained', 'conflicts', 'counted', 'meanGiven', 'leniency', 'leniencyN', 'normalisation'] as const;
export type MentorColumn = (typeof MENTOR_COLUMNS)[number];

export const VERSION_COLUMNS = ['label', 'fromVersion', 'toVersion', 'overall'] as const;
export type VersionColumn = (typeof VERSION_COLUMNS)[number];

/**
 * The words of an export, translated by the caller (shared/ imports no i18n);
 * `language` picks the rubric's own bilingual group and criterion names.
 */
export interface ExportLabels {
  language: 'id' | 'en';
  sheets: { results: string; criteria: string; mentors: string; versions: string };
  results: Record<ResultColumn, string>;
  criteria: Record<CriterionColumn, string>;
  mentors: Record<MentorColumn, string>;
  versions: Record<VersionColumn, string>;
  /** What normalising did to a mentor, in words ("Tetap mentah: kurang dari 3 kiriman dinilai"). */
  normalisation: (status: NormalisationStatus) => string;
  /** The name of alpha's level of measurement ("ordinal"). */
  alphaMetric: (metric: AlphaMetric) => string;
  /** The name of the agreement row over the overall 0–100 in the criteria table. */
  overall: string;
  /** The text of the flag cell of a submission to discuss (empty otherwise). */
  flagged: string;
  /** One review "direvisi setelah melihat penilaian lain", in words with its mentor and time. */
  revision: (revision: RevisionAfterReveal) => string;
  category: (code: string) => string;
  mentorName: (mentorId: string) => string;
}

/** Two decimals for files: the maths keeps full precision, the file shows what people compare. */
export function roundForFile(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

type RubricShape = Pick<Rubric, 'groups'>;

function criteriaOf(rubric: RubricShape) {
  return rubric.groups.flatMap((g) => g.criteria.map((c) => ({ criterion: c, group: g })));
}

const scaleText = (min: number, max: number) => `${min}–${max}`;

/**
 * The results table: one row per submission, best rank first (unranked last,
 * then by label), the columns of RESULT_COLUMNS and then each criterion's mean
 * in rubric order, headed "name (min–max)".
 */
export function resultsTable(results: Pick<SessionResults, 'submissions'>, rubric: RubricShape, labels: ExportLabels): ExportTable {
  const criteria = criteriaOf(rubric);
  const header = [
    ...RESULT_COLUMNS.map((key) => labels.results[key]),
    ...criteria.map(({ criterion }) => `${criterion.name[labels.language]} (${scaleText(criterion.scale.min, criterion.scale.max)})`),
  ];
  const sorted = [...results.submissions].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.submission.label.localeCompare(b.submission.label, labels.language),
  );
  const rows = sorted.map((r): Cell[] => [
    r.rank,
    r.rankInCategory,
    r.rankInRegion,
    r.submission.label,
    r.submission.version,
    labels.category(r.submission.category),
    r.submission.region,
    roundForFile(r.mean),
    r.n,
    roundForFile(r.sd),
    roundForFile(r.min),
    roundForFile(r.max),
    roundForFile(r.spread),
    r.flagged ? labels.flagged : null,
    r.revisedAfterReveal.length > 0 ? r.revisedAfterReveal.map(labels.revision).join('; ') : null,
    ...criteria.map(({ criterion }) => roundForFile(r.criteria[criterion.id] ?? null)),
  ]);
  return { name: labels.sheets.results, header, rows };
}

/** Agreement per criterion in rubric order, and a last row for the overall 0–100. */
/** The agreement cells of a criteria row: alpha with interval and N, ICC(2,1) and ICC(2,k) with intervals and N. */
function agreementCells(a: Agreement | undefined, labels: ExportLabels, metric: AlphaMetric): Cell[] {
  const r = (v: number | null | undefined) => roundForFile(v ?? null);
  return [
    labels.alphaMetric(a?.alphaMetric ?? metric),
    r(a?.alpha),
    r(a?.alphaLow),
    r(a?.alphaHigh),
    a?.alphaUnits ?? 0,
    a?.alphaRaters ?? 0,
    a?.alphaPairable ?? 0,
    r(a?.icc),
    r(a?.iccLow),
    r(a?.iccHigh),
    r(a?.iccMean),
    r(a?.iccMeanLow),
    r(a?.iccMeanHigh),
    a?.iccUnits ?? 0,
    a?.iccRaters ?? 0,
  ];
}

export function criteriaTable(results: Pick<SessionResults, 'criteria' | 'overall'>, rubric: RubricShape, labels: ExportLabels): ExportTable {
  const byId = new Map(results.criteria.map((c) => [c.criterionId, c]));
  const rows: Cell[][] = criteriaOf(rubric).map(({ criterion, group }) => {
    const c = byId.get(criterion.id);
    return [
      group.name[labels.language],
      criterion.name[labels.language],
      scaleText(criterion.scale.min, criterion.scale.max),
      roundForFile(c?.mean ?? null),
      roundForFile(c?.sd ?? null),
      c?.n ?? 0,
      ...agreementCells(c, labels, 'ordinal'),
    ];
  });
  rows.push([null, labels.overall, scaleText(0, 100), null, null, null, ...agreementCells(results.overall, labels, 'interval')]);
  return { name: labels.sheets.criteria, header: CRITERION_COLUMNS.map((key) => labels.criteria[key]), rows };
}

/** Each mentor's counts, mean given and leniency, in the session's mentor order. */
export function mentorsTable(results: Pick<SessionResults, 'mentors' | 'normalisation'>, labels: ExportLabels): ExportTable {
  const status = new Map(results.normalisation.mentors.map((m) => [m.mentorId, m.status]));
  const rows = results.mentors.map((m): Cell[] => [
    labels.mentorName(m.mentorId),
    m.submitted,
    m.abstained,
    m.conflicts,
    m.counted,
    roundForFile(m.meanGiven),
    roundForFile(m.leniency),
    m.leniencyN,
    labels.normalisation(status.get(m.mentorId) ?? 'too-few'),
  ]);
  return { name: labels.sheets.mentors, header: MENTOR_COLUMNS.map((key) => labels.mentors[key]), rows };
}

/** First → latest reviewed version per participant: overall and per criterion change. */
export function versionsTable(changes: readonly VersionChange[], rubric: RubricShape, labels: ExportLabels): ExportTable {
  const criteria = criteriaOf(rubric);
  const header = [...VERSION_COLUMNS.map((key) => labels.versions[key]), ...criteria.map(({ criterion }) => criterion.name[labels.language])];
  const rows = changes.map((c): Cell[] => [
    c.label,
    c.total.fromVersion,
    c.total.toVersion,
    roundForFile(c.total.overall),
    ...criteria.map(({ criterion }) => roundForFile(c.total.criteria[criterion.id] ?? null)),
  ]);
  return { name: labels.sheets.versions, header, rows };
}

/** What an export holds, in words the caller translated and formatted (shared/ has no i18n). */
export interface ExportAbout {
  /** The sheet's name and the block's title, e.g. "Tentang berkas ini". */
  title: string;
  /** Label → value lines, in order: workshop, session, rubric and version, raw or normalised, threshold, tie rule, date… */
  lines: readonly (readonly [string, string])[];
}

/** The "about this file" table: the first sheet of the XLSX, and the header block of the CSV. */
export function aboutTable(about: ExportAbout): ExportTable {
  return { name: about.title, header: [about.title, ''], rows: about.lines.map(([label, value]): Cell[] => [label, value]) };
}

/**
 * The CSV's header block: the about lines, then an empty line before the
 * table, so a person opening the file reads what it holds before the numbers.
 */
export function csvPreamble(about: ExportAbout): Cell[][] {
  return [[about.title], ...about.lines.map(([label, value]): Cell[] => [label, value]), []];
}

/** Every table of a results workbook: what it holds first, then the results. */
export function exportTables(
  results: SessionResults,
  changes: readonly VersionChange[],
  rubric: RubricShape,
  labels: ExportLabels,
  about: ExportAbout,
): ExportTable[] {
  return [
    aboutTable(about),
    resultsTable(results, rubric, labels),
    criteriaTable(results, rubric, labels),
    mentorsTable(results, labels),
    versionsTable(changes, rubric, labels),
  ];
}
