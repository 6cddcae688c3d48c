import { JobCancelledError, WorkerStoppedError } from '#shared/contract/dispatch.ts';

/**
 * A worker as a pool sees it: a child process in the browser host, a
 * utilityProcess in Electron, both running the same entry (workers/*.ts).
 * Each is a process of its own, so killing it frees everything it held,
 * libvips' native threads included (a worker thread's would live on).
 */
export interface PoolWorker<Task, Reply> {
  post(task: Task): void;
  onReply(listener: (reply: Reply) => void): void;
  onExit(listener: (code: number) => void): void;
  /** Kills the process at once; its 'exit' follows. */
  terminate(): void;
  /** The process's resident memory in bytes where the host can see it (Linux /proc, Electron's metrics); null elsewhere. */
  memoryBytes?(): number | null;
  /**
   * Settles once the worker has loaded and listens (workers/workerReady.ts). A job's time bound
   * starts then; without it, at once.
   */
  ready?: Promise<void>;
}

/**
 * How long a fresh worker may take to load before it counts as unable to start: its job then
 * fails as "worker stopped" (which can be tried again), never as a file that is too heavy.
 */
export const WORKER_START_MS = 120_000;

/** How long, and how much memory, one job may take before its worker is killed. */
export interface JobBounds {
  wallMs: number;
  memoryBytes: number;
}

export type Breach = 'time' | 'memory';

/** Cancelled job ids kept for jobs that have not arrived yet (see `cancelledEarly`). */
const EARLY_CANCELS_KEPT = 64;

export interface WorkerPool<Job, Answer> {
  /** Runs one job on the next free worker; rejects with a `WorkerStoppedError` when its worker stops first. */
  run(job: Job, jobId?: string): Promise<Answer>;
  /**
   * Stops the job of that id: drops it from the queue, or kills the worker running it. False when no such job is
   * waiting or running; a job of that id that arrives later is then refused as cancelled.
   */
  cancel(jobId: string): boolean;
  /** Refuses queued jobs and stops every worker. */
  close(): void;
}

type Settled<Answer> = { ok: true; value: Answer } | { ok: false; error: Error };

export interface WorkerPoolOptions<Job, Task, Reply, Answer> {
  spawn: () => PoolWorker<Task, Reply>;
  size: number;
  /** Start every worker with the pool (the first job then does not wait for a worker to load). */
  eager: boolean;
  /** What the worker is sent for a job; `id` matches its reply to it. */
  task: (job: Job, id: number) => Task;
  replyId: (reply: Reply) => number;
  /** A reply's answer, or the error the job fails with. */
  settle: (reply: Reply) => Settled<Answer>;
  /** The bounds of this job, read when it starts (they are a setting). */
  bounds: (job: Job) => JobBounds;
  /** What a job that passed a bound answers (the ingest pool: a refusal of the file), or the error it fails with. */
  overLimit: (job: Job, breach: Breach, bounds: JobBounds) => Settled<Answer>;
  /** Said when a worker stops in the middle of a job, e.g. "The image worker stopped while reading a.jpg". */
  stopped: (job: Job) => string;
  /** Said to jobs refused because the pool is closed. */
  closed: string;
  /** How often busy workers' memory is looked at; 250 ms unless a test says otherwise. */
  memoryPollMs?: number;
}

