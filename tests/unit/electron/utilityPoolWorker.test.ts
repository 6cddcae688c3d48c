import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerStoppedError } from '#shared/contract/dispatch.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';

/** The desktop app's utility processes, as far as the pool sees them: children that answer, or die. */
const children: (EventEmitter & { postMessage: ReturnType<typeof vi.fn>; kill: ReturnType<typeof vi.fn> })[] = [];
vi.mock('electron', () => ({
  app: { isPackaged: false },
  utilityProcess: {
    fork: vi.fn(() => {
      const child = Object.assign(new EventEmitter(), { postMessage: vi.fn(), kill: vi.fn() });
      children.push(child);
      return child;
    }),
  },
}));

const { spawnUtilityWorker, utilityExecArgv } = await import('#electron/main/utilityWorker.ts');
const { createIngestPool } = await import('#electron/services/ingestPool.ts');

afterEach(() => {
  children.length = 0;
  vi.restoreAllMocks();
});

describe('an ingest pool of Electron utility processes', () => {
  it('fails the file of a child that dies of a fatal error with worker-stopped, keeps the main process up, and goes on with a new child', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const pool = createIngestPool(() => spawnUtilityWorker('/app/out/main/ingestWorker.js'), 1);
    const first = pool.run(new Uint8Array([1]), 'depan.jpg', DEFAULT_INGEST_LIMITS);
    const queued = pool.run(new Uint8Array([2]), 'belakang.jpg', DEFAULT_INGEST_LIMITS);
    const [dying] = children;
    expect(dying?.postMessage).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'depan.jpg' }));

    // What Electron emits for a V8 out-of-memory in the child, then its exit.
    expect(() => dying?.emit('error', 'FatalError', 'v8::internal::Heap', 'report')).not.toThrow();
    dying?.emit('exit', 133);
    await expect(first).rejects.toBeInstanceOf(WorkerStoppedError);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('FatalError'));

    const fresh = children[1];
    const task = fresh?.postMessage.mock.calls[0]?.[0] as { id: number; fileName: string };
    expect(task.fileName).toBe('belakang.jpg');
    fresh?.emit('message', { id: task.id, outcome: { ok: false, reason: 'empty', detail: 'answered' } });
    await expect(queued).resolves.toEqual({ ok: false, reason: 'empty', detail: 'answered' });
    pool.close();
    expect(fresh?.kill).toHaveBeenCalled();
  });
});

describe('utility worker options', () => {
  it('switches native addons off on Linux only where the native sharp is installed (unpackaged), so a package can still rasterise PDF pages', () => {
    expect(utilityExecArgv('linux', false)).toEqual(['--no-addons']);
    expect(utilityExecArgv('linux', true)).toEqual([]);
    expect(utilityExecArgv('win32', false)).toEqual([]);
    expect(utilityExecArgv('darwin', true)).toEqual([]);
  });
});
