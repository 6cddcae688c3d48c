import type { PACKAGING_MATERIALS, PRODUCT_CATEGORIES } from '../domain/participant.ts';
import { normaliseName } from './fileNames.ts';
import { sizeOrderFromHeader, type SizeOrder, type SizeUnit } from './packSize.ts';
import type { RosterField } from './roster.ts';

/*
 * The words a roster is read by: column headers, product categories and
 * packaging materials, in Bahasa Indonesia and English.
 */

type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
type PackagingMaterial = (typeof PACKAGING_MATERIALS)[number];

/**
 * Header words per field, normalised (see normaliseName). A header is read as the
 * field whose word it equals, or else whose longest word it contains as whole
 * words. Words starting with `=` only count when they are the whole header.
 * `ignore` keeps look-alikes (Alamat usaha, Lama usaha, Ukuran usaha) from
 * being taken for a field.
 */
const HEADER_WORDS: Record<RosterField | 'ignore', readonly string[]> = {
  ignore: [
    '=no', '=nomor', '=number', 'no urut', 'alamat', 'address', 'keterangan', 'catatan', 'note', 'notes',
    'tanggal', 'date', 'lama usaha', 'omzet', 'omset', 'modal usaha', 'nib', 'jumlah karyawan', 'tenaga kerja',
    'harga', 'price', 'ukuran usaha', 'skala usaha',
  ],
  size: [
    'ukuran', 'ukuran kemasan', 'ukuran produk', 'dimensi', 'dimensi kemasan', 'size', 'pack size', 'packaging size',
    'dimensions', 'dimension',
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

/** What a header names: a field (or nothing) and a unit (`Lebar (cm)`), and for a combined size the order it spells. */
export type HeaderReading = {
  field: RosterField | null;
  unit: SizeUnit | null;
  order: { order: SizeOrder; written: string } | null;
};

export function readHeaderText(header: string): HeaderReading {
  const tokens = normaliseName(header).split(' ').filter(Boolean);
  const unit = tokens.includes('cm') ? 'cm' : tokens.includes('mm') ? 'mm' : null;
  // `Ukuran (P x L x T)`, `PxLxT`, `Lebar × Tinggi`: a combined size, whatever its other words.
  const order = sizeOrderFromHeader(header);
  if (order) return { field: 'size', unit, order };
  const text = tokens.filter((t) => t !== 'cm' && t !== 'mm').join(' ');
  const found = bestMatch(text, HEADER_WORDS);
  return { field: found === 'ignore' ? null : found, unit, order: null };
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
