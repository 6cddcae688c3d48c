import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '#shared/domain/rubric.ts';
import { icc21, krippendorffAlpha, krippendorffAlphaInterval } from '#shared/scoring/agreement.ts';
import {
  alphaReading,
  computeSessionResults,
  iccReading,
  versionChanges,
  type ResultsReview,
  type ResultsSubmission,
  type SessionResults,
} from '#shared/scoring/results.ts';

const levels = [1, 2, 3, 4, 5].map((score) => ({ score, descriptor: { id: `L${score}`, en: `L${score}` } }));
const crit = (id: string, weight = 1) => ({ id, name: { id, en: id }, weight, scale: { min: 1, max: 5, step: 1 }, levels });

/** Quality (60): c1, c2; Innovation (40): c3. All 5s → 100, all 1s → 0, all 3s → 50. */
const rubric: Pick<Rubric, 'groups'> = {
  groups: [
    { id: 'g1', name: { id: 'Kualitas', en: 'Quality' }, weight: 60, criteria: [crit('c1'), crit('c2')] },
    { id: 'g2', name: { id: 'Inovasi', en: 'Innovation' }, weight: 40, criteria: [crit('c3')] },
  ],
};

function review(
  submissionId: string,
  mentorId: string,
  scores: [number, number, number] | number,
  extra: Partial<ResultsReview> = {},
): ResultsReview {
  const [a, b, c] = typeof scores === 'number' ? [scores, scores, scores] : scores;
  return {
    submissionId,
    mentorId,
    scores: { c1: { score: a, note: '' }, c2: { score: b, note: '' }, c3: { score: c, note: '' } },
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    ...extra,
  };
}

const sub = (id: string, category: string, region: string, participantId = `p-${id}`, version = 1): ResultsSubmission => ({
  id,
  participantId,
  version,
  region,
  category,
  label: `Label ${id}`,
});

const submissions = [sub('s1', 'snack', 'Malang'), sub('s2', 'snack', 'Jember'), sub('s3', 'beverage', 'Malang'), sub('s4', 'beverage', 'Malang')];
const reviews: ResultsReview[] = [
  review('s1', 'm1', 5),
  review('s1', 'm2', 4),
  review('s2', 'm1', 3),
  review('s2', 'm2', 3),
  review('s3', 'm1', 4),
  review('s3', 'm2', 1, { status: 'draft' }),
  review('s3', 'm3', 2, { abstained: true }),
  review('s4', 'm3', 5, { conflictOfInterest: true }),
];
const options = { normalise: false, flagSpreadAbove: 20 };

