import { describe, expect, it } from 'vitest';
import { reviewCompleteness } from '#shared/scoring/completeness.ts';
import { AWARDS_STYLE } from '#shared/scoring/presets.ts';

const ids = AWARDS_STYLE.groups[0]?.criteria.map((c) => c.id) ?? [];
const review = (scores: Record<string, number | null>, verdict: 'market-ready' | null = null) => ({
  scores: Object.fromEntries(Object.entries(scores).map(([k, score]) => [k, { score, note: '' }])),
  verdict,
  abstained: false,
  conflictOfInterest: false,
});

describe('review completeness', () => {
  it('lists unscored criteria in rubric order and asks for a verdict', () => {
    const result = reviewCompleteness(review({ [ids[1] as string]: 3 }), AWARDS_STYLE);
    expect(result.unscored).toEqual([ids[0], ids[2], ids[3]]);
    expect(result.verdictMissing).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.score.partial0to100).toBeCloseTo(50, 9);
  });

  it('counts an off-scale score as unscored', () => {
    const all = Object.fromEntries(ids.map((id) => [id, 5]));
    const result = reviewCompleteness(review({ ...all, [ids[0] as string]: 7 }, 'market-ready'), AWARDS_STYLE);
    expect(result.unscored).toEqual([ids[0]]);
    expect(result.complete).toBe(false);
  });

  it('is complete with every score and a verdict, or when the mentor declined', () => {
    const all = Object.fromEntries(ids.map((id) => [id, 5]));
    expect(reviewCompleteness(review(all, 'market-ready'), AWARDS_STYLE)).toMatchObject({ complete: true, unscored: [] });
    expect(reviewCompleteness(review(all), AWARDS_STYLE).complete).toBe(false);
    expect(reviewCompleteness({ ...review({}), abstained: true }, AWARDS_STYLE)).toMatchObject({ complete: true, declined: true });
    expect(reviewCompleteness({ ...review({}), conflictOfInterest: true }, AWARDS_STYLE).complete).toBe(true);
  });
});
