import { z } from 'zod';
import type { PoolWorker } from '../services/workerPool.ts';

/**
 * Fault injection for end-to-end tests of a killed worker. The browser host
 * turns it on only when started with `KEMAS_FAULTS=1` (see main.ts); then
 * `POST /api/__fault/kill-workers` (token required, like every API call)
 * stops pool workers the way a crash would: the pool sees the same `exit` as
 * from a dead utilityProcess or thread, and nothing else is faked.
 */

export const faultPoolSchema = z.enum(['ingest', 'pack']);
export type FaultPool = z.infer<typeof faultPoolSchema>;

export const killRequestSchema = z.strictObject({
  pool: faultPoolSchema,
  /** Ingest only: stop the worker reading this file (by its name), not any busy one. */
  fileName: z.string().min(1).max(500).optional(),
});
export type KillRequest = z.infer<typeof killRequestSchema>;

export interface KillResult {
  /** Workers stopped now. */
  killed: number;
  /** No matching worker was busy: the next matching job's worker will be stopped as soon as it gets the job. */
  armed: boolean;
}

export interface WorkerFaults {
  /** Wraps a pool's spawn function so that its workers can be stopped on purpose. */
  wrap<Task, Reply>(pool: FaultPool, spawn: () => PoolWorker<Task, Reply>): () => PoolWorker<Task, Reply>;
  kill(request: KillRequest): KillResult;
}

interface Tracked {
  pool: FaultPool;
  /** The job it was given and has not answered yet. */
  task: unknown;
  terminate(): void;
}

const matches = (task: unknown, fileName: string | undefined) =>
  fileName === undefined || (typeof task === 'object' && task !== null && (task as { fileName?: unknown }).fileName === fileName);

export function createWorkerFaults(): WorkerFaults {
  const live = new Set<Tracked>();
  const armed: KillRequest[] = [];

  function wrap<Task, Reply>(pool: FaultPool, spawn: () => PoolWorker<Task, Reply>): () => PoolWorker<Task, Reply> {
    return () => {
      const inner = spawn();
      const tracked: Tracked = { pool, task: null, terminate: () => inner.terminate() };
      live.add(tracked);
      inner.onReply(() => (tracked.task = null));
      inner.onExit(() => live.delete(tracked));
      const worker: PoolWorker<Task, Reply> = {
        post(task) {
          tracked.task = task;
          inner.post(task);
          const at = armed.findIndex((a) => a.pool === pool && matches(task, a.fileName));
          if (at >= 0) {
            armed.splice(at, 1);
            inner.terminate();
          }
        },
        onReply: (listener) => inner.onReply(listener),
        onExit: (listener) => inner.onExit(listener),
        terminate: () => inner.terminate(),
        // The pool's memory bound still applies to a worker a fault test may stop.
        memoryBytes: () => inner.memoryBytes?.() ?? null,
      };
      return worker;
    };
  }

  return {
    wrap,
    kill(request) {
      const victims = [...live].filter((t) => t.pool === request.pool && t.task !== null && matches(t.task, request.fileName));
      for (const victim of victims) victim.terminate();
      if (victims.length === 0) armed.push(request);
      return { killed: victims.length, armed: victims.length === 0 };
    },
  };
}
