import type { PackRenderRequest, PackRenderResponse } from '#shared/contract/packRender.ts';
import type { PackSummaryRequest, PackSummaryResponse } from '#shared/contract/packSummary.ts';
import { WorkerLimitError } from '#shared/contract/dispatch.ts';
import { DEFAULT_WORKER_LIMITS, type WorkerLimits } from '#shared/contract/jobs.ts';
import { createWorkerPool, type PoolWorker } from './workerPool.ts';
import type { HandoutSheetJob } from '#shared/contract/handout.ts';

/** Which document a pack worker makes: a critique pack (`pack.render`) or a session's summary report (`pack.summary`). */
export type PackJob =
  | { document: 'pack'; request: PackRenderRequest }
  | { document: 'summary'; request: PackSummaryRequest }
  | { document: 'handoutSheet'; request: HandoutSheetJob };
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
  /** Draws a hand-out's printable sheet of QR cards (handout/handoutSheet.ts), in the same queue. */
  sheet(request: HandoutSheetJob, jobId?: string): Promise<PackSummaryResponse>;
  /** Stops the pack or report of that job id (the request's `jobId`), queued or being drawn. */
  cancel(jobId: string): boolean;
  close(): void;
}

function documentName(job: PackJob): string {
  return job.document === 'summary' ? 'report' : job.document === 'handoutSheet' ? 'sheet of QR cards' : 'pack';
}

/**
 * Draws packs on up to `size` workers, one pack per worker at a time (pdfkit
 * is single-threaded: a batch uses the cores by running packs side by side).
 * Unlike the ingest pool, workers start on the first pack, not with the host:
 * most sessions never make one. A worker that dies fails its pack with
 * `worker-stopped` (see createWorkerPool); queued and later packs start a fresh worker.
 * One that passes `workerLimits().packSeconds` or `memoryMb` fails with a
 * `WorkerLimitError` (host code `too-heavy`) and its worker is killed.
 */
export function createPackPool(spawn: () => PackWorker, size: number, workerLimits: () => WorkerLimits = () => DEFAULT_WORKER_LIMITS): PackPool {
  const pool = createWorkerPool<PackJob, PackTask, PackReply, PackAnswer>({
    spawn,
    size,
    eager: false,
    task: (job, id) => ({ ...job, id }),
    replyId: (reply) => reply.id,
    settle: (reply) => (reply.ok ? { ok: true, value: reply.value } : { ok: false, error: new Error(reply.message) }),
    bounds: () => {
      const limits = workerLimits();
      return { wallMs: limits.packSeconds * 1000, memoryBytes: limits.memoryMb * 1024 * 1024 };
    },
    overLimit: (job, breach, bounds) => ({
      ok: false,
      error: new WorkerLimitError(
        breach === 'time'
          ? `Making this ${documentName(job)} took longer than ${bounds.wallMs / 1000} s; its worker was stopped`
          : `Making this ${documentName(job)} needed more than ${Math.round(bounds.memoryBytes / 1024 / 1024)} MB; its worker was stopped`,
      ),
    }),
    stopped: (job) => `The pack worker stopped while making this ${documentName(job)}`,
    closed: 'Pack pool is closed',
  });
  return {
    // The worker answers a task with the document the task named (packWorker.ts).
    run: ({ jobId, ...request }) => pool.run({ document: 'pack', request }, jobId) as Promise<PackRenderResponse>,
    summary: ({ jobId, ...request }) => pool.run({ document: 'summary', request }, jobId) as Promise<PackSummaryResponse>,
    sheet: (request, jobId) => pool.run({ document: 'handoutSheet', request }, jobId) as Promise<PackSummaryResponse>,
    cancel: pool.cancel,
    close: pool.close,
  };
}
