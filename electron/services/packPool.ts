import { WorkerStoppedError } from '../../shared/contract/dispatch.ts';
import type { PackRenderRequest, PackRenderResponse } from '../../shared/contract/packRender.ts';
import type { PackSummaryRequest, PackSummaryResponse } from '../../shared/contract/packSummary.ts';
import type { PoolWorker } from './ingestPool.ts';

/** Which document a pack worker makes: a critique pack (`pack.render`) or a session's summary report (`pack.summary`). */
export type PackJob = { document: 'pack'; request: PackRenderRequest } | { document: 'summary'; request: PackSummaryRequest };
type PackAnswer = PackRenderResponse | PackSummaryResponse;

/** What the host sends a pack worker, and what it answers. */
export type PackTask = PackJob & { id: number };
export type PackReply = { id: number; ok: true; value: PackAnswer } | { id: number; ok: false; message: string };

export type PackWorker = PoolWorker<PackTask, PackReply>;

export interface PackPool {
  /** Draws one pack; rejects with the worker's message when it cannot. */
  run(request: PackRenderRequest): Promise<PackRenderResponse>;
  /** Draws one summary report, in the same queue and workers as the packs. */
  summary(request: PackSummaryRequest): Promise<PackSummaryResponse>;
  close(): void;
}

interface Pending {
  task: PackTask;
  resolve: (value: PackAnswer) => void;
  reject: (error: Error) => void;
}

/**
 * Draws packs on up to `size` workers, one pack per worker at a time (pdfkit
 * is single-threaded: a batch uses the cores by running packs side by side).
 * Unlike the ingest pool, workers start on the first pack, not with the host:
 * most sessions never make one. A worker that dies (crashed, killed, out of
 * memory) fails its pack with a `WorkerStoppedError` (the host answers
 * `worker-stopped`); queued and later packs start a fresh worker.
 */
export function createPackPool(spawn: () => PackWorker, size: number): PackPool {
  const limit = Math.max(1, size);
  let nextId = 1;
  let closed = false;
  const queue: Pending[] = [];
  const idle: PackWorker[] = [];
  const busy = new Map<PackWorker, Pending>();

  function start(): PackWorker {
    const worker = spawn();
    worker.onReply((reply) => {
      const pending = busy.get(worker);
      if (!pending || pending.task.id !== reply.id) return;
      busy.delete(worker);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new Error(reply.message));
      idle.push(worker);
      pump();
    });
    worker.onExit(() => {
      const pending = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      pending?.reject(new WorkerStoppedError(`The pack worker stopped while making this ${pending.task.document === 'summary' ? 'report' : 'pack'}`));
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

  function enqueue(job: PackJob): Promise<PackAnswer> {
    if (closed) return Promise.reject(new Error('Pack pool is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ task: { ...job, id: nextId++ }, resolve, reject });
      pump();
    });
  }

  return {
    // The worker answers a task with the document the task named (packWorker.ts).
    run: (request) => enqueue({ document: 'pack', request }) as Promise<PackRenderResponse>,
    summary: (request) => enqueue({ document: 'summary', request }) as Promise<PackSummaryResponse>,
    close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('Pack pool is closed'));
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      idle.length = 0;
    },
  };
}
