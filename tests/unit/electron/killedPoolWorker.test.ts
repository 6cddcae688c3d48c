import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createIngestPool, type IngestPool, type IngestReply, type IngestTask, type IngestWorker } from '#electron/services/ingestPool.ts';
import { createPackPool, type PackPool } from '#electron/services/packPool.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { processWorker, spawnIngestProcess, spawnPackProcess } from '#electron/web/processWorker.ts';
import { createWebHost, listen, LOOPBACK } from '#electron/web/webHost.ts';
import { createWorkerFaults, type WorkerFaults } from '#electron/web/workerFaults.ts';
import { dispatch, WorkerStoppedError } from '#shared/contract/dispatch.ts';
import type { PackRenderRequest } from '#shared/contract/packRender.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { packInput } from '../../support/packFixture.ts';
import { memoryStore } from './memoryStore.ts';

/*
 * A host worker stopped in the middle of a job, with the pools' real worker
 * processes: the same `exit` the pools get from a crashed Electron
 * utilityProcess. The job fails with a code the studio can translate, the
 * jobs queued behind it are not lost, and the next job works.
 */

let ingest: IngestPool | undefined;
let packs: PackPool | undefined;
afterEach(() => {
  ingest?.close();
  packs?.close();
  ingest = packs = undefined;
  vi.restoreAllMocks();
});

const jpeg = async (colour: string) =>
  new Uint8Array(await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } }).jpeg().toBuffer());

function hostWith(pool: IngestPool) {
  return createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: (bytes, fileName, limits) => pool.run(bytes, fileName, limits),
    pack: () => Promise.reject(new Error('not in this test')),
    summary: () => Promise.reject(new Error('not in this test')),
  });
}

