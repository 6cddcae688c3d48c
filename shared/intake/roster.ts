import { z } from 'zod';
import type { PACKAGING_MATERIALS, PRODUCT_CATEGORIES } from '../domain/participant.ts';
import { labelFactsSchema, participantFieldsSchema } from '../domain/participant.ts';
import { normaliseName } from './fileNames.ts';
import { categoryFromText, materialFromText, readHeaderText, type HeaderReading } from './rosterWords.ts';
import {
  axesOfWords,
  axisWord,
  guessSizeUnit,
  parsePackSize,
  type SizeOrder,
  type SizeUnit,
} from './packSize.ts';

type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
type PackagingMaterial = (typeof PACKAGING_MATERIALS)[number];

/**
 * What can be wrong in a roster. Each has one translated sentence in the UI
 * (i18n key `intake.rosterProblems.<code>`).
 */
export const ROSTER_PROBLEMS = [
  /** The file has no non-blank row at all. (row 1) */
  'empty',
  /** No header in the first rows names the business column. (row 1, no entries) */
  'no-business-column',
  /** A non-blank row without a business name: not imported. */
  'missing-business',
  /** Same business and product as an earlier row (`sameAs`): not imported. */
  'duplicate-row',
  /** A width, height, depth or combined size that is not a size in mm/cm: imported without pack size. */
  'bad-dimension',
  /** Width or height given without the other (or one number in a combined size): imported without pack size. */
  'missing-dimension',
  /** A category that is none of the known ones: imported as 'other'. */
  'unknown-category',
  /** A packaging material that is none of the known ones: imported as unknown. */
  'unknown-material',
  /** A value longer than the field allows: imported cut short (file names: left out). */
  'too-long',
] as const;
export const rosterProblemCodeSchema = z.enum(ROSTER_PROBLEMS);
export type RosterProblemCode = z.infer<typeof rosterProblemCodeSchema>;

/** Problems after which the row (or the whole file) was not imported; the others are warnings. */
export const ROSTER_BLOCKING_PROBLEMS: readonly RosterProblemCode[] = [
  'empty',
  'no-business-column',
  'missing-business',
  'duplicate-row',
];

export const rosterProblemSchema = z.object({
  /** 1-based spreadsheet row. */
  row: z.number().int().positive(),
  code: rosterProblemCodeSchema,
  /** The column's header as written in the file, when one column is at fault. */
  column: z.string().optional(),
  /** For 'duplicate-row': the earlier row it repeats. */
  sameAs: z.number().int().positive().optional(),
  /** The cell as written, for a value that was not understood (a size, a category, a material). */
  value: z.string().optional(),
});
export type RosterProblem = z.infer<typeof rosterProblemSchema>;

