import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngestPool, type IngestPool } from '#electron/services/ingestPool.ts';
import { spawnIngestProcess } from '#electron/web/processWorker.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';

/*
 * The ingest workers decode below normal priority, so that on a two-core laptop
 * the studio's window keeps drawing while photos import. On Linux a nice value
 * is a thread's, not a process's: the threads that do the decoding (libvips',
 * libuv's, V8's) must be lowered too, not only the worker's main thread.
 */

let pool: IngestPool | null = null;
afterEach(() => {
  pool?.close();
  pool = null;
});

/** Each thread of a process: its name and nice value, from /proc. */
function threadsOf(pid: number): { name: string; nice: number }[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(fields[16]) }];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

/** This process's children whose command line names `entry`. */
function childrenRunning(entry: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(entry);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('ingest worker priority', () => {
  (process.platform === 'linux' ? it : it.skip)('runs every thread of a worker that has decoded a photo below normal priority', async () => {
    pool = createIngestPool(() => spawnIngestProcess(), 1);
    const photo = new Uint8Array(await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c0392b' } }).jpeg().toBuffer());
    await expect(pool.run(photo, 'depan.jpg', DEFAULT_INGEST_LIMITS)).resolves.toMatchObject({ ok: true });
    const [worker] = childrenRunning('ingestWorker');
    expect(worker, 'the ingest worker process').toBeDefined();
    const threads = threadsOf(worker as number);
    // Node's own threads and, after a decode, libvips' ones.
    expect(threads.length).toBeGreaterThan(4);
    expect(threads.some((t) => t.name.includes('vips'))).toBe(true);
    const atNormal = threads.filter((t) => t.nice < constants.priority.PRIORITY_BELOW_NORMAL);
    expect(atNormal, 'threads left at normal priority').toEqual([]);
  }, 60_000);
});
