import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSummaryModel } from '#shared/pack/summaryModel.ts';
import { roundScore, SCORE_DECIMALS } from '#shared/scoring/aggregate.ts';
import { compareFractions, exactScorer, fromDecimal, reduce, roundFraction, toNumber } from '#shared/scoring/exactScore.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { computeSessionResults, type ResultsReview, type ResultsSubmission } from '#shared/scoring/results.ts';
import { resultsTable, type ExportLabels } from '#shared/scoring/resultsTable.ts';
import { reviewScore } from '#shared/scoring/score.ts';
import { mjcRubric } from '../../support/packFixture.ts';

const CRITERIA = MJC_QUALITY_INNOVATION.groups.flatMap((g) => g.criteria.map((c) => c.id));
const levels = (key: string) => Object.fromEntries(CRITERIA.map((id, i) => [id, Number(key[i])]));
/** What the studio shows for a 0–100 score in Bahasa Indonesia. */
const shown = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The old floating-point sum, to show the example really had two forms. */
function floatScore(key: string): number {
  const scores = levels(key);
  const groupWeights = MJC_QUALITY_INNOVATION.groups.reduce((s, g) => s + g.weight, 0);
  let total = 0;
  for (const g of MJC_QUALITY_INNOVATION.groups) {
    const criterionWeights = g.criteria.reduce((s, c) => s + c.weight, 0);
    let sum = 0;
    for (const c of g.criteria) sum += c.weight * (((scores[c.id] as number) - 1) / 4);
    total += ((g.weight / groupWeights) * sum) / criterionWeights;
  }
  return total * 100;
}

describe('fractions', () => {
  it('read numbers as the decimals people typed', () => {
    expect(fromDecimal(0.1)).toEqual({ num: 1n, den: 10n });
    expect(fromDecimal(-2.5)).toEqual({ num: -5n, den: 2n });
    expect(fromDecimal(1e-7)).toEqual({ num: 1n, den: 10000000n });
    expect(fromDecimal(3e21)).toEqual({ num: 3000000000000000000000n, den: 1n });
    expect(() => fromDecimal(Number.NaN)).toThrow(RangeError);
  });

  it('round once, halves away from zero', () => {
    expect(roundFraction({ num: 445n, den: 10n }, 0)).toBe(45n);
    expect(roundFraction({ num: 889n, den: 20n }, 1)).toBe(445n); // 44.45 → 44.5
    expect(roundFraction({ num: -889n, den: 20n }, 1)).toBe(-445n);
    expect(roundFraction({ num: 8899n, den: 200n }, 1)).toBe(445n); // 44.495
    expect(roundFraction({ num: 88899n, den: 2000n }, 1)).toBe(444n); // 44.4495
  });

  it('turn one value into one double, whatever its form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), (n, d, k) => {
        const a = { num: BigInt(n), den: BigInt(d) };
        const b = { num: BigInt(n) * BigInt(k), den: BigInt(d) * BigInt(k) };
        expect(toNumber(a)).toBe(toNumber(b));
        expect(compareFractions(a, b)).toBe(0);
        expect(reduce(b)).toEqual(reduce(a));
      }),
    );
  });
});

