import { describe, expect, it } from 'vitest';
import { buildSummaryModel, RANKING_CHART_BARS, summaryFileName, type SummaryInput } from '#shared/pack/summaryModel.ts';
import { summaryModelSchema, type SummaryModel } from '#shared/pack/summaryModelSchema.ts';
import { alphaReading, emptyAgreement } from '#shared/scoring/results.ts';
import { REOPENED_AT, REVISED_AT, summaryInput } from '../../support/summaryFixture.ts';

const id1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const id2 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const en1 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const minus = (text: string) => text.replace('-', '−');

function build(input: SummaryInput, language: 'id' | 'en' = 'id'): SummaryModel {
  return buildSummaryModel(input, { language, normalised: input.results.options.normalise, flagSpreadAbove: input.results.options.flagSpreadAbove });
}

describe('the cover', () => {
  it('names the workshop, session, rubric and mentors, and counts what was scored, in Bahasa Indonesia', () => {
    const input = summaryInput();
    const model = build(input);
    expect(model.cover.kicker).toBe('Laporan ringkasan kurator');
    expect(model.cover.title).toBe('Kurasi Akhir Batch 2');
    expect(model.cover.facts).toEqual(
      expect.arrayContaining([
        { label: 'Workshop', value: 'Pendampingan Kemasan MJC Malang' },
        { label: 'Tanggal', value: '12–14 November 2026' },
        { label: 'Rubrik', value: 'MJC Kualitas & Inovasi Kemasan · versi 1' },
        { label: 'Cara menilai', value: 'Penilaian buta (nama peserta disembunyikan saat menilai)' },
        { label: 'Pembagian', value: 'Semua mentor menilai semua kiriman' },
        { label: 'Status sesi', value: 'Ditutup' },
        { label: 'Rata-rata', value: 'Nilai mentor apa adanya' },
        { label: 'Tanda "perlu dibahas"', value: 'Selisih nilai mentah tertinggi dan terendah lebih dari 20 poin' },
      ]),
    );
    expect(model.cover.mentors.map((m) => m.name)).toEqual(['Rina Prasetyo', 'Andrés Nuñez-Kurniawan', 'Dewi Lestari']);
    const figure = (label: string) => model.cover.figures.find((f) => f.label === label);
    expect(figure('Kiriman')?.value).toBe('12');
    // 12 × 3 reviews, one abstains: 35 count, all 36 assigned reviews are submitted.
    expect(figure('Penilaian dihitung')?.value).toBe('35');
    expect(figure('Kelengkapan')?.detail).toBe('36 dari 36 penilaian');
    expect(model.cover.completeness).toBe(1);
    expect(figure('α keseluruhan')?.value).toBe(id2.format(input.results.overall.alpha as number));
    expect(figure('Perlu dibahas')?.value).toBe(String(input.results.submissions.filter((r) => r.flagged).length));
    expect(model.cover.notes).toEqual([]);
    expect(model.cover.generated).toBe('Dibuat 28 November 2026 dengan Kemas Studio');
    expect(model.meta).toMatchObject({ title: 'Laporan ringkasan: Kurasi Akhir Batch 2', lang: 'id-ID', author: 'Rina Prasetyo, Andrés Nuñez-Kurniawan, Dewi Lestari' });
    expect(model.footer).toBe('Pendampingan Kemasan MJC Malang · Kurasi Akhir Batch 2');
  });

  it('warns that an open session’s numbers may change, and counts reviews still to come', () => {
    // Rina has not submitted three of her reviews yet.
    const input = summaryInput({ status: 'open', pending: 3 });
    const model = build(input);
    expect(model.cover.notes).toEqual(['Sesi ini masih berjalan: angka di laporan ini bisa berubah selama mentor masih menilai.']);
    expect(model.cover.facts).toContainEqual({ label: 'Status sesi', value: 'Masih berjalan' });
    expect(model.cover.completeness).toBeCloseTo(33 / 36, 9);
    expect(model.cover.figures.find((f) => f.label === 'Kelengkapan')).toEqual({ label: 'Kelengkapan', value: '92%', detail: '33 dari 36 penilaian' });
    const split = build({ ...input, session: { ...input.session, assignment: 'split' } });
    // Split: each submission is in one queue, so 12 are assigned and more were submitted than assigned.
    expect(split.cover.figures.find((f) => f.label === 'Kelengkapan')?.detail).toBe('12 dari 12 penilaian');
  });
});

