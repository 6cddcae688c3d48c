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

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/**
 * True when `value` holds a binary leaf anywhere, so it needs a frame rather than JSON.
 * A leaf is a Uint8Array unless `isLeaf` says otherwise (the renderer also sends files).
 */
export function hasBinary(value: unknown, isLeaf: (value: unknown) => boolean = isBytes): boolean {
  if (isLeaf(value)) return true;
  if (Array.isArray(value)) return value.some((item) => hasBinary(item, isLeaf));
  if (value !== null && typeof value === 'object') return Object.values(value).some((item) => hasBinary(item, isLeaf));
  return false;
}

/**
 * A frame as its head (the lengths and the JSON) and its binary leaves in order,
 * for a sender that hands the leaves over without copying them into one array:
 * the renderer sends `new Blob([head, ...leaves])`, so a picked file streams to
 * the host from disk. `isLeaf` and `lengthOf` say what a binary leaf is.
 */
export function framePieces<Leaf>(
  value: unknown,
  isLeaf: (value: unknown) => value is Leaf,
  lengthOf: (leaf: Leaf) => number,
): { head: Uint8Array; leaves: Leaf[] } {
  const leaves: Leaf[] = [];
  const json = new TextEncoder().encode(
    JSON.stringify(value, (_key, v: unknown) => {
      if (!isLeaf(v)) return v;
      leaves.push(v);
      return { $bin: leaves.length - 1 };
    }),
  );
  const head = new Uint8Array(4 + json.length + 4 + 4 * leaves.length);
  const view = new DataView(head.buffer);
  view.setUint32(0, json.length);
  head.set(json, 4);
  let at = 4 + json.length;
  view.setUint32(at, leaves.length);
  for (const leaf of leaves) view.setUint32((at += 4), lengthOf(leaf));
  return { head, leaves };
}

export function encodeFrame(value: unknown): Uint8Array {
  const { head, leaves } = framePieces(value, isBytes, (bytes) => bytes.length);
  const out = new Uint8Array(head.length + leaves.reduce((n, leaf) => n + leaf.length, 0));
  out.set(head);
  let at = head.length;
  for (const leaf of leaves) {
    out.set(leaf, at);
    at += leaf.length;
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
