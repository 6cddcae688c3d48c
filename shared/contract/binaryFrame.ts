/**
 * A frame that carries a JSON value with binary leaves (Uint8Array) over HTTP,
 * where JSON alone would inflate image bytes by a third as base64.
 *
 * Layout: u32 JSON length | JSON (UTF-8) | u32 count | count × u32 length | bytes…
 * Binary leaves are replaced in the JSON by `{ "$bin": index }`.
 */

// Both hosts' runtimes have these globals; shared/ sees neither DOM nor Node types.
declare const TextEncoder: new () => { encode(input: string): Uint8Array };
declare const TextDecoder: new () => { decode(input: Uint8Array): string };

export const FRAME_CONTENT_TYPE = 'application/vnd.kemas.frame';

/** True when `value` holds a Uint8Array anywhere, so it needs a frame rather than JSON. */
export function hasBinary(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(hasBinary);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasBinary);
  return false;
}

export function encodeFrame(value: unknown): Uint8Array {
  const parts: Uint8Array[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      parts.push(v);
      return { $bin: parts.length - 1 };
    }
    return v;
  });
  const head = new TextEncoder().encode(json);
  const size = 4 + head.length + 4 + 4 * parts.length + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  view.setUint32(at, head.length);
  out.set(head, (at += 4));
  view.setUint32((at += head.length), parts.length);
  at += 4;
  for (const part of parts) {
    view.setUint32(at, part.length);
    at += 4;
  }
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export class FrameError extends Error {}

/** Decodes a frame; throws FrameError when the bytes are not a well-formed frame. */
export function decodeFrame(frame: Uint8Array): unknown {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const need = (n: number, at: number) => {
    if (at + n > frame.length) throw new FrameError('Truncated frame');
  };
  need(4, 0);
  const jsonLength = view.getUint32(0);
  need(jsonLength + 4, 4);
  const json = new TextDecoder().decode(frame.subarray(4, 4 + jsonLength));
  let at = 4 + jsonLength;
  const count = view.getUint32(at);
  at += 4;
  need(4 * count, at);
  const lengths: number[] = [];
  for (let i = 0; i < count; i++, at += 4) lengths.push(view.getUint32(at));
  const parts: Uint8Array[] = [];
  for (const length of lengths) {
    need(length, at);
    parts.push(frame.slice(at, at + length));
    at += length;
  }
  if (at !== frame.length) throw new FrameError('Trailing bytes after frame');
  try {
    return JSON.parse(json, (_key, v: unknown) => {
      if (v !== null && typeof v === 'object' && '$bin' in v) {
        const part = parts[(v as { $bin: number }).$bin];
        if (!part) throw new FrameError('Frame refers to a missing part');
        return part;
      }
      return v;
    });
  } catch (error) {
    throw error instanceof FrameError ? error : new FrameError('Frame JSON is malformed');
  }
}
