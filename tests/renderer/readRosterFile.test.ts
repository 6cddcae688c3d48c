import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '#shared/intake/roster.ts';
import {
  declaredUnzippedBytes,
  MAX_ROSTER_BYTES,
  readRosterFile,
  readRosterWorkbook,
  RosterFileError,
} from '#renderer/src/features/intake/readRosterFile.ts';
import { officeRosterXlsx } from '../support/rosterWorkbook.ts';

// No XLSX writer is installed; fflate (read-excel-file's own unzipper) zips a
// minimal workbook by hand: content types, relationships, workbook, styles
// (one date format), shared strings and one sheet.
type Cell = string | number | { date: string } | null;

/** fflate's zipSync, as bytes a File accepts. */
const zip = (files: Record<string, Uint8Array>) => new Uint8Array(zipSync(files));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i: number) => String.fromCharCode(65 + i);
/** Excel's day count since 1899-12-30 for an ISO date. */
const excelSerial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

/** An .xlsx whose first sheet has `rows` at the given 1-based row numbers (gaps stay absent, as Excel writes them). */
function xlsx(rows: Record<number, Cell[]>): Uint8Array<ArrayBuffer> {
  const strings: string[] = [];
  const sheetRows = Object.entries(rows).map(([r, cells]) => {
    const xmlCells = cells.map((cell, i) => {
      const ref = `${column(i)}${r}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'object') return `<c r="${ref}" s="1"><v>${excelSerial(cell.date)}</v></c>`;
      strings.push(cell);
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    });
    return `<row r="${r}">${xmlCells.join('')}</row>`;
  });
  const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return zip({
    '[Content_Types].xml': xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
        `</Types>`,
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    'xl/styles.xml': xml(
      `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': xml(
      `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
        strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
        `</sst>`,
    ),
    'xl/worksheets/sheet1.xml': xml(`<worksheet xmlns="${MAIN}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`),
  });
}

/** `zip` with its last central-directory entry claiming to unpack to `size` bytes. */
function declaring(size: number, archive: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const copy = archive.slice();
  const view = new DataView(copy.buffer);
  let last = -1;
  for (let i = 0; i + 4 <= copy.length; i++) if (view.getUint32(i, true) === 0x02014b50) last = i;
  view.setUint32(last + 24, size, true);
  return copy;
}

const file = (parts: BlobPart[], name: string) => new File(parts, name);
const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<RosterFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RosterFileError) return error;
    throw error;
  }
  throw new Error('expected a RosterFileError');
}

