import { utilityProcess } from 'electron';
import type { IngestReply, IngestTask, PoolWorker } from '../services/ingestPool.ts';

/**
 * The desktop app's pool worker: an Electron utilityProcess running a worker
 * entry (ingest or pack), so sharp and pdfkit never run in (or block) the main
 * process. On Linux native addons are switched off there, so sharp falls back
 * to its WebAssembly build: native libvips and Electron's glib clash
 * (electron#46323).
 */
export function spawnUtilityWorker<Task = IngestTask, Reply = IngestReply>(
  entry: string,
  serviceName = 'Kemas Studio image worker',
): PoolWorker<Task, Reply> {
  const execArgv = process.platform === 'linux' ? ['--no-addons'] : [];
  const child = utilityProcess.fork(entry, [], { serviceName, stdio: 'ignore', execArgv });
  // A fatal V8 error in the child is emitted as 'error' before its 'exit': unheard, it would be
  // rethrown in the main process. The pool learns of the death from 'exit' and fails the job.
  child.on('error', (type, location) => console.error(`${serviceName} stopped: ${type} at ${location}`));
  return {
    post: (task) => child.postMessage(task),
    onReply: (listener) => child.on('message', (reply: Reply) => listener(reply)),
    onExit: (listener) => child.on('exit', listener),
    terminate: () => void child.kill(),
  };
}