/** The roster fields a column can hold. */
export const ROSTER_FIELDS = [
  'business',
  'owner',
  'product',
  'category',
  'city',
  'region',
  'contact',
  'registration',
  'halal',
  'netContent',
  'material',
  'width',
  'height',
  'depth',
  /** Width, height and depth in one cell: `14 x 22 x 4 cm`. */
  'size',
  'files',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

const FILE_NAME_MAX = 255;

/** A participant as the roster describes it (without its workshop), with the row it came from. */
export const rosterEntrySchema = participantFieldsSchema.omit({ workshopId: true }).extend({
  /** Design file names listed for this participant, to match against dropped files. */
  files: z.array(z.string().min(1).max(FILE_NAME_MAX)),
  /** 1-based spreadsheet row. */
  row: z.number().int().positive(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Where a size column's unit comes from: its header, a guess from its numbers, the mm default, or the person. */
export type UnitSource = 'header' | 'guess' | 'default' | 'chosen';
/** Where a combined size's order comes from: its header (`P x L x T`), the default, or the person. */
export type OrderSource = 'header' | 'default' | 'chosen';
/** Why a column is not used: nothing known in its header, the person said so, or an earlier column already gives its field. */
export type UnusedReason = 'unrecognised' | 'chosen' | 'repeats';

export type RosterColumn = {
  /** 0-based column index. */
  index: number;
  /** Header as written (the rows of a two-row header joined). */
  header: string;
  /** What the column is read as, or null when it is not used. */
  field: RosterField | null;
  /** What its header alone says, before any choice in the preview. */
  suggested: RosterField | null;
  /** Unit of a size column's numbers when a cell names none; null for other columns. */
  unit: SizeUnit | null;
  unitFrom: UnitSource | null;
  /** Order of a combined size column's numbers; null for other columns. */
  order: SizeOrder | null;
  orderFrom: OrderSource | null;
  /** The axis letters as the header writes them (`P × L × T`), when it does. */
  orderWritten: string | null;
  /** Why the column is not used (field null); for 'repeats', the earlier column that gives its field, and the field. */
  unused: { reason: UnusedReason; repeats?: number; repeatsField?: RosterField } | null;
};

/** A column nothing is taken from, for the preview and the report. */
export type RosterUnusedColumn = {
  index: number;
  header: string;
  reason: UnusedReason;
  /** For 'repeats': the earlier column that gives the field, and the field. */
  repeats?: number;
  repeatsField?: RosterField;
  /** How many rows under the header have a value in it. */
  filled: number;
  /** Up to three different values, as written. */
  samples: string[];
};

export type RosterResult = {
  entries: RosterEntry[];
  problems: RosterProblem[];
  /** How each header column was understood (empty when no header row was found). */
  columns: RosterColumn[];
  /** Columns with a header or values that nothing is taken from. */
  unusedColumns: RosterUnusedColumn[];
  /** 1-based row of the header, or null when none was found. */
  headerRow: number | null;
  /** 1-based last row of the header (below it when merged header cells make it two rows deep). */
  headerEndRow: number | null;
};

/** A merged range of cells, 0-based and inclusive, as the sheet declares it. */
export type CellRange = { top: number; left: number; bottom: number; right: number };

/** What the person chose for one column in the preview. */
export type ColumnChoice = { field: RosterField | null; unit?: SizeUnit; order?: SizeOrder };

export type RosterOptions = {
  /** Per 0-based column index: the preview's choices, over what the header says. */
  choices?: Readonly<Record<number, ColumnChoice>>;
  /** Merged cells: values of merges below the header fill every cell; merges down from the header make it deeper. */
  merges?: readonly CellRange[];
};

/** Millimetres from `'120'`, `'12,5'`, `'12.5 cm'`; `headerUnit` applies when the cell names none. NaN when not a size. */
export function parseMillimetres(text: string, headerUnit: SizeUnit | null): number {
  const m = /^(\d+(?:[.,]\d+)?)\s*(mm|cm)?\.?$/i.exec(text.trim());
  if (!m?.[1]) return NaN;
  const n = Number(m[1].replace(',', '.'));
  const unit = m[2]?.toLowerCase() ?? headerUnit ?? 'mm';
  return unit === 'cm' ? Math.round(n * 1000) / 100 : n;
}

const DIMENSION_MAX = participantFieldsSchema.shape.packDimensions.unwrap().shape.widthMm.maxValue ?? 5000;

const MAX_LENGTH = {
  business: participantFieldsSchema.shape.business.maxLength ?? 160,
  owner: participantFieldsSchema.shape.owner.maxLength ?? 120,
  product: participantFieldsSchema.shape.product.maxLength ?? 160,
  city: participantFieldsSchema.shape.city.maxLength ?? 80,
  contact: participantFieldsSchema.shape.contact.maxLength ?? 120,
  registration: labelFactsSchema.shape.registrationNumber.maxLength ?? 40,
  halal: labelFactsSchema.shape.halalCertificate.maxLength ?? 60,
  netContent: labelFactsSchema.shape.netContent.maxLength ?? 40,
  region: participantFieldsSchema.shape.region.unwrap().maxLength ?? 80,
} as const;

const HEADER_SEARCH_ROWS = 10;

function cellText(cell: string | undefined): string {
  return (cell ?? '').replace(/\s+/g, ' ').trim();
}

/** Spreadsheets drop the leading 0 of a phone number stored as a number: 81234567890 → 081234567890. */
export function restorePhoneZero(value: string): string {
  return /^8\d{8,11}$/.test(value) ? `0${value}` : value;
}

function splitFileNames(cell: string): string[] {
  const names = cell
    .split(/[;,\r\n]+/)
    .map((n) => n.trim().replace(/^["']+|["']+$/g, '').trim())
    .filter((n) => n.length > 0);
  return [...new Set(names)];
}

/** Fields a roster may give in several columns, all kept: phone and email, a file column per face. */
const MULTI_FIELDS: ReadonlySet<RosterField> = new Set<RosterField>(['contact', 'files']);
const SEPARATE_SIZE_FIELDS: ReadonlySet<RosterField> = new Set<RosterField>(['width', 'height', 'depth']);
/** A header deeper than this many rows is not a header. */
const HEADER_MAX_DEPTH = 3;

const inRange = (m: CellRange, r: number, c: number) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right;

/**
 * The rows with each merged range that starts below `fromRow` (0-based) copied
 * into every cell it covers: a region merged down several participants belongs
 * to each of them. Merges above (title rows, the header) are left as they are.
 */
export function fillMerges(rows: readonly (readonly string[])[], merges: readonly CellRange[], fromRow: number): string[][] {
  const out = rows.map((r) => Array.from(r, (c) => c ?? ''));
  for (const m of merges) {
    if (m.top < fromRow) continue;
    const value = rows[m.top]?.[m.left] ?? '';
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (out[r] ??= []);
      while (row.length < m.left) row.push('');
      for (let c = m.left; c <= m.right; c++) row[c] = value;
    }
  }
  for (let r = 0; r < out.length; r++) out[r] ??= [];
  return out;
}

/** The 0-based row of the header: the first of the first ten rows that names a business column; -1 when none does. */
function findHeader(rows: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    if ((rows[i] ?? []).some((h) => readHeaderText(h ?? '').field === 'business')) return i;
  }
  return -1;
}

/** The last header row: a merge hanging down from the header (`Nama Usaha` over two rows) makes it deeper. */
function headerEnd(merges: readonly CellRange[], header: number): number {
  let end = header;
  for (const m of merges) {
    if (m.top <= header && m.bottom > header) end = Math.max(end, Math.min(m.bottom, header + HEADER_MAX_DEPTH - 1));
  }
  return end;
}

/** Each column's header parts, top to bottom, a merged cell counting in every column it spans. */
function headerParts(rows: readonly (readonly string[])[], merges: readonly CellRange[], from: number, to: number, width: number): string[][] {
  const parts: string[][] = [];
  for (let c = 0; c < width; c++) {
    const column: string[] = [];
    for (let r = from; r <= to; r++) {
      const m = merges.find((range) => inRange(range, r, c));
      const text = cellText(m ? rows[m.top]?.[m.left] : rows[r]?.[c]);
      if (text && column.at(-1) !== text) column.push(text);
    }
    parts.push(column);
  }
  return parts;
}

type HeaderSuggestion = { header: string; reading: HeaderReading };

/**
 * What each header names. Under a merged size header (`Ukuran Kemasan (cm)`
 * over `P | L | T`) the letters are read together, so P is the width, L the
 * depth and T the height.
 */
function suggestFields(parts: readonly string[][]): HeaderSuggestion[] {
  const suggestions = parts.map((p) => ({ header: p.join(' '), reading: readHeaderText(p.join(' ')) }));
  const groups = new Map<string, { column: number; word: NonNullable<ReturnType<typeof axisWord>> }[]>();
  parts.forEach((p, column) => {
    if (p.length < 2) return;
    const parent = p.slice(0, -1).join(' ');
    const word = axisWord(normaliseName(p.at(-1) ?? ''));
    if (!word || readHeaderText(parent).field !== 'size') return;
    const group = groups.get(parent) ?? [];
    group.push({ column, word });
    groups.set(parent, group);
  });
  for (const [parent, group] of groups) {
    const axes = axesOfWords(group.map((g) => g.word));
    if (!axes) continue;
    const unit = readHeaderText(parent).unit;
    group.forEach((g, i) => {
      const suggestion = suggestions[g.column];
      if (suggestion) suggestion.reading = { field: axes[i] ?? null, unit, order: null };
    });
  }
  return suggestions;
}

function resolveColumns(
  suggestions: readonly HeaderSuggestion[],
  data: readonly (readonly string[])[],
  choices: Readonly<Record<number, ColumnChoice>>,
): RosterColumn[] {
  const valuesOf = (index: number) => data.map((r) => cellText(r[index])).filter((v) => v !== '');
  // A field the person chose for a column wins over a header that suggests the same field elsewhere.
  const taken = new Map<RosterField, number>();
  for (const [key, choice] of Object.entries(choices)) {
    const index = Number(key);
    if (choice.field !== null && !MULTI_FIELDS.has(choice.field) && !taken.has(choice.field) && index < suggestions.length) {
      taken.set(choice.field, index);
    }
  }
  const columns = suggestions.map(({ header, reading }, index): RosterColumn => {
    const choice = choices[index];
    let field = choice ? choice.field : reading.field;
    let unused: RosterColumn['unused'] = field === null ? { reason: choice ? 'chosen' : 'unrecognised' } : null;
    if (field !== null && !MULTI_FIELDS.has(field)) {
      const owner = taken.get(field);
      if (owner === undefined) taken.set(field, index);
      else if (owner !== index) {
        unused = { reason: 'repeats', repeats: owner, repeatsField: field };
        field = null;
      }
    }
    return {
      index,
      header,
      field,
      suggested: reading.field,
      unit: null,
      unitFrom: null,
      order: null,
      orderFrom: null,
      orderWritten: null,
      unused,
    };
  });

  // Separate width/height/depth columns share one unit guess: a depth of 4 next to a width of 120 is millimetres.
  const separate = columns.filter((c) => c.field !== null && SEPARATE_SIZE_FIELDS.has(c.field));
  const headerUnitOf = (c: RosterColumn) => suggestions[c.index]?.reading.unit ?? null;
  const separateGuess = guessSizeUnit(separate.filter((c) => !headerUnitOf(c)).flatMap((c) => valuesOf(c.index)));
  for (const column of columns) {
    if (column.field === null || (column.field !== 'size' && !SEPARATE_SIZE_FIELDS.has(column.field))) continue;
    const choice = choices[column.index];
    const headerUnit = headerUnitOf(column);
    const guess = column.field === 'size' ? guessSizeUnit(valuesOf(column.index)) : separateGuess;
    if (choice?.unit) [column.unit, column.unitFrom] = [choice.unit, 'chosen'];
    else if (headerUnit) [column.unit, column.unitFrom] = [headerUnit, 'header'];
    else if (guess) [column.unit, column.unitFrom] = [guess, 'guess'];
    else [column.unit, column.unitFrom] = ['mm', 'default'];
    if (column.field !== 'size') continue;
    const written = suggestions[column.index]?.reading.order ?? null;
    column.orderWritten = written?.written ?? null;
    if (choice?.order) [column.order, column.orderFrom] = [choice.order, 'chosen'];
    else if (written) [column.order, column.orderFrom] = [written.order, 'header'];
    else [column.order, column.orderFrom] = ['w-h-d', 'default'];
  }
  return columns;
}

function unusedColumnsOf(columns: readonly RosterColumn[], data: readonly (readonly string[])[]): RosterUnusedColumn[] {
  return columns.flatMap((column) => {
    if (column.field !== null || !column.unused) return [];
    const values = data.map((r) => cellText(r[column.index])).filter((v) => v !== '');
    if (!column.header && values.length === 0) return [];
    return [
      {
        index: column.index,
        header: column.header,
        reason: column.unused.reason,
        ...(column.unused.repeats !== undefined ? { repeats: column.unused.repeats } : {}),
        ...(column.unused.repeatsField !== undefined ? { repeatsField: column.unused.repeatsField } : {}),
        filled: values.length,
        samples: [...new Set(values)].slice(0, 3),
      },
    ];
  });
}

/**
 * Reads a participant roster: the first row (of the first ten) whose headers name
 * a business column is the header; each later non-blank row becomes an entry or a
 * problem. Rows are reported as 1-based spreadsheet rows. A row counts as blank
 * when all its used columns are empty (a numbered but unfilled template row).
 * `options.choices` are the preview's per-column choices; `options.merges` the
 * sheet's merged cells.
 */
export function parseRoster(rows: readonly (readonly string[])[], options: RosterOptions = {}): RosterResult {
  const merges = options.merges ?? [];
  const isBlank = (row: readonly string[] | undefined) => !row || row.every((c) => cellText(c) === '');
  const none = { columns: [], unusedColumns: [], headerRow: null, headerEndRow: null };
  if (rows.every((r) => isBlank(r))) return { entries: [], problems: [{ row: 1, code: 'empty' }], ...none };

  const headerIndex = findHeader(rows);
  if (headerIndex < 0) return { entries: [], problems: [{ row: 1, code: 'no-business-column' }], ...none };
  const lastHeader = headerEnd(merges, headerIndex);
  const table = fillMerges(rows, merges, lastHeader + 1);
  const data = table.slice(lastHeader + 1);
  const width = Math.max(0, ...table.slice(headerIndex).map((r) => r.length), ...merges.map((m) => m.right + 1));
  const columns = resolveColumns(suggestFields(headerParts(rows, merges, headerIndex, lastHeader, width)), data, options.choices ?? {});

  const columnsOf = (field: RosterField) => columns.filter((c) => c.field === field);
  const first = (field: RosterField): RosterColumn | undefined => columnsOf(field)[0];
  const used = columns.filter((c) => c.field !== null);

  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number>();

  for (let i = lastHeader + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    const row = i + 1;
    const raw = (column: RosterColumn | undefined) => (column ? (cells[column.index] ?? '') : '');
    const at = (column: RosterColumn | undefined) => cellText(raw(column));
    if (used.every((c) => at(c) === '')) continue;

    const limited = (field: keyof typeof MAX_LENGTH, value: string, column: RosterColumn | undefined) => {
      const max = MAX_LENGTH[field];
      if (value.length <= max) return value;
      problems.push({ row, code: 'too-long', ...(column ? { column: column.header } : {}) });
      return value.slice(0, max).trim();
    };
    const text = (field: keyof typeof MAX_LENGTH & RosterField) => limited(field, at(first(field)), first(field));

    const business = text('business');
    if (!business) {
      problems.push({ row, code: 'missing-business' });
      continue;
    }
    const product = text('product');
    const key = `${normaliseName(business)}\u0000${normaliseName(product)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // This row is not imported: drop the length warnings just reported for it.
      while (problems.at(-1)?.row === row) problems.pop();
      problems.push({ row, code: 'duplicate-row', sameAs: earlier });
      continue;
    }
    seen.set(key, row);

    const categoryColumn = first('category');
    const categoryText = at(categoryColumn);
    let category: ProductCategory = 'other';
    if (categoryText) {
      const found = categoryFromText(categoryText);
      if (found) category = found;
      else problems.push({ row, code: 'unknown-category', column: categoryColumn?.header ?? '', value: categoryText });
    }

    const materialColumn = first('material');
    const materialText = at(materialColumn);
    let packagingMaterial: PackagingMaterial | null = null;
    if (materialText) {
      packagingMaterial = materialFromText(materialText);
      if (!packagingMaterial) problems.push({ row, code: 'unknown-material', column: materialColumn?.header ?? '', value: materialText });
    }

    const contactColumns = columnsOf('contact');
    const contactParts = [...new Set(contactColumns.map((c) => restorePhoneZero(at(c))).filter(Boolean))];
    const contact = limited('contact', contactParts.join(' / '), contactColumns.length === 1 ? contactColumns[0] : undefined);

    const files: string[] = [];
    for (const filesColumn of columnsOf('files')) {
      for (const name of splitFileNames(raw(filesColumn))) {
        if (name.length > FILE_NAME_MAX) problems.push({ row, code: 'too-long', column: filesColumn.header });
        else if (!files.includes(name)) files.push(name);
      }
    }

    entries.push({
      business,
      owner: text('owner'),
      product,
      category,
      city: text('city'),
      contact,
      labelFacts: {
        registrationNumber: text('registration'),
        halalCertificate: text('halal'),
        netContent: text('netContent'),
        packagingMaterial,
      },
      packDimensions: readDimensions(row, at, first, problems),
      region: text('region'),
      files,
      row,
    });
  }

  return {
    entries,
    problems,
    columns,
    unusedColumns: unusedColumnsOf(columns, data),
    headerRow: headerIndex + 1,
    headerEndRow: lastHeader + 1,
  };
}

/**
 * The pack size of a row: from separate width/height/depth columns when the row
 * fills any of them, else from a combined size column.
 */
function readDimensions(
  row: number,
  at: (column: RosterColumn | undefined) => string,
  first: (field: RosterField) => RosterColumn | undefined,
  problems: RosterProblem[],
): RosterEntry['packDimensions'] {
  const read = (field: 'width' | 'height' | 'depth') => {
    const column = first(field);
    const raw = at(column);
    const mm = raw ? parseMillimetres(raw, column?.unit ?? null) : null;
    return { column, raw, mm };
  };
  const width = read('width');
  const height = read('height');
  const depth = read('depth');
  if (!width.raw && !height.raw && !depth.raw) return readCombinedSize(row, at, first('size'), problems);

  let ok = true;
  for (const d of [width, height, depth]) {
    if (d.mm === null) continue;
    const min = d === depth ? 0 : Number.MIN_VALUE;
    if (!(d.mm >= min && d.mm <= DIMENSION_MAX)) {
      problems.push({ row, code: 'bad-dimension', column: d.column?.header ?? '', value: d.raw });
      ok = false;
    }
  }
  for (const d of [width, height]) {
    if (d.mm === null) {
      problems.push({ row, code: 'missing-dimension', ...(d.column ? { column: d.column.header } : {}) });
      ok = false;
    }
  }
  if (!ok || width.mm === null || height.mm === null) return null;
  return { widthMm: width.mm, heightMm: height.mm, depthMm: depth.mm ?? 0 };
}

function readCombinedSize(
  row: number,
  at: (column: RosterColumn | undefined) => string,
  column: RosterColumn | undefined,
  problems: RosterProblem[],
): RosterEntry['packDimensions'] {
  const raw = at(column);
  if (!column || !raw) return null;
  const reading = parsePackSize(raw, { unit: column.unit ?? 'mm', order: column.order ?? 'w-h-d' });
  if (reading.ok) return reading.size;
  problems.push({ row, code: reading.reason === 'one-number' ? 'missing-dimension' : 'bad-dimension', column: column.header, value: raw });
  return null;
}
