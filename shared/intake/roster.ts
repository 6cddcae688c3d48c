import { z } from 'zod';
import type { PACKAGING_MATERIALS, PRODUCT_CATEGORIES } from '../domain/participant.ts';
import { labelFactsSchema, participantFieldsSchema } from '../domain/participant.ts';
import { normaliseName } from './fileNames.ts';

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
  /** A width, height or depth that is not a size in mm/cm: imported without pack size. */
  'bad-dimension',
  /** Width or height given without the other: imported without pack size. */
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

export type RosterColumn = {
  /** 0-based column index. */
  index: number;
  /** Header as written. */
  header: string;
  /** What the column was read as, or null when it is ignored. */
  field: RosterField | null;
  /** Unit named in a size header, e.g. `Lebar (cm)`; sizes without one are millimetres. */
  unit: 'mm' | 'cm' | null;
};

export type RosterResult = {
  entries: RosterEntry[];
  problems: RosterProblem[];
  /** How each header column was understood (empty when no header row was found). */
  columns: RosterColumn[];
  /** 1-based row of the header, or null when none was found. */
  headerRow: number | null;
};

/**
 * Header words per field, normalised (see normaliseName). A header is read as the
 * field whose word it equals, or else whose longest word it contains as whole
 * words. Words starting with `=` only count when they are the whole header.
 * `ignore` keeps look-alikes (Alamat usaha, Lama usaha, Ukuran kemasan) from
 * being taken for a field.
 */
const HEADER_WORDS: Record<RosterField | 'ignore', readonly string[]> = {
  ignore: [
    '=no', '=nomor', '=number', 'no urut', 'alamat', 'address', 'keterangan', 'catatan', 'note', 'notes',
    'tanggal', 'date', 'lama usaha', 'omzet', 'omset', 'modal usaha', 'nib', 'jumlah karyawan', 'tenaga kerja',
    'ukuran', 'size', 'dimensi', 'harga', 'price',
  ],
  width: ['width', 'lebar', 'lebar kemasan', 'pack width'],
  height: ['height', 'tinggi', 'tinggi kemasan', 'pack height'],
  depth: ['depth', 'tebal', 'ketebalan', 'kedalaman', 'tebal kemasan', 'pack depth'],
  registration: [
    'registration', 'registration number', 'p irt', 'pirt', 'spp irt', 'sppirt', 'bpom', 'izin', 'nomor izin',
    'izin edar', 'nomor izin edar', 'registrasi', 'nomor registrasi',
  ],
  halal: ['halal', 'sertifikat halal', 'halal certificate', 'nomor halal'],
  netContent: [
    'net content', 'netto', 'neto', 'isi bersih', 'berat bersih', 'berat', 'isi', 'volume', 'weight',
    'net weight', 'berat produk',
  ],
  material: [
    'material', 'bahan kemasan', 'material kemasan', 'packaging material', 'jenis kemasan', 'packaging',
    '=kemasan', '=bahan',
  ],
  category: [
    'category', 'kategori', 'kategori produk', 'product category', 'jenis produk', 'jenis usaha', 'bidang usaha',
    'sektor', 'sektor usaha', 'sector', 'kelompok produk', '=jenis', '=type',
  ],
  contact: [
    'contact', 'kontak', 'wa', 'whatsapp', 'no wa', 'nomor wa', 'email', 'e mail', 'alamat email', 'email address',
    'telepon', 'telpon', 'telp', 'tlp', 'phone', 'hp', 'no hp', 'nomor hp', 'handphone', 'ponsel',
  ],
  files: [
    'files', 'file', 'berkas', 'desain', 'design', 'nama file', 'file name', 'file desain', 'design files',
    'foto', 'foto produk', 'foto kemasan', 'gambar',
  ],
  region: ['region', 'wilayah', 'bakorwil', 'korwil'],
  city: ['city', 'kota', 'kabupaten', 'kota kabupaten', 'kabupaten kota', 'kab kota', 'kota kab', '=kab', 'regency', 'domisili', '=asal'],
  business: [
    '=business', '=usaha', '=umkm', '=ikm', '=perusahaan', '=company', '=toko', '=bisnis', 'business name',
    'nama usaha', 'nama umkm', 'nama ikm', 'nama perusahaan', 'nama toko', 'nama bisnis', 'company name',
  ],
  owner: [
    '=name', '=nama', '=peserta', 'owner', 'owner name', 'pemilik', 'nama pemilik', 'pemilik usaha', 'pelaku usaha',
    'nama pelaku usaha', 'nama peserta', 'participant', 'participant name', 'nama lengkap', 'full name',
  ],
  product: ['product', 'produk', 'nama produk', 'product name', 'produk unggulan'],
};

