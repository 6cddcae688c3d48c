import Papa from 'papaparse';

/** Excel reads a CSV as the local code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF';

/**
 * A text cell a spreadsheet would run as a formula (or that Excel and
 * LibreOffice strip to reach one): it begins with =, +, -, @, a tab or a
 * carriage return. Papa's own default (`/^[=+\-@\t\r].*$/`) misses a cell with
 * a line break in it, since `.` stops at the newline: names and notes arrive
 * from other laptops' bundles, so any such cell is escaped.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** One value of a CSV: numbers stay numbers (a negative number is data, not a formula); null is empty. */
export type CsvCell = string | number | null;

/**
 * The one way the studio writes CSV: UTF-8 with a BOM, comma-separated, CRLF,
 * and every text cell that would start a formula prefixed with an apostrophe
 * (OWASP "CSV Injection"), so a spreadsheet shows it as text.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[], preamble: readonly (readonly CsvCell[])[] = []): string {
  const data = [...preamble.map((row) => row.map((cell) => cell ?? '')), [...header], ...rows.map((row) => row.map((cell) => cell ?? ''))];
  return BOM + Papa.unparse(data, { newline: '\r\n', escapeFormulae: FORMULA_START });
}
