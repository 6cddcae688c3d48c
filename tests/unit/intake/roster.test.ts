import { describe, expect, it } from 'vitest';
import { categoryFromText, materialFromText } from '#shared/intake/rosterWords.ts';
import {
  parseMillimetres,
  parseRoster,
  ROSTER_BLOCKING_PROBLEMS,
  ROSTER_PROBLEMS,
  rosterEntrySchema,
  rosterProblemSchema,
} from '#shared/intake/roster.ts';

// A roster as a workshop committee keeps it: Indonesian headers, a row-number
// column, numbered template rows left empty, phone numbers Excel stored as numbers.
const HEADERS = [
  'No',
  'Nama Usaha',
  'Nama Pemilik',
  'Produk',
  'Kategori',
  'Kota/Kabupaten',
  'Bakorwil',
  'No. WA',
  'Email',
  'No. P-IRT',
  'Sertifikat Halal',
  'Netto',
  'Bahan Kemasan',
  'Lebar (mm)',
  'Tinggi (mm)',
  'Tebal (mm)',
  'File Desain',
];

function row(values: Partial<Record<(typeof HEADERS)[number], string>>): string[] {
  return HEADERS.map((h) => values[h] ?? '');
}

const busari = row({
  No: '1',
  'Nama Usaha': 'Keripik Tempe Bu Sari',
  'Nama Pemilik': 'Sari Wahyuni',
  Produk: 'Keripik Tempe Original',
  Kategori: 'Camilan',
  'Kota/Kabupaten': 'Malang',
  Bakorwil: 'Malang',
  'No. WA': '81234567890',
  Email: 'busari.tempe@gmail.com',
  'No. P-IRT': 'P-IRT 2063507010123-29',
  'Sertifikat Halal': 'ID35110000123450123',
  Netto: '100 g',
  'Bahan Kemasan': 'Aluminium foil',
  'Lebar (mm)': '120',
  'Tinggi (mm)': '180',
  'Tebal (mm)': '40',
  'File Desain': 'Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg; Keripik Tempe Bu Sari - Keripik Tempe - belakang.jpg',
});

const committeeRoster = [
  HEADERS,
  busari,
  row({
    No: '2',
    'Nama Usaha': 'Kopi Ijen',
    Produk: 'Kopi Arabika',
    Kategori: 'Minuman',
    'Kota/Kabupaten': 'Jember',
    'Lebar (mm)': '85,5',
    'Tinggi (mm)': '150',
  }),
  row({ No: '3' }),
  row({ No: '4', 'Nama Pemilik': 'Siti Aminah', Produk: 'Jamu Kunyit Asam' }),
  row({ No: '5', 'Nama Usaha': 'keripik tempe  bu sari', Produk: 'Keripik Tempe original' }),
  row({ No: '6', 'Nama Usaha': 'Brem Suling', Produk: 'Brem', 'Lebar (mm)': 'sedang', 'Tinggi (mm)': '90' }),
  row({ No: '7', 'Nama Usaha': 'Sambal Roa Mak Nyak', Produk: 'Sambal Roa', Kategori: 'Oleh-oleh' }),
  row({ No: '8', 'Nama Usaha': 'Ledre Bojonegoro', Produk: 'Ledre Pisang', 'Bahan Kemasan': 'Standing pouch' }),
];

