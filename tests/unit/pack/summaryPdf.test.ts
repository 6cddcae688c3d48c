import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSummaryPdf } from '#electron/services/pack/renderSummaryPdf.ts';
import { buildSummaryModel, type SummaryInput } from '#shared/pack/summaryModel.ts';
import type { SummaryModel } from '#shared/pack/summaryModelSchema.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { hasPdftoppm, rasterise, readPdf, type PdfText } from '../../support/packPdf.ts';
import { summaryInput, type SummaryFixtureOptions } from '../../support/summaryFixture.ts';

const OUT = join(import.meta.dirname, '..', '..', '..', 'test-results', 'summary');

/** Noto Sans has no minus sign: the PDF prints a hyphen-minus instead (PackWriter.printable). */
const printed = (text: string) => text.replaceAll('−', '-');

function model(input: SummaryInput, language: PackLanguage): SummaryModel {
  return buildSummaryModel(input, { language, normalised: input.results.options.normalise, flagSpreadAbove: input.results.options.flagSpreadAbove });
}

async function render(options: SummaryFixtureOptions, language: PackLanguage, pageSize: 'A4' | 'Letter' = 'A4') {
  const m = model(summaryInput(options), language);
  return { model: m, pdf: await renderSummaryPdf(m, { pageSize }) };
}

const HEADINGS = {
  id: [
    'LAPORAN RINGKASAN KURATOR',
    'Angka utama',
    'Peringkat',
    '20 teratas',
    'Semua kiriman',
    'Statistik per kriteria',
    'Kesepakatan (α) per kriteria',
    'Statistik per wilayah',
    'Perubahan antarversi',
    'Perubahan rata-rata per kriteria',
    'Perubahan per peserta',
    'Kesepakatan antarmentor',
    'Kemurahan mentor',
    'Cara membaca laporan ini',
  ],
  en: [
    "CURATOR'S SUMMARY REPORT",
    'Key figures',
    'Ranking',
    'Top 20',
    'All submissions',
    'Statistics per criterion',
    'Agreement (α) per criterion',
    'Statistics per region',
    'Improvement across versions',
    'Mean change per criterion',
    'Change per participant',
    'Agreement between mentors',
    'Mentor leniency',
    'How to read this report',
  ],
} as const;

describe.each(['id', 'en'] as const)('a summary report in %s, as a curator reads it', (language) => {
  let m: SummaryModel;
  let pdf: Buffer;
  let text: PdfText;

  beforeAll(async () => {
    ({ model: m, pdf } = await render({ submissions: 40, flagSpreadAbove: 12 }, language));
    text = await readPdf(pdf);
  });

  it('holds the translated headings, every rank and mean, and the agreement', () => {
    for (const heading of HEADINGS[language]) expect(text.all, heading).toContain(heading);
    expect(text.pages[0]).toContain('Kurasi Akhir Batch 2');
    expect(text.pages[0]).toContain('Andrés Nuñez-Kurniawan, Asosiasi Desainer Kemasan');
    for (const figure of m.cover.figures) expect(text.pages[0], figure.label).toContain(figure.value);
    // Every row of the ranking: its label, then its mean, in order of rank.
    let from = 0;
    for (const row of m.ranking.rows) {
      const at = text.all.indexOf(`${row.rankText} ${row.label}`, from);
      expect(at, `${row.rankText} ${row.label}`).toBeGreaterThan(-1);
      expect(text.all.slice(at, at + 200)).toContain(row.meanText);
      from = at;
    }
    expect(m.ranking.rows.some((r) => r.flagged)).toBe(true);
    expect(text.all).toContain(language === 'id' ? 'Perlu dibahas' : 'To discuss');
    for (const row of m.criteria.rows) {
      expect(text.all, row.name).toContain(row.name);
      expect(text.all).toContain(printed(row.alphaText));
    }
    expect(text.all).toContain(printed(m.agreement.sentences[0] as string));
    for (const row of m.regions.rows) expect(text.all).toContain(row.region);
    for (const mentor of m.agreement.mentors) expect(text.all).toContain(printed(mentor.leniencyText));
    // Decimal commas in Bahasa Indonesia, points in English.
    const mean = m.ranking.rows[0]?.meanText as string;
    expect(mean).toMatch(language === 'id' ? /^\d+,\d$/ : /^\d+\.\d$/);
  });

  it('numbers every page and puts the footer on it', () => {
    const count = text.pages.length;
    text.pages.forEach((page, i) => {
      expect(page).toContain(language === 'id' ? `Halaman ${i + 1} dari ${count}` : `Page ${i + 1} of ${count}`);
      expect(page).toContain(m.footer);
    });
  });

  it('carries title, author, subject and language, is tagged and describes its charts', () => {
    expect(text.info.Title).toBe(m.meta.title);
    expect(text.info.Author).toBe('Rina Prasetyo, Andrés Nuñez-Kurniawan, Dewi Lestari');
    expect(text.info.Subject).toBe(m.meta.subject);
    expect(pdf.includes(`/Lang (${language === 'id' ? 'id-ID' : 'en-GB'})`)).toBe(true);
    expect(text.marked).toBe(true);
    const alts = text.figures.flat();
    for (const alt of [m.ranking.chart.alt, m.criteria.chartAlt, m.regions.chartAlt, m.versions.criteriaChartAlt, m.agreement.chartAlt]) expect(alts).toContain(alt);
    expect(pdf.includes('/FontFile2')).toBe(true);
  });
});

