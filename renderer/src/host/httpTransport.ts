import { decodeFrame, encodeFrame, FRAME_CONTENT_TYPE, hasBinary } from '#shared/contract/binaryFrame.ts';
import type { Channel } from '#shared/contract/channels.ts';
import { err, type Result } from '#shared/contract/result.ts';

/** One call to the browser host over HTTP: the page's own transport, and the upload worker's (httpWorker.ts). */
export async function httpCall(channel: Channel, request: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    // The launch token travels as an HttpOnly cookie set when the printed link was opened.
    // Files travel as binary frames; everything else as JSON.
    const binary = hasBinary(request);
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': binary ? FRAME_CONTENT_TYPE : 'application/json' },
      credentials: 'same-origin',
      body: binary ? (encodeFrame(request) as Uint8Array<ArrayBuffer>) : JSON.stringify(request ?? {}),
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
