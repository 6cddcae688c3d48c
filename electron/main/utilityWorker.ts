import { utilityProcess } from 'electron';
import type { IngestReply, PoolWorker } from '../services/ingestPool.ts';

/**
 * The desktop app's pool worker: an Electron utilityProcess running the ingest
 * entry, so sharp never runs in (or blocks) the main process. On Linux native
 * addons are switched off there, so sharp falls back to its WebAssembly build:
 * native libvips and Electron's glib clash (electron#46323).
 */
export function spawnUtilityWorker(entry: string): PoolWorker {
  const execArgv = process.platform === 'linux' ? ['--no-addons'] : [];
  const child = utilityProcess.fork(entry, [], { serviceName: 'Kemas Studio image worker', stdio: 'ignore', execArgv });
  return {
    post: (task) => child.postMessage(task),
    onReply: (listener) => child.on('message', (reply: IngestReply) => listener(reply)),
    onExit: (listener) => child.on('exit', listener),
    terminate: () => void child.kill(),
  };
}
