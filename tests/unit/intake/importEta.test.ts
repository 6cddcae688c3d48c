import { describe, expect, it } from 'vitest';
import { createEtaEstimator } from '#renderer/src/features/intake/importEta.ts';

const MB = 1024 * 1024;

/**
 * Plays an import of files of `sizes` on `lanes` lanes where a file takes
 * `msPerMb(index)` per megabyte, and returns the estimate given right after
 * each file finished, beside the true time left then.
 */
function simulate(sizes: number[], lanes: number, msPerMb: (index: number) => number, sample: (index: number) => boolean = () => true) {
  const eta = createEtaEstimator(
    sizes.reduce((a, b) => a + b, 0),
    lanes,
  );
  const laneFree = Array.from({ length: lanes }, () => 0);
  const events: { at: number; kind: 'start' | 'end'; index: number }[] = [];
  sizes.forEach((bytes, index) => {
    const lane = laneFree.indexOf(Math.min(...laneFree));
    const start = laneFree[lane] as number;
    const end = start + (sample(index) ? (bytes / MB) * msPerMb(index) : 1);
    laneFree[lane] = end;
    events.push({ at: start, kind: 'start', index }, { at: end, kind: 'end', index });
  });
  events.sort((a, b) => a.at - b.at || (a.kind === 'end' ? -1 : 1));
  const finish = Math.max(...laneFree);
  const estimates: { done: number; estimate: number | null; actual: number }[] = [];
  let done = 0;
  for (const event of events) {
    if (event.kind === 'start') eta.started(String(event.index), sizes[event.index] as number, event.at);
    else {
      eta.finished(String(event.index), event.at, sample(event.index));
      done += 1;
      estimates.push({ done, estimate: eta.estimate(event.at), actual: finish - event.at });
    }
  }
  return estimates;
}

describe('import ETA', () => {
  it('knows nothing before a file was read', () => {
    const eta = createEtaEstimator(10 * MB, 2);
    expect(eta.estimate(0)).toBeNull();
    eta.started('0', 5 * MB, 0);
    expect(eta.estimate(1000)).toBeNull();
  });

  it('is within 30 % of the real end from the third file on, for 20 phone photos on two lanes', () => {
    // 20 photos of 3–5 MB, about 700 ms per MB give or take a fifth: a phone import as the bench makes it.
    const sizes = Array.from({ length: 20 }, (_, i) => (3 + ((i * 7) % 5) / 2) * MB);
    const estimates = simulate(sizes, 2, (i) => 700 * (1 + 0.2 * Math.sin(i * 1.7)));
    // Up to the last file but one: with one file left, what is left is a part of one file's time.
    for (const e of estimates.filter((x) => x.done >= 3 && x.done <= sizes.length - 2)) {
      expect(Math.abs((e.estimate as number) - e.actual) / e.actual).toBeLessThanOrEqual(0.3);
    }
  });

  it('counts the files half read in the other lanes: the first estimates are not a third too long', () => {
    const estimates = simulate(Array.from({ length: 12 }, () => 4 * MB), 2, () => 500);
    // The old rule (elapsed ÷ files done × files left) said 1.5 × the truth after the third file here.
    const third = estimates[2] as { estimate: number; actual: number };
    expect(third.estimate).toBeCloseTo(third.actual, -2);
  });

  it('is not fooled by files that finished at once (duplicates, empty files)', () => {
    const sizes = Array.from({ length: 10 }, () => 4 * MB);
    // The first two are duplicates: read and hashed in a millisecond, no decoding.
    const estimates = simulate(sizes, 2, () => 800, (i) => i >= 2);
    const afterDuplicates = estimates[1] as { estimate: number | null };
    expect(afterDuplicates.estimate).toBeNull();
    const third = estimates[2] as { estimate: number; actual: number };
    expect(Math.abs(third.estimate - third.actual) / third.actual).toBeLessThanOrEqual(0.3);
  });

  it('follows a slower stretch within a few files rather than averaging it away', () => {
    // Ten quick files, then ten three times slower (large scans after the phone photos).
    const sizes = Array.from({ length: 20 }, () => 4 * MB);
    const estimates = simulate(sizes, 2, (i) => (i < 10 ? 300 : 900));
    const settled = estimates.filter((e) => e.done >= 15 && e.done <= sizes.length - 2);
    for (const e of settled) expect(Math.abs((e.estimate as number) - e.actual) / e.actual).toBeLessThanOrEqual(0.3);
  });

  it('never promises less than the largest file in progress still needs', () => {
    const eta = createEtaEstimator(5 * MB + 100 * MB, 2);
    eta.started('small', 5 * MB, 0);
    eta.started('big', 100 * MB, 0);
    eta.finished('small', 1000, true);
    // 200 ms per MB: the big one needs 20 s in all, 19 s from now; sharing its work over two lanes would say 9.5 s.
    expect(eta.estimate(1000)).toBe(19_000);
  });
});
