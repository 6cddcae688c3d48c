import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { IngestReply, IngestTask } from '../services/ingestPool.ts';
import { READY_SIGNAL } from './workerReady.ts';
import { ingestFile } from '../services/ingest/ingestFile.ts';

/**
 * The ingest worker: a child process (browser host) or an Electron
 * utilityProcess (desktop). It runs one file at a time; the pool runs one
 * worker per core, so libvips gets one thread each.
 */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

sharp.concurrency(1);

const utilityPort = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;

// Replies are copied, not transferred: sharp's buffers may share Node's pooled memory.
async function handle(task: IngestTask, reply: (message: IngestReply) => void): Promise<void> {
  try {
    reply({ id: task.id, outcome: await ingestFile(task.bytes, task.fileName, task.limits) });
  } catch (error) {
    // ingestFile answers bad files itself; a throw means a decoder library could not load.
    const detail = `Decoder unavailable: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
    reply({ id: task.id, outcome: { ok: false, reason: 'decode-failed', detail } });
  }
}

if (utilityPort) {
  utilityPort.on('message', (event) => void handle(event.data as IngestTask, (m) => utilityPort.postMessage(m)));
  utilityPort.postMessage(READY_SIGNAL);
} else if (parentPort) {
  const port = parentPort;
  port.on('message', (task: IngestTask) => void handle(task, (m) => port.postMessage(m)));
} else if (process.send) {
  // A child process of the browser host (web/processWorker.ts).
  process.on('message', (task: IngestTask) => void handle(task, (m) => process.send?.(m)));
  process.send(READY_SIGNAL);
  // The host is gone (even killed outright): nothing is left to answer to.
  process.on('disconnect', () => process.exit(0));
}
