/**
 * Time left of an import, from the throughput measured so far.
 *
 * Files are read `lanes` at a time, so "elapsed ÷ files done × files left"
 * is wrong twice over: it ignores the files half read in the other lanes (an
 * early estimate comes out a third too long with two lanes), and a file that
 * finished at once (a duplicate, an empty file) makes the next ones look free.
 * Instead each file read by the host is a sample of seconds per byte, smoothed
 * (an exponential moving average, so a slower stretch shows soon without one
 * odd file swinging the figure); the work left is the bytes still queued plus
 * what the files in progress still need, shared among the lanes, and never
 * less than the longest file in progress still needs.
 */
export interface EtaEstimator {
  /** A file was taken up at `at` (ms). */
  started(id: string, bytes: number, at: number): void;
  /**
   * A file finished at `at`. `sample` says whether its time tells the rate:
   * false for files that never reached the decoder (duplicates, empty, refused by size).
   */
  finished(id: string, at: number, sample: boolean): void;
  /** Milliseconds left at `now`, or null before any file gave a rate. */
  estimate(now: number): number | null;
}

/** Weight of the newest file in the smoothed rate. */
export const ETA_SMOOTHING = 0.3;

export function createEtaEstimator(totalBytes: number, lanes: number): EtaEstimator {
  const inFlight = new Map<string, { bytes: number; at: number }>();
  let queuedBytes = totalBytes;
  /** Smoothed milliseconds per byte, per lane. */
  let msPerByte: number | null = null;
  return {
    started(id, bytes, at) {
      inFlight.set(id, { bytes, at });
      queuedBytes = Math.max(0, queuedBytes - bytes);
    },
    finished(id, at, sample) {
      const file = inFlight.get(id);
      if (!file) return;
      inFlight.delete(id);
      if (!sample || file.bytes <= 0) return;
      const rate = Math.max(0, at - file.at) / file.bytes;
      msPerByte = msPerByte === null ? rate : ETA_SMOOTHING * rate + (1 - ETA_SMOOTHING) * msPerByte;
    },
    estimate(now) {
      if (msPerByte === null) return null;
      const perByte = msPerByte;
      const leftInFlight = [...inFlight.values()].map((f) => Math.max(0, f.bytes * perByte - (now - f.at)));
      const laneWork = queuedBytes * perByte + leftInFlight.reduce((a, b) => a + b, 0);
      return Math.round(Math.max(laneWork / Math.max(1, lanes), ...leftInFlight, 0));
    },
  };
}
