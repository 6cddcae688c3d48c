import { describe, expect, it } from 'vitest';
import { icc21, krippendorffAlphaInterval, ratingMatrix } from '#shared/scoring/agreement.ts';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
// 4 observers × 12 units with missing values. Published: α_interval = 0.849
// (nominal 0.743, ordinal 0.815, ratio 0.797). Rows here are units, columns observers A–D.
const _ = null;
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const units = observers[0]!.map((__, u) => observers.map((o) => o[u] ?? null));

// Shrout & Fleiss (1979), Table 2: six targets × four judges. Published: ICC(2,1) = .29 (ICC(1,1) .17, ICC(3,1) .71).
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe("Krippendorff's alpha (interval)", () => {
  it("matches Krippendorff's worked example: 0.849", () => {
    const alpha = krippendorffAlphaInterval(units);
    expect(alpha).toBeCloseTo(0.849, 3);
    // Exact: 1 − D_o/D_e = 0.849107… (40 pairable values in 11 units).
    expect(alpha).toBeCloseTo(0.8491, 4);
  });

  it('is 1 for perfect agreement and ignores units with fewer than two values', () => {
    expect(krippendorffAlphaInterval([[1, 1, null], [3, 3, 3], [5, null, 5], [2, null, null]])).toBe(1);
  });

  it('is undefined (null) with no variation or too little data', () => {
    expect(krippendorffAlphaInterval([[2, 2], [2, 2]])).toBeNull();
    expect(krippendorffAlphaInterval([[1, null], [null, 2]])).toBeNull();
    expect(krippendorffAlphaInterval([])).toBeNull();
  });

  it('does not depend on the order of raters or units, or on a shift of all values', () => {
    const reversed = units.map((row) => [...row].reverse()).reverse();
    const shifted = units.map((row) => row.map((v) => (v === null ? null : v * 20 - 7)));
    expect(krippendorffAlphaInterval(reversed)).toBeCloseTo(krippendorffAlphaInterval(units)!, 12);
    expect(krippendorffAlphaInterval(shifted)).toBeCloseTo(krippendorffAlphaInterval(units)!, 12);
  });
});

describe('ICC(2,1)', () => {
  it('matches Shrout & Fleiss (1979): 0.29', () => {
    const icc = icc21(shroutFleiss);
    expect(icc).toBeCloseTo(0.29, 2);
    // Full precision from their mean squares: BMS 11.24, JMS 32.49, EMS 1.02 → 0.2898.
    expect(icc).toBeCloseTo(0.2898, 4);
  });

  it('is 1 for identical raters and null for missing or degenerate data', () => {
    expect(icc21([[1, 1], [2, 2], [3, 3]])).toBe(1);
    expect(icc21([[1, null], [2, 2]])).toBeNull();
    expect(icc21([[1, 2]])).toBeNull();
    expect(icc21([[1, 2], [3]])).toBeNull();
    expect(icc21([[4, 4], [4, 4]])).toBeNull();
  });
});

describe('ratingMatrix', () => {
  it('lays ratings out as units × raters with gaps as null', () => {
    const out = ratingMatrix([
      { unitId: 's1', raterId: 'm1', value: 4 },
      { unitId: 's2', raterId: 'm2', value: 3 },
      { unitId: 's1', raterId: 'm2', value: 5 },
    ]);
    expect(out).toEqual({ unitIds: ['s1', 's2'], raterIds: ['m1', 'm2'], matrix: [[4, 5], [null, 3]] });
  });

  it('feeds the agreement statistics', () => {
    const ratings = units.flatMap((row, u) => row.map((value, r) => ({ unitId: `u${u}`, raterId: `r${r}`, value })));
    expect(krippendorffAlphaInterval(ratingMatrix(ratings).matrix)).toBeCloseTo(0.849, 3);
  });
});