describe('exact review scores', () => {
  it('gives 4143251511 and 1335125215 on the MJC rubric one score, 44.5 (issue 16)', () => {
    // Before: floating point made these 44.49999999999999 and 44.5, ranked 9 and 10 while both shown as 44,5.
    expect(floatScore('4143251511')).not.toBe(floatScore('1335125215'));
    const a = reviewScore(MJC_QUALITY_INNOVATION, levels('4143251511'));
    const b = reviewScore(MJC_QUALITY_INNOVATION, levels('1335125215'));
    expect(a.overall0to100).toBe(44.5);
    expect(b.overall0to100).toBe(44.5);
    expect(compareFractions(a.overallExact!, b.overallExact!)).toBe(0);
  });

  it('every reachable MJC score has exactly one double form, and it is the float sum up to noise (property)', () => {
    const key = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 10, maxLength: 10 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(key, key, (x, y) => {
        const a = reviewScore(MJC_QUALITY_INNOVATION, levels(x));
        const b = reviewScore(MJC_QUALITY_INNOVATION, levels(y));
        expect(a.overall0to100).toBeCloseTo(floatScore(x), 9);
        expect(a.overall0to100 === b.overall0to100).toBe(compareFractions(a.overallExact!, b.overallExact!) === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles decimal weights, steps and minimums exactly', () => {
    const rubric = {
      groups: [
        { weight: 0.1, criteria: [{ id: 'a', weight: 0.2, scale: { min: 0.5, max: 2, step: 0.5 } }, { id: 'b', weight: 0.1, scale: { min: 1, max: 3, step: 1 } }] },
        { weight: 0.2, criteria: [{ id: 'c', weight: 1, scale: { min: 0, max: 10, step: 0.1 } }] },
      ],
    };
    const scorer = exactScorer(rubric);
    // a: (1.5 − 0.5)/1.5 = 2/3, b: (2 − 1)/2 = 1/2 → group 1: (0.2·2/3 + 0.1·1/2)/0.3 = 11/18; c: 0.3/10.
    // overall: 100 × (1/3 · 11/18 + 2/3 · 3/100) = 100 × (11/54 + 1/50) = 100 × 302/1350.
    const numerator = scorer.overall({ a: 1.5, b: 2, c: 0.3 });
    expect(compareFractions({ num: numerator!, den: scorer.denominator }, { num: 30200n, den: 1350n })).toBe(0);
    expect(scorer.overall({ a: 1.5, b: null, c: 0.3 })).toBeNull();
    // Groups whose criteria weigh nothing drop out.
    const lopsided = exactScorer({ groups: [{ weight: 50, criteria: [{ id: 'z', weight: 0, scale: { min: 1, max: 5, step: 1 } }] }, ...rubric.groups.slice(1)] });
    expect(toNumber({ num: lopsided.overall({ z: 1, c: 10 })!, den: lopsided.denominator })).toBe(100);
  });
});

/** A session of MJC reviews given as level keys per submission. */
function session(keys: readonly (readonly string[])[]) {
  const rubric = mjcRubric();
  const mentorIds = ['m1', 'm2', 'm3', 'm4'];
  const submissions: ResultsSubmission[] = keys.map((_, i) => ({
    id: `s${i}`,
    participantId: `p${i}`,
    version: 1,
    region: i % 2 === 0 ? 'Malang' : 'Jember',
    category: i % 3 === 0 ? 'snack' : 'food',
    label: `UMKM ${i}`,
  }));
  const reviews: ResultsReview[] = keys.flatMap((list, i) =>
    list.map((key, j) => ({
      submissionId: `s${i}`,
      mentorId: mentorIds[j] as string,
      scores: Object.fromEntries(CRITERIA.map((id, k) => [id, { score: Number(key[k]), note: '' }])),
      status: 'submitted' as const,
      abstained: false,
      conflictOfInterest: false,
    })),
  );
  return { rubric, submissions, reviews, mentorIds };
}

const labels: ExportLabels = {
  language: 'id',
  sheets: { results: 'Hasil', criteria: 'Kriteria', mentors: 'Mentor', versions: 'Versi' },
  results: Object.fromEntries(['rank', 'rankInCategory', 'rankInRegion', 'label', 'version', 'category', 'region', 'mean', 'n', 'sd', 'min', 'max', 'spread', 'flagged'].map((k) => [k, k])) as ExportLabels['results'],
  criteria: {} as ExportLabels['criteria'],
  mentors: {} as ExportLabels['mentors'],
  versions: {} as ExportLabels['versions'],
  overall: 'Keseluruhan',
  flagged: 'perlu dibahas',
  revision: (r) => `${r.mentorId} ${r.at}`,
  category: (c) => c,
  mentorName: (m) => m,
  normalisation: (status) => status,
  alphaMetric: (metric) => metric,
};

describe('ranks of equal means', () => {
  it('ranks the issue’s two reviews together (1, 2, 2, 4) in the results, the CSV/XLSX table and the PDF report', () => {
    const s = session([['5555555555'], ['4143251511'], ['1335125215'], ['1111111111']]);
    const results = computeSessionResults({ ...s, options: { normalise: false, flagSpreadAbove: 20 } });
    expect(results.submissions.map((r) => r.mean)).toEqual([100, 44.5, 44.5, 0]);
    expect(results.submissions.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    const table = resultsTable(results, s.rubric, labels);
    expect(table.rows.map((r) => [r[0], r[7]])).toEqual([
      [1, 100],
      [2, 44.5],
      [2, 44.5],
      [4, 0],
    ]);
    const model = buildSummaryModel(
      {
        workshop: { name: 'W', region: 'Malang', venue: '', startDate: '2026-11-12', endDate: '2026-11-12' },
        session: { name: 'S', blind: false, assignment: 'all-score-all', status: 'closed', mentorIds: s.mentorIds, submissionIds: s.submissions.map((x) => x.id), conflicts: [] },
        rubric: s.rubric,
        results,
        changes: [],
        mentors: s.mentorIds.map((id) => ({ id, name: id, organisation: '' })),
        generatedAt: 0,
      },
      { language: 'id', normalised: false, flagSpreadAbove: 20 },
    );
    expect(model.ranking.rows.map((r) => r.rankText)).toEqual(['1', '2', '2', '4']);
    expect(model.ranking.rows.map((r) => r.meanText)).toEqual(['100,0', '44,5', '44,5', '0,0']);
  });

  it('any two submissions whose means are shown alike get the same rank, overall, in category and in region (property)', () => {
    const key = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 10, maxLength: 10 }).map((xs) => xs.join(''));
    const reviewSet = fc.array(key, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(reviewSet, { minLength: 2, maxLength: 12 }), fc.boolean(), (keys, normalise) => {
        const s = session(keys);
        // Ranks do not read agreement: no bootstrap, so 300 runs stay quick.
        const results = computeSessionResults({ ...s, options: { normalise, flagSpreadAbove: 20 }, alphaResamples: 0 });
        const rows = results.submissions;
        for (const a of rows) {
          for (const b of rows) {
            if (a.mean === null || b.mean === null) continue;
            const same = shown.format(a.mean) === shown.format(b.mean);
            expect(a.rank === b.rank).toBe(same);
            if (same && a.submission.category === b.submission.category) expect(a.rankInCategory).toBe(b.rankInCategory);
            if (same && a.submission.region === b.submission.region) expect(a.rankInRegion).toBe(b.rankInRegion);
            // A higher mean shown never ranks worse.
            if (a.mean > b.mean) expect(a.rank as number).toBeLessThan(b.rank as number);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('rounds a floating-point mean once, at the stated precision', () => {
    expect(SCORE_DECIMALS).toBe(1);
    expect([roundScore(44.49999999999999), roundScore(44.45), roundScore(44.449), roundScore(-0.04)]).toEqual([44.5, 44.5, 44.4, 0]);
  });
});
