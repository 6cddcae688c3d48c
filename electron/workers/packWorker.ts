import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { PackReply, PackTask } from '../services/packPool.ts';
import { READY_SIGNAL } from './workerReady.ts';
import { renderPackRequest } from '../services/packExport/renderPackRequest.ts';
import { renderSummaryRequest } from '../services/packExport/renderSummaryRequest.ts';

/**
 * The pack worker: a child process (browser host) or an Electron
 * utilityProcess (desktop). It draws one document at a time, a critique pack
 * (pdfkit, sharp for the pictures, fflate for the ZIP) or a session's summary
 * report (pdfkit), so neither the browser host's server nor Electron's main
 * process waits for it.
 */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// The pool runs packs side by side, one per worker: libvips gets one thread each.
sharp.concurrency(1);

const utilityPort = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;

async function handle(task: PackTask, reply: (message: PackReply) => void): Promise<void> {
  try {
    const value = task.document === 'summary' ? await renderSummaryRequest(task.request) : await renderPackRequest(task.request);
    reply({ id: task.id, ok: true, value });
  } catch (error) {
    reply({ id: task.id, ok: false, message: (error instanceof Error ? error.message : String(error)).slice(0, 500) });
  }
}

if (utilityPort) {
  utilityPort.on('message', (event) => void handle(event.data as PackTask, (m) => utilityPort.postMessage(m)));
  utilityPort.postMessage(READY_SIGNAL);
} else if (parentPort) {
  const port = parentPort;
  port.on('message', (task: PackTask) => void handle(task, (m) => port.postMessage(m)));
} else if (process.send) {
  // A child process of the browser host (web/processWorker.ts).
  process.on('message', (task: PackTask) => void handle(task, (m) => process.send?.(m)));
  process.send(READY_SIGNAL);
  // The host is gone (even killed outright): nothing is left to answer to.
  process.on('disconnect', () => process.exit(0));
}