describe('reviews revised after their mentor saw the others', () => {
  it.each(['id', 'en'] as const)('are marked in the ranking (%s): "Direvisi" in the flag column, who and when under the submission', async (language) => {
    const { model: m, pdf } = await render({ revised: true }, language);
    const text = await readPdf(pdf);
    const ranking = text.pages.find((p) => p.includes(language === 'id' ? 'Semua kiriman' : 'All submissions')) ?? '';
    expect(ranking).toContain(m.ranking.revisedText as string);
    for (const id of ['s2', 's4']) {
      const row = m.ranking.rows.find((r) => r.submissionId === id);
      if (!row) throw new Error(id);
      // The line under the label names the mentor and the time, then the row's own numbers follow it.
      const at = text.all.indexOf(`${row.rankText} ${row.label} ${row.revisions[0]}`);
      expect(at, row.revisions[0]).toBeGreaterThan(-1);
      expect(text.all.slice(at, at + 400)).toContain(language === 'id' ? 'Direvisi' : 'Revised');
    }
    expect(text.all).toContain(language === 'id' ? 'Andrés Nuñez-Kurniawan: direvisi setelah melihat penilaian lain, 27 November 2026 pukul 10.32 WIB' : 'at 10:32 GMT+7');
    expect(text.all).toContain(m.text.howToRead.items.revised);
  });
});

describe('a large session', () => {
  it('renders 300 submissions, the ranking table continuing across pages with its header repeated', async () => {
    const started = performance.now();
    const { model: m, pdf } = await render({ submissions: 300 }, 'id');
    const elapsed = performance.now() - started;
    const text = await readPdf(pdf);
    // Ranks and labels of the first, a middle and the last row.
    for (const row of [m.ranking.rows[0], m.ranking.rows[150], m.ranking.rows[299]]) expect(text.all).toContain(`${row?.rankText} ${row?.label}`);
    const withHeader = text.pages.filter((p) => p.includes('Peringkat Kiriman Kategori Wilayah Rata-rata n Selisih Tanda'));
    expect(withHeader.length).toBeGreaterThanOrEqual(6);
    // Roughly: well within a worker's patience (the bench measures it properly).
    expect(elapsed).toBeLessThan(15_000);
  });

  it('is Letter when asked, and says so where there is nothing to show yet', async () => {
    const { pdf } = await render({ submissions: 4, versions: 1 }, 'en', 'Letter');
    const text = await readPdf(pdf);
    expect(new Set(text.pageSizes.map(([w, h]) => `${w}×${h}`))).toEqual(new Set(['612×792']));
    expect(text.all).toContain('No participant has two or more versions scored in this session yet.');
  });
});

describe.skipIf(!hasPdftoppm)('pages as pictures (pdftoppm from poppler-utils)', () => {
  it('writes every page of a report in both languages as a picture to look at', async () => {
    for (const language of ['id', 'en'] as const) {
      const { pdf } = await render({ submissions: 40, versions: 3, status: 'open', pending: 5, revised: true }, language);
      const pages = await rasterise(pdf, OUT, `summary-${language}`, 50);
      expect(pages.length).toBe((await readPdf(pdf)).pages.length);
      // The first page is no blank sheet: the key figures' tiles and text darken it.
      const first = pages[0];
      if (!first) throw new Error('no pages');
      let dark = 0;
      for (let i = 0; i < first.data.length; i += 3) if ((first.data[i] ?? 255) < 128) dark += 1;
      expect(dark / (first.width * first.height)).toBeGreaterThan(0.01);
    }
  });
});
