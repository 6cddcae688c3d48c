import type { TFunction } from 'i18next';
import writeXlsxFile from 'write-excel-file/browser';
import type { Cell as SheetCell } from 'write-excel-file/browser';
import {
  CRITERION_COLUMNS,
  MENTOR_COLUMNS,
  RESULT_COLUMNS,
  VERSION_COLUMNS,
  type ExportLabels,
  type ExportTable,
} from '../../../../shared/scoring/resultsTable.ts';
import { csvText as toCsv } from '../../ui/csvText.ts';

/** One table as CSV text: comma-separated, dot decimals, UTF-8 with a BOM so Excel keeps Indonesian text; formulas escaped. */
export function csvText(table: ExportTable): string {
  return toCsv(table.header, table.rows);
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([csvText(table)], { type: 'text/csv;charset=utf-8' });
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
): ExportLabels {
  const keys = <K extends string>(list: readonly K[], prefix: string) =>
    Object.fromEntries(list.map((k) => [k, t(`sessions.export.${prefix}.${k as string}`)])) as Record<K, string>;
  return {
    language: language === 'en' ? 'en' : 'id',
    sheets: {
      results: t('sessions.export.sheets.results'),
      criteria: t('sessions.export.sheets.criteria'),
      mentors: t('sessions.export.sheets.mentors'),
      versions: t('sessions.export.sheets.versions'),
    },
    results: keys(RESULT_COLUMNS, 'results'),
    criteria: keys(CRITERION_COLUMNS, 'criteria'),
    mentors: keys(MENTOR_COLUMNS, 'mentors'),
    versions: keys(VERSION_COLUMNS, 'versions'),
    overall: t('sessions.results.overallRow'),
    flagged: t('sessions.results.flagged'),
    category: (code) => t(`categories.${code}`),
    mentorName,
  };
}
