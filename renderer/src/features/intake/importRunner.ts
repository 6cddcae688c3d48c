import type { IngestLimits, IngestRejection } from '#shared/intake/ingestOutcome.ts';
import type { KemasDatabase } from '../../data/db.ts';
import { findFaceBySha256, storeFaces } from '../../data/submissionsRepo.ts';
import { host } from '../../host/hostClient.ts';
import { isQuotaError } from '../../ui/errorMessage.ts';
import { facesForPages } from '#shared/intake/faceGuess.ts';
import { createEtaEstimator } from './importEta.ts';
import { sha256OfFile } from './fileDigest.ts';
import type { PlannedFile } from './importPlan.ts';

/** Why a file did not make it in: the pipeline's reasons, plus what can fail around it. */
export type ImportFailureReason = IngestRejection | 'read-failed' | 'host-failed' | 'worker-stopped' | 'save-failed' | 'storage-full' | 'cancelled';

/** Failures of the moment, not of the file: the same file may well import when tried again. */
const RETRYABLE: ReadonlySet<ImportFailureReason> = new Set(['read-failed', 'host-failed', 'worker-stopped', 'save-failed', 'storage-full', 'cancelled']);

export interface ImportFailure {
  path: string;
  reason: ImportFailureReason;
  /** The planned file again, when trying it again may work (see `retryableFiles`). */
  retry: PlannedFile | null;
}

/** The files of an import worth trying again (a worker stopped, the disk was full…), in their planned places. */
export function retryableFiles(progress: ImportProgress): PlannedFile[] {
  return progress.failures.flatMap((f) => (f.retry ? [f.retry] : []));
}

export interface ImportProgress {
  total: number;
  /** Files finished, whatever their outcome. */
  done: number;
  current: string | null;
  startedAt: number;
  /** Estimated milliseconds left (from the measured throughput, see importEta.ts), once a file has been read. */
  etaMs: number | null;
  /** Faces stored (a PDF may give several per file). */
  facesImported: number;
  /** Ids of the faces stored, in order: the report lets the mentor correct their types. */
  storedFaces: string[];
  /** Files already in the studio, byte for byte; not stored again. */
  duplicates: string[];
  unassigned: number;
  failures: ImportFailure[];
  cancelled: boolean;
  finished: boolean;
}

export interface ImportJob {
  cancel(): void;
  done: Promise<ImportProgress>;
}

/** Files read and sent to the host at once: enough to keep its workers busy. */
const IN_FLIGHT = 2;
/**
 * Progress is shown at most this often (and at the start and the end): each
 * report re-renders the panel and whatever reads the importer, and files that
 * finish together (duplicates, refusals) need not each cost a render.
 */
const REPORT_INTERVAL_MS = 250;

/**
 * Imports planned files: reads each, skips exact duplicates, has the host's
 * workers decode it, and stores each face in its own transaction. One bad
 * file is reported and the rest go on; cancel stops taking new files, stops
 * the files the host is reading (their workers are killed; they are reported as
 * cancelled, and can be tried again) and keeps every face already stored.
 */