describe('the ranking', () => {
  it('lists every submission best first with rank, label and version, category, region, mean, n, spread and flag', () => {
    const input = summaryInput();
    const model = build(input);
    const rows = model.ranking.rows;
    expect(rows).toHaveLength(12);
    const ranks = rows.map((r) => r.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows[0]?.rankText).toBe('1');
    for (const row of rows) {
      const result = input.results.submissions.find((r) => r.submission.id === row.submissionId);
      if (!result) throw new Error(row.submissionId);
      expect(row.label).toBe(`${result.submission.label} · v${result.submission.version}`);
      expect(row.meanText).toBe(id1.format(result.mean as number));
      expect(row.nText).toBe(String(result.n));
      expect(row.spreadText).toBe(result.spread === null ? '–' : id1.format(result.spread));
      expect(row.flagText).toBe(result.flagged ? 'Perlu dibahas' : '');
    }
    expect(rows.find((r) => r.submissionId === 's1')).toMatchObject({ category: 'Camilan', region: 'Malang' });
    // The participant without a region is listed under "Tanpa wilayah".
    expect(rows.some((r) => r.region === 'Tanpa wilayah')).toBe(true);
    expect(rows.find((r) => r.submissionId === 's3')?.n).toBe(2);
  });

  it('flags by the session’s threshold and says how many', () => {
    const input = summaryInput({ flagSpreadAbove: 5 });
    const model = build(input);
    const flagged = model.ranking.rows.filter((r) => r.flagged);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((r) => (r.spread as number) > 5)).toBe(true);
    expect(model.ranking.flaggedText).toBe(`Kiriman yang perlu dibahas: ${flagged.length} (selisih lebih dari 5 poin).`);
    expect(build(summaryInput({ flagSpreadAbove: 100 })).ranking.flaggedText).toBe('Tidak ada kiriman dengan selisih lebih dari 100 poin.');
  });

  it('marks each review revised after its mentor saw the others, with the mentor and the time in WIB, in both languages', () => {
    const input = summaryInput({ revised: true });
    // Both stay counted: the sent revision, and the reopened one by its submitted version.
    expect(input.results.submissions.find((r) => r.submission.id === 's4')?.n).toBe(3);
    const model = build(input);
    const revisions = (id: string, m: SummaryModel = model) => m.ranking.rows.find((r) => r.submissionId === id)?.revisions;
    expect(revisions('s2')).toEqual(['Andrés Nuñez-Kurniawan: direvisi setelah melihat penilaian lain, 27 November 2026 pukul 10.32 WIB']);
    expect(revisions('s4')).toEqual([
      'Dewi Lestari: dibuka lagi setelah melihat penilaian lain, 27 November 2026 pukul 14.05 WIB; versi yang terkirim tetap dihitung sampai revisinya dikirim',
    ]);
    expect(model.ranking.rows.filter((r) => r.revisions.length > 0).map((r) => r.submissionId).sort()).toEqual(['s2', 's4']);
    expect(model.ranking.revisedText).toBe(
      'Penilaian yang direvisi setelah mentornya melihat penilaian lain: 2 (ditandai di tabel dengan nama mentor dan waktunya).',
    );
    expect(model.howToRead).toContain(model.text.howToRead.items.revised);

    const english = build(input, 'en');
    expect(revisions('s2', english)).toEqual(['Andrés Nuñez-Kurniawan: revised after seeing other reviews, 27 November 2026 at 10:32 GMT+7']);
    expect(revisions('s4', english)?.[0]).toMatch(/^Dewi Lestari: reopened after seeing other reviews, 27 November 2026 at 14:05 GMT\+7; the submitted version still counts/);
    expect(english.ranking.revisedText).toMatch(/^Reviews revised after their mentor saw other reviews: 2 /);
    expect(summaryModelSchema.safeParse(english).success).toBe(true);
    // The times are the stored ones.
    expect(input.results.submissions.flatMap((r) => r.revisedAfterReveal.map((v) => v.at)).sort()).toEqual([REVISED_AT, REOPENED_AT]);
  });

  it('says nothing of revisions when there are none', () => {
    const model = build(summaryInput());
    expect(model.ranking.rows.every((r) => r.revisions.length === 0)).toBe(true);
    expect(model.ranking.revisedText).toBeNull();
    expect(model.howToRead).not.toContain(model.text.howToRead.items.revised);
  });

  it('charts the top 20 of a large session, with their means and spreads', () => {
    const model = build(summaryInput({ submissions: 60 }));
    const bars = model.ranking.chart.bars;
    expect(bars).toHaveLength(RANKING_CHART_BARS);
    expect(model.ranking.chart.title).toBe('20 teratas');
    expect(bars[0]?.label).toBe(`1. ${model.ranking.rows[0]?.label}`);
    expect(bars.map((b) => b.mean)).toEqual(model.ranking.rows.slice(0, 20).map((r) => r.mean));
    expect(model.ranking.chart.alt).toContain(`${bars[0]?.label} ${bars[0]?.meanText}`);
  });

  it('puts unscored submissions last, marked as not scored', () => {
    const input = summaryInput();
    const results = { ...input.results, submissions: input.results.submissions.map((r, i) => (i === 0 ? { ...r, mean: null, rank: null, n: 0, min: null, max: null, spread: null } : r)) };
    const model = build({ ...input, results });
    expect(model.ranking.rows.at(-1)).toMatchObject({ submissionId: 's1', rankText: '–', meanText: 'belum dinilai' });
    expect(model.ranking.chart.bars).toHaveLength(11);
  });
});