describe('parseRoster on a committee spreadsheet', () => {
  const result = parseRoster(committeeRoster);

  it('imports each participant once, with every field the roster gives', () => {
    expect(result.headerRow).toBe(1);
    expect(result.entries.map((e) => [e.row, e.business])).toEqual([
      [2, 'Keripik Tempe Bu Sari'],
      [3, 'Kopi Ijen'],
      [7, 'Brem Suling'],
      [8, 'Sambal Roa Mak Nyak'],
      [9, 'Ledre Bojonegoro'],
    ]);
    expect(result.entries[0]).toEqual({
      business: 'Keripik Tempe Bu Sari',
      owner: 'Sari Wahyuni',
      product: 'Keripik Tempe Original',
      category: 'snack',
      city: 'Malang',
      region: 'Malang',
      // The leading 0 Excel dropped is back; both contact columns are kept.
      contact: '081234567890 / busari.tempe@gmail.com',
      labelFacts: {
        registrationNumber: 'P-IRT 2063507010123-29',
        halalCertificate: 'ID35110000123450123',
        netContent: '100 g',
        packagingMaterial: 'composite',
      },
      packDimensions: { widthMm: 120, heightMm: 180, depthMm: 40 },
      files: [
        'Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg',
        'Keripik Tempe Bu Sari - Keripik Tempe - belakang.jpg',
      ],
      row: 2,
    });
    for (const entry of result.entries) expect(rosterEntrySchema.parse(entry)).toEqual(entry);
  });

  it('reads a decimal comma and takes an empty depth as a flat face', () => {
    expect(result.entries[1]).toMatchObject({
      category: 'beverage',
      packDimensions: { widthMm: 85.5, heightMm: 150, depthMm: 0 },
      owner: '',
      contact: '',
      files: [],
    });
  });

  it('reports each problem at its spreadsheet row, and skips the numbered empty row silently', () => {
    expect(result.problems).toEqual([
      { row: 5, code: 'missing-business' },
      { row: 6, code: 'duplicate-row', sameAs: 2 },
      { row: 7, code: 'bad-dimension', column: 'Lebar (mm)', value: 'sedang' },
      { row: 8, code: 'unknown-category', column: 'Kategori', value: 'Oleh-oleh' },
      { row: 9, code: 'unknown-material', column: 'Bahan Kemasan', value: 'Standing pouch' },
    ]);
    for (const problem of result.problems) expect(rosterProblemSchema.parse(problem)).toEqual(problem);
  });

  it('keeps rows with fixable problems, without the doubtful value', () => {
    const byRow = new Map(result.entries.map((e) => [e.row, e]));
    expect(byRow.get(7)?.packDimensions).toBeNull();
    expect(byRow.get(8)?.category).toBe('other');
    expect(byRow.get(9)?.labelFacts.packagingMaterial).toBeNull();
  });

  it('tells which problems kept a row out', () => {
    for (const problem of result.problems) {
      const imported = result.entries.some((e) => e.row === problem.row);
      expect(ROSTER_BLOCKING_PROBLEMS.includes(problem.code), problem.code).toBe(!imported);
    }
    expect(ROSTER_PROBLEMS).toEqual(expect.arrayContaining([...ROSTER_BLOCKING_PROBLEMS]));
  });

  it('says how each column was understood', () => {
    expect(result.columns.map((c) => c.field)).toEqual([
      null,
      'business',
      'owner',
      'product',
      'category',
      'city',
      'region',
      'contact',
      'contact',
      'registration',
      'halal',
      'netContent',
      'material',
      'width',
      'height',
      'depth',
      'files',
    ]);
  });
});