export function startImport(
  db: KemasDatabase,
  planned: readonly PlannedFile[],
  options: { workshopId: string; actor: string; limits: IngestLimits; onProgress: (p: ImportProgress) => void },
): ImportJob {
  const progress: ImportProgress = {
    total: planned.length,
    done: 0,
    current: null,
    startedAt: Date.now(),
    etaMs: null,
    facesImported: 0,
    storedFaces: [],
    duplicates: [],
    unassigned: 0,
    failures: [],
    cancelled: false,
    finished: false,
  };
  const send = () => options.onProgress({ ...progress, duplicates: [...progress.duplicates], failures: [...progress.failures] });
  let lastReport = -Infinity;
  let reportTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (reportTimer !== null) clearTimeout(reportTimer);
    reportTimer = null;
    lastReport = performance.now();
    send();
  };
  /** A report now, or once REPORT_INTERVAL_MS has passed since the last one. */
  const report = () => {
    if (reportTimer !== null) return;
    const wait = lastReport + REPORT_INTERVAL_MS - performance.now();
    if (wait <= 0) flush();
    else reportTimer = setTimeout(flush, wait);
  };
  const eta = createEtaEstimator(
    planned.reduce((sum, item) => sum + item.source.file.size, 0),
    Math.min(IN_FLIGHT, planned.length),
  );
  let next = 0;
  // Two copies of one file in the same drop: the second is a duplicate too.
  const seen = new Set<string>();
  /** Files the host's workers are reading now, by job id: Cancel stops them (jobs.cancel). */
  const reading = new Set<string>();

  /** Imports one file; true when the host read it (its time then tells the throughput). */
  async function importOne(item: PlannedFile): Promise<boolean> {
    const { file, path } = item.source;
    const failed = (reason: ImportFailureReason, sample = false) => {
      progress.failures.push({ path, reason, retry: RETRYABLE.has(reason) ? item : null });
      return sample;
    };
    if (file.size === 0) return failed('empty');
    if (file.size > options.limits.maxFileBytes) return failed('too-large');
    // The page never reads the file: a worker hashes it, and the host client sends it as it is (see WithFiles).
    let sha256: string;
    try {
      sha256 = await sha256OfFile(file);
    } catch {
      return failed('read-failed');
    }
    if (progress.cancelled) return failed('cancelled');
    if (seen.has(sha256) || (await findFaceBySha256(db, sha256))) {
      progress.duplicates.push(path);
      return false;
    }
    seen.add(sha256);
    if (progress.cancelled) return failed('cancelled');
    const jobId = crypto.randomUUID();
    reading.add(jobId);
    const result = await host.call('ingest.file', { fileName: file.name, bytes: file, jobId }).finally(() => reading.delete(jobId));
    if (!result.ok) {
      // A copy of these bytes later in this import may still come in.
      seen.delete(sha256);
      const code = result.error.code;
      return failed(code === 'worker-stopped' ? 'worker-stopped' : code === 'cancelled' ? 'cancelled' : 'host-failed');
    }
    const outcome = result.value;
    if (!outcome.ok) return failed(outcome.reason, true);
    // A page that names itself wins, then the file name, then pack order (shared/intake/faceGuess.ts).
    const faces = facesForPages({ pageHints: outcome.faces.map((f) => f.pageFace ?? null), nameHint: item.named, fallback: item.face });
    const toStore = outcome.faces.map((ingested, index) => ({
      workshopId: options.workshopId,
      destination: item.destination,
      face: faces[index] ?? 'other',
      fileName: path,
      mimeType: file.type || 'application/octet-stream',
      original: file,
      ingested,
    }));
    try {
      // All of a file's faces (a PDF's pages) or none: a full disk part-way leaves nothing to clean up.
      progress.storedFaces.push(...(await storeFaces(db, toStore, options.actor)).map((a) => a.id));
    } catch (error) {
      console.error(error);
      return failed(isQuotaError(error) ? 'storage-full' : 'save-failed', true);
    }
    progress.facesImported += toStore.length;
    if (!item.destination) progress.unassigned += toStore.length;
    return true;
  }

  async function lane(): Promise<void> {
    while (!progress.cancelled && next < planned.length) {
      const index = next++;
      const item = planned[index] as PlannedFile;
      const id = String(index);
      progress.current = item.source.path;
      eta.started(id, item.source.file.size, performance.now());
      report();
      const sample = await importOne(item);
      progress.done += 1;
      eta.finished(id, performance.now(), sample);
      progress.etaMs = eta.estimate(performance.now());
      report();
    }
  }

  const done = Promise.all(Array.from({ length: Math.min(IN_FLIGHT, planned.length) }, lane)).then(() => {
    progress.current = null;
    progress.finished = true;
    progress.etaMs = 0;
    flush();
    return { ...progress };
  });
  flush();
  return {
    cancel() {
      progress.cancelled = true;
      for (const jobId of reading) void host.call('jobs.cancel', { jobId });
      flush();
    },
    done,
  };
}