type Scored<T> = { value: T; score: number };

/** Best entry of `words` (by value) found in normalised `text`: exact beats contained, more words beat fewer, earlier wins ties. */
function bestMatch<T extends string>(text: string, words: Record<T, readonly string[]>): T | null {
  if (!text) return null;
  const padded = ` ${text} `;
  let best: Scored<T> | null = null;
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][]) {
    for (const raw of list) {
      const exactOnly = raw.startsWith('=');
      const word = exactOnly ? raw.slice(1) : raw;
      let score = 0;
      if (text === word) score = Number.POSITIVE_INFINITY;
      else if (!exactOnly && padded.includes(` ${word} `)) score = word.split(' ').length;
      if (score > 0 && (!best || score > best.score)) best = { value, score };
    }
  }
  return best?.value ?? null;
}

function readHeader(header: string, index: number): RosterColumn {
  const tokens = normaliseName(header).split(' ').filter(Boolean);
  const unit = tokens.includes('cm') ? 'cm' : tokens.includes('mm') ? 'mm' : null;
  const text = tokens.filter((t) => t !== 'cm' && t !== 'mm').join(' ');
  const found = bestMatch(text, HEADER_WORDS);
  return { index, header: header.trim(), field: found === 'ignore' ? null : found, unit };
}

/** Category words (normalised); specific kinds first so `Minuman jamu` is herbal. */
const CATEGORY_WORDS: Record<ProductCategory, readonly string[]> = {
  herbal: ['herbal', 'jamu', 'obat tradisional', 'empon empon', 'wedang', 'minuman herbal', 'jamu herbal'],
  spice: ['spice', 'spices', 'bumbu', 'rempah', 'bumbu rempah', 'sambal', 'seasoning', 'saus', 'sauce', 'condiment'],
  snack: [
    'snack', 'snacks', 'camilan', 'cemilan', 'keripik', 'kripik', 'kerupuk', 'krupuk', 'jajanan', 'kue', 'kue kering',
    'rengginang', 'peyek', 'rempeyek', 'makaroni', 'basreng', 'makanan ringan',
  ],
  cosmetic: ['cosmetic', 'cosmetics', 'kosmetik', 'kecantikan', 'skincare', 'perawatan', 'sabun', 'soap', 'beauty'],
  craft: ['craft', 'crafts', 'handicraft', 'kerajinan', 'kriya', 'batik', 'anyaman', 'souvenir', 'suvenir', 'fashion'],
  beverage: [
    'beverage', 'beverages', 'drink', 'drinks', 'minuman', 'kopi', 'coffee', 'teh', 'tea', 'sirup', 'syrup', 'susu',
    'milk', 'jus', 'juice',
  ],
  food: [
    'food', 'makanan', 'makanan olahan', 'olahan', 'pangan', 'olahan pangan', 'kuliner', 'lauk', 'frozen food',
    'makanan beku', 'processed food',
  ],
  other: ['other', 'others', 'lainnya', 'lain', 'lain lain', 'non pangan'],
};

/** Material words (normalised); `aluminium foil` is multilayer, an `aluminium` can is metal. */
const MATERIAL_WORDS: Record<PackagingMaterial, readonly string[]> = {
  composite: [
    'composite', 'komposit', 'multilayer', 'multi layer', 'multilapis', 'aluminium foil', 'alumunium foil',
    'aluminum foil', 'alufoil', 'alu foil', 'foil', 'metalized', 'metalizing', 'metallized', 'laminasi', 'laminated',
    'retort',
  ],
  glass: ['glass', 'kaca', 'beling', 'botol kaca', 'jar kaca'],
  metal: ['metal', 'logam', 'kaleng', 'tin', 'can', 'aluminium', 'alumunium', 'aluminum'],
  paper: [
    'paper', 'kertas', 'karton', 'carton', 'kardus', 'dus', 'duplex', 'ivory', 'kraft', 'paperboard', 'cardboard',
    'paper bag',
  ],
  plastic: ['plastic', 'plastik', 'pp', 'pe', 'opp', 'pet', 'hdpe', 'ldpe', 'mika'],
  other: ['other', 'lainnya', 'lain', 'lain lain', 'daun', 'besek', 'bambu', 'kayu'],
};