describe('statistics per criterion and agreement', () => {
  it('gives each criterion a code, its mean and SD on its scale, alpha and ICC with their readings', () => {
    const input = summaryInput();
    const model = build(input);
    expect(model.criteria.rows).toHaveLength(10);
    model.criteria.rows.forEach((row, i) => {
      const r = input.results.criteria[i];
      if (!r) throw new Error(String(i));
      expect(row.name.startsWith(`K${i + 1} `)).toBe(true);
      expect(row.scaleText).toBe('skala 1–5');
      expect(row.meanText).toBe(id1.format(r.mean as number));
      expect(row.meanShare).toBeCloseTo(((r.mean as number) - 1) / 4, 9);
      expect(row.alphaText).toBe(r.alpha === null ? '–' : minus(id2.format(r.alpha)));
      // Read on the lower bound of the 95 % interval.
      const reading = alphaReading(r.alphaLow);
      expect(row.readingText).toBe(reading ? { good: 'kesepakatan baik', tentative: 'cukup untuk kesimpulan sementara', low: 'kesepakatan rendah, perlu dibahas' }[reading] : 'belum bisa dihitung');
      expect(row.iccText).toMatch(/^(−?\d,\d\d \((sangat baik|baik|sedang|lemah)\)|–)$/);
      expect(row.unitsText).toBe(`${r.alphaUnits} kiriman, ${r.alphaRaters} mentor, ${r.alphaPairable} nilai (ICC: ${r.iccUnits} kiriman)`);
    });
    expect(model.criteria.rows[0]?.group).toBe('Kualitas');
    expect(model.criteria.overall.alphaText).toBe(minus(id2.format(input.results.overall.alpha as number)));
  });

  it('says the overall agreement in words and shows each mentor’s leniency with its sign', () => {
    const input = summaryInput();
    const model = build(input);
    const o = input.results.overall;
    expect(model.agreement.sentences[0]).toBe(
      `Kesepakatan nilai keseluruhan: α Krippendorff (interval) = ${minus(id2.format(o.alpha as number))} [${minus(id2.format(o.alphaLow as number))}–${minus(id2.format(o.alphaHigh as number))}] [selang kepercayaan 95%] — ${model.criteria.overall.readingText}, dinilai dari batas bawahnya (dari 12 kiriman yang dinilai dua mentor atau lebih).`,
    );
    expect(model.agreement.sentences[1]).toMatch(/^ICC\(2,1\) satu mentor = −?\d,\d\d \[−?\d,\d\d–−?\d,\d\d\]; ICC\(2,k\) rata-rata mentor, yang dipakai peringkat = −?\d,\d\d \[.+\] \(.+\), dari 11 kiriman yang dinilai semua 3 mentor\.$/);
    const [rina, andres, dewi] = model.agreement.mentors;
    // Andrés scores higher than the others, Dewi lower.
    expect(andres?.leniency).toBeGreaterThan(0);
    expect(andres?.leniencyText.startsWith('+')).toBe(true);
    expect(dewi?.leniency).toBeLessThan(0);
    expect(dewi?.leniencyText.startsWith('−')).toBe(true);
    expect(rina?.countedText).toBe('12');
    expect(dewi?.countedText).toBe('11');
  });

  it('explains when agreement cannot be computed', () => {
    const input = summaryInput();
    const results = { ...input.results, overall: emptyAgreement('interval') };
    const model = build({ ...input, results });
    expect(model.agreement.sentences).toEqual(['Kesepakatan belum bisa dihitung: perlu kiriman yang dinilai oleh dua mentor atau lebih.']);
    expect(model.criteria.overall.readingText).toBe('belum bisa dihitung');
  });
});

describe('statistics per region', () => {
  it('counts, averages and names the best submission of each region, alphabetically', () => {
    const input = summaryInput();
    const model = build(input);
    expect(model.regions.rows.map((r) => r.region)).toEqual(['Bojonegoro', 'Jember', 'Madiun', 'Malang', 'Tanpa wilayah']);
    for (const row of model.regions.rows) {
      const list = input.results.submissions.filter((r) => (r.submission.region || 'Tanpa wilayah') === row.region);
      const means = list.map((r) => r.mean as number);
      expect(row.count).toBe(list.length);
      expect(row.mean).toBeCloseTo(means.reduce((s, m) => s + m, 0) / means.length, 9);
      const best = list.find((r) => r.mean === Math.max(...means));
      expect(row.bestText).toBe(`${best?.submission.label} · v${best?.submission.version} (${id1.format(Math.max(...means))})`);
      expect(row.rangeText).toBe(`${id1.format(Math.min(...means))}–${id1.format(Math.max(...means))}`);
    }
  });
});

