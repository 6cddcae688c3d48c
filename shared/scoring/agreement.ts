import { fQuantile } from './fDistribution.ts';

/**
 * Inter-rater agreement. Matrices are units (rows: submissions, or
 * submission × criterion) × raters (columns: mentors); null is a missing value.
 */

/**
 * Krippendorff's alpha for interval data, α = 1 − D_o / D_e, over units with at
 * least two values (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). With m_u values in unit u and n pairable values in all:
 *   D_o = (1/n) Σ_u [Σ_{i≠j in u} (v_i − v_j)²] / (m_u − 1)
 *   D_e = [Σ_{i≠j over all pairable values} (v_i − v_j)²] / (n (n − 1))
 * using Σ_{i≠j} (v_i − v_j)² = 2 (m Σv² − (Σv)²). Null when fewer than two
 * pairable values or no variation at all (D_e = 0, α undefined).
 */
export function krippendorffAlphaInterval(matrix: readonly (readonly (number | null)[])[]): number | null {
  let n = 0;
  let observed = 0;
  let total = 0;
  let totalSq = 0;
  for (const row of matrix) {
    const values = row.filter((v): v is number => v !== null && Number.isFinite(v));
    const m = values.length;
    if (m < 2) continue;
    let s = 0;
    let sq = 0;
    for (const v of values) {
      s += v;
      sq += v * v;
    }
    observed += (2 * (m * sq - s * s)) / (m - 1);
    n += m;
    total += s;
    totalSq += sq;
  }
  if (n < 2) return null;
  const dObserved = observed / n;
  const dExpected = (2 * (n * totalSq - total * total)) / (n * (n - 1));
  if (!(dExpected > 1e-12)) return null;
  return 1 - dObserved / dExpected;
}

/**
 * ICC(2,1) of Shrout & Fleiss (1979): two-way random effects, absolute
 * agreement, single rater, on complete data (n targets × k raters):
 *   ICC = (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n)
 * Null when any value is missing, n < 2, k < 2, rows differ in length, or the
 * denominator is 0 (no variation).
 */
export function icc21(matrix: readonly (readonly (number | null)[])[]): number | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  const rows: number[][] = [];
  for (const row of matrix) {
    if (row.length !== k || row.some((v) => v === null || !Number.isFinite(v))) return null;
    rows.push(row as number[]);
  }
  let grand = 0;
  const rowMeans = rows.map((r) => r.reduce((a, b) => a + b, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => rows.reduce((a, r) => a + (r[j] ?? 0), 0) / n);
  for (const r of rows) for (const v of r) grand += v;
  grand /= n * k;
  let ssTotal = 0;
  for (const r of rows) for (const v of r) ssTotal += (v - grand) ** 2;
  const ssRows = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssCols;
  const msr = ssRows / (n - 1);
  const msc = ssCols / (k - 1);
  const mse = ssError / ((n - 1) * (k - 1));
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  if (!(Math.abs(denominator) > 1e-12)) return null;
  return (msr - mse) / denominator;
}

/** One rating for the agreement matrix: a unit (e.g. submission or submission × criterion), a rater and a value. */
export interface Rating {
  unitId: string;
  raterId: string;
  value: number | null;
}

/**
 * Lays ratings out as a units × raters matrix (null where a rater gave none),
 * units and raters in order of first appearance. Leave abstentions out before
 * calling; a repeated unit × rater pair keeps the last value.
 */
export function ratingMatrix(ratings: readonly Rating[]): { unitIds: string[]; raterIds: string[]; matrix: (number | null)[][] } {
  const unitIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  for (const r of ratings) {
    if (!unitIndex.has(r.unitId)) unitIndex.set(r.unitId, unitIndex.size);
    if (!raterIndex.has(r.raterId)) raterIndex.set(r.raterId, raterIndex.size);
  }
  const matrix = Array.from({ length: unitIndex.size }, () => Array.from<number | null>({ length: raterIndex.size }).fill(null));
  for (const r of ratings) {
    const row = matrix[unitIndex.get(r.unitId) ?? -1];
    const col = raterIndex.get(r.raterId);
    if (row && col !== undefined) row[col] = r.value;
  }
  return { unitIds: [...unitIndex.keys()], raterIds: [...raterIndex.keys()], matrix };
}

