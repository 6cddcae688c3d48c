import { WorkerStoppedError } from '../../shared/contract/dispatch.ts';

/**
 * A worker as a pool sees it: a worker thread in the browser host, a
 * utilityProcess in Electron, both wrapping the same entry (workers/*.ts).
 */
export interface PoolWorker<Task, Reply> {
  post(task: Task): void;
  onReply(listener: (reply: Reply) => void): void;
  onExit(listener: (code: number) => void): void;
  terminate(): void;
}

export interface WorkerPool<Job, Answer> {
  /** Runs one job on the next free worker; rejects with a `WorkerStoppedError` when its worker stops first. */
  run(job: Job): Promise<Answer>;
  /** Refuses queued jobs and stops every worker. */
  close(): void;
}

export interface WorkerPoolOptions<Job, Task, Reply, Answer> {
  spawn: () => PoolWorker<Task, Reply>;
  size: number;
  /** Start every worker with the pool (the first job then does not wait for a worker to load). */
  eager: boolean;
  /** What the worker is sent for a job; `id` matches its reply to it. */
  task: (job: Job, id: number) => Task;
  replyId: (reply: Reply) => number;
  /** A reply's answer, or the error the job fails with. */
  settle: (reply: Reply) => { ok: true; value: Answer } | { ok: false; error: Error };
  /** Said when a worker stops in the middle of a job, e.g. "The image worker stopped while reading a.jpg". */
  stopped: (job: Job) => string;
  /** Said to jobs refused because the pool is closed. */
  closed: string;
}

interface Pending<Job, Answer> {
  job: Job;
  id: number;
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

/**
 * Runs jobs on up to `size` workers, one job per worker at a time, in the order
 * they came. A worker that dies (crashed, killed, out of memory) fails its job
 * with a `WorkerStoppedError` (the host answers `worker-stopped`, so the job can
 * be tried again) and is replaced when the next job needs a worker, not at once:
 * a worker that cannot start would otherwise be restarted forever, this way each
 * waiting job gets one try and is reported. Queued jobs are not lost.
 */
export function createWorkerPool<Job, Task, Reply, Answer>(options: WorkerPoolOptions<Job, Task, Reply, Answer>): WorkerPool<Job, Answer> {
  const limit = Math.max(1, options.size);
  let nextId = 1;
  let closed = false;
  type Worker = PoolWorker<Task, Reply>;
  const queue: Pending<Job, Answer>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending<Job, Answer>>();

  function start(): Worker {
    const worker = options.spawn();
    worker.onReply((reply) => {
      const pending = busy.get(worker);
      if (!pending || pending.id !== options.replyId(reply)) return;
      busy.delete(worker);
      const settled = options.settle(reply);
      if (settled.ok) pending.resolve(settled.value);
      else pending.reject(settled.error);
      idle.push(worker);
      pump();
    });
    worker.onExit(() => {
      const pending = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      pending?.reject(new WorkerStoppedError(options.stopped(pending.job)));
      if (!closed) pump();
    });
    return worker;
  }

  function pump(): void {
    while (queue.length > 0 && (idle.length > 0 || busy.size + idle.length < limit)) {
      const worker = idle.shift() ?? start();
      const pending = queue.shift() as Pending<Job, Answer>;
      busy.set(worker, pending);
      worker.post(options.task(pending.job, pending.id));
    }
  }

  if (options.eager) for (let i = 0; i < limit; i++) idle.push(start());

  return {
    run(job) {
      if (closed) return Promise.reject(new Error(options.closed));
      return new Promise((resolve, reject) => {
        queue.push({ job, id: nextId++, resolve, reject });
        pump();
      });
    },
    close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error(options.closed));
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      idle.length = 0;
    },
  };
}
