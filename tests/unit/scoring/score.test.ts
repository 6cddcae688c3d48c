import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWARDS_STYLE, MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { levelFor, normaliseScore, reviewScore, roundForDisplay } from '#shared/scoring/score.ts';

const mjcIds = MJC_QUALITY_INNOVATION.groups.flatMap((g) => g.criteria.map((c) => c.id));
const all = (score: number) => Object.fromEntries(mjcIds.map((id) => [id, score]));

describe('reviewScore', () => {
  it('maps the bottom of every scale to 0 and the top to 100', () => {
    expect(reviewScore(MJC_QUALITY_INNOVATION, all(1)).overall0to100).toBe(0);
    expect(reviewScore(MJC_QUALITY_INNOVATION, all(5)).overall0to100).toBeCloseTo(100, 12);
    expect(reviewScore(MJC_QUALITY_INNOVATION, all(3)).overall0to100).toBeCloseTo(50, 12);
  });

  it('weights criteria within groups and groups within the rubric', () => {
    // Only the label criterion (30 of 100 in Kualitas) at 5, the rest at 1: 0.3 × 60 = 18.
    const r = reviewScore(MJC_QUALITY_INNOVATION, { ...all(1), 'mjc-quality-label': 5 });
    expect(r.complete).toBe(true);
    expect(r.overall0to100).toBeCloseTo(18, 12);
    expect(r.groups).toEqual([
      { groupId: 'mjc-quality', subtotal0to100: expect.closeTo(30, 12), scored: 5, total: 5 },
      { groupId: 'mjc-innovation', subtotal0to100: 0, scored: 5, total: 5 },
    ]);
  });

  it('keeps full precision; rounding is for display only', () => {
    const scores = { 'awards-innovation': 2, 'awards-sustainability-function': 3, 'awards-brand-graphic': 3, 'awards-market-impact': 3 };
    const r = reviewScore(AWARDS_STYLE, scores);
    expect(r.overall0to100).toBeCloseTo(43.75, 12);
    expect(roundForDisplay(r.overall0to100)).toBe(43.8);
    expect(roundForDisplay(200 / 3)).toBe(66.7);
    expect(roundForDisplay(null)).toBeNull();
    expect(roundForDisplay(-0.01)).toBe(0);
  });

  it('is incomplete with a partial score while criteria are missing', () => {
    const r = reviewScore(MJC_QUALITY_INNOVATION, { 'mjc-quality-label': 5, 'mjc-innovation-originality': 1 });
    expect(r.complete).toBe(false);
    expect(r.overall0to100).toBeNull();
    expect(r.groups.map((g) => g.subtotal0to100)).toEqual([100, 0]);
    expect(r.partial0to100).toBeCloseTo(60, 12);
    expect(reviewScore(MJC_QUALITY_INNOVATION, {}).partial0to100).toBeNull();
  });

  it('treats off-scale scores as unscored and names them', () => {
    const r = reviewScore(MJC_QUALITY_INNOVATION, { ...all(3), 'mjc-quality-print': 7, 'mjc-quality-brand': 2.5 });
    expect(r.complete).toBe(false);
    expect(r.invalid).toEqual(['mjc-quality-print', 'mjc-quality-brand']);
  });

  it('normalises custom scales', () => {
    expect(normaliseScore({ min: 0, max: 10, step: 0.5 }, 7.5)).toBe(0.75);
  });

  it('is monotone: raising one criterion never lowers the overall (property)', () => {
    const scores = fc.tuple(...mjcIds.map(() => fc.integer({ min: 1, max: 5 }))).map((xs) => Object.fromEntries(mjcIds.map((id, i) => [id, xs[i]!])));
    fc.assert(
      fc.property(scores, fc.constantFrom(...mjcIds), (scores, id) => {
        const before = reviewScore(MJC_QUALITY_INNOVATION, scores).overall0to100 ?? NaN;
        const after = reviewScore(MJC_QUALITY_INNOVATION, { ...scores, [id]: Math.min(5, (scores[id] ?? 1) + 1) }).overall0to100 ?? NaN;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(100 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('levelFor', () => {
  const criterion = MJC_QUALITY_INNOVATION.groups[0]!.criteria[0]!;
  it('gives the descriptor reached', () => {
    expect(levelFor(criterion, 3)?.score).toBe(3);
    expect(levelFor(criterion, 3.5)?.score).toBe(3);
    expect(levelFor(criterion, 5)?.descriptor.en).toMatch(/Complete, correct/);
    expect(levelFor(criterion, 0.5)).toBeNull();
  });
});
