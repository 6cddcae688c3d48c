import type { IngestLimits, IngestOutcome } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_WORKER_LIMITS, type WorkerLimits } from '#shared/contract/jobs.ts';
import { createWorkerPool, type PoolWorker } from './workerPool.ts';

/** What the host sends a worker, and what it answers. */
export interface IngestTask {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  limits: IngestLimits;
}
export interface IngestReply {
  id: number;
  outcome: IngestOutcome;
}

/** A worker of the ingest pool (see workerPool.ts). */
export type IngestWorker = PoolWorker<IngestTask, IngestReply>;

export interface IngestPool {
  /** Reads one file; rejects with a `WorkerStoppedError` when its worker stops before answering. */
  run(bytes: Uint8Array, fileName: string, limits: IngestLimits, jobId?: string): Promise<IngestOutcome>;
  /** Stops the file of that job id, queued or being read (its worker is killed). */
  cancel(jobId: string): boolean;
  close(): void;
}

interface IngestJob {
  fileName: string;
  bytes: Uint8Array;
  limits: IngestLimits;
}

/**
 * Runs files on `size` workers, one file per worker at a time, so sharp uses
 * the cores it has and nothing heavy runs where the UI or Electron's main
 * process would wait. Started with the host, so the first import does not wait
 * for sharp to load. A worker that dies fails its file with `worker-stopped`
 * (see createWorkerPool); queued files are not lost. A file that takes longer
 * than `workerLimits().fileSeconds`, or more memory than `memoryMb`, is refused
 * as 'too-heavy' and its worker killed: a 3 KB SVG filter bomb would otherwise
 * hold a core for many minutes.
 */
export function createIngestPool(spawn: () => IngestWorker, size: number, workerLimits: () => WorkerLimits = () => DEFAULT_WORKER_LIMITS): IngestPool {
  const pool = createWorkerPool<IngestJob, IngestTask, IngestReply, IngestOutcome>({
    spawn,
    size,
    eager: true,
    task: (job, id) => ({ id, ...job }),
    replyId: (reply) => reply.id,
    settle: (reply) => ({ ok: true, value: reply.outcome }),
    bounds: () => {
      const limits = workerLimits();
      return { wallMs: limits.fileSeconds * 1000, memoryBytes: limits.memoryMb * 1024 * 1024 };
    },
    overLimit: (job, breach, bounds) => ({
      ok: true,
      value: {
        ok: false,
        reason: 'too-heavy',
        detail: (breach === 'time'
          ? `Reading ${job.fileName} took longer than ${bounds.wallMs / 1000} s; its worker was stopped`
          : `Reading ${job.fileName} needed more than ${Math.round(bounds.memoryBytes / 1024 / 1024)} MB; its worker was stopped`
        ).slice(0, 500),
      },
    }),
    stopped: (job) => `The image worker stopped while reading ${job.fileName}`,
    closed: 'Ingest pool is closed',
  });
  return {
    run: (bytes, fileName, limits, jobId) => pool.run({ fileName, bytes, limits }, jobId),
    cancel: pool.cancel,
    close: pool.close,
  };
}