/** Krippendorff's levels of measurement. Rubric levels are ordinal; a 0–100 overall score is interval. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const ALPHA_METRICS: readonly AlphaMetric[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** One unit's pairable values as indices into the sorted distinct values. */
interface PreparedUnit {
  values: number[];
}

/** The matrix reduced to what alpha reads: distinct values (ascending) and each unit's pairable values. */
interface PreparedAlpha {
  distinct: number[];
  units: PreparedUnit[];
  raters: number;
  pairable: number;
}

function prepareAlpha(matrix: readonly (readonly (number | null)[])[]): PreparedAlpha {
  const raw: number[][] = [];
  const raterSeen = new Set<number>();
  for (const row of matrix) {
    const values: number[] = [];
    row.forEach((v) => {
      if (v !== null && Number.isFinite(v)) values.push(v);
    });
    if (values.length < 2) continue;
    row.forEach((v, j) => {
      if (v !== null && Number.isFinite(v)) raterSeen.add(j);
    });
    raw.push(values);
  }
  const distinct = [...new Set(raw.flat())].sort((a, b) => a - b);
  const index = new Map(distinct.map((v, i) => [v, i]));
  const units = raw.map((values) => ({ values: values.map((v) => index.get(v) as number) }));
  return { distinct, units, raters: raterSeen.size, pairable: raw.reduce((s, u) => s + u.length, 0) };
}

/** δ² of Krippendorff (2011) between value indices c and k, given the values and (for ordinal) the marginals. */
function deltaFunction(metric: AlphaMetric, distinct: readonly number[], marginals: Float64Array): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((distinct[c] as number) - (distinct[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = distinct[c] as number;
        const b = distinct[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², from cumulative marginals.
      const cumulative = new Float64Array(marginals.length + 1);
      for (let g = 0; g < marginals.length; g += 1) cumulative[g + 1] = (cumulative[g] as number) + (marginals[g] as number);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = (cumulative[hi + 1] as number) - (cumulative[lo] as number);
        return (between - ((marginals[c] as number) + (marginals[k] as number)) / 2) ** 2;
      };
    }
  }
}

/**
 * α from units drawn (with multiplicity `weights[u]`, 1 each for the data as
 * given): the coincidence matrix o_ck = Σ_u Σ_{i≠j} [v_i = c, v_j = k] / (m_u − 1),
 * marginals n_c, then α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 * (Krippendorff 2011, eq. for D_o and D_e). Null when n < 2 or D_e = 0.
 */