describe('headers', () => {
  it('reads English headers', () => {
    const { entries, problems } = parseRoster([
      ['Business', 'Owner', 'Product', 'Category', 'City', 'Region', 'Contact', 'Registration', 'Halal certificate',
        'Net content', 'Material', 'Width', 'Height', 'Depth', 'Files'],
      ['Madu Hutan Lestari', 'Agus Salim', 'Madu Hutan', 'Beverage', 'Madiun', 'Madiun', 'agus@example.id',
        'P-IRT 2063519020045-27', 'ID35110000998877', '250 ml', 'Glass', '60', '140', '60', 'madu-depan.jpg'],
    ]);
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({
      business: 'Madu Hutan Lestari',
      owner: 'Agus Salim',
      category: 'beverage',
      labelFacts: { netContent: '250 ml', packagingMaterial: 'glass' },
      packDimensions: { widthMm: 60, heightMm: 140, depthMm: 60 },
      files: ['madu-depan.jpg'],
    });
  });

  it('ignores case, spacing and punctuation in headers', () => {
    const { entries } = parseRoster([
      ['  NAMA   USAHA ', 'pemilik', 'PRODUK', 'kota', 'WhatsApp', 'P-IRT', 'Isi bersih', 'lebar', 'TINGGI'],
      ['Brem Suling', 'Suwarni', 'Brem', 'Madiun', '085755512345', '2063519010077-26', '10 pcs', '80', '120'],
    ]);
    expect(entries[0]).toMatchObject({
      business: 'Brem Suling',
      owner: 'Suwarni',
      product: 'Brem',
      city: 'Madiun',
      contact: '085755512345',
      labelFacts: { registrationNumber: '2063519010077-26', netContent: '10 pcs' },
      packDimensions: { widthMm: 80, heightMm: 120, depthMm: 0 },
    });
  });

  it('converts sizes from a header in centimetres', () => {
    const { entries } = parseRoster([
      ['Nama Usaha', 'Lebar (cm)', 'Tinggi (cm)', 'Tebal (cm)'],
      ['Ledre Bojonegoro', '12,5', '20', '3.5'],
    ]);
    expect(entries[0]?.packDimensions).toEqual({ widthMm: 125, heightMm: 200, depthMm: 35 });
  });

  it('does not take look-alike columns for the business or the product', () => {
    const { columns, entries } = parseRoster([
      ['Alamat Usaha', 'Nama UMKM', 'Jenis Produk', 'Ukuran Kemasan', 'Foto Produk', 'Lama Usaha'],
      ['Jl. Raya Bojonegoro 12', 'Ledre Bojonegoro', 'Makanan ringan', '10 x 20 cm', 'ledre.jpg', '5 tahun'],
    ]);
    expect(columns.map((c) => c.field)).toEqual([null, 'business', 'category', 'size', 'files', null]);
    expect(entries[0]).toMatchObject({
      business: 'Ledre Bojonegoro',
      product: '',
      category: 'snack',
      files: ['ledre.jpg'],
      packDimensions: { widthMm: 100, heightMm: 200, depthMm: 0 },
    });
  });

  it('finds the header under a title row', () => {
    const result = parseRoster([
      ['Daftar Peserta Workshop Kemasan MJC Bojonegoro 2024'],
      [],
      ['Nama Usaha', 'Produk'],
      ['Ledre Bojonegoro', 'Ledre Pisang'],
    ]);
    expect(result.headerRow).toBe(3);
    expect(result.entries.map((e) => e.row)).toEqual([4]);
  });

  it('refuses a table without a business column, and an empty one', () => {
    expect(parseRoster([['Nama', 'Produk'], ['Sari', 'Keripik']])).toEqual({
      entries: [],
      problems: [{ row: 1, code: 'no-business-column' }],
      columns: [],
      unusedColumns: [],
      headerRow: null,
      headerEndRow: null,
    });
    expect(parseRoster([]).problems).toEqual([{ row: 1, code: 'empty' }]);
    expect(parseRoster([['', ' '], []]).problems).toEqual([{ row: 1, code: 'empty' }]);
  });

  it('reads a header row with nothing under it as no participants and no problems', () => {
    expect(parseRoster([['Nama Usaha', 'Produk']])).toMatchObject({ entries: [], problems: [], headerRow: 1 });
  });
});