describe('computeSessionResults on a worked example', () => {
  const results = computeSessionResults({ rubric, reviews, submissions, mentorIds: ['m1', 'm2', 'm3'], options });
  const row = (id: string) => results.submissions.find((r) => r.submission.id === id);

  it('takes the mean of submitted, non-abstaining reviews, with spread, flag and ranks', () => {
    expect(row('s1')).toMatchObject({ mean: 87.5, n: 2, min: 75, max: 100, spread: 25, flagged: true, rank: 1 });
    expect(row('s1')?.sd).toBeCloseTo(Math.sqrt(312.5), 12);
    expect(row('s2')).toMatchObject({ mean: 50, n: 2, spread: 0, flagged: false, rank: 3 });
    // The draft and the abstention do not count: only m1's 75.
    expect(row('s3')).toMatchObject({ mean: 75, n: 1, sd: null, spread: null, flagged: false, rank: 2 });
    // A conflict of interest is not a score.
    expect(row('s4')).toMatchObject({ mean: null, n: 0, rank: null, rankInCategory: null, rankInRegion: null });
  });

  it('ranks within category and region', () => {
    expect(results.submissions.map((r) => [r.submission.id, r.rankInCategory, r.rankInRegion])).toEqual([
      ['s1', 1, 1],
      ['s2', 2, 1],
      ['s3', 1, 2],
      ['s4', null, null],
    ]);
  });

  it('gives per-criterion means on the criterion scale', () => {
    expect(row('s1')?.criteria).toEqual({ c1: 4.5, c2: 4.5, c3: 4.5 });
    expect(row('s4')?.criteria).toEqual({ c1: null, c2: null, c3: null });
    const c1 = results.criteria[0];
    expect(c1).toMatchObject({ criterionId: 'c1', groupId: 'g1', n: 5, scale: { min: 1, max: 5 } });
    expect(c1?.mean).toBeCloseTo((5 + 4 + 3 + 3 + 4) / 5, 12);
  });

  it('measures agreement with alpha over all pairable submissions and ICC over complete ones', () => {
    const matrix = [
      [100, 75, null],
      [50, 50, null],
      [75, null, null],
      [null, null, null],
    ];
    expect(results.overall.alpha).toBeCloseTo(krippendorffAlphaInterval(matrix) as number, 12);
    expect(results.overall.alphaUnits).toBe(2);
    // m3 rated nothing that counts, so the ICC is over m1 × m2 on s1 and s2.
    expect(results.overall.icc).toBeCloseTo(icc21([[100, 75], [50, 50]]) as number, 12);
    expect(results.overall.iccUnits).toBe(2);
    // Each figure says what it used: alpha 2 submissions, 2 mentors, 4 values; the ICC 2 submissions × 2 mentors.
    expect([results.overall.alphaUnits, results.overall.alphaRaters, results.overall.alphaPairable]).toEqual([2, 2, 4]);
    expect([results.overall.iccUnits, results.overall.iccRaters]).toEqual([2, 2]);
    expect(results.overall.alphaMetric).toBe('interval');
    // Rubric levels are ordinal: the criterion's alpha is ordinal by default, the other metrics alongside.
    expect(results.criteria[2]?.alphaMetric).toBe('ordinal');
    expect(results.criteria[2]?.alpha).toBeCloseTo(krippendorffAlpha([[5, 4], [3, 3], [4, null]], 'ordinal') as number, 12);
    expect(results.criteria[2]?.alphaByMetric.interval).toBeCloseTo(krippendorffAlphaInterval([[5, 4], [3, 3], [4, null]]) as number, 12);
  });

  it('reports each mentor: submitted, abstained, conflicts, mean given and leniency', () => {
    expect(results.mentors).toEqual([
      { mentorId: 'm1', submitted: 3, abstained: 0, conflicts: 0, counted: 3, meanGiven: 75, leniency: 12.5, leniencyN: 2 },
      { mentorId: 'm2', submitted: 2, abstained: 0, conflicts: 0, counted: 2, meanGiven: 62.5, leniency: -12.5, leniencyN: 2 },
      { mentorId: 'm3', submitted: 2, abstained: 1, conflicts: 1, counted: 0, meanGiven: null, leniency: null, leniencyN: 0 },
    ]);
    expect(results.completeness).toEqual({ submissions: 4, scored: 3, scoredByTwoOrMore: 2, submittedReviews: 7, countedReviews: 5 });
  });

  it('keeps the newest review when a mentor has two for one submission, and ignores deleted ones', () => {
    const more = [
      ...reviews,
      review('s2', 'm1', 5, { updatedAt: 10 }),
      review('s2', 'm1', 1, { updatedAt: 5 }),
      review('s1', 'm2', 1, { deletedAt: 3, updatedAt: 99 }),
    ];
    const r = computeSessionResults({ rubric, reviews: more, submissions, mentorIds: ['m1', 'm2', 'm3'], options });
    expect(r.submissions.find((x) => x.submission.id === 's2')?.mean).toBe(75);
    expect(r.submissions.find((x) => x.submission.id === 's1')?.mean).toBe(87.5);
  });

  it('moves the flag with the threshold', () => {
    const strict = computeSessionResults({ rubric, reviews, submissions, mentorIds: ['m1', 'm2', 'm3'], options: { normalise: false, flagSpreadAbove: 30 } });
    expect(strict.submissions.filter((r) => r.flagged)).toEqual([]);
  });

  it('normalises per mentor when asked: a harsh and a lenient mentor ordering alike agree', () => {
    const data = [review('a', 'm1', 5), review('b', 'm1', 4), review('c', 'm1', 3), review('a', 'm2', 3), review('b', 'm2', 2), review('c', 'm2', 1)];
    const subs = [sub('a', 'food', 'Malang'), sub('b', 'food', 'Malang'), sub('c', 'food', 'Malang')];
    const raw = computeSessionResults({ rubric, reviews: data, submissions: subs, mentorIds: ['m1', 'm2'], options });
    const normalised = computeSessionResults({ rubric, reviews: data, submissions: subs, mentorIds: ['m1', 'm2'], options: { ...options, normalise: true } });
    expect(raw.submissions.map((r) => r.spread)).toEqual([50, 50, 50]);
    expect(raw.submissions.every((r) => r.flagged)).toBe(true);
    // Normalised, the two mentors' scores agree (both map to the same value, so the means are the pooled ones),
    // but SD, range, spread and flags stay raw: 50 apart is still 50 apart.
    expect(normalised.submissions.map((r) => r.mean)).toEqual([89.5, 50, 10.5]);
    expect(normalised.submissions.map((r) => [r.min, r.max, r.spread])).toEqual(raw.submissions.map((r) => [r.min, r.max, r.spread]));
    expect(normalised.submissions.map((r) => r.spread)).toEqual([50, 50, 50]);
    expect(normalised.normalisation.mentors.map((m) => m.status)).toEqual(['normalised', 'normalised']);
    expect(normalised.submissions.every((r) => r.flagged)).toBe(true);
    expect(normalised.submissions.map((r) => r.rank)).toEqual([1, 2, 3]);
    // Criterion means are raw, on their 1–5 scale.
    expect(normalised.submissions.map((r) => r.criteria)).toEqual(raw.submissions.map((r) => r.criteria));
    // Agreement and leniency stay raw.
    expect(normalised.overall).toEqual(raw.overall);
    expect(normalised.mentors).toEqual(raw.mentors);
  });

  it('never flags a unanimous submission in the normalised view, and leaves too-few and no-spread mentors raw (issue 16)', () => {
    // Three mentors with different habits; all three gave submission u 25 (level 2 everywhere).
    const data = [
      review('u', 'm1', 2), review('u', 'm2', 2), review('u', 'm3', 2),
      review('v', 'm1', 5), review('v', 'm2', 3), review('v', 'm3', 4),
      review('w', 'm1', 4), review('w', 'm2', 1), review('w', 'm3', 3),
      // m4 scored once: a lone 0 (level 1) must stay 0, not become the pooled mean.
      review('w', 'm4', 1),
    ];
    const subs = [sub('u', 'food', 'Malang'), sub('v', 'food', 'Malang'), sub('w', 'food', 'Malang')];
    const out = computeSessionResults({ rubric, reviews: data, submissions: subs, mentorIds: ['m1', 'm2', 'm3', 'm4'], options: { normalise: true, flagSpreadAbove: 20 } });
    const u = out.submissions[0]!;
    expect([u.min, u.max, u.spread, u.sd, u.flagged]).toEqual([25, 25, 0, 0, false]);
    expect(out.normalisation.mentors.map((m) => [m.mentorId, m.status])).toEqual([
      ['m1', 'normalised'],
      ['m2', 'normalised'],
      ['m3', 'normalised'],
      ['m4', 'too-few'],
    ]);
    // w's mean mixes three normalised scores with m4's raw 0.
    const raw = computeSessionResults({ rubric, reviews: data, submissions: subs, mentorIds: ['m1', 'm2', 'm3', 'm4'], options: { normalise: false, flagSpreadAbove: 20 } });
    expect(out.submissions[2]?.min).toBe(0);
    expect(raw.normalisation).toEqual(out.normalisation);
  });

  it('reads alpha and ICC in plain words', () => {
    expect([0.85, 0.7, 0.5, null].map(alphaReading)).toEqual(['good', 'tentative', 'low', null]);
    expect([0.95, 0.8, 0.6, 0.2, null].map(iccReading)).toEqual(['excellent', 'good', 'moderate', 'poor', null]);
  });
});

