/**
 * CRC-32 (for the ZIP container) in pure TypeScript, and SHA-256 (for the manifest's file list)
 * through the platform's `crypto.subtle`, which every runtime the studio runs in has: Electron's
 * app scheme and the browser host's loopback origin are secure contexts, workers and Node 24 too.
 * shared/ sees neither DOM nor Node types, hence the narrow look-up below.
 */

type Digest = (algorithm: string, data: Uint8Array) => Promise<ArrayBuffer>;

/** A function giving the lower-case hex SHA-256 of some bytes. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  // Slicing-by-8: eight bytes per step, several times faster than a byte at a time.
  for (let n = 0; n < 256; n += 1) {
    for (let k = 1; k < 8; k += 1) {
      const prev = table[(k - 1) * 256 + n]!;
      table[k * 256 + n] = (prev >>> 8) ^ table[prev & 0xff]!;
    }
  }
  return table;
})();

/** CRC-32 of `data` (as ZIP uses it), continuing from `crc` for data given in pieces. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLE;
  let c = ~crc >>> 0;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const a = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) ^ c;
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + (b & 0xff)]! ^
      t[512 + ((b >>> 8) & 0xff)]! ^
      t[256 + ((b >>> 16) & 0xff)]! ^
      t[b >>> 24]!;
  }
  for (; i < data.length; i += 1) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += HEX[b]!;
  return hex;
}

function platformDigest(): Digest {
  const subtle = (globalThis as { crypto?: { subtle?: { digest?: Digest } } }).crypto?.subtle;
  if (typeof subtle?.digest !== 'function') throw new Error('This runtime has no crypto.subtle (not a secure context?)');
  return subtle.digest.bind(subtle);
}

/** SHA-256 through `crypto.subtle`, as lower-case hex. */
export const sha256: Sha256 = async (bytes) => toHex(new Uint8Array(await platformDigest()('SHA-256', bytes)));