describe('cells', () => {
  it('splits file names on semicolons, commas and line breaks', () => {
    const { entries } = parseRoster([
      ['Nama Usaha', 'Berkas'],
      ['Kopi Ijen', 'Kopi Ijen_Kopi Arabika_depan.png,Kopi Ijen_Kopi Arabika_belakang.png\nKopi Ijen_Kopi Arabika_pola.pdf; '],
    ]);
    expect(entries[0]?.files).toEqual([
      'Kopi Ijen_Kopi Arabika_depan.png',
      'Kopi Ijen_Kopi Arabika_belakang.png',
      'Kopi Ijen_Kopi Arabika_pola.pdf',
    ]);
  });

  it('flags half-given and impossible sizes and imports the row without a pack size', () => {
    const { entries, problems } = parseRoster([
      ['Nama Usaha', 'Lebar', 'Tinggi', 'Tebal'],
      ['Brem Suling', '80', '', ''],
      ['Ledre Bojonegoro', '0', '200', ''],
      ['Madu Hutan Lestari', '6000', '200', ''],
      ['Kopi Ijen', '100', '150', '-5'],
      ['Sambal Roa Mak Nyak', '70', '70', '0'],
    ]);
    expect(problems).toEqual([
      { row: 2, code: 'missing-dimension', column: 'Tinggi' },
      { row: 3, code: 'bad-dimension', column: 'Lebar', value: '0' },
      { row: 4, code: 'bad-dimension', column: 'Lebar', value: '6000' },
      { row: 5, code: 'bad-dimension', column: 'Tebal', value: '-5' },
    ]);
    expect(entries.map((e) => e.packDimensions)).toEqual([null, null, null, null, { widthMm: 70, heightMm: 70, depthMm: 0 }]);
  });

  it('cuts an over-long value to the field limit and says so', () => {
    const long = `Koperasi ${'Produsen Olahan Pangan '.repeat(10)}`;
    const { entries, problems } = parseRoster([['Nama Usaha'], [long]]);
    expect(entries[0]?.business.length).toBeLessThanOrEqual(160);
    expect(rosterEntrySchema.safeParse(entries[0]).success).toBe(true);
    expect(problems).toEqual([{ row: 2, code: 'too-long', column: 'Nama Usaha' }]);
  });

  it('copes with short rows', () => {
    const { entries } = parseRoster([['Nama Usaha', 'Produk', 'Kota'], ['Brem Suling']]);
    expect(entries[0]).toMatchObject({ business: 'Brem Suling', product: '', city: '' });
  });
});

describe('value words', () => {
  it('maps category words in Indonesian and English', () => {
    const cases: [string, string | null][] = [
      ['Makanan olahan', 'food'],
      ['Processed food', 'food'],
      ['Minuman', 'beverage'],
      ['Kopi bubuk', 'beverage'],
      ['Keripik', 'snack'],
      ['Jamu & herbal', 'herbal'],
      ['Minuman jamu', 'herbal'],
      ['Bumbu & rempah', 'spice'],
      ['Seasoning & spices', 'spice'],
      ['Kosmetik', 'cosmetic'],
      ['Kerajinan', 'craft'],
      ['Lainnya', 'other'],
      ['Oleh-oleh', null],
    ];
    for (const [text, category] of cases) expect(categoryFromText(text), text).toBe(category);
  });

  it('maps packaging materials, telling foil pouches from cans', () => {
    const cases: [string, string | null][] = [
      ['Plastik PP', 'plastic'],
      ['Kertas kraft', 'paper'],
      ['Paper / carton', 'paper'],
      ['Botol kaca', 'glass'],
      ['Kaleng', 'metal'],
      ['Multilapis (aluminium foil)', 'composite'],
      ['Standing pouch', null],
    ];
    for (const [text, material] of cases) expect(materialFromText(text), text).toBe(material);
  });

  it('reads sizes in millimetres with a decimal comma or an explicit unit', () => {
    expect(parseMillimetres('12,5', null)).toBe(12.5);
    expect(parseMillimetres('12.5 cm', 'mm')).toBe(125);
    expect(parseMillimetres('90mm', 'cm')).toBe(90);
    expect(parseMillimetres('1,1', 'cm')).toBe(11);
    expect(parseMillimetres('sedang', null)).toBeNaN();
  });
});

