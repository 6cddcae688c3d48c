import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { csvBlob, csvText, xlsxBlob } from '../../../renderer/src/features/sessions/exportResults.ts';
import type { ExportTable } from '../../../shared/scoring/resultsTable.ts';

const table: ExportTable = {
  name: 'Hasil: sesi [final]/1',
  header: ['Peringkat', 'Peserta', 'Rata-rata (0-100)', 'Tanda'],
  rows: [
    [1, 'Kopi, Teh & "Jahe" Bu Ani', 87.5, 'Perlu dibahas'],
    [null, 'Jamu Kunyit Asam Mbok Darmi', null, null],
  ],
};

describe('results CSV', () => {
  it('starts with a UTF-8 BOM, quotes commas and quotes, and leaves gaps empty', async () => {
    const text = csvText(table);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;
    expect(parsed).toEqual([table.header, ['1', 'Kopi, Teh & "Jahe" Bu Ani', '87.5', 'Perlu dibahas'], ['', 'Jamu Kunyit Asam Mbok Darmi', '', '']]);
    const blob = csvBlob(table);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('results XLSX', () => {
  it('writes one sheet per table with numbers as numbers and a safe sheet name', async () => {
    const blob = await xlsxBlob([table, { name: 'Mentor', header: ['Mentor', 'Kemurahan'], rows: [['Dewi', -12.5]] }]);
    const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['Hasil  sesi  final  1', 'Mentor']);
    expect(sheets[0]?.data).toEqual([table.header, [1, 'Kopi, Teh & "Jahe" Bu Ani', 87.5, 'Perlu dibahas'], [null, 'Jamu Kunyit Asam Mbok Darmi', null, null]]);
    expect(sheets[1]?.data[1]).toEqual(['Dewi', -12.5]);
  });
});
