import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createIngestPool, type IngestPool } from '#electron/services/ingestPool.ts';
import { createPackPool, type PackPool, type PackWorker } from '#electron/services/packPool.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { spawnIngestProcess } from '#electron/web/processWorker.ts';
import { dispatch, JobCancelledError, WorkerLimitError } from '#shared/contract/dispatch.ts';
import { DEFAULT_WORKER_LIMITS, type WorkerLimits } from '#shared/contract/jobs.ts';
import { DEFAULT_INGEST_LIMITS, type IngestOutcome } from '#shared/intake/ingestOutcome.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { contentStreamBombPdf, filterBombSvg, manyElementSvg } from '../../support/heavyFiles.ts';
import { packInput } from '../../support/packFixture.ts';
import { memoryStore } from './memoryStore.ts';

/*
 * Every worker job has a wall-time and a memory bound. Hostile files that once
 * held a worker for minutes (an SVG filter bomb, 200,000 blurred circles, a PDF
 * whose content stream inflates to 300 MB) are refused as 'too-heavy' within a
 * small bound, their worker process is killed, and the same pool reads the next
 * file. The bound is a test-sized 3 s here; the setting defaults to 60 s.
 */

const BOUND_SECONDS = 3;
/** Spawning a replacement and loading sharp, on a machine shared by many. */
const SLACK_MS = 20_000;

let pools: { close(): void }[] = [];
afterEach(() => {
  for (const pool of pools) pool.close();
  pools = [];
});

const jpeg = async () => new Uint8Array(await sharp({ create: { width: 600, height: 400, channels: 3, background: '#2d8a3e' } }).jpeg().toBuffer());

function ingestPool(limits: Partial<WorkerLimits>): IngestPool {
  const workerLimits = { ...DEFAULT_WORKER_LIMITS, fileSeconds: BOUND_SECONDS, ...limits };
  const pool = createIngestPool(() => spawnIngestProcess(workerLimits.memoryMb), 1, () => workerLimits);
  pools.push(pool);
  return pool;
}

async function timed(work: Promise<IngestOutcome>): Promise<{ outcome: IngestOutcome; ms: number }> {
  const started = performance.now();
  const outcome = await work;
  return { outcome, ms: performance.now() - started };
}

