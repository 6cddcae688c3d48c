import { app, utilityProcess, type UtilityProcess } from 'electron';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';
import type { IngestReply, IngestTask } from '../services/ingestPool.ts';
import type { PoolWorker } from '../services/workerPool.ts';
import { isReadySignal } from '../workers/workerReady.ts';

/**
 * Node options of a utility worker. Native libvips and Electron's glib clash on
 * Linux (electron#46323), so sharp must load its WebAssembly build there. The
 * Linux package leaves the native sharp out (electron-builder.yml), so sharp
 * falls back by itself and the other native addon, the PDF rasteriser's canvas
 * (@napi-rs/canvas, which carries no glib), still loads. Unpackaged, the native
 * sharp is in node_modules: addons are switched off altogether, which also
 * switches off PDF pages in a development build on Linux.
 */
export function utilityExecArgv(platform: NodeJS.Platform, packaged: boolean): string[] {
  return platform === 'linux' && !packaged ? ['--no-addons'] : [];
}

/**
 * Kills a utility process outright. Its own `kill()` asks with SIGTERM; a
 * process whose libvips threads are deep in a filter bomb must go at once.
 */
function killNow(child: UtilityProcess): void {
  try {
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    else child.kill();
  } catch {
    child.kill();
  }
}

/** A utility process's working set in bytes, from Electron's process metrics; null once it is gone. */
function workingSetBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const metric = app.getAppMetrics().find((m) => m.pid === pid);
  return metric ? metric.memory.workingSetSize * 1024 : null;
}

/**
 * The desktop app's pool worker: an Electron utilityProcess running a worker
 * entry (ingest or pack), so sharp and pdfkit never run in (or block) the main
 * process.
 */
export function spawnUtilityWorker<Task = IngestTask, Reply = IngestReply>(
  entry: string,
  serviceName = 'Kemas Studio image worker',
  memoryMb = DEFAULT_WORKER_LIMITS.memoryMb,
): PoolWorker<Task, Reply> {
  // The JavaScript heap gets the bound plus headroom: the pool's watch of the whole process stops it first.
  const execArgv = [...utilityExecArgv(process.platform, app.isPackaged), `--max-old-space-size=${memoryMb + 256}`];
  const child = utilityProcess.fork(entry, [], { serviceName, stdio: 'ignore', execArgv });
  // A fatal V8 error in the child is emitted as 'error' before its 'exit': unheard, it would be
  // rethrown in the main process. The pool learns of the death from 'exit' and fails the job.
  child.on('error', (type, location) => console.error(`${serviceName} stopped: ${type} at ${location}`));
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.on('message', (message: unknown) => isReadySignal(message) && markReady());
  return {
    post: (task) => child.postMessage(task),
    onReply: (listener) => child.on('message', (reply: Reply) => !isReadySignal(reply) && listener(reply)),
    onExit: (listener) => child.on('exit', listener),
    terminate: () => killNow(child),
    memoryBytes: () => workingSetBytes(child.pid),
    ready,
  };
}