interface Pending<Job, Answer> {
  job: Job;
  id: number;
  jobId: string | undefined;
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  bounds?: JobBounds;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Runs jobs on up to `size` workers, one job per worker at a time, in the order
 * they came. A worker that dies (crashed, killed, out of memory) fails its job
 * with a `WorkerStoppedError` (the host answers `worker-stopped`, so the job can
 * be tried again) and is replaced when the next job needs a worker, not at once:
 * a worker that cannot start would otherwise be restarted forever, this way each
 * waiting job gets one try and is reported. Queued jobs are not lost.
 *
 * Every job is bounded: past its wall time, or when its process's memory passes
 * the bound, the worker is killed, the job answers what `overLimit` says, and
 * the next job gets a fresh worker. Cancel kills the worker of a running job.
 */
export function createWorkerPool<Job, Task, Reply, Answer>(options: WorkerPoolOptions<Job, Task, Reply, Answer>): WorkerPool<Job, Answer> {
  const limit = Math.max(1, options.size);
  let nextId = 1;
  let closed = false;
  type Worker = PoolWorker<Task, Reply>;
  const queue: Pending<Job, Answer>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending<Job, Answer>>();
  let memoryWatch: ReturnType<typeof setInterval> | null = null;

  function start(): Worker {
    const worker = options.spawn();
    worker.onReply((reply) => {
      const pending = busy.get(worker);
      if (!pending || pending.id !== options.replyId(reply)) return;
      finish(worker, pending);
      const settled = options.settle(reply);
      if (settled.ok) pending.resolve(settled.value);
      else pending.reject(settled.error);
      idle.push(worker);
      pump();
    });
    worker.onExit(() => {
      const pending = busy.get(worker);
      if (pending) finish(worker, pending);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      pending?.reject(new WorkerStoppedError(options.stopped(pending.job)));
      if (!closed) pump();
    });
    return worker;
  }

  /** The job no longer runs on `worker`: its timer stops, and so does the memory watch when nothing runs. */
  function finish(worker: Worker, pending: Pending<Job, Answer>): void {
    busy.delete(worker);
    clearTimeout(pending.timer);
    if (busy.size === 0 && memoryWatch) {
      clearInterval(memoryWatch);
      memoryWatch = null;
    }
  }

  /** Kills the worker running `pending` (bound passed, or cancelled) and settles the job; a fresh worker takes the next. */
  function kill(worker: Worker, pending: Pending<Job, Answer>, settled: Settled<Answer>): void {
    finish(worker, pending);
    worker.terminate();
    if (settled.ok) pending.resolve(settled.value);
    else pending.reject(settled.error);
    if (!closed) pump();
  }

  function breach(worker: Worker, pending: Pending<Job, Answer>, kind: Breach): void {
    if (busy.get(worker) !== pending) return;
    kill(worker, pending, options.overLimit(pending.job, kind, pending.bounds as JobBounds));
  }

  function watchMemory(): void {
    if (memoryWatch) return;
    memoryWatch = setInterval(() => {
      for (const [worker, pending] of [...busy]) {
        const used = worker.memoryBytes?.() ?? null;
        if (used !== null && pending.bounds && used > pending.bounds.memoryBytes) breach(worker, pending, 'memory');
      }
    }, options.memoryPollMs ?? 250);
    memoryWatch.unref?.();
  }

  function pump(): void {
    while (queue.length > 0 && (idle.length > 0 || busy.size + idle.length < limit)) {
      const worker = idle.shift() ?? start();
      const pending = queue.shift() as Pending<Job, Answer>;
      busy.set(worker, pending);
      const bounds = options.bounds(pending.job);
      pending.bounds = bounds;
      worker.post(options.task(pending.job, pending.id));
      // The time bound runs from when the worker listens: a fresh process first loads its libraries.
      const arm = () => {
        if (busy.get(worker) !== pending) return;
        clearTimeout(pending.timer);
        pending.timer = setTimeout(() => breach(worker, pending, 'time'), bounds.wallMs);
      };
      if (worker.ready) {
        pending.timer = setTimeout(() => {
          if (busy.get(worker) === pending) worker.terminate();
        }, Math.max(WORKER_START_MS, bounds.wallMs));
        void worker.ready.then(arm);
      } else {
        arm();
      }
      if (worker.memoryBytes) watchMemory();
    }
  }

  if (options.eager) for (let i = 0; i < limit; i++) idle.push(start());

  /**
   * Ids cancelled before their job arrived: a Cancel can overtake the file it
   * stops (the renderer is still sending its bytes), and that file must then
   * not be read at all. The most recent few are kept.
   */
  const cancelledEarly = new Set<string>();

  return {
    run(job, jobId) {
      if (closed) return Promise.reject(new Error(options.closed));
      if (jobId !== undefined && cancelledEarly.delete(jobId)) return Promise.reject(new JobCancelledError('Cancelled before it arrived'));
      return new Promise((resolve, reject) => {
        queue.push({ job, id: nextId++, jobId, resolve, reject });
        pump();
      });
    },
    cancel(jobId) {
      const queued = queue.findIndex((p) => p.jobId === jobId);
      if (queued >= 0) {
        const [pending] = queue.splice(queued, 1);
        pending?.reject(new JobCancelledError('Cancelled before it started'));
        return true;
      }
      const running = [...busy].find(([, p]) => p.jobId === jobId);
      if (!running) {
        cancelledEarly.add(jobId);
        if (cancelledEarly.size > EARLY_CANCELS_KEPT) cancelledEarly.delete(cancelledEarly.values().next().value as string);
        return false;
      }
      kill(running[0], running[1], { ok: false, error: new JobCancelledError('Cancelled while it ran; its worker was stopped') });
      return true;
    },
    close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error(options.closed));
      for (const pending of busy.values()) clearTimeout(pending.timer);
      if (memoryWatch) clearInterval(memoryWatch);
      memoryWatch = null;
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      idle.length = 0;
    },
  };
}