describe('hostile files against a bounded ingest pool (one worker, 3 s per file)', () => {
  it.each([
    ['an SVG filter bomb (feGaussianBlur 5000, feMorphology 3000 over 50 large rects)', 'bomba-filter.svg', filterBombSvg],
    ['an SVG of 200,000 blurred circles', 'bomba-lingkaran.svg', () => manyElementSvg(200_000)],
    ['a PDF whose Flate content stream inflates to 300 MB', 'bomba-konten.pdf', () => contentStreamBombPdf(300)],
  ])('refuses %s as too-heavy within its bound, and the pool reads the next file', async (_label, fileName, make) => {
    const pool = ingestPool({});
    const bomb = make();
    const { outcome, ms } = await timed(pool.run(bomb, fileName, DEFAULT_INGEST_LIMITS));
    expect(outcome).toMatchObject({ ok: false, reason: 'too-heavy' });
    expect(outcome.ok ? '' : outcome.detail).toContain(fileName);
    expect(ms).toBeLessThan(BOUND_SECONDS * 1000 + SLACK_MS);
    // The same one-worker pool, with a fresh worker process, reads an ordinary photo.
    await expect(pool.run(await jpeg(), 'depan.jpg', DEFAULT_INGEST_LIMITS)).resolves.toMatchObject({ ok: true });
  }, 90_000);

  it('goes on with the rest of a batch: files queued behind a bomb are read', async () => {
    const pool = ingestPool({});
    const photo = await jpeg();
    const batch = [
      pool.run(photo, 'depan.jpg', DEFAULT_INGEST_LIMITS),
      pool.run(filterBombSvg(), 'bomba.svg', DEFAULT_INGEST_LIMITS),
      pool.run(photo, 'belakang.jpg', DEFAULT_INGEST_LIMITS),
    ];
    const outcomes = await Promise.all(batch);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['ok', 'too-heavy', 'ok']);
  }, 90_000);

  (process.platform === 'linux' ? it : it.skip)('refuses a file whose worker passes the memory bound, before the time bound', async () => {
    // 256 MB: sharp itself needs ~100 MB; 200,000 blurred circles need gigabytes.
    const pool = ingestPool({ fileSeconds: 120, memoryMb: 256 });
    const { outcome, ms } = await timed(pool.run(manyElementSvg(200_000), 'lingkaran.svg', DEFAULT_INGEST_LIMITS));
    expect(outcome).toMatchObject({ ok: false, reason: 'too-heavy' });
    expect(outcome.ok ? '' : outcome.detail).toMatch(/needed more than 256 MB/);
    expect(ms).toBeLessThan(120_000);
    await expect(pool.run(await jpeg(), 'depan.jpg', DEFAULT_INGEST_LIMITS)).resolves.toMatchObject({ ok: true });
  }, 150_000);

  it('Cancel stops the file being read (its worker is killed) and the pool reads the next one', async () => {
    const pool = ingestPool({ fileSeconds: 600 });
    const bomb = pool.run(filterBombSvg(), 'bomba.svg', DEFAULT_INGEST_LIMITS, 'job-bomba-0001');
    const queued = pool.run(await jpeg(), 'antre.jpg', DEFAULT_INGEST_LIMITS, 'job-antre-0002');
    // Cancelled while queued: never read.
    expect(pool.cancel('job-antre-0002')).toBe(true);
    await expect(queued).rejects.toBeInstanceOf(JobCancelledError);
    expect(pool.cancel('job-bomba-0001')).toBe(true);
    await expect(bomb).rejects.toBeInstanceOf(JobCancelledError);
    expect(pool.cancel('job-bomba-0001')).toBe(false);
    await expect(pool.run(await jpeg(), 'depan.jpg', DEFAULT_INGEST_LIMITS)).resolves.toMatchObject({ ok: true });
  }, 60_000);

  it('reaches the renderer through the contract: a refusal for the bomb, cancelled for a cancelled job', async () => {
    const pool = ingestPool({});
    const handlers = createHostHandlers({
      appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
      settings: createSettingsService(memoryStore()),
      dialogs: noDialogs,
      ingest: (bytes, fileName, limits, jobId) => pool.run(bytes, fileName, limits, jobId),
      pack: () => Promise.reject(new Error('not in this test')),
      summary: () => Promise.reject(new Error('not in this test')),
      cancelJob: (jobId) => pool.cancel(jobId),
    });
    const refused = await dispatch(handlers, 'ingest.file', { fileName: 'bomba.svg', bytes: filterBombSvg() });
    expect(refused).toMatchObject({ ok: true, value: { ok: false, reason: 'too-heavy' } });

    const running = dispatch(handlers, 'ingest.file', { fileName: 'bomba.svg', bytes: filterBombSvg(), jobId: 'job-kontrak-01' });
    await expect(dispatch(handlers, 'jobs.cancel', { jobId: 'job-kontrak-01' })).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(running).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await expect(dispatch(handlers, 'jobs.cancel', { jobId: 'job-kontrak-01' })).resolves.toEqual({ ok: true, value: { cancelled: false } });
    await expect(dispatch(handlers, 'jobs.cancel', { jobId: '../../etc' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
  }, 60_000);
});

describe('a bounded pack pool', () => {
  /** A pack worker that takes the job and never answers, as pdfkit stuck on a runaway document would; records kills. */
  function stuckWorker(killed: string[]): PackWorker {
    let exit: (code: number) => void = () => {};
    return {
      post: () => {},
      onReply: () => {},
      onExit: (listener) => (exit = listener),
      terminate: () => {
        killed.push('killed');
        queueMicrotask(() => exit(137));
      },
    };
  }

  const request = () => ({ model: buildPackModel(packInput(), { language: 'id', mode: 'combined' }), images: [], pageSize: 'A4' as const, zip: null });

  it('fails a pack past its wall time with too-heavy, kills its worker, and starts a fresh one for the next pack', async () => {
    const killed: string[] = [];
    let spawned = 0;
    const pool: PackPool = createPackPool(
      () => {
        spawned += 1;
        return stuckWorker(killed);
      },
      1,
      () => ({ ...DEFAULT_WORKER_LIMITS, packSeconds: BOUND_SECONDS }),
    );
    pools.push(pool);
    const first = pool.run(request());
    await expect(first).rejects.toBeInstanceOf(WorkerLimitError);
    await expect(first).rejects.toThrow(/took longer than 3 s/);
    expect(killed).toHaveLength(1);
    const second = pool.summary({ model: {} as never, pageSize: 'A4', jobId: 'job-laporan-01' });
    expect(spawned).toBe(2);
    expect(pool.cancel('job-laporan-01')).toBe(true);
    await expect(second).rejects.toBeInstanceOf(JobCancelledError);
    expect(killed).toHaveLength(2);
  }, 30_000);

  it('answers too-heavy through the contract', async () => {
    const handlers = createHostHandlers({
      appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
      settings: createSettingsService(memoryStore()),
      dialogs: noDialogs,
      ingest: () => Promise.reject(new Error('not in this test')),
      pack: () => Promise.reject(new WorkerLimitError('Making this pack took longer than 180 s; its worker was stopped')),
      summary: () => Promise.reject(new Error('not in this test')),
    });
    await expect(dispatch(handlers, 'pack.render', request())).resolves.toMatchObject({ ok: false, error: { code: 'too-heavy' } });
  });
});
