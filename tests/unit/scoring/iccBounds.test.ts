import { describe, expect, it } from 'vitest';
import { iccAll } from '#shared/scoring/agreement.ts';
import { iccMeanReadingOf } from '#shared/scoring/results.ts';

describe('ICC intervals when two mentors disagree on a handful of submissions', () => {
  // Four submissions, two mentors who see them the other way round: the single-mentor
  // interval's lower bound falls below −1, where the Spearman–Brown step has its pole.
  const matrix = [
    [90, 20],
    [25, 85],
    [60, 35],
    [40, 70],
  ];

  it('never gives the mean of the mentors a lower bound above its own estimate', () => {
    const { forms } = iccAll(matrix);
    const single = forms['2,1'];
    const mean = forms['2,k'];
    expect(single?.low).not.toBeNull();
    expect(single?.low as number).toBeLessThanOrEqual(-1);
    // Unbounded below (or the estimate itself undefined): no number, rather than the 5,48 the
    // formula gives past its pole, and never an estimate above 1.
    expect(mean?.low ?? null).toBeNull();
    if (mean) expect(mean.icc).toBeLessThanOrEqual(1);
  });

  it('reads an interval unbounded below as poor agreement, not as excellent', () => {
    const { forms } = iccAll(matrix);
    const mean = forms['2,k'];
    if (mean) expect(iccMeanReadingOf({ iccMeanLow: mean.low, iccMeanHigh: mean.high })).toBe('poor');
    // The journey's case: ICC(2,k) 0,00 with a single-mentor lower bound of −1,57.
    expect(iccMeanReadingOf({ iccMeanLow: null, iccMeanHigh: 0.95 })).toBe('poor');
  });

  it('keeps the interval of agreeing mentors as it was: bounds around the estimate, below 1', () => {
    const { forms } = iccAll([
      [90, 88],
      [25, 30],
      [60, 58],
      [40, 45],
      [75, 70],
    ]);
    const mean = forms['2,k'];
    expect(mean?.low as number).toBeLessThan(mean?.icc as number);
    expect(mean?.high as number).toBeGreaterThan(mean?.icc as number);
    expect(mean?.high as number).toBeLessThanOrEqual(1);
  });
});