function alphaOfUnits(prepared: PreparedAlpha, metric: AlphaMetric, weights?: Uint32Array): number | null {
  const V = prepared.distinct.length;
  const marginals = new Float64Array(V);
  let n = 0;
  prepared.units.forEach((u, i) => {
    const w = weights ? (weights[i] as number) : 1;
    if (w === 0) return;
    for (const c of u.values) marginals[c] = (marginals[c] as number) + w;
    n += w * u.values.length;
  });
  if (n < 2) return null;
  const delta = deltaFunction(metric, prepared.distinct, marginals);
  let observed = 0;
  prepared.units.forEach((u, i) => {
    const w = weights ? (weights[i] as number) : 1;
    if (w === 0) return;
    const m = u.values.length;
    let sum = 0;
    for (let a = 0; a < m; a += 1) for (let b = 0; b < m; b += 1) if (a !== b) sum += delta(u.values[a] as number, u.values[b] as number);
    observed += (w * sum) / (m - 1);
  });
  let expected = 0;
  if (metric === 'interval') {
    let s = 0;
    let sq = 0;
    for (let c = 0; c < V; c += 1) {
      const v = prepared.distinct[c] as number;
      s += (marginals[c] as number) * v;
      sq += (marginals[c] as number) * v * v;
    }
    expected = 2 * (n * sq - s * s);
  } else if (metric === 'nominal') {
    let squares = 0;
    for (let c = 0; c < V; c += 1) squares += (marginals[c] as number) ** 2;
    expected = n * n - squares;
  } else {
    for (let c = 0; c < V; c += 1) {
      const nc = marginals[c] as number;
      if (nc === 0) continue;
      for (let k = 0; k < V; k += 1) if (k !== c) expected += nc * (marginals[k] as number) * delta(c, k);
    }
  }
  if (!(expected > 1e-12 * Math.max(1, n * n))) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** A figure with its 95 % interval and the counts behind it. */
export interface AlphaResult {
  metric: AlphaMetric;
  alpha: number | null;
  /** 2.5th and 97.5th percentiles of the bootstrap; null when alpha is, or fewer than 2 units. */
  low: number | null;
  high: number | null;
  /** Units (submissions) with two or more values, mentors who gave any of them, and pairable values. */
  units: number;
  raters: number;
  pairable: number;
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same bootstrap, so reruns give the same interval. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bootstrap's fixed seed and size. */
export const ALPHA_BOOTSTRAP = { seed: 20070101, resamples: 1000 } as const;

/** Krippendorff's α for one metric on a units × raters matrix (null = missing), with no interval. */
export function krippendorffAlpha(matrix: readonly (readonly (number | null)[])[], metric: AlphaMetric): number | null {
  return alphaOfUnits(prepareAlpha(matrix), metric);
}

/**
 * α with a 95 % bootstrap interval. Units (submissions) are resampled with
 * replacement from a seeded generator (ALPHA_BOOTSTRAP), α recomputed on each
 * resample, and the 2.5th and 97.5th percentiles of the defined values taken.
 * This follows Hayes & Krippendorff (2007) in bootstrapping α's sampling
 * distribution with a fixed number of resamples; it resamples whole units
 * rather than their macro's pairs of values, so missing values and unequal
 * numbers of mentors per unit are carried along as they were.
 */
export function alphaWithInterval(
  matrix: readonly (readonly (number | null)[])[],
  metric: AlphaMetric,
  bootstrap: { seed: number; resamples: number } = ALPHA_BOOTSTRAP,
): AlphaResult {
  const prepared = prepareAlpha(matrix);
  const alpha = alphaOfUnits(prepared, metric);
  const base = { metric, alpha, units: prepared.units.length, raters: prepared.raters, pairable: prepared.pairable };
  if (alpha === null || prepared.units.length < 2) return { ...base, low: null, high: null };
  const draws = bootstrapDraws(prepared, metric, seededRandom(bootstrap.seed), bootstrap.resamples);
  if (draws.length < 2) return { ...base, low: null, high: null };
  draws.sort((a, b) => a - b);
  return { ...base, low: percentileOf(draws, 0.025), high: percentileOf(draws, 0.975) };
}

/** The q-quantile of sorted values, linear between order statistics (type 7). */
function percentileOf(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** The six forms of Shrout & Fleiss (1979): model (1 one-way random, 2 two-way random, 3 two-way mixed) × single or mean of k. */
export type IccForm = '1,1' | '2,1' | '3,1' | '1,k' | '2,k' | '3,k';
export const ICC_FORMS: readonly IccForm[] = ['1,1', '2,1', '3,1', '1,k', '2,k', '3,k'];

export interface IccValue {
  icc: number;
  /** 95 % interval of McGraw & Wong (1996), null when the F quantiles are undefined. */
  low: number | null;
  high: number | null;
}

export interface IccResult {
  forms: Record<IccForm, IccValue | null>;
  /** Targets (submissions) and raters (mentors) of the complete matrix the ICCs were computed on. */
  units: number;
  raters: number;
}

/**
 * All six ICCs of Shrout & Fleiss (1979) on complete data (n targets × k
 * raters) from the two-way ANOVA mean squares (BMS between targets, WMS
 * within targets, JMS between raters, EMS residual), with the 95 % intervals
 * of McGraw & Wong (1996): F-based for ICC(1,·) and ICC(3,·), and the
 * Satterthwaite approximation for ICC(2,·). Null forms when n < 2, k < 2, a
 * value is missing or a denominator is 0.
 */
export function iccAll(matrix: readonly (readonly (number | null)[])[]): IccResult {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  const none: Record<IccForm, IccValue | null> = { '1,1': null, '2,1': null, '3,1': null, '1,k': null, '2,k': null, '3,k': null };
  if (n < 2 || k < 2) return { forms: none, units: n, raters: k };
  const rows: number[][] = [];
  for (const row of matrix) {
    if (row.length !== k || row.some((v) => v === null || !Number.isFinite(v))) return { forms: none, units: n, raters: k };
    rows.push(row as number[]);
  }
  let grand = 0;
  for (const r of rows) for (const v of r) grand += v;
  grand /= n * k;
  const rowMeans = rows.map((r) => r.reduce((a, b) => a + b, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => rows.reduce((a, r) => a + (r[j] as number), 0) / n);
  let ssTotal = 0;
  for (const r of rows) for (const v of r) ssTotal += (v - grand) ** 2;
  const ssRows = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssCols;
  const bms = ssRows / (n - 1);
  const wms = (ssTotal - ssRows) / (n * (k - 1));
  const jms = ssCols / (k - 1);
  const ems = ssError / ((n - 1) * (k - 1));
  const ratio = (num: number, den: number) => (Math.abs(den) > 1e-12 ? num / den : null);
  const alpha = 0.05;
  const upperQ = (d1: number, d2: number) => fQuantile(1 - alpha / 2, d1, d2);
  const finite = (v: number) => (Number.isFinite(v) ? v : null);

  const forms: Record<IccForm, IccValue | null> = { ...none };
  // One-way random: F = BMS / WMS on (n − 1, n(k − 1)).
  const icc11 = ratio(bms - wms, bms + (k - 1) * wms);
  const icc1k = ratio(bms - wms, bms);
  if (wms > 1e-12) {
    const f = bms / wms;
    const fl = f / upperQ(n - 1, n * (k - 1));
    const fu = f * upperQ(n * (k - 1), n - 1);
    if (icc11 !== null) forms['1,1'] = { icc: icc11, low: finite((fl - 1) / (fl + k - 1)), high: finite((fu - 1) / (fu + k - 1)) };
    if (icc1k !== null) forms['1,k'] = { icc: icc1k, low: finite(1 - 1 / fl), high: finite(1 - 1 / fu) };
  }
  // Two-way mixed, consistency: F = BMS / EMS on (n − 1, (n − 1)(k − 1)).
  const icc31 = ratio(bms - ems, bms + (k - 1) * ems);
  const icc3k = ratio(bms - ems, bms);
  if (ems > 1e-12) {
    const f = bms / ems;
    const fl = f / upperQ(n - 1, (n - 1) * (k - 1));
    const fu = f * upperQ((n - 1) * (k - 1), n - 1);
    if (icc31 !== null) forms['3,1'] = { icc: icc31, low: finite((fl - 1) / (fl + k - 1)), high: finite((fu - 1) / (fu + k - 1)) };
    if (icc3k !== null) forms['3,k'] = { icc: icc3k, low: finite(1 - 1 / fl), high: finite(1 - 1 / fu) };
  }
  // Two-way random, absolute agreement: Satterthwaite's degrees of freedom (McGraw & Wong 1996, Table 7, case 2A).
  // A denominator at or below zero (mentors who rank the submissions the other way round, on
  // very few of them) leaves the estimate undefined: no number, rather than one above 1.
  const positive = (num: number, den: number) => (den > 1e-12 ? num / den : null);
  const icc21v = positive(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n);
  const icc2kv = positive(bms - ems, bms + (jms - ems) / n);
  if (icc21v !== null) {
    let low: number | null = null;
    let high: number | null = null;
    if (icc21v < 1) {
      const a = (k * icc21v) / (n * (1 - icc21v));
      const b = 1 + (k * icc21v * (n - 1)) / (n * (1 - icc21v));
      const v = (a * jms + b * ems) ** 2 / ((a * jms) ** 2 / (k - 1) + (b * ems) ** 2 / ((n - 1) * (k - 1)));
      const fl = upperQ(n - 1, v);
      const fu = upperQ(v, n - 1);
      low = finite((n * (bms - fl * ems)) / (fl * (k * jms + (k * n - k - n) * ems) + n * bms));
      high = finite((n * (fu * bms - ems)) / (k * jms + (k * n - k - n) * ems + n * fu * bms));
    }
    forms['2,1'] = { icc: icc21v, low, high };
    // The mean of k raters: the Spearman–Brown step of the single-rater bounds. The step is
    // increasing only above its pole at −1/(k − 1); a single-rater bound at or below it means the
    // mean's bound is unbounded below (null), never the large positive number the formula gives there.
    const brown = (x: number | null) => (x === null || x <= -1 / (k - 1) ? null : finite((k * x) / (1 + (k - 1) * x)));
    if (icc2kv !== null) forms['2,k'] = { icc: icc2kv, low: brown(low), high: brown(high) };
  }
  return { forms, units: n, raters: k };
}

/**
 * α on `resamples` bootstrap resamples of the units. Precomputed per unit so a
 * resample costs a pass over the units: for nominal, interval and ratio data
 * (δ fixed) each unit's observed disagreement is one number; for ordinal data
 * (δ depends on the resample's marginals) each unit's coincidences are a
 * small dense V × V block, summed per resample.
 */
function bootstrapDraws(prepared: PreparedAlpha, metric: AlphaMetric, random: () => number, resamples: number): number[] {
  const units = prepared.units;
  const U = units.length;
  const V = prepared.distinct.length;
  const distinct = prepared.distinct;
  const weights = new Uint32Array(U);
  const marginals = new Float64Array(V);
  const draws: number[] = [];
  const drawWeights = () => {
    weights.fill(0);
    for (let i = 0; i < U; i += 1) {
      const pick = Math.floor(random() * U);
      weights[pick] = (weights[pick] as number) + 1;
    }
  };
  if (metric === 'ordinal' && V <= 64) {
    // Units with the same values (in any order) have the same coincidences: resample patterns, not units.
    const patternOf = new Map<string, number>();
    const unitPattern = new Int32Array(U);
    const patterns: PreparedUnit[] = [];
    units.forEach((u, i) => {
      const key = [...u.values].sort((a, b) => a - b).join(',');
      let p = patternOf.get(key);
      if (p === undefined) {
        p = patterns.length;
        patternOf.set(key, p);
        patterns.push(u);
      }
      unitPattern[i] = p;
    });
    const P = patterns.length;
    const patternWeights = new Uint32Array(P);
    // Each pattern's coincidences as sparse (cell, amount) pairs: six mentors touch a few cells of V × V.
    const blocks = patterns.map((u) => {
      const cells = new Map<number, number>();
      const m = u.values.length;
      for (let a = 0; a < m; a += 1) {
        for (let b = 0; b < m; b += 1) {
          if (a === b) continue;
          const index = (u.values[a] as number) * V + (u.values[b] as number);
          cells.set(index, (cells.get(index) ?? 0) + 1 / (m - 1));
        }
      }
      return { cells: Int32Array.from(cells.keys()), amounts: Float64Array.from(cells.values()) };
    });
    const coincidences = new Float64Array(V * V);
    const cumulative = new Float64Array(V + 1);
    for (let r = 0; r < resamples; r += 1) {
      // The same draws as `drawWeights` (one random number per unit), counted per pattern.
      patternWeights.fill(0);
      for (let i = 0; i < U; i += 1) {
        const p = unitPattern[Math.floor(random() * U)] as number;
        patternWeights[p] = (patternWeights[p] as number) + 1;
      }
      coincidences.fill(0);
      for (let i = 0; i < P; i += 1) {
        const w = patternWeights[i] as number;
        if (w === 0) continue;
        const { cells, amounts } = blocks[i] as { cells: Int32Array; amounts: Float64Array };
        for (let x = 0; x < cells.length; x += 1) {
          const cell = cells[x] as number;
          coincidences[cell] = (coincidences[cell] as number) + w * (amounts[x] as number);
        }
      }
      let n = 0;
      for (let c = 0; c < V; c += 1) {
        let row = 0;
        for (let k = 0; k < V; k += 1) row += coincidences[c * V + k] as number;
        marginals[c] = row;
        n += row;
        cumulative[c + 1] = (cumulative[c] as number) + row;
      }
      let observed = 0;
      let expected = 0;
      for (let c = 0; c < V; c += 1) {
        for (let k = c + 1; k < V; k += 1) {
          const between = (cumulative[k + 1] as number) - (cumulative[c] as number);
          const delta = (between - ((marginals[c] as number) + (marginals[k] as number)) / 2) ** 2;
          observed += 2 * (coincidences[c * V + k] as number) * delta;
          expected += 2 * (marginals[c] as number) * (marginals[k] as number) * delta;
        }
      }
      if (n >= 2 && expected > 1e-12 * n * n) draws.push(1 - ((n - 1) * observed) / expected);
    }
    return draws;
  }
  if (metric === 'ordinal') {
    // Many distinct values (not rubric levels): the general computation per resample.
    for (let r = 0; r < resamples; r += 1) {
      drawWeights();
      const value = alphaOfUnits(prepared, metric, weights);
      if (value !== null) draws.push(value);
    }
    return draws;
  }
  if (metric === 'interval') {
    // D_e = 2 (n Σv² − (Σv)²) needs only each unit's count, sum and sum of squares.
    const stats = units.map((u) => {
      let sum = 0;
      let squares = 0;
      for (const c of u.values) {
        const v = distinct[c] as number;
        sum += v;
        squares += v * v;
      }
      const m = u.values.length;
      return { m, sum, squares, observed: (2 * (m * squares - sum * sum)) / (m - 1) };
    });
    for (let r = 0; r < resamples; r += 1) {
      drawWeights();
      let n = 0;
      let sum = 0;
      let squares = 0;
      let observed = 0;
      for (let i = 0; i < U; i += 1) {
        const w = weights[i] as number;
        if (w === 0) continue;
        const u = stats[i] as (typeof stats)[number];
        n += w * u.m;
        sum += w * u.sum;
        squares += w * u.squares;
        observed += w * u.observed;
      }
      const expected = 2 * (n * squares - sum * sum);
      if (n >= 2 && expected > 1e-12 * Math.max(1, n * n)) draws.push(1 - ((n - 1) * observed) / expected);
    }
    return draws;
  }
  const delta = deltaFunction(metric, distinct, marginals);
  const observedOf = units.map((u) => {
    const m = u.values.length;
    let sum = 0;
    for (let a = 0; a < m; a += 1) for (let b = 0; b < m; b += 1) if (a !== b) sum += delta(u.values[a] as number, u.values[b] as number);
    return sum / (m - 1);
  });
  const deltas = metric === 'ratio' ? Float64Array.from({ length: V * V }, (_, x) => delta(Math.floor(x / V), x % V)) : null;
  for (let r = 0; r < resamples; r += 1) {
    drawWeights();
    marginals.fill(0);
    let n = 0;
    let observed = 0;
    for (let i = 0; i < U; i += 1) {
      const w = weights[i] as number;
      if (w === 0) continue;
      observed += w * (observedOf[i] as number);
      const values = (units[i] as PreparedUnit).values;
      for (const c of values) marginals[c] = (marginals[c] as number) + w;
      n += w * values.length;
    }
    let expected = 0;
    if (metric === 'nominal') {
      let squares = 0;
      for (let c = 0; c < V; c += 1) squares += (marginals[c] as number) ** 2;
      expected = n * n - squares;
    } else if (deltas) {
      for (let c = 0; c < V; c += 1) for (let k = 0; k < V; k += 1) expected += (marginals[c] as number) * (marginals[k] as number) * (deltas[c * V + k] as number);
    }
    if (n >= 2 && expected > 1e-12 * Math.max(1, n * n)) draws.push(1 - ((n - 1) * observed) / expected);
  }
  return draws;
}
