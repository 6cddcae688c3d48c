import { Worker } from 'node:worker_threads';
import type { IngestWorker } from '../services/ingestPool.ts';
import type { PoolWorker } from '../services/workerPool.ts';
import type { PackReply, PackTask } from '../services/packPool.ts';

const INGEST_ENTRY = new URL('../workers/ingestWorker.ts', import.meta.url);
const PACK_ENTRY = new URL('../workers/packWorker.ts', import.meta.url);

/**
 * A pool worker on a Node worker thread running `entry`. An uncaught error in
 * the thread is logged here: unheard, Node would rethrow it and take the whole
 * host down; the 'exit' that follows lets the pool fail the job and go on.
 */
export function threadWorker<Task, Reply>(entry: URL): PoolWorker<Task, Reply> {
  const worker = new Worker(entry);
  worker.on('error', (error) => console.error('A host worker thread stopped with an error:', error));
  return {
    post: (task) => worker.postMessage(task),
    onReply: (listener) => worker.on('message', (reply: Reply) => listener(reply)),
    onExit: (listener) => worker.on('exit', listener),
    terminate: () => void worker.terminate(),
  };
}

/** The browser host's pool worker: a Node worker thread running the ingest entry. */
export function spawnThreadWorker(): IngestWorker {
  return threadWorker(INGEST_ENTRY);
}

/** The browser host's pack worker: a Node worker thread running the pack entry (pdfkit, sharp, zip). */
export function spawnPackThreadWorker(): PoolWorker<PackTask, PackReply> {
  return threadWorker(PACK_ENTRY);
}