describe('readRosterFile: CSV', () => {
  it('reads a UTF-8 CSV saved with a BOM without the BOM leaking into the first header', async () => {
    const csv = '\uFEFFNama Usaha,Produk,Kota\nKeripik Tempe Bu Sari,Keripik Tempe,Malang\n';
    const rows = await readRosterFile(file([utf8(csv)], 'peserta.csv'));
    expect(rows).toEqual([
      ['Nama Usaha', 'Produk', 'Kota'],
      ['Keripik Tempe Bu Sari', 'Keripik Tempe', 'Malang'],
    ]);
    expect(parseRoster(rows).entries[0]?.business).toBe('Keripik Tempe Bu Sari');
  });

  it('detects the semicolons Excel uses in Indonesian settings, keeping decimal commas in the cells', async () => {
    const csv = 'Nama Usaha;Lebar (cm);Tinggi (cm)\r\nLedre Bojonegoro;12,5;20\r\nBrem Suling;8;12,5\r\n';
    const rows = await readRosterFile(file([utf8(csv)], 'Daftar Peserta MJC Bojonegoro.CSV'));
    expect(rows[1]).toEqual(['Ledre Bojonegoro', '12,5', '20']);
    expect(parseRoster(rows).entries.map((e) => e.packDimensions)).toEqual([
      { widthMm: 125, heightMm: 200, depthMm: 0 },
      { widthMm: 80, heightMm: 125, depthMm: 0 },
    ]);
  });

  it('reads tab-separated text, including Excel’s UTF-16 "Unicode text"', async () => {
    const text = 'Nama Usaha\tProduk\r\nKopi Ijen\tKopi Arabika\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const expected = [
      ['Nama Usaha', 'Produk'],
      ['Kopi Ijen', 'Kopi Arabika'],
    ];
    expect(await readRosterFile(file([utf16], 'peserta.txt'))).toEqual(expected);
    expect(await readRosterFile(file([utf8(text)], 'peserta.tsv'))).toEqual(expected);
  });

  it('falls back to Windows-1252 for a CSV that is not UTF-8', async () => {
    const bytes = new Uint8Array([...utf8('Nama Usaha\nCaf'), 0xe9, ...utf8(' Kopi Ijen\n')]);
    expect((await readRosterFile(file([bytes], 'peserta.csv')))[1]).toEqual(['Café Kopi Ijen']);
  });

  it('keeps quoted line breaks and blank rows, so row numbers match the spreadsheet', async () => {
    const csv = 'Nama Usaha,Berkas\n\nKopi Ijen,"Kopi Ijen_Kopi Arabika_depan.png\nKopi Ijen_Kopi Arabika_belakang.png"\n\n\n';
    const rows = await readRosterFile(file([utf8(csv)], 'peserta.csv'));
    expect(rows).toHaveLength(3);
    const { entries } = parseRoster(rows);
    expect(entries[0]).toMatchObject({
      row: 3,
      files: ['Kopi Ijen_Kopi Arabika_depan.png', 'Kopi Ijen_Kopi Arabika_belakang.png'],
    });
  });

  it('reads an empty file as no rows, which the roster reports as empty', async () => {
    const rows = await readRosterFile(file([], 'peserta.csv'));
    expect(rows).toEqual([]);
    expect(parseRoster(rows).problems).toEqual([{ row: 1, code: 'empty' }]);
  });
});

describe('readRosterFile: XLSX', () => {
  it('reads the first sheet: text, numbers as written, dates as YYYY-MM-DD, gaps as blank rows', async () => {
    const bytes = xlsx({
      1: ['Nama Usaha', 'No. WA', 'Lebar (mm)', 'Tanggal Daftar', 'No. P-IRT'],
      // Row 2 left empty in the sheet.
      3: ['Keripik Tempe Bu Sari', 81234567890, 120.5, { date: '2024-05-12' }, 'P-IRT 2063507010123-29'],
      4: ['Sambal Roa Mak Nyak & Co', null, 90, null, null],
    });
    const rows = await readRosterFile(file([bytes], 'Peserta Malang.xlsx'));
    expect(rows).toEqual([
      ['Nama Usaha', 'No. WA', 'Lebar (mm)', 'Tanggal Daftar', 'No. P-IRT'],
      ['', '', '', '', ''],
      ['Keripik Tempe Bu Sari', '81234567890', '120.5', '2024-05-12', 'P-IRT 2063507010123-29'],
      ['Sambal Roa Mak Nyak & Co', '', '90', '', ''],
    ]);
    const { entries } = parseRoster(rows);
    expect(entries[0]).toMatchObject({ row: 3, contact: '081234567890' });
  });

  it('keeps empty rows above the table, so problems point at the right row', async () => {
    const bytes = xlsx({ 2: ['Nama Usaha', 'Produk'], 3: ['Brem Suling', 'Brem'] });
    const rows = await readRosterFile(file([bytes], 'peserta.xlsx'));
    expect(rows[0]?.every((cell) => cell === '')).toBe(true);
    expect(parseRoster(rows)).toMatchObject({ headerRow: 2, entries: [{ row: 3, business: 'Brem Suling' }] });
  });

  it('reads an .xlsx that was given a .csv name', async () => {
    const bytes = xlsx({ 1: ['Nama Usaha'], 2: ['Brem Suling'] });
    expect(await readRosterFile(file([bytes], 'peserta.csv'))).toEqual([['Nama Usaha'], ['Brem Suling']]);
  });
});