type Cell = 'missing' | 'draft' | 'submitted' | 'abstained';
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: fc.constant<Cell>('submitted'), weight: 70 },
  { arbitrary: fc.constant<Cell>('missing'), weight: 15 },
  { arbitrary: fc.constant<Cell>('draft'), weight: 10 },
  { arbitrary: fc.constant<Cell>('abstained'), weight: 5 },
);
const score = fc.integer({ min: 1, max: 5 });

/**
 * A session: `s` submissions in categories and regions, `m` mentors, some reviews missing, drafts
 * and abstentions; with `split`, each submission has one mentor only. Sizes given as ranges.
 */
function sessionArb(s: [number, number], m: [number, number], split = false) {
  return fc.tuple(fc.integer({ min: s[0], max: s[1] }), fc.integer({ min: m[0], max: m[1] })).chain(([sc, mc]) =>
    fc
      .record({
        places: fc.array(fc.tuple(fc.constantFrom('food', 'snack', 'herbal'), fc.constantFrom('Malang', 'Jember')), { minLength: sc, maxLength: sc }),
        cells: fc.array(fc.tuple(cell, fc.tuple(score, score, score)), { minLength: sc * mc, maxLength: sc * mc }),
      })
      .map(({ places, cells }) => {
        const subs = places.map(([category, region], i) => sub(`s${i}`, category, region));
        const mentorIds = Array.from({ length: mc }, (_, j) => `m${j}`);
        const list: ResultsReview[] = [];
        subs.forEach((submission, i) => {
          mentorIds.forEach((mentorId, j) => {
            if (split && i % mc !== j) return;
            const [kind, scores] = cells[i * mc + j]!;
            if (kind === 'missing') return;
            list.push(review(submission.id, mentorId, scores, { status: kind === 'draft' ? 'draft' : 'submitted', abstained: kind === 'abstained' }));
          });
        });
        return { subs, mentorIds, list };
      }),
  );
}

