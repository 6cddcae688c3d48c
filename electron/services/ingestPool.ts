import { WorkerStoppedError } from '../../shared/contract/dispatch.ts';
import type { IngestLimits, IngestOutcome } from '../../shared/intake/ingestOutcome.ts';

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

/**
 * A worker as the pool sees it: a worker thread in the browser host, a
 * utilityProcess in Electron. Both wrap the same entry, workers/ingestWorker.ts
 * (the pack pool uses the same shape with its own task and reply).
 */
export interface PoolWorker<Task = IngestTask, Reply = IngestReply> {
  post(task: Task): void;
  onReply(listener: (reply: Reply) => void): void;
  onExit(listener: (code: number) => void): void;
  terminate(): void;
}

export interface IngestPool {
  /** Reads one file; rejects with a `WorkerStoppedError` when its worker stops before answering. */
  run(bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<IngestOutcome>;
  close(): void;
}

interface Pending {
  task: IngestTask;
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Runs files on `size` workers, one file per worker at a time, so sharp uses
 * the cores it has and nothing heavy runs where the UI or Electron's main
 * process would wait. A worker that dies (crashed, killed, out of memory)
 * fails its file with a `WorkerStoppedError` (the host answers
 * `worker-stopped`, so the file can be retried) and is replaced by the next
 * file that needs a worker; queued files are not lost.
 */
export function createIngestPool(spawn: () => PoolWorker, size: number): IngestPool {
  let nextId = 1;
  let closed = false;
  const queue: Pending[] = [];
  const idle: PoolWorker[] = [];
  const busy = new Map<PoolWorker, Pending>();

  function start(): PoolWorker {
    const worker = spawn();
    worker.onReply((reply) => {
      const pending = busy.get(worker);
      if (!pending || pending.task.id !== reply.id) return;
      busy.delete(worker);
      pending.resolve(reply.outcome);
      idle.push(worker);
      pump();
    });
    worker.onExit(() => {
      const pending = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      pending?.reject(new WorkerStoppedError(`The image worker stopped while reading ${pending.task.fileName}`));
      // Replaced when a file needs it, not at once: a worker that cannot start would otherwise be
      // restarted forever; this way each waiting file gets one try and is reported.
      if (!closed) pump();
    });
    return worker;
  }

  function pump(): void {
    while (queue.length > 0 && (idle.length > 0 || busy.size + idle.length < limit)) {
      const worker = idle.shift() ?? start();
      const pending = queue.shift() as Pending;
      busy.set(worker, pending);
      worker.post(pending.task);
    }
  }

  const limit = Math.max(1, size);
  // Started with the host, so the first import does not wait for sharp to load.
  for (let i = 0; i < limit; i++) idle.push(start());

  return {
    run(bytes, fileName, limits) {
      if (closed) return Promise.reject(new Error('Ingest pool is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, fileName, bytes, limits }, resolve, reject });
        pump();
      });
    },
    close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('Ingest pool is closed'));
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      idle.length = 0;
    },
  };
}
