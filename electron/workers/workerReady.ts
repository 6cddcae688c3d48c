/**
 * What a worker process says once its libraries are loaded and it listens for tasks. A job's
 * time bound starts then, not when the process was spawned: loading sharp and pdf.js into a fresh
 * process takes seconds on a slow laptop, and the file after a hostile one (whose worker was
 * killed) must not be refused for the time its new worker took to start.
 */
export const READY_SIGNAL = { kemasWorkerReady: true } as const;

export function isReadySignal(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>).kemasWorkerReady === true;
}
