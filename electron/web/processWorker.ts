import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';
import type { IngestWorker } from '../services/ingestPool.ts';
import type { PoolWorker } from '../services/workerPool.ts';
import type { PackReply, PackTask } from '../services/packPool.ts';
import { isReadySignal } from '../workers/workerReady.ts';

const INGEST_ENTRY = new URL('../workers/ingestWorker.ts', import.meta.url);
const PACK_ENTRY = new URL('../workers/packWorker.ts', import.meta.url);

/**
 * The V8 heap of a worker process may reach the memory bound plus this much: the
 * pool's watch of the whole process (resident memory) should stop it first, with
 * the 'too-heavy' answer, rather than V8 aborting it.
 */
const HEAP_HEADROOM_MB = 256;

/** Resident memory of a process, from /proc (Linux); null where there is no /proc or the process is gone. */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined || process.platform !== 'linux') return null;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * A pool worker in a child process running `entry` (Node strips its types).
 * Not a worker thread: `worker.terminate()` leaves libvips' native threads
 * running, and the host could not even exit. Killing a process frees all of
 * it. The child's JavaScript heap is capped near `memoryMb`; its whole
 * resident size is watched by the pool (see workerPool.ts).
 */
export function processWorker<Task, Reply>(entry: URL | string, memoryMb: number): PoolWorker<Task, Reply> {
  const child = fork(typeof entry === 'string' ? entry : fileURLToPath(entry), [], {
    execArgv: [`--max-old-space-size=${memoryMb + HEAP_HEADROOM_MB}`],
    // Structured clone over the pipe: file bytes travel as Uint8Arrays, not JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exitListeners: ((code: number) => void)[] = [];
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code);
  };
  child.on('exit', (code) => exit(code ?? 1));
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.on('message', (message) => isReadySignal(message) && markReady());
  // A process that could not start never says 'exit': the pool must still learn it is gone.
  child.on('error', (error) => {
    console.error('A host worker process failed:', error);
    if (child.pid === undefined) exit(1);
  });
  return {
    // A task sent to a process that just died is lost with it; its 'exit' fails the job.
    post: (task) => void child.send(task as object, (error) => error && console.error('A host worker process missed a task:', error.message)),
    onReply: (listener) => child.on('message', (reply) => !isReadySignal(reply) && listener(reply as Reply)),
    onExit: (listener) => void exitListeners.push(listener),
    terminate: () => void child.kill('SIGKILL'),
    memoryBytes: () => (exited ? null : residentBytes(child.pid)),
    ready,
  };
}

/** The browser host's ingest worker: a child process running the ingest entry (sharp, pdf.js, heic-decode). */
export function spawnIngestProcess(memoryMb: number = DEFAULT_WORKER_LIMITS.memoryMb): IngestWorker {
  return processWorker(INGEST_ENTRY, memoryMb);
}

/** The browser host's pack worker: a child process running the pack entry (pdfkit, sharp, zip). */
export function spawnPackProcess(memoryMb: number = DEFAULT_WORKER_LIMITS.memoryMb): PoolWorker<PackTask, PackReply> {
  return processWorker(PACK_ENTRY, memoryMb);
}