describe('improvement across versions', () => {
  it('lists each participant with two or more versions, largest improvement first, overall and per criterion', () => {
    const input = summaryInput({ versions: 3 });
    const model = build(input);
    const v = model.versions;
    expect(v.available).toBe(true);
    expect(v.rows).toHaveLength(input.changes.length);
    const changes = v.rows.map((r) => r.change);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    const first = v.rows.find((r) => r.versionsText.split('›').length === 3);
    const change = input.changes.find((c) => c.participantId === first?.participantId);
    if (!first || !change) throw new Error('no change');
    expect(first.versionsText).toBe('v1 › v2 › v3');
    expect(first.stepsText).toMatch(/^\([+−]?\d+,\d, [+−]?\d+,\d\)$/);
    const before = input.results.submissions.find((r) => r.submission.id === change.total.fromSubmissionId)?.mean as number;
    const after = input.results.submissions.find((r) => r.submission.id === change.total.toSubmissionId)?.mean as number;
    expect(first.beforeText).toBe(id1.format(before));
    expect(first.afterText).toBe(id1.format(after));
    expect(first.change).toBeCloseTo(after - before, 9);
    const k1 = change.total.criteria[input.results.criteria[0]?.criterionId as string] as number;
    expect(first.criteriaText.startsWith(`K1 ${k1 > 0 ? '+' : ''}${minus(id1.format(k1))}`)).toBe(true);
    expect(first.criteriaText.split(' · ')).toHaveLength(10);

    const c1 = v.criteria[0];
    const values = input.changes.map((c) => c.total.criteria[c1?.criterionId as string] as number);
    expect(c1?.n).toBe(values.length);
    expect(c1?.meanChange).toBeCloseTo(values.reduce((s, x) => s + x, 0) / values.length, 9);
    expect(c1?.improved).toBe(values.filter((x) => x > 0).length);
    expect(v.summaryText).toContain(`Peserta dengan dua versi atau lebih: ${input.changes.length}.`);
  });

  it('says so when no participant has two versions', () => {
    const model = build(summaryInput({ versions: 1 }));
    expect(model.versions).toMatchObject({ available: false, rows: [], summaryText: null });
  });
});

describe('in English, and as data that crosses to the host', () => {
  it('writes English words, decimal points and C-codes', () => {
    const input = summaryInput({ normalise: true });
    const model = build(input, 'en');
    expect(model.cover.kicker).toBe("Curator's summary report");
    expect(model.cover.facts).toContainEqual({ label: 'Means', value: 'Normalised per mentor (z-scores mapped onto the pooled mean and SD; not clipped to 0–100)' });
    expect(model.cover.facts.find((f) => f.label === 'Dates')?.value).toMatch(/^12\s–\s14 November 2026$/);
    expect(model.ranking.rows[0]?.meanText).toBe(en1.format(input.results.submissions.find((r) => r.rank === 1)?.mean as number));
    expect(model.criteria.rows[0]?.name.startsWith('C1 ')).toBe(true);
    expect(model.text.ranking.title).toBe('Ranking');
    expect(model.meta.lang).toBe('en-GB');
    // The normalisation note is part of "how to read" only when the means are normalised.
    expect(model.howToRead.some((t) => t.startsWith('Normalised per mentor'))).toBe(true);
    expect(build(summaryInput(), 'en').howToRead.some((t) => t.startsWith('Normalised per mentor'))).toBe(false);
  });

  it('passes its own schema, and refuses options that differ from the results’', () => {
    const input = summaryInput();
    const model = build(input);
    expect(summaryModelSchema.parse(model)).toEqual(model);
    expect(() => summaryModelSchema.parse({ ...model, formatVersion: 2 })).toThrow();
    expect(() => buildSummaryModel(input, { language: 'id', normalised: true, flagSpreadAbove: 20 })).toThrow(/options/);
    expect(() => buildSummaryModel(input, { language: 'id', normalised: false, flagSpreadAbove: 10 })).toThrow(/options/);
  });

  it('names its file after the workshop and the session', () => {
    expect(summaryFileName('Pendampingan MJC: Malang', 'Kurasi/Akhir', 'id')).toBe('Pendampingan MJC Malang - Kurasi-Akhir - Laporan ringkasan.pdf');
    expect(summaryFileName('MJC', '  ', 'en')).toBe('MJC - Session - Summary report.pdf');
  });
});
