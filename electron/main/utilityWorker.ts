import { utilityProcess } from 'electron';
import type { IngestReply, PoolWorker } from '../services/ingestPool.ts';

/**
 * The desktop app's pool worker: an Electron utilityProcess running the ingest
 * entry, so sharp never runs in (or blocks) the main process. On Linux the
 * worker is told to use sharp's WebAssembly build: native libvips and
 * Electron's glib clash there (electron#46323).
 */
export function spawnUtilityWorker(entry: string): PoolWorker {
  const env = { ...process.env, ...(process.platform === 'linux' ? { KEMAS_SHARP_WASM: '1' } : {}) };
  const child = utilityProcess.fork(entry, [], { serviceName: 'Kemas Studio image worker', stdio: 'ignore', env });
  return {
    post: (task) => child.postMessage(task),
    onReply: (listener) => child.on('message', (reply: IngestReply) => listener(reply)),
    onExit: (listener) => child.on('exit', listener),
    terminate: () => void child.kill(),
  };
}
