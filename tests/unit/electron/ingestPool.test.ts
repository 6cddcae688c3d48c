import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIngestPool, type IngestPool, type IngestReply, type IngestTask, type IngestWorker } from '#electron/services/ingestPool.ts';
import { spawnIngestProcess } from '#electron/web/processWorker.ts';
import { JobCancelledError, WorkerStoppedError } from '#shared/contract/dispatch.ts';
import { DEFAULT_INGEST_LIMITS, type IngestOutcome } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';
import { WORKER_START_MS } from '#electron/services/workerPool.ts';

/** A worker the test drives by hand: it records tasks and answers or dies when told. */
function fakeWorker() {
  const tasks: IngestTask[] = [];
  let reply: (r: IngestReply) => void = () => {};
  let exit: (code: number) => void = () => {};
  const worker: IngestWorker & { tasks: IngestTask[]; answer(outcome: IngestOutcome): void; die(): void } = {
    tasks,
    post: (task) => tasks.push(task),
    onReply: (listener) => (reply = listener),
    onExit: (listener) => (exit = listener),
    terminate: () => {},
    answer: (outcome) => reply({ id: (tasks.at(-1) as IngestTask).id, outcome }),
    die: () => exit(1),
  };
  return worker;
}

const rejected = (detail: string): IngestOutcome => ({ ok: false, reason: 'empty', detail });
const bytes = new Uint8Array([1]);

let pool: IngestPool | undefined;
afterEach(() => pool?.close());

describe('ingest pool', () => {
  it('runs one file per worker and queues the rest', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    pool = createIngestPool(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    }, 2);
    const results = ['a', 'b', 'c'].map((name) => pool!.run(bytes, name, DEFAULT_INGEST_LIMITS));
    expect(workers.map((w) => w.tasks.map((t) => t.fileName))).toEqual([['a'], ['b']]);
    workers[0]?.answer(rejected('a done'));
    await expect(results[0]).resolves.toEqual(rejected('a done'));
    expect(workers[0]?.tasks.map((t) => t.fileName)).toEqual(['a', 'c']);
  });

  it('refuses a file whose Cancel overtook it (its bytes were still on the way): it is never read, the next one is', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    pool = createIngestPool(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    }, 1);
    // The renderer sent jobs.cancel while the file's request was still arriving: no such job yet.
    expect(pool.cancel('job-lambat-0001')).toBe(false);
    await expect(pool.run(bytes, 'lambat.jpg', DEFAULT_INGEST_LIMITS, 'job-lambat-0001')).rejects.toBeInstanceOf(JobCancelledError);
    const next = pool.run(bytes, 'berikut.jpg', DEFAULT_INGEST_LIMITS, 'job-berikut-0002');
    expect(workers.flatMap((w) => w.tasks.map((t) => t.fileName))).toEqual(['berikut.jpg']);
    workers[0]?.answer(rejected('read'));
    await expect(next).resolves.toEqual(rejected('read'));
    // The id was used up: the same id again is read (ids are fresh per file anyway).
    const again = pool.run(bytes, 'lambat.jpg', DEFAULT_INGEST_LIMITS, 'job-lambat-0001');
    expect(workers[0]?.tasks.map((t) => t.fileName)).toEqual(['berikut.jpg', 'lambat.jpg']);
    workers[0]?.answer(rejected('read too'));
    await expect(again).resolves.toEqual(rejected('read too'));
  });

  it('fails the file of a worker that dies, replaces the worker, and goes on', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    pool = createIngestPool(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    }, 1);
    const first = pool.run(bytes, 'bom.png', DEFAULT_INGEST_LIMITS);
    const second = pool.run(bytes, 'next.png', DEFAULT_INGEST_LIMITS);
    workers[0]?.die();
    await expect(first).rejects.toBeInstanceOf(WorkerStoppedError);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.tasks.map((t) => t.fileName)).toEqual(['next.png']);
    workers[1]?.answer(rejected('fine'));
    await expect(second).resolves.toEqual(rejected('fine'));
  });

  it("starts a file's time bound when its fresh worker has loaded, not when it was spawned", async () => {
    vi.useFakeTimers();
    try {
      let loaded = () => {};
      const worker = { ...fakeWorker(), ready: new Promise<void>((resolve) => (loaded = resolve)) };
      const limits = { ...DEFAULT_WORKER_LIMITS, fileSeconds: 3 };
      pool = createIngestPool(() => worker, 1, () => limits);
      const photo = pool.run(bytes, 'depan.jpg', DEFAULT_INGEST_LIMITS);
      // Loading sharp takes 10 s on a busy laptop: longer than the file's bound, and the file is not refused for it.
      await vi.advanceTimersByTimeAsync(10_000);
      loaded();
      await vi.advanceTimersByTimeAsync(2_000);
      worker.answer(rejected('read in time'));
      await expect(photo).resolves.toEqual(rejected('read in time'));
      // Once loaded, the bound holds: a file that takes longer than 3 s is refused as too heavy.
      const heavy = pool.run(bytes, 'bom.svg', DEFAULT_INGEST_LIMITS);
      await vi.advanceTimersByTimeAsync(3_100);
      await expect(heavy).resolves.toMatchObject({ ok: false, reason: 'too-heavy' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails the file as "worker stopped" (to try again) when its worker never loads', async () => {
    vi.useFakeTimers();
    try {
      const worker = { ...fakeWorker(), ready: new Promise<void>(() => {}) };
      let killed = false;
      worker.terminate = () => {
        killed = true;
        worker.die();
      };
      pool = createIngestPool(() => worker, 1, () => ({ ...DEFAULT_WORKER_LIMITS, fileSeconds: 3 }));
      const photo = pool.run(bytes, 'depan.jpg', DEFAULT_INGEST_LIMITS);
      const settled = expect(photo).rejects.toBeInstanceOf(WorkerStoppedError);
      await vi.advanceTimersByTimeAsync(WORKER_START_MS + 1);
      await settled;
      expect(killed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('decodes a real JPEG in a real worker thread, as the browser host does', async () => {
    pool = createIngestPool(spawnIngestProcess, 1);
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#a8322d' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const outcome = await pool.run(new Uint8Array(jpeg), 'depan.jpg', DEFAULT_INGEST_LIMITS);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [face] = outcome.faces;
    expect([face?.metadata.width, face?.metadata.height]).toEqual([300, 400]);
    expect(face?.thumbnail.bytes).toBeInstanceOf(Uint8Array);
    // JPEG may move a channel by a unit or two.
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [r, g, b] = rgb(face?.palette[0]?.hex ?? '#000000');
    expect(Math.max(Math.abs((r ?? 0) - 0xa8), Math.abs((g ?? 0) - 0x32), Math.abs((b ?? 0) - 0x2d))).toBeLessThanOrEqual(3);
  });
});
