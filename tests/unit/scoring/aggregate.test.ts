import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateSubmissions, mentorLeniency, normalisePerMentor, rankWithTies, type ScoreEntry } from '#shared/scoring/aggregate.ts';

const e = (submissionId: string, mentorId: string, score: number | null, abstained = false): ScoreEntry => ({ submissionId, mentorId, score, abstained });

describe('rankWithTies', () => {
  it('uses standard competition ranking (1224), highest first', () => {
    const ranked = rankWithTies([{ value: 80 }, { value: 90 }, { value: 80 }, { value: 70 }, { value: null }]);
    expect(ranked.map((r) => r.rank)).toEqual([2, 1, 2, 4, null]);
    expect(rankWithTies([{ value: 1 }, { value: 2 }], true).map((r) => r.rank)).toEqual([1, 2]);
  });

  it('ranks are a permutation of 1..n with ties (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 15 }), (raw) => {
        const values = raw.map((value) => ({ value }));
        const ranks = rankWithTies(values).map((r) => r.rank ?? 0);
        // Each rank r appears c times, and the next distinct rank is r + c.
        const sorted = [...ranks].sort((a, b) => a - b);
        let i = 0;
        while (i < sorted.length) {
          const r = sorted[i] ?? 0;
          expect(r).toBe(i + 1);
          while (sorted[i] === r) i += 1;
        }
        // Higher values never rank worse.
        values.forEach((a, x) => values.forEach((b, y) => { if (a.value > b.value) expect(ranks[x]).toBeLessThan(ranks[y]!); }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('aggregateSubmissions', () => {
  const entries = [
    e('s1', 'm1', 80),
    e('s1', 'm2', 60),
    e('s1', 'm3', 10, true),
    e('s2', 'm1', 70),
    e('s2', 'm2', null),
    e('s3', 'm1', 70),
    e('s3', 'm2', 70),
    e('s4', 'm1', 50, true),
  ];

  it('takes the mean of non-abstaining reviews, with spread and ranks', () => {
    const results = aggregateSubmissions(entries);
    expect(results).toEqual([
      { submissionId: 's1', mean: 70, n: 2, sd: expect.closeTo(Math.sqrt(200), 12), min: 60, max: 80, rank: 1 },
      { submissionId: 's2', mean: 70, n: 1, sd: null, min: 70, max: 70, rank: 1 },
      { submissionId: 's3', mean: 70, n: 2, sd: 0, min: 70, max: 70, rank: 1 },
      { submissionId: 's4', mean: null, n: 0, sd: null, min: null, max: null, rank: null },
    ]);
  });

  it('can normalise per mentor first', () => {
    // m1 scores high, m2 low, but both order the submissions the same way: after normalising they agree.
    const data = [e('a', 'm1', 90), e('b', 'm1', 80), e('c', 'm1', 70), e('a', 'm2', 60), e('b', 'm2', 50), e('c', 'm2', 40)];
    const results = aggregateSubmissions(data, { normalise: true });
    for (const r of results) expect(r.sd).toBeCloseTo(0, 9);
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3]);
    // Mapped back onto the pooled mean (65) and pooled SD.
    expect(results[1]?.mean).toBeCloseTo(65, 9);
  });
});

describe('normalisePerMentor', () => {
  it('leaves a mentor with fewer than 3 scores, or all scores alike, raw and says why (a lone 20 stays 20)', () => {
    const data = [
      e('a', 'm1', 50), e('b', 'm1', 50), e('c', 'm1', 50),
      e('a', 'm2', 80), e('b', 'm2', 40), e('c', 'm2', 60),
      e('a', 'm3', 20),
      e('d', 'm2', 0, true),
    ];
    const out = normalisePerMentor(data);
    expect(out.entries[0]?.score).toBe(50);
    expect(out.entries[6]?.score).toBe(20);
    expect(out.entries[7]).toEqual(e('d', 'm2', 0, true));
    expect(out.mentors.map((m) => [m.mentorId, m.status, m.n])).toEqual([
      ['m1', 'no-spread', 3],
      ['m2', 'normalised', 3],
      ['m3', 'too-few', 1],
    ]);
    // m2 is mapped onto the pooled scale: mean 50 of all seven scores, population SD.
    const pooled = [50, 50, 50, 80, 40, 60, 20];
    const pooledMean = pooled.reduce((a, b) => a + b) / 7;
    const pooledSd = Math.sqrt(pooled.reduce((a, x) => a + (x - pooledMean) ** 2, 0) / 7);
    expect(out.pooledMean).toBeCloseTo(pooledMean, 12);
    expect(out.entries[3]?.score).toBeCloseTo(pooledMean + ((80 - 60) / Math.sqrt(800 / 3)) * pooledSd, 9);
  });

  it('never clamps: a score mapped outside 0–100 is kept and counted', () => {
    // m1 spreads 0–100 widely, m2 bunches near the top: m2's best maps well above 100.
    const data = [e('a', 'm1', 0), e('b', 'm1', 0), e('c', 'm1', 0), e('d', 'm1', 100), e('a', 'm2', 99), e('b', 'm2', 99), e('c', 'm2', 99), e('d', 'm2', 100)];
    const out = normalisePerMentor(data);
    expect(out.outsideRange).toBeGreaterThan(0);
    expect(Math.max(...out.entries.map((x) => x.score as number))).toBeGreaterThan(100);
  });

  it('keeps order within each mentor and counts exactly the scores outside 0–100 (property)', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(scores, scores, scores, (...perMentor) => {
        const data = perMentor.flatMap((list, m) => list.map((score, s) => e(`s${s}`, `m${m + 1}`, score)));
        const out = normalisePerMentor(data);
        expect(out.outsideRange).toBe(out.entries.filter((x) => (x.score as number) < 0 || (x.score as number) > 100).length);
        for (let i = 0; i < data.length; i += 1) {
          const oi = out.entries[i]!.score!;
          const status = out.mentors.find((m) => m.mentorId === data[i]!.mentorId)?.status;
          if (status !== 'normalised') expect(oi).toBe(data[i]!.score);
          for (let j = 0; j < data.length; j += 1) {
            if (data[i]!.mentorId !== data[j]!.mentorId) continue;
            if (data[i]!.score! > data[j]!.score!) expect(oi).toBeGreaterThan(out.entries[j]!.score!);
            if (data[i]!.score === data[j]!.score) expect(oi).toBe(out.entries[j]!.score);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('mentorLeniency', () => {
  it('is each mentor’s mean difference from the others', () => {
    const out = mentorLeniency([e('a', 'm1', 90), e('a', 'm2', 70), e('b', 'm1', 80), e('b', 'm2', 60), e('c', 'm1', 50)]);
    expect(out).toEqual([
      { mentorId: 'm1', leniency: 20, n: 2 },
      { mentorId: 'm2', leniency: -20, n: 2 },
    ]);
  });
});
