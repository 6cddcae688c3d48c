import { Worker } from 'node:worker_threads';
import type { IngestReply, PoolWorker } from '../services/ingestPool.ts';

const ENTRY = new URL('../workers/ingestWorker.ts', import.meta.url);

/** The browser host's pool worker: a Node worker thread running the ingest entry. */
export function spawnThreadWorker(): PoolWorker {
  const worker = new Worker(ENTRY);
  return {
    post: (task) => worker.postMessage(task),
    onReply: (listener) => worker.on('message', (reply: IngestReply) => listener(reply)),
    onExit: (listener) => worker.on('exit', listener),
    terminate: () => void worker.terminate(),
  };
}
