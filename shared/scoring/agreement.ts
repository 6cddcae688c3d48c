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