describe('readRosterFile: refusals', () => {
  it('refuses legacy .xls and other formats as unsupported', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await failure(readRosterFile(file([ole], 'peserta.xls')))).code).toBe('unsupported');
    expect((await failure(readRosterFile(file([ole], 'peserta.xlsx')))).code).toBe('unsupported');
    expect((await failure(readRosterFile(file([utf8('%PDF-1.7')], 'peserta.pdf')))).code).toBe('unsupported');
    expect((await failure(readRosterFile(file([utf8('a')], 'peserta')))).code).toBe('unsupported');
  });

  it('calls a broken workbook unreadable', async () => {
    const notZip = await failure(readRosterFile(file([utf8('Nama Usaha,Produk\n')], 'peserta.xlsx')));
    expect(notZip).toMatchObject({ name: 'RosterFileError', code: 'unreadable' });
    const truncated = xlsx({ 1: ['Nama Usaha'] }).slice(0, 200);
    expect((await failure(readRosterFile(file([truncated], 'peserta.xlsx')))).code).toBe('unreadable');
    const noWorkbook = zip({ 'readme.txt': strToU8('bukan spreadsheet') });
    expect((await failure(readRosterFile(file([noWorkbook], 'peserta.xlsx')))).code).toBe('unreadable');
  });

  it('refuses binary content in a text file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await failure(readRosterFile(file([png], 'peserta.csv')))).code).toBe('unreadable');
  });

  it('refuses files too big to be a roster, and workbooks that would unpack to too much', async () => {
    const big = new Uint8Array(MAX_ROSTER_BYTES + 1);
    expect((await failure(readRosterFile(file([big], 'peserta.csv')))).code).toBe('too-large');
    // A workbook whose directory says its sheet unpacks to 80 MB: refused before unzipping.
    const bomb = declaring(80 * 1024 * 1024, xlsx({ 1: ['Nama Usaha'], 2: ['Brem Suling'] }));
    expect(declaredUnzippedBytes(bomb)).toBeGreaterThan(80 * 1024 * 1024);
    expect((await failure(readRosterFile(file([bomb], 'peserta.xlsx')))).code).toBe('too-large');
  });
});

describe('readRosterWorkbook on a roster written by another tool', () => {
  it('reads every sheet with data, with its merged cells, numbers and dates', async () => {
    const bytes = new Uint8Array(await officeRosterXlsx());
    const sheets = await readRosterWorkbook(new File([bytes], 'peserta-madiun.xlsx'));
    expect(sheets.map((s) => s.name)).toEqual(['Petunjuk', 'Peserta']);
    const roster = sheets[1];
    expect(roster?.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: 1, left: 0, bottom: 1, right: 9 },
      { top: 4, left: 5, bottom: 6, right: 5 },
      { top: 7, left: 5, bottom: 8, right: 5 },
    ]);
    expect(roster?.rows[4]).toEqual([
      '1', 'Brem Suling Bu Warni', 'Suwarni', 'Brem Madiun', 'Makanan', 'Madiun', '81234567890', '2024-05-02', '14 x 22 x 4', 'brem-depan.png',
    ]);

    // The first sheet has no roster on it; the second one does.
    expect(parseRoster(sheets[0]?.rows ?? []).problems).toEqual([{ row: 1, code: 'no-business-column' }]);
    const result = parseRoster(roster?.rows ?? [], { merges: roster?.merges ?? [] });
    expect(result.headerRow).toBe(4);
    expect(result.entries.map((e) => [e.row, e.region, e.contact, e.packDimensions])).toEqual([
      [5, 'Madiun', '081234567890', { widthMm: 140, heightMm: 220, depthMm: 40 }],
      [6, 'Madiun', '085755512345', { widthMm: 100, heightMm: 150, depthMm: 50 }],
      [7, 'Madiun', '082140001234', { widthMm: 120, heightMm: 180, depthMm: 0 }],
      [8, 'Jember', '081399990000', { widthMm: 75, heightMm: 120, depthMm: 0 }],
      [9, 'Jember', '081300001111', null],
    ]);
    expect(result.problems).toEqual([
      { row: 8, code: 'unknown-category', column: 'Kategori', value: 'Oleh-oleh' },
      { row: 9, code: 'bad-dimension', column: 'Ukuran Kemasan (cm)', value: 'besar' },
    ]);
    expect(result.unusedColumns.map((c) => [c.header, c.samples[0]])).toEqual([
      ['No', '1'],
      ['Tanggal Daftar', '2024-05-02'],
    ]);
  });
});
