import { buffersOf, httpCall, type WorkerAnswer, type WorkerCall } from './httpTransport.ts';

/*
 * Sends the browser host's calls that carry files (an import's photos, a
 * pack's pictures) from a worker. Handing Chromium a request body of several
 * megabytes, and reading a large answer, held the page's main thread for
 * hundreds of milliseconds a file while the machine was busy decoding the
 * files before it: here only this worker waits.
 */
/** The worker's own scope (the renderer's types describe a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerCall>) => void) | null;
  postMessage(message: WorkerAnswer, transfer: Transferable[]): void;
};
scope.onmessage = (event) => {
  const { id, channel, request } = event.data;
  void httpCall(channel, request).then((result) => {
    // The answer's image bytes are handed back, not copied: nothing here keeps them.
    scope.postMessage({ id, result } satisfies WorkerAnswer, buffersOf(result));
  });
};