describe('combined sizes, choices and merged cells', () => {
  // The regional office's roster: a title row, a header, sizes in one column.
  const office = [
    ['DAFTAR PESERTA PELATIHAN KEMASAN BAKORWIL MADIUN'],
    ['No', 'Nama Usaha', 'Produk', 'No. HP', 'Tanggal Daftar', 'Ukuran Kemasan (cm)'],
    ['1', 'Brem Suling', 'Brem', '81234567890', '2024-05-02', '14 x 22 x 4'],
    ['2', 'Ledre Bojonegoro', 'Ledre Pisang', '85755512345', '2024-05-03', '10x15x5'],
    ['3', 'Madu Hutan', 'Madu', '', '2024-05-03', '12 x 18'],
    ['4', 'Kopi Ijen', 'Kopi', '', '', 'besar'],
  ];

  it('reads a combined size column in the header unit, and says which columns it does not use', () => {
    const result = parseRoster(office);
    expect(result.headerRow).toBe(2);
    expect(result.entries.map((e) => e.packDimensions)).toEqual([
      { widthMm: 140, heightMm: 220, depthMm: 40 },
      { widthMm: 100, heightMm: 150, depthMm: 50 },
      { widthMm: 120, heightMm: 180, depthMm: 0 },
      null,
    ]);
    expect(result.entries[0]?.contact).toBe('081234567890');
    const size = result.columns[5];
    expect(size).toMatchObject({ field: 'size', unit: 'cm', unitFrom: 'header', order: 'w-h-d', orderFrom: 'default' });
    expect(result.problems).toEqual([{ row: 6, code: 'bad-dimension', column: 'Ukuran Kemasan (cm)', value: 'besar' }]);
    expect(result.unusedColumns).toEqual([
      { index: 0, header: 'No', reason: 'unrecognised', filled: 4, samples: ['1', '2', '3'] },
      { index: 4, header: 'Tanggal Daftar', reason: 'unrecognised', filled: 3, samples: ['2024-05-02', '2024-05-03'] },
    ]);
  });

  it('guesses the unit from the numbers when neither header nor cell names one, and the preview can change it', () => {
    const rows = office.map((r, i) => (i === 1 ? r.map((h) => (h.startsWith('Ukuran') ? 'Ukuran' : h)) : r));
    const guessed = parseRoster(rows);
    expect(guessed.columns[5]).toMatchObject({ unit: 'cm', unitFrom: 'guess' });
    expect(guessed.entries[0]?.packDimensions).toEqual({ widthMm: 140, heightMm: 220, depthMm: 40 });
    const chosen = parseRoster(rows, { choices: { 5: { field: 'size', unit: 'mm' } } });
    expect(chosen.columns[5]).toMatchObject({ unit: 'mm', unitFrom: 'chosen' });
    expect(chosen.entries[0]?.packDimensions).toEqual({ widthMm: 14, heightMm: 22, depthMm: 4 });
  });

  it('takes P x L x T from the header, and another order when chosen', () => {
    const rows = [
      ['Nama Usaha', 'Ukuran (P x L x T) cm'],
      ['Dus Kue Bu Tin', '20 x 10 x 15'],
    ];
    const fromHeader = parseRoster(rows);
    expect(fromHeader.columns[1]).toMatchObject({ order: 'l-w-h', orderFrom: 'header', orderWritten: 'P × L × T' });
    expect(fromHeader.entries[0]?.packDimensions).toEqual({ widthMm: 200, heightMm: 150, depthMm: 100 });
    const chosen = parseRoster(rows, { choices: { 1: { field: 'size', order: 'w-h-d' } } });
    expect(chosen.columns[1]).toMatchObject({ order: 'w-h-d', orderFrom: 'chosen' });
    expect(chosen.entries[0]?.packDimensions).toEqual({ widthMm: 200, heightMm: 100, depthMm: 150 });
  });

  it('lets the preview use a column the header did not name, or drop one it did', () => {
    const used = parseRoster(office, { choices: { 4: { field: 'city' }, 3: { field: null } } });
    expect(used.entries[0]).toMatchObject({ city: '2024-05-02', contact: '' });
    expect(used.unusedColumns.map((c) => [c.header, c.reason])).toEqual([
      ['No', 'unrecognised'],
      ['No. HP', 'chosen'],
    ]);
  });

  it('uses the first of two columns for one field and lists the second as unused', () => {
    const result = parseRoster([
      ['Nama Usaha', 'Produk', 'Produk Unggulan'],
      ['Brem Suling', 'Brem', 'Brem Madiun'],
    ]);
    expect(result.entries[0]?.product).toBe('Brem');
    expect(result.unusedColumns).toEqual([
      { index: 2, header: 'Produk Unggulan', reason: 'repeats', repeats: 1, repeatsField: 'product', filled: 1, samples: ['Brem Madiun'] },
    ]);
  });

  it('lists a column with values but no header', () => {
    const result = parseRoster([
      ['Nama Usaha', ''],
      ['Brem Suling', 'catatan lisan'],
    ]);
    expect(result.unusedColumns).toEqual([{ index: 1, header: '', reason: 'unrecognised', filled: 1, samples: ['catatan lisan'] }]);
  });

  it('takes separate size columns over a combined one on the same row', () => {
    const { entries } = parseRoster([
      ['Nama Usaha', 'Lebar (mm)', 'Tinggi (mm)', 'Ukuran (cm)'],
      ['Brem Suling', '80', '120', '14 x 22'],
      ['Ledre Bojonegoro', '', '', '14 x 22'],
    ]);
    expect(entries.map((e) => e.packDimensions)).toEqual([
      { widthMm: 80, heightMm: 120, depthMm: 0 },
      { widthMm: 140, heightMm: 220, depthMm: 0 },
    ]);
  });

  it('reads a two-row header whose size cell is merged over P, L and T, and fills merged regions down', () => {
    const rows = [
      ['Daftar Peserta'],
      ['No', 'Nama Usaha', 'Wilayah', 'Ukuran Kemasan (cm)', '', ''],
      ['', '', '', 'P', 'L', 'T'],
      ['1', 'Dus Kue Bu Tin', 'Madiun', '20', '10', '15'],
      ['2', 'Brem Suling', '', '8', '3', '12'],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 5 },
      { top: 3, left: 2, bottom: 4, right: 2 },
    ];
    const result = parseRoster(rows, { merges });
    expect(result.headerRow).toBe(2);
    expect(result.headerEndRow).toBe(3);
    expect(result.columns.map((c) => [c.header, c.field, c.unit])).toEqual([
      ['No', null, null],
      ['Nama Usaha', 'business', null],
      ['Wilayah', 'region', null],
      ['Ukuran Kemasan (cm) P', 'width', 'cm'],
      ['Ukuran Kemasan (cm) L', 'depth', 'cm'],
      ['Ukuran Kemasan (cm) T', 'height', 'cm'],
    ]);
    expect(result.entries.map((e) => [e.row, e.business, e.region, e.packDimensions])).toEqual([
      [4, 'Dus Kue Bu Tin', 'Madiun', { widthMm: 200, heightMm: 150, depthMm: 100 }],
      [5, 'Brem Suling', 'Madiun', { widthMm: 80, heightMm: 120, depthMm: 30 }],
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('a field chosen in the preview', () => {
  it('wins over a header that suggests the same field, which is then listed as unused', () => {
    const result = parseRoster(
      [
        ['Nama Usaha', 'Produk', 'Nama Produk Lengkap'],
        ['Brem Suling', 'Brem', 'Brem Madiun Asli'],
      ],
      { choices: { 2: { field: 'product' } } },
    );
    expect(result.columns.map((c) => c.field)).toEqual(['business', null, 'product']);
    expect(result.entries[0]?.product).toBe('Brem Madiun Asli');
    expect(result.unusedColumns).toEqual([
      { index: 1, header: 'Produk', reason: 'repeats', repeats: 2, repeatsField: 'product', filled: 1, samples: ['Brem'] },
    ]);
  });
});
