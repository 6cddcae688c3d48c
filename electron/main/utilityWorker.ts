import { app, utilityProcess } from 'electron';
import type { IngestReply, IngestTask } from '../services/ingestPool.ts';
import type { PoolWorker } from '../services/workerPool.ts';

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
 * The desktop app's pool worker: an Electron utilityProcess running a worker
 * entry (ingest or pack), so sharp and pdfkit never run in (or block) the main
 * process.
 */
export function spawnUtilityWorker<Task = IngestTask, Reply = IngestReply>(
  entry: string,
  serviceName = 'Kemas Studio image worker',
): PoolWorker<Task, Reply> {
  const execArgv = utilityExecArgv(process.platform, app.isPackaged);
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
