import { describe, expect, it } from 'vitest';
import { isOnScale, scaleLevels, type Scale } from '../../../shared/scoring/scale.ts';

/** The definition: a score is on the scale when it is one of its levels. */
const byLevels = (scale: Scale, score: number) =>
  (scaleLevels(scale) ?? []).some((l) => Number.isFinite(score) && Math.abs(l - score) < 1e-9);

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

describe('isOnScale', () => {
  it('accepts levels and refuses the rest, including typed decimals', () => {
    expect(isOnScale({ min: 1, max: 5, step: 1 }, 3)).toBe(true);
    expect(isOnScale({ min: 1, max: 5, step: 1 }, 3.5)).toBe(false);
    expect(isOnScale({ min: 1, max: 5, step: 1 }, 6)).toBe(false);
    expect(isOnScale({ min: 0, max: 1, step: 0.1 }, 0.1 + 0.2)).toBe(true);
    expect(isOnScale({ min: 0, max: 10, step: 0.001 }, 1)).toBe(false); // 10,001 levels: not a sane scale
    expect(isOnScale({ min: 1, max: 5, step: 1 }, Number.NaN)).toBe(false);
  });

  it('agrees with looking the score up in scaleLevels (property, seeded)', () => {
    const rand = seeded(3);
    const steps = [1, 0.5, 0.25, 0.1, 2, 0.3, 0.7];
    for (let t = 0; t < 3000; t += 1) {
      const step = steps[Math.floor(rand() * steps.length)] as number;
      const min = Math.round(rand() * 20 - 10) * (rand() < 0.5 ? 1 : 0.5);
      const max = min + Math.floor(rand() * 12) * step + (rand() < 0.1 ? 0.05 : 0);
      const scale = { min, max, step };
      const score = rand() < 0.6 ? min + Math.floor(rand() * 14 - 1) * step : rand() * 30 - 15;
      expect(isOnScale(scale, score), JSON.stringify({ scale, score })).toBe(byLevels(scale, score));
    }
  });
});
