import { decodeFrame, FRAME_CONTENT_TYPE, framePieces, hasBinary } from '#shared/contract/binaryFrame.ts';
import type { Channel } from '#shared/contract/channels.ts';
import { err, type Result } from '#shared/contract/result.ts';

/** A binary leaf of a request: bytes, or a file (any Blob) the host reads as its bytes. */
export const isBinaryLeaf = (value: unknown): value is Uint8Array | Blob => value instanceof Uint8Array || value instanceof Blob;

/** True when a request carries bytes or files, and so travels as a binary frame. */
export const carriesBinary = (request: unknown): boolean => hasBinary(request, isBinaryLeaf);

/**
 * A request as a binary frame (shared/contract/binaryFrame.ts) in a Blob of its
 * pieces: a file's bytes stream from disk and are never read into the page. A
 * Blob body also costs Chromium a tenth of the CPU of the same bytes as a
 * Uint8Array body (measured: ~170 ms of CPU for a 4 MB array, the page's
 * cores taken while photos import).
 */
export function frameBlob(request: unknown): Blob {
  const { head, leaves } = framePieces(request, isBinaryLeaf, (leaf) => (leaf instanceof Blob ? leaf.size : leaf.length));
  return new Blob([head, ...leaves] as BlobPart[]);
}

/** One call to the browser host over HTTP: the page's own transport, and the upload worker's (httpWorker.ts). */
export async function httpCall(channel: Channel, request: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    // The launch token travels as an HttpOnly cookie set when the printed link was opened.
    // Files travel as binary frames; everything else as JSON.
    const binary = carriesBinary(request);
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': binary ? FRAME_CONTENT_TYPE : 'application/json' },
      credentials: 'same-origin',
      body: binary ? frameBlob(request) : JSON.stringify(request ?? {}),
    });
  } catch (error) {
    return err('internal', `Host unreachable: ${String(error)}`);
  }
  if (response.status === 401 || response.status === 403) return err('forbidden', `Host refused: ${response.status}`);
  try {
    if (response.headers.get('Content-Type') === FRAME_CONTENT_TYPE) {
      return decodeFrame(new Uint8Array(await response.arrayBuffer())) as Result<unknown>;
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return err('internal', `Host answered ${response.status} without a result`);
  }
}

/** The buffers of every Uint8Array in `value`, to hand them over rather than copy them. */
export function buffersOf(value: unknown, found: ArrayBuffer[] = []): ArrayBuffer[] {
  if (value instanceof Uint8Array) {
    if (value.buffer instanceof ArrayBuffer && !found.includes(value.buffer)) found.push(value.buffer);
  } else if (Array.isArray(value)) for (const item of value) buffersOf(item, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) buffersOf(item, found);
  return found;
}

/** A call for the upload worker, and its answer. */
export interface WorkerCall {
  id: number;
  channel: Channel;
  request: unknown;
}
export interface WorkerAnswer {
  id: number;
  result: Result<unknown>;
}
