/** One benchmark figure, as printed and as written to tests/bench/results.json. */
export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** The same work done by a peer (another library or tool) in the same run. */
  peer?: { name: string; value: number };
  /** The goal the issue set, when there is one, e.g. "< 1500". */
  goal?: string;
}

export type Bench = () => Promise<Measure[]>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