function expectCompetitionRanks(ranks: (number | null)[], values: (number | null)[]) {
  const present = ranks.filter((r): r is number => r !== null).sort((a, b) => a - b);
  let i = 0;
  while (i < present.length) {
    const r = present[i] as number;
    expect(r).toBe(i + 1);
    while (present[i] === r) i += 1;
  }
  values.forEach((a, x) =>
    values.forEach((b, y) => {
      if (a !== null && b !== null && a > b) expect(ranks[x] as number).toBeLessThan(ranks[y] as number);
      if (a !== null && b !== null && a === b) expect(ranks[x]).toBe(ranks[y]);
    }),
  );
  expect(ranks.map((r) => r === null)).toEqual(values.map((v) => v === null));
}

describe('computeSessionResults properties', () => {
  it('ranks overall, per category and per region are permutations with ties (1224)', () => {
    fc.assert(fc.property(sessionArb([1, 20], [1, 4]), fc.boolean(), ({ subs, mentorIds, list }, normalise) => {
      const r = computeSessionResults({ rubric, reviews: list, submissions: subs, mentorIds, options: { normalise, flagSpreadAbove: 20 } });
      expectCompetitionRanks(r.submissions.map((x) => x.rank), r.submissions.map((x) => x.mean));
      for (const key of ['category', 'region'] as const) {
        const groups = new Set(subs.map((s) => s[key]));
        for (const g of groups) {
          const rows = r.submissions.filter((x) => x.submission[key] === g);
          expectCompetitionRanks(rows.map((x) => (key === 'category' ? x.rankInCategory : x.rankInRegion)), rows.map((x) => x.mean));
        }
      }
    }), { numRuns: 60 });
  });

  it('never counts drafts, and does not depend on the order of reviews', () => {
    const keys = fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(fc.property(sessionArb([12, 12], [3, 3]), fc.boolean(), keys, ({ subs, mentorIds, list }, normalise, key) => {
      const input = { rubric, submissions: subs, mentorIds, options: { normalise, flagSpreadAbove: 15 } };
      const base = computeSessionResults({ ...input, reviews: list });
      const noisy = [...list.filter((x) => x.status !== 'draft')];
      // Drafts with any scores, and reviews by someone not in the session, change nothing.
      for (const s of subs) noisy.push(review(s.id, 'stranger', 5), review(s.id, 'm0', 1, { status: 'draft', updatedAt: 1e12 }));
      const shuffled = noisy.map((x) => ({ x, k: key.next().value as number })).sort((a, b) => a.k - b.k).map(({ x }) => x);
      const again = computeSessionResults({ ...input, reviews: shuffled });
      expect(again.submissions).toEqual(base.submissions);
      expect(again.criteria).toEqual(base.criteria);
      expect(again.mentors.map((m) => m.counted)).toEqual(base.mentors.map((m) => m.counted));
    }), { numRuns: 40 });
  });

  it('keeps every mean between min and max, criterion means on scale, and flags exactly the wide spreads', () => {
    fc.assert(fc.property(sessionArb([10, 10], [4, 4]), fc.integer({ min: 0, max: 49 }), fc.boolean(), ({ subs, mentorIds, list }, threshold, normalise) => {
      const r = computeSessionResults({ rubric, reviews: list, submissions: subs, mentorIds, options: { normalise, flagSpreadAbove: threshold } });
      for (const row of r.submissions) {
        if (row.mean === null) {
          expect(row.n).toBe(0);
          continue;
        }
        // A submission every mentor scored alike is never flagged, normalised or not.
        if (row.min === row.max) expect(row.flagged).toBe(false);
        // The mean is rounded once to one decimal, so it may sit up to 0.05 outside the raw min–max;
        // a normalised mean is on another scale than the raw range.
        if (!r.options.normalise) {
          expect(row.mean).toBeGreaterThanOrEqual((row.min as number) - 0.05 - 1e-9);
          expect(row.mean).toBeLessThanOrEqual((row.max as number) + 0.05 + 1e-9);
        }
        expect(Math.round((row.mean as number) * 10) / 10).toBe(row.mean);
        expect(row.flagged).toBe(row.n >= 2 && (row.spread as number) > threshold);
        for (const v of Object.values(row.criteria)) {
          expect(v).not.toBeNull();
          expect(v as number).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(v as number).toBeLessThanOrEqual(5 + 1e-9);
        }
      }
    }), { numRuns: 60 });
  });

  it('normalisation keeps the order of submissions within a mentor', () => {
    // Split: each submission has one mentor, so its mean is that mentor's (normalised) score.
    fc.assert(fc.property(sessionArb([15, 15], [3, 3], true), ({ subs, mentorIds, list }) => {
      const input = { rubric, reviews: list, submissions: subs, mentorIds };
      const raw = computeSessionResults({ ...input, options: { normalise: false, flagSpreadAbove: 20 } });
      const norm = computeSessionResults({ ...input, options: { normalise: true, flagSpreadAbove: 20 } });
      for (const mentorId of mentorIds) {
        const mine = subs.filter((_, i) => i % mentorIds.length === mentorIds.indexOf(mentorId));
        for (const a of mine) {
          for (const b of mine) {
            const ra = raw.submissions.find((x) => x.submission.id === a.id)?.mean ?? null;
            const rb = raw.submissions.find((x) => x.submission.id === b.id)?.mean ?? null;
            const na = norm.submissions.find((x) => x.submission.id === a.id)?.mean ?? null;
            const nb = norm.submissions.find((x) => x.submission.id === b.id)?.mean ?? null;
            if (ra === null || rb === null) continue;
            if (ra > rb) expect(na as number).toBeGreaterThanOrEqual(nb as number);
            if (ra === rb) expect(na as number).toBeCloseTo(nb as number, 9);
          }
        }
      }
    }), { numRuns: 60 });
  });
});

