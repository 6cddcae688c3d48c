/** Arithmetic mean; NaN for an empty list. */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Standard deviation: `sample` divides by n − 1 (null when n < 2), otherwise by n (null when n < 1). */
export function standardDeviation(xs: readonly number[], sample: boolean): number | null {
  const n = xs.length;
  if (n < (sample ? 2 : 1)) return null;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (sample ? n - 1 : n));
}
