import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { csvBlob, csvText, resultsAbout, resultsFileTitle, xlsxBlob } from '#renderer/src/features/sessions/exportResults.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { safeFileName } from '#shared/files/safeFileName.ts';
import type { ExportTable } from '#shared/scoring/resultsTable.ts';

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

describe('what a results export says it holds', () => {
  const facts = (normalise: boolean) => ({
    workshop: 'Pendampingan Kemasan MJC Malang',
    session: 'Kurasi Akhir',
    rubric: { name: 'MJC Kualitas & Inovasi Kemasan', version: 2 },
    results: {
      options: { normalise, flagSpreadAbove: 12.5 },
      normalisation: {
        mentors: [
          { mentorId: 'm1', status: 'normalised' as const, n: 5, mean: 60, sd: 10 },
          { mentorId: 'm2', status: 'too-few' as const, n: 1, mean: 20, sd: 0 },
        ],
        outsideRange: 1,
      },
    },
    mentorName: (id: string) => (id === 'm1' ? 'Dewi Lestari' : 'Budi Santoso'),
    madeAt: new Date(2026, 11, 7, 10, 15).getTime(),
    timestamp: () => '7 Des 2026 10.15',
    number: (v: number) => new Intl.NumberFormat('id-ID').format(v),
  });

  it('names raw or normalised, the threshold, the rubric and version and the date in the file name', async () => {
    const { t } = await createI18n('id');
    expect(resultsFileTitle(t, facts(false))).toBe('Pendampingan Kemasa… - Kurasi Akhir - hasil mentah - batas 12,5 - MJC Kualitas &… v2 - 2026-12-07');
    expect(resultsFileTitle(t, facts(true))).toContain(' - hasil dinormalisasi - ');
    const en = await createI18n('en');
    expect(resultsFileTitle(en.t, facts(true))).toContain(' - normalised results - threshold 12,5 - ');
    // However long the names, the date survives the file-name limit.
    const long = { ...facts(true), workshop: 'W'.repeat(200), session: 'S'.repeat(200), rubric: { name: 'R'.repeat(200), version: 12 }, number: () => '100' };
    expect(safeFileName(resultsFileTitle(t, long), 'xlsx')).toMatch(/ v12 - 2026-12-07\.xlsx$/);
  });

  it('opens the CSV with a header block: the same facts, the tie rule, and who was left raw and why', async () => {
    const { t } = await createI18n('id');
    const about = resultsAbout(t, facts(true));
    const rows = Papa.parse<string[]>(csvText(table, about).slice(1), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['Tentang berkas ini']);
    const block = Object.fromEntries(rows.slice(1, rows.findIndex((r) => r.length === 1 && r[0] === '')).map((r) => [r[0], r[1]]));
    expect(block).toEqual({
      Workshop: 'Pendampingan Kemasan MJC Malang',
      Sesi: 'Kurasi Akhir',
      Rubrik: 'MJC Kualitas & Inovasi Kemasan · versi 2',
      'Rata-rata': 'Dinormalisasi per mentor (skor-z, dipetakan ke rata-rata dan SD gabungan; tidak dipotong ke 0–100)',
      'Mentor yang tetap mentah': 'Budi Santoso (Tetap mentah: kurang dari 3 kiriman dinilai)',
      'Di luar 0–100': '1 nilai hasil normalisasi berada di luar 0–100; nilai itu dibiarkan apa adanya, tidak dipotong.',
      'Tanda "perlu dibahas"': 'Selisih nilai mentah tertinggi dan terendah lebih dari 12,5 poin',
      Peringkat: expect.stringContaining('(1, 2, 2, 4)'),
      Dibuat: '7 Des 2026 10.15',
    });
    // Then the table, as before.
    const start = rows.findIndex((r) => r[0] === 'Peringkat' && r[1] === 'Peserta');
    expect(rows.slice(start, start + 2)).toEqual([table.header, ['1', 'Kopi, Teh & "Jahe" Bu Ani', '87.5', 'Perlu dibahas']]);
    // Raw results say so and list nobody as left raw.
    const raw = resultsAbout(t, facts(false));
    expect(raw.lines.find(([label]) => label === 'Rata-rata')?.[1]).toBe('Mentah: nilai mentor apa adanya');
    expect(raw.lines.some(([label]) => label === 'Mentor yang tetap mentah')).toBe(false);
  });
});