describe('versionChanges', () => {
  const versions = [
    sub('a1', 'food', 'Malang', 'pa', 1),
    sub('a2', 'food', 'Malang', 'pa', 2),
    sub('a3', 'food', 'Malang', 'pa', 3),
    sub('b1', 'food', 'Malang', 'pb', 1),
    sub('c1', 'food', 'Malang', 'pc', 1),
    sub('c2', 'food', 'Malang', 'pc', 2),
  ];

  it('gives the change from the first to the latest reviewed version, per criterion and overall', () => {
    const data = [
      review('a1', 'm1', [2, 2, 1]),
      review('a2', 'm1', [3, 3, 2]),
      review('a3', 'm1', [5, 4, 4]),
      review('b1', 'm1', 3),
      review('c1', 'm1', 4),
      review('c2', 'm1', 2, { status: 'draft' }),
    ];
    const results = computeSessionResults({ rubric, reviews: data, submissions: versions, mentorIds: ['m1'], options });
    const changes = versionChanges(results);
    // pb has one version; pc's second version is not reviewed yet.
    expect(changes.map((c) => c.participantId)).toEqual(['pa']);
    const pa = changes[0];
    expect(pa?.versions).toEqual([1, 2, 3]);
    expect(pa?.label).toBe('Label a3');
    expect(pa?.total).toMatchObject({ fromVersion: 1, toVersion: 3, criteria: { c1: 3, c2: 2, c3: 3 } });
    // 0.6 × mean(0.25, 0.25) + 0.4 × 0 = 15 → 0.6 × mean(1, 0.75) + 0.4 × 0.75 = 82.5.
    expect(pa?.total.overall).toBeCloseTo(82.5 - 15, 9);
    expect(pa?.steps.map((s) => [s.fromVersion, s.toVersion, s.criteria.c1])).toEqual([
      [1, 2, 1],
      [2, 3, 2],
    ]);
  });

  it('steps add up to the total (property)', () => {
    // Five participants with 1–4 versions each; each of two mentors scores a version or not.
    const scored = fc.option(fc.tuple(score, score, score), { freq: 3 });
    const participant = fc.array(fc.tuple(scored, scored), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(participant, { minLength: 5, maxLength: 5 }), fc.boolean(), (people, normalise) => {
        const mentors = ['m1', 'm2'];
        const subs: ResultsSubmission[] = [];
        const data: ResultsReview[] = [];
        people.forEach((versions, p) =>
          versions.forEach((byMentor, i) => {
            const s = sub(`p${p}v${i + 1}`, 'food', 'Malang', `p${p}`, i + 1);
            subs.push(s);
            byMentor.forEach((scores, m) => scores && data.push(review(s.id, mentors[m]!, scores)));
          }),
        );
        const results: SessionResults = computeSessionResults({ rubric, reviews: data, submissions: subs, mentorIds: mentors, options: { normalise, flagSpreadAbove: 20 } });
        for (const change of versionChanges(results)) {
          const sum = change.steps.reduce((a, s) => a + s.overall, 0);
          expect(sum).toBeCloseTo(change.total.overall, 9);
          for (const id of ['c1', 'c2', 'c3']) {
            expect(change.steps.reduce((a, s) => a + (s.criteria[id] as number), 0)).toBeCloseTo(change.total.criteria[id] as number, 9);
          }
          expect(change.versions).toEqual([...change.versions].sort((a, b) => a - b));
        }
      }),
      { numRuns: 40 },
    );
  });
});
