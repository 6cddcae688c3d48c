import type { TFunction } from 'i18next';
import writeXlsxFile from 'write-excel-file/browser';
import type { Cell as SheetCell } from 'write-excel-file/browser';
import {
  CRITERION_COLUMNS,
  MENTOR_COLUMNS,
  RESULT_COLUMNS,
  VERSION_COLUMNS,
  csvPreamble,
  type ExportAbout,
  type ExportLabels,
  type ExportTable,
} from '#shared/scoring/resultsTable.ts';
import type { RevisionAfterReveal, SessionResults } from '#shared/scoring/results.ts';
import { csvText as toCsv } from '../../ui/csvText.ts';
import { categoryLabel } from '../../i18n/labels.ts';

/**
 * One table as CSV text: comma-separated, dot decimals, UTF-8 with a BOM so
 * Excel keeps Indonesian text; formulas escaped. With `about`, a header block
 * says what the file holds before the table.
 */
export function csvText(table: ExportTable, about?: ExportAbout): string {
  return toCsv(table.header, table.rows, about ? csvPreamble(about) : []);
}

export function csvBlob(table: ExportTable, about?: ExportAbout): Blob {
  return new Blob([csvText(table, about)], { type: 'text/csv;charset=utf-8' });
}

/** What a results export is about: the facts a reader needs to trust the numbers. */
export interface ResultsExportFacts {
  workshop: string;
  session: string;
  rubric: { name: string; version: number };
  results: Pick<SessionResults, 'options' | 'normalisation'>;
  mentorName: (id: string) => string;
  /** When the file is made (ms since the epoch). */
  madeAt: number;
  /** "7 Des 2026 10.15" in the UI language. */
  timestamp: (ms: number) => string;
  /** "20" in the UI language. */
  number: (value: number) => string;
}

/** The header block (CSV) and first sheet (XLSX) of a results export, in the UI language. */
export function resultsAbout(t: TFunction, facts: ResultsExportFacts): ExportAbout {
  const { options, normalisation } = facts.results;
  const leftRaw = normalisation.mentors.filter((m) => m.status !== 'normalised' && m.n > 0);
  const lines: [string, string][] = [
    [t('sessions.export.about.workshop'), facts.workshop],
    [t('sessions.export.about.session'), facts.session],
    [t('sessions.export.about.rubric'), t('sessions.export.about.rubricValue', { name: facts.rubric.name, version: facts.rubric.version })],
    [t('sessions.export.about.means'), options.normalise ? t('sessions.export.about.normalised') : t('sessions.export.about.raw')],
  ];
  if (options.normalise) {
    lines.push([
      t('sessions.export.about.leftRaw'),
      leftRaw.length === 0
        ? t('sessions.export.about.noneLeftRaw')
        : leftRaw.map((m) => `${facts.mentorName(m.mentorId)} (${t(`sessions.results.normalisation.${m.status}`)})`).join('; '),
    ]);
    if (normalisation.outsideRange > 0) lines.push([t('sessions.export.about.outside'), t('sessions.results.normaliseOutside', { count: normalisation.outsideRange })]);
  }
  lines.push(
    [t('sessions.export.about.threshold'), t('sessions.export.about.thresholdValue', { threshold: facts.number(options.flagSpreadAbove) })],
    [t('sessions.export.about.ties'), t('sessions.results.tieRule')],
    [t('sessions.export.about.made'), facts.timestamp(facts.madeAt)],
  );
  return { title: t('sessions.export.about.title'), lines };
}

/** The local calendar date of a moment, YYYY-MM-DD: sorts by name, reads the same in every language. */
function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trim()}…` : text);

/**
 * A results file's name says what it holds: "Workshop - Sesi - hasil mentah -
 * batas 20 - MJC Kualitas v1 - 2026-12-07" (names shortened to keep the whole
 * name within what every file system takes); the caller adds the extension.
 */
export function resultsFileTitle(t: TFunction, facts: Pick<ResultsExportFacts, 'workshop' | 'session' | 'rubric' | 'results' | 'madeAt' | 'number'>): string {
  const kind = facts.results.options.normalise ? t('sessions.export.fileNormalised') : t('sessions.export.fileRaw');
  return [
    cut(facts.workshop, 20),
    cut(facts.session, 16),
    kind,
    t('sessions.export.fileThreshold', { threshold: facts.number(facts.results.options.flagSpreadAbove) }),
    `${cut(facts.rubric.name, 16)} v${facts.rubric.version}`,
    isoDay(facts.madeAt),
  ].join(' - ');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

/** A workbook with one sheet per table; numbers stay numbers, the header row is bold and frozen. */
export function xlsxBlob(tables: readonly ExportTable[]): Promise<Blob> {
  const sheets = tables.map((table) => ({
    sheet: sheetName(table.name),
    stickyRowsCount: 1,
    columns: table.header.map((h, i) => ({
      width: Math.min(40, Math.max(8, h.length + 2, ...table.rows.map((r) => String(r[i] ?? '').length + 2))),
    })),
    data: [
      table.header.map((h): SheetCell => ({ value: h, fontWeight: 'bold' })),
      ...table.rows.map((row) => row.map((cell): SheetCell => cell)),
    ],
  }));
  return writeXlsxFile(sheets).toBlob();
}

/** The words of an export in the UI language. */
export function exportLabels(
  t: TFunction,
  language: string,
  mentorName: (id: string) => string,
  when: (ms: number) => string = (ms) => new Date(ms).toISOString(),
): ExportLabels {
  const labels = <K extends string>(list: readonly K[], label: (k: K) => string) => Object.fromEntries(list.map((k) => [k, label(k)])) as Record<K, string>;
  return {
    language: language === 'en' ? 'en' : 'id',
    sheets: {
      results: t('sessions.export.sheets.results'),
      criteria: t('sessions.export.sheets.criteria'),
      mentors: t('sessions.export.sheets.mentors'),
      versions: t('sessions.export.sheets.versions'),
    },
    results: labels(RESULT_COLUMNS, (k) => t(`sessions.export.results.${k}`)),
    criteria: labels(CRITERION_COLUMNS, (k) => t(`sessions.export.criteria.${k}`)),
    mentors: labels(MENTOR_COLUMNS, (k) => t(`sessions.export.mentors.${k}`)),
    versions: labels(VERSION_COLUMNS, (k) => t(`sessions.export.versions.${k}`)),
    overall: t('sessions.results.overallRow'),
    normalisation: (status) => t(`sessions.results.normalisation.${status}`),
    alphaMetric: (metric) => t(`sessions.results.alphaMetrics.${metric}`),
    flagged: t('sessions.results.flagged'),
    revision: (r) => revisionText(t, mentorName, when, r),
    category: (code) => categoryLabel(t, code),
    mentorName,
  };
}

/** "Sari, direvisi setelah melihat penilaian lain 7 Des 2026 10.32" (and, while not sent, that the submitted version counts). */
export function revisionText(t: TFunction, mentorName: (id: string) => string, when: (ms: number) => string, r: RevisionAfterReveal): string {
  return t(r.pending ? 'curators.revisedPending' : 'curators.revisedBy', { mentor: mentorName(r.mentorId), when: when(r.at) });
}
