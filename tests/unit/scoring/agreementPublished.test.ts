import { describe, expect, it } from 'vitest';
import { alphaWithInterval, iccAll, krippendorffAlpha, seededRandom, type IccForm } from '#shared/scoring/agreement.ts';
import { fCdf, fQuantile } from '#shared/scoring/fDistribution.ts';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve units,
// values 1–5, missing values as dots. Units are rows here (the paper prints observers as rows).
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const krippendorff = A.map((_, u) => [A[u], B[u], C[u], D[u]] as (number | null)[]);

// Shrout & Fleiss (1979), Table 2: six targets rated by four judges.
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe("Krippendorff's alpha reproduces Krippendorff (2011)", () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s α = %s', (metric, published) => {
    expect(krippendorffAlpha(krippendorff, metric)!.toFixed(3)).toBe(published.toFixed(3));
  });

  it('counts what it used: 11 pairable units (unit 12 has one value), 4 observers, 40 pairable values', () => {
    const r = alphaWithInterval(krippendorff, 'ordinal');
    expect([r.units, r.raters, r.pairable]).toEqual([11, 4, 40]);
  });

  it('gives a seeded bootstrap interval around α, the same on every run', () => {
    const a = alphaWithInterval(krippendorff, 'interval');
    const b = alphaWithInterval(krippendorff, 'interval');
    expect(a).toEqual(b);
    expect(a.low!).toBeLessThan(a.alpha!);
    expect(a.high!).toBeGreaterThanOrEqual(a.alpha! - 0.05);
    expect(a.high!).toBeLessThanOrEqual(1);
    // Another seed gives another (but similar) interval: the seed really drives it.
    const c = alphaWithInterval(krippendorff, 'interval', { seed: 7, resamples: 1000 });
    expect(c.low).not.toBe(a.low);
    expect(Math.abs(c.low! - a.low!)).toBeLessThan(0.1);
  });

  it('is 1 for perfect agreement and undefined without variation', () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3]], 'ordinal')).toBe(1);
    expect(krippendorffAlpha([[2, 2], [2, 2]], 'interval')).toBeNull();
  });
});

describe('ICCs reproduce Shrout & Fleiss (1979) Table 2', () => {
  const result = iccAll(shroutFleiss);
  it.each([
    ['1,1', 0.17],
    ['2,1', 0.29],
    ['3,1', 0.71],
    ['1,k', 0.44],
    ['2,k', 0.62],
    ['3,k', 0.91],
  ] as [IccForm, number][])('ICC(%s) = %s', (form, published) => {
    expect(result.forms[form]!.icc.toFixed(2)).toBe(published.toFixed(2));
  });

  it('gives the 95 % intervals of McGraw & Wong (1996), as R psych::ICC prints them for these data', () => {
    const bounds = Object.fromEntries(Object.entries(result.forms).map(([form, v]) => [form, [v!.low!.toFixed(2), v!.high!.toFixed(2)]]));
    expect(bounds).toEqual({
      '1,1': ['-0.13', '0.72'],
      '2,1': ['0.02', '0.76'],
      '3,1': ['0.34', '0.95'],
      '1,k': ['-0.88', '0.91'],
      '2,k': ['0.07', '0.93'],
      '3,k': ['0.68', '0.99'],
    });
    expect([result.units, result.raters]).toEqual([6, 4]);
  });
});

describe('the F distribution', () => {
  it('matches tabled quantiles', () => {
    // F(0.975; 5, 15) = 3.576, F(0.975; 15, 5) = 6.428, F(0.95; 1, 1) = 161.45.
    expect(fQuantile(0.975, 5, 15)).toBeCloseTo(3.576, 3);
    expect(fQuantile(0.975, 15, 5)).toBeCloseTo(6.428, 3);
    expect(fQuantile(0.95, 1, 1)).toBeCloseTo(161.45, 1);
    expect(fCdf(fQuantile(0.3, 3.7, 11.2), 3.7, 11.2)).toBeCloseTo(0.3, 9);
  });
});

describe('the fast bootstrap', () => {
  it('gives exactly the interval of recomputing α on each resampled matrix, for every metric', () => {
    const pairable = krippendorff.filter((row) => row.filter((v) => v !== null).length >= 2);
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const random = seededRandom(11);
      const draws: number[] = [];
      for (let r = 0; r < 200; r += 1) {
        const sample = pairable.map(() => pairable[Math.floor(random() * pairable.length)] as (number | null)[]);
        const a = krippendorffAlpha(sample, metric);
        if (a !== null) draws.push(a);
      }
      draws.sort((x, y) => x - y);
      const at = (q: number) => {
        const h = (draws.length - 1) * q;
        const lo = Math.floor(h);
        return draws[lo]! + (h - lo) * (draws[Math.min(draws.length - 1, lo + 1)]! - draws[lo]!);
      };
      const fast = alphaWithInterval(krippendorff, metric, { seed: 11, resamples: 200 });
      expect(fast.low, metric).toBeCloseTo(at(0.025), 10);
      expect(fast.high, metric).toBeCloseTo(at(0.975), 10);
    }
  });
});
