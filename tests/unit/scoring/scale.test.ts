import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOnScale, scaleLevels, type Scale } from '#shared/scoring/scale.ts';

/** The definition: a score is on the scale when it is one of its levels. */
const byLevels = (scale: Scale, score: number) =>
  (scaleLevels(scale) ?? []).some((l) => Number.isFinite(score) && Math.abs(l - score) < 1e-9);

describe('isOnScale', () => {
  it('accepts levels and refuses the rest, including typed decimals', () => {
    expect(isOnScale({ min: 1, max: 5, step: 1 }, 3)).toBe(true);
    expect(isOnScale({ min: 1, max: 5, step: 1 }, 3.5)).toBe(false);
    expect(isOnScale({ min: 1, max: 5, step: 1 }, 6)).toBe(false);
    expect(isOnScale({ min: 0, max: 1, step: 0.1 }, 0.1 + 0.2)).toBe(true);
    expect(isOnScale({ min: 0, max: 10, step: 0.001 }, 1)).toBe(false); // 10,001 levels: not a sane scale
    expect(isOnScale({ min: 1, max: 5, step: 1 }, Number.NaN)).toBe(false);
  });

  it('agrees with looking the score up in scaleLevels (property)', () => {
    const scaleArb = fc
      .record({
        step: fc.constantFrom(1, 0.5, 0.25, 0.1, 2, 0.3, 0.7),
        min: fc.integer({ min: -10, max: 10 }),
        halfMin: fc.boolean(),
        levels: fc.integer({ min: 0, max: 11 }),
        offGrid: fc.boolean(),
      })
      .map(({ step, min, halfMin, levels, offGrid }) => {
        const from = halfMin ? min * 0.5 : min;
        return { min: from, max: from + levels * step + (offGrid ? 0.05 : 0), step };
      });
    // A score on the scale's grid (just past either end too) or anywhere at all.
    const scoreFor = (scale: Scale) =>
      fc.oneof(
        fc.integer({ min: -1, max: 12 }).map((k) => scale.min + k * scale.step),
        fc.double({ min: -15, max: 15, noNaN: true }),
      );
    fc.assert(
      fc.property(scaleArb.chain((scale) => fc.tuple(fc.constant(scale), scoreFor(scale))), ([scale, score]) => {
        expect(isOnScale(scale, score), JSON.stringify({ scale, score })).toBe(byLevels(scale, score));
      }),
      { numRuns: 3000 },
    );
  });
});
