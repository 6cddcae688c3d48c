import type { IngestLimits, IngestOutcome } from '../../shared/intake/ingestOutcome.ts';
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
  run(bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<IngestOutcome>;
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
 * (see createWorkerPool); queued files are not lost.
 */
export function createIngestPool(spawn: () => IngestWorker, size: number): IngestPool {
  const pool = createWorkerPool<IngestJob, IngestTask, IngestReply, IngestOutcome>({
    spawn,
    size,
    eager: true,
    task: (job, id) => ({ id, ...job }),
    replyId: (reply) => reply.id,
    settle: (reply) => ({ ok: true, value: reply.outcome }),
    stopped: (job) => `The image worker stopped while reading ${job.fileName}`,
    closed: 'Ingest pool is closed',
  });
  return {
    run: (bytes, fileName, limits) => pool.run({ fileName, bytes, limits }),
    close: pool.close,
  };
}
