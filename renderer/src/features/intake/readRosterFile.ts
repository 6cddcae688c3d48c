import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/browser';
import type { CellRange } from '#shared/intake/roster.ts';

/**
 * Why a roster file could not be read. Each has one translated sentence in the UI
 * (i18n key `intake.rosterFileErrors.<code>`).
 */
export const ROSTER_FILE_ERRORS = [
  /** The file claims a format we read but its content is broken, binary or empty of sheets. */
  'unreadable',
  /** A format we do not read: legacy .xls, .ods, .numbers, anything but CSV/TSV/TXT/XLSX. */
  'unsupported',
  /** Bigger than any roster (MAX_ROSTER_BYTES, or an XLSX that would unpack past MAX_ROSTER_UNZIPPED_BYTES). */
  'too-large',
] as const;
export type RosterFileErrorCode = (typeof ROSTER_FILE_ERRORS)[number];

/** Thrown by readRosterFile; `code` picks the sentence the user sees, `message` is English detail for logs. */
export class RosterFileError extends Error {
  readonly code: RosterFileErrorCode;

  constructor(code: RosterFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RosterFileError';
    this.code = code;
  }
}

/** A 300-participant roster is tens of kilobytes; anything past this is not a roster. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;
/** Sum of an XLSX's declared unpacked sizes above which it is refused before unzipping (zip bombs). */
export const MAX_ROSTER_UNZIPPED_BYTES = 64 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .xls (also when renamed .csv or .xlsx). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** One sheet of a roster file: its name (the file's name for CSV), its rows of cell texts, its merged cells. */
export interface RosterSheet {
  name: string;
  rows: string[][];
  merges: CellRange[];
}

/**
 * Reads a roster file picked or dropped in the browser into rows of cell texts,
 * one array per spreadsheet row (blank rows kept, so indexes are row numbers − 1;
 * trailing blank rows dropped). CSV/TSV/TXT (UTF-8 or UTF-16 with BOM, else
 * Windows-1252; `,` `;` or tab detected) as one sheet, and every sheet of an
 * XLSX that has data, with its merged cells. A zero-byte file reads as no
 * sheets. Throws RosterFileError.
 */
export async function readRosterWorkbook(file: Blob & { name: string }): Promise<RosterSheet[]> {
  if (file.size > MAX_ROSTER_BYTES) throw new RosterFileError('too-large', `${file.size} bytes`);
  const extension = extensionOf(file.name);
  if (!TEXT_EXTENSIONS.has(extension) && extension !== 'xlsx') {
    throw new RosterFileError('unsupported', `extension .${extension || '(none)'}`);
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (cause) {
    throw new RosterFileError('unreadable', 'file could not be read', { cause });
  }
  if (bytes.length === 0) return [];
  if (startsWith(bytes, OLE)) throw new RosterFileError('unsupported', 'legacy .xls (OLE) file');

  const sheets = startsWith(bytes, ZIP) ? await readXlsx(bytes) : [{ name: file.name, rows: readDelimitedText(bytes, extension), merges: [] }];
  for (const sheet of sheets) {
    while (sheet.rows.length > 0 && (sheet.rows.at(-1) ?? []).every((cell) => cell.trim() === '')) sheet.rows.pop();
  }
  return sheets.filter((sheet) => sheet.rows.some((row) => row.some((cell) => cell.trim() !== '')));
}

/** The rows of a roster file's first sheet with data (see readRosterWorkbook). Throws RosterFileError. */
export async function readRosterFile(file: Blob & { name: string }): Promise<string[][]> {
  return (await readRosterWorkbook(file))[0]?.rows ?? [];
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Papa Parse's guess counts blank lines as one-field rows unless they are skipped,
 * so a short file with a trailing newline can look undelimited: guess on the
 * non-blank lines, then parse with blank lines kept (they hold row numbers).
 */
function guessDelimiter(text: string, extension: string): string {
  if (extension === 'tsv') return '\t';
  const guess = Papa.parse<string[]>(text, {
    header: false,
    preview: 50,
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
  });
  return guess.meta.delimiter || ',';
}

function readDelimitedText(bytes: Uint8Array, extension: string): string[][] {
  if (extension === 'xlsx') throw new RosterFileError('unreadable', '.xlsx that is not a zip archive');
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new RosterFileError('unreadable', 'binary content in a text file');
  const result = Papa.parse<string[]>(text, { header: false, delimiter: guessDelimiter(text, extension), skipEmptyLines: false });
  if (result.data.length === 0 && text.trim() !== '') {
    throw new RosterFileError('unreadable', result.errors[0]?.message ?? 'no rows');
  }
  return result.data.map((row) => row.map((cell) => String(cell ?? '')));
}

/**
 * Sum of the unpacked sizes a zip's central directory declares, or null when
 * there is no readable directory. Zip64 archives count as too large.
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    if (count === 0xffff || at === 0xffffffff) return Number.POSITIVE_INFINITY;
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  return typeof value === 'string' ? value : String(value);
}

/** `AB12` → 0-based row 11, column 27. */
function cellAddress(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
  if (!m?.[1] || !m[2]) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

const decodeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The merged cells of each sheet by sheet name, read from the workbook's XML
 * (read-excel-file does not report them). A workbook whose parts cannot be
 * followed reads as having none: merges refine a roster, they never block it.
 */
export function mergedCellsBySheet(bytes: Uint8Array): Map<string, CellRange[]> {
  const out = new Map<string, CellRange[]>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name.startsWith('xl/worksheets/sheet'),
    });
  } catch {
    return out;
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const targets = new Map<string, string>();
  for (const [tag] of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const [tag] of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id');
    const path = id ? targets.get(id) : undefined;
    if (!name || !path) continue;
    const ranges: CellRange[] = [];
    for (const [, ref] of text(path).matchAll(/<mergeCell\b[^>]*\sref="([^"]+)"/g)) {
      const [from, to] = (ref ?? '').split(':').map(cellAddress);
      if (from && to) ranges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
    }
    out.set(decodeXml(name), ranges);
  }
  return out;
}

async function readXlsx(bytes: Uint8Array): Promise<RosterSheet[]> {
  const declared = declaredUnzippedBytes(bytes);
  if (declared === null) throw new RosterFileError('unreadable', 'zip without a central directory');
  if (declared > MAX_ROSTER_UNZIPPED_BYTES) throw new RosterFileError('too-large', `unpacks to ${declared} bytes`);

  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    // A copy that owns its whole buffer: the library reads it as an ArrayBuffer.
    sheets = await readXlsxFile(bytes.slice().buffer);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === 'XLS_FILE_NOT_SUPPORTED' || code === 'FILE_NOT_SUPPORTED') {
      throw new RosterFileError('unsupported', String(code), { cause });
    }
    throw new RosterFileError('unreadable', cause instanceof Error ? cause.message : 'not a spreadsheet', { cause });
  }
  const merges = mergedCellsBySheet(bytes);
  return sheets.map(({ sheet, data }) => ({
    name: sheet,
    rows: data.map((row) => row.map(cellToText)),
    merges: merges.get(sheet) ?? [],
  }));
}