/** The category a roster cell names (id or en words), or null when unrecognised. */
export function categoryFromText(text: string): ProductCategory | null {
  return bestMatch(normaliseName(text), CATEGORY_WORDS);
}

/** The packaging material a roster cell names (id or en words), or null when unrecognised. */
export function materialFromText(text: string): PackagingMaterial | null {
  return bestMatch(normaliseName(text), MATERIAL_WORDS);
}

/** Millimetres from `'120'`, `'12,5'`, `'12.5 cm'`; `headerUnit` applies when the cell names none. NaN when not a size. */
export function parseMillimetres(text: string, headerUnit: 'mm' | 'cm' | null): number {
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
function restorePhoneZero(value: string): string {
  return /^8\d{8,11}$/.test(value) ? `0${value}` : value;
}

function splitFileNames(cell: string): string[] {
  const names = cell
    .split(/[;,\r\n]+/)
    .map((n) => n.trim().replace(/^["']+|["']+$/g, '').trim())
    .filter((n) => n.length > 0);
  return [...new Set(names)];
}

/**
 * Reads a participant roster: the first row (of the first ten) whose headers name
 * a business column is the header; each later non-blank row becomes an entry or a
 * problem. Rows are reported as 1-based spreadsheet rows. A row counts as blank
 * when all its recognised columns are empty (a numbered but unfilled template row).
 */
export function parseRoster(rows: readonly (readonly string[])[]): RosterResult {
  const isBlank = (row: readonly string[] | undefined) => !row || row.every((c) => cellText(c) === '');
  if (rows.every((r) => isBlank(r))) {
    return { entries: [], problems: [{ row: 1, code: 'empty' }], columns: [], headerRow: null };
  }

  let headerIndex = -1;
  let columns: RosterColumn[] = [];
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const candidate = (rows[i] ?? []).map((h, index) => readHeader(h ?? '', index));
    if (candidate.some((c) => c.field === 'business')) {
      headerIndex = i;
      columns = candidate;
      break;
    }
  }
  if (headerIndex < 0) {
    return { entries: [], problems: [{ row: 1, code: 'no-business-column' }], columns: [], headerRow: null };
  }

  const columnsOf = (field: RosterField) => columns.filter((c) => c.field === field);
  const first = (field: RosterField): RosterColumn | undefined => columnsOf(field)[0];
  const recognised = columns.filter((c) => c.field !== null);

  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number>();

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const row = i + 1;
    const raw = (column: RosterColumn | undefined) => (column ? (cells[column.index] ?? '') : '');
    const at = (column: RosterColumn | undefined) => cellText(raw(column));
    if (recognised.every((c) => at(c) === '')) continue;

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
      else problems.push({ row, code: 'unknown-category', column: categoryColumn?.header ?? '' });
    }

    const materialColumn = first('material');
    const materialText = at(materialColumn);
    let packagingMaterial: PackagingMaterial | null = null;
    if (materialText) {
      packagingMaterial = materialFromText(materialText);
      if (!packagingMaterial) problems.push({ row, code: 'unknown-material', column: materialColumn?.header ?? '' });
    }

    const contactColumns = columnsOf('contact');
    const contactParts = [...new Set(contactColumns.map((c) => restorePhoneZero(at(c))).filter(Boolean))];
    const contact = limited('contact', contactParts.join(' / '), contactColumns.length === 1 ? contactColumns[0] : undefined);

    const files: string[] = [];
    const filesColumn = first('files');
    for (const name of splitFileNames(raw(filesColumn))) {
      if (name.length <= FILE_NAME_MAX) files.push(name);
      else problems.push({ row, code: 'too-long', column: filesColumn?.header ?? '' });
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

  return { entries, problems, columns, headerRow: headerIndex + 1 };
}

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
  if (!width.raw && !height.raw && !depth.raw) return null;

  let ok = true;
  for (const d of [width, height, depth]) {
    if (d.mm === null) continue;
    const min = d === depth ? 0 : Number.MIN_VALUE;
    if (!(d.mm >= min && d.mm <= DIMENSION_MAX)) {
      problems.push({ row, code: 'bad-dimension', column: d.column?.header ?? '' });
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