describe('an image worker killed mid-file', () => {
  it('fails that file with worker-stopped; the files queued behind it and the next file import', async () => {
    const faults = createWorkerFaults();
    ingest = createIngestPool(faults.wrap('ingest', spawnIngestProcess), 1);
    const [red, green, blue] = await Promise.all([jpeg('#a8322d'), jpeg('#2d8a3e'), jpeg('#1d4fa8')]);
    const first = ingest.run(red, 'depan.jpg', DEFAULT_INGEST_LIMITS);
    const queued = [ingest.run(green, 'belakang.jpg', DEFAULT_INGEST_LIMITS), ingest.run(blue, 'samping.jpg', DEFAULT_INGEST_LIMITS)];
    // The one worker is reading depan.jpg: stop it as a crash would.
    expect(faults.kill({ pool: 'ingest' })).toEqual({ killed: 1, armed: false });

    const failure = await first.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerStoppedError);
    expect((failure as Error).message).toContain('depan.jpg');
    const outcomes = await Promise.all(queued);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    await expect(ingest.run(red, 'depan.jpg', DEFAULT_INGEST_LIMITS)).resolves.toMatchObject({ ok: true });
  }, 30_000);

  it('reaches the renderer as the host error code worker-stopped, and the same request then works', async () => {
    const faults = createWorkerFaults();
    ingest = createIngestPool(faults.wrap('ingest', spawnIngestProcess), 2);
    const handlers = hostWith(ingest);
    const bytes = await jpeg('#d98c1f');
    // Armed before the file arrives: its worker is stopped the moment it gets the file.
    expect(faults.kill({ pool: 'ingest', fileName: 'Kopi Ijen - depan.jpg' })).toEqual({ killed: 0, armed: true });
    const other = dispatch(handlers, 'ingest.file', { fileName: 'lain.jpg', bytes: await jpeg('#123456') });
    const killed = await dispatch(handlers, 'ingest.file', { fileName: 'Kopi Ijen - depan.jpg', bytes });
    expect(killed).toMatchObject({ ok: false, error: { code: 'worker-stopped' } });
    await expect(other).resolves.toMatchObject({ ok: true, value: { ok: true } });
    const again = await dispatch(handlers, 'ingest.file', { fileName: 'Kopi Ijen - depan.jpg', bytes });
    expect(again).toMatchObject({ ok: true, value: { ok: true } });
  }, 30_000);

  it('survives a worker that crashes with an uncaught error, without taking the host down', async () => {
    // A worker entry that throws on its first task, as a decoder bug in the process would.
    const folder = await mkdtemp(join(tmpdir(), 'kemas-crash-'));
    const crashing = join(folder, 'crashing.mjs');
    await writeFile(crashing, "process.on('message', () => { throw new Error('decoder exploded'); });");
    let spawned = 0;
    ingest = createIngestPool(() => {
      spawned += 1;
      return spawned === 1 ? processWorker<IngestTask, IngestReply>(crashing, 512) : spawnIngestProcess();
    }, 1);
    try {
      const first = ingest.run(await jpeg('#a8322d'), 'depan.jpg', DEFAULT_INGEST_LIMITS);
      await expect(first).rejects.toBeInstanceOf(WorkerStoppedError);
      await expect(ingest.run(await jpeg('#2d8a3e'), 'belakang.jpg', DEFAULT_INGEST_LIMITS)).resolves.toMatchObject({ ok: true });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 30_000);

  it('on close, refuses the files still queued instead of leaving them waiting forever', async () => {
    ingest = createIngestPool(spawnIngestProcess, 1);
    const bytes = await jpeg('#a8322d');
    const busy = ingest.run(bytes, 'depan.jpg', DEFAULT_INGEST_LIMITS).catch((error: unknown) => error);
    const queued = ingest.run(bytes, 'belakang.jpg', DEFAULT_INGEST_LIMITS);
    ingest.close();
    await expect(queued).rejects.toThrow('Ingest pool is closed');
    expect(await busy).toBeInstanceOf(WorkerStoppedError);
  }, 30_000);
});

const packRequest = (): PackRenderRequest => ({
  model: buildPackModel(packInput(), { language: 'id', mode: 'combined' }),
  images: [],
  pageSize: 'A4',
  zip: null,
});

describe('a pack worker killed mid-pack', () => {
  it('fails that pack with worker-stopped; the pack queued behind it and the next pack are made', async () => {
    const faults = createWorkerFaults();
    packs = createPackPool(faults.wrap('pack', spawnPackProcess), 1);
    const first = packs.run(packRequest());
    const queued = packs.run(packRequest());
    expect(faults.kill({ pool: 'pack' })).toEqual({ killed: 1, armed: false });

    await expect(first).rejects.toBeInstanceOf(WorkerStoppedError);
    await expect(first).rejects.toThrow('The pack worker stopped while making this pack');
    const made = await queued;
    expect(new TextDecoder().decode(made.pdf.subarray(0, 5))).toBe('%PDF-');
    const next = await packs.run(packRequest());
    expect(next.pdf.byteLength).toBeGreaterThan(1000);
  }, 60_000);
});

describe('the browser host\'s fault switch', () => {
  const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';

  /** A host on a free loopback port, with or without fault injection; answers status and body of one POST. */
  async function post(faults: WorkerFaults | null, body: string, token: string | null = TOKEN) {
    ingest ??= createIngestPool(spawnIngestProcess, 1);
    const pool = ingest;
    // Learn a free port first: the host's Host allow-list needs the real one.
    const probe = createWebHost({ rendererDir: '/nonexistent', port: 0, token: TOKEN, handlers: hostWith(pool) });
    await listen(probe, 0);
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const server = createWebHost({ rendererDir: '/nonexistent', port, token: TOKEN, handlers: hostWith(pool), faults });
    await listen(server, port);
    try {
      const response = await fetch(`http://${LOOPBACK}:${port}/api/__fault/kill-workers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Kemas-Token': token } : {}) },
        body,
      });
      return { status: response.status, body: await response.text() };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('exists only when the host was started with it, and then still wants the launch token', async () => {
    const request = JSON.stringify({ pool: 'ingest' });
    const off = await post(null, request);
    expect(off.status).toBe(200);
    expect(JSON.parse(off.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });

    const faults = createWorkerFaults();
    const kill = vi.spyOn(faults, 'kill');
    expect((await post(faults, request, null)).status).toBe(401);
    expect((await post(faults, request, 'wrong')).status).toBe(401);
    expect((await post(faults, '{"pool":"everything"}')).status).toBe(400);
    expect(kill).not.toHaveBeenCalled();
    const on = await post(faults, request);
    expect([on.status, JSON.parse(on.body)]).toEqual([200, { killed: 0, armed: true }]);
  }, 30_000);
});

describe('a worker that cannot even start', () => {
  it('is not restarted in a loop: each file waiting gets one fresh worker and fails with worker-stopped', async () => {
    let spawned = 0;
    // Dies right after it is made, as a utility process whose entry cannot load would.
    const broken = (): IngestWorker => {
      spawned += 1;
      let exit: (code: number) => void = () => {};
      setTimeout(() => exit(1), 0);
      return { post: () => {}, onReply: () => {}, onExit: (listener) => (exit = listener), terminate: () => {} };
    };
    ingest = createIngestPool(broken, 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spawned).toBe(2);
    const file = ingest.run(new Uint8Array([1]), 'depan.jpg', DEFAULT_INGEST_LIMITS);
    await expect(file).rejects.toBeInstanceOf(WorkerStoppedError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spawned).toBe(3);
  });
});
