import type { InputFormat } from '#shared/intake/faceMetadata.ts';
import { IngestRefusal, messageOf } from './rejection.ts';

/** What libjpeg, libpng, libtiff, libwebp, libheif and giflib say when the data stops early. */
const TRUNCATION_MESSAGE = /premature end|truncat|unexpected end|end of (?:file|stream|data)|not enough data|short read|incomplete/i;

/**
 * Turns a sharp (libvips) failure into the reason a person will read.
 * Library messages for a cut-off file vary ("libpng read error"), so when the
 * message is vague the file's structure decides: a PNG without IEND, a JPEG
 * without its end marker, a box running past the end of an AVIF were cut short.
 */
export function refusalForDecodeError(error: unknown, format: InputFormat, bytes: Uint8Array): IngestRefusal {
  if (error instanceof IngestRefusal) return error;
  const message = messageOf(error);
  if (/pixel limit/i.test(message)) return new IngestRefusal('too-many-pixels', message);
  if (TRUNCATION_MESSAGE.test(message) || looksTruncated(format, bytes)) return new IngestRefusal('truncated', message);
  return new IngestRefusal('decode-failed', message);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(Math.max(0, start), Math.max(0, end)));
}

export function looksTruncated(format: InputFormat, bytes: Uint8Array): boolean {
  const n = bytes.length;
  switch (format) {
    case 'png':
      return ascii(bytes, n - 8, n - 4) !== 'IEND';
    case 'jpeg': {
      // Encoders may pad after the end-of-image marker with zeros.
      let end = n;
      while (end > 2 && bytes[end - 1] === 0x00) end -= 1;
      return !(bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9);
    }
    case 'gif':
      return bytes[n - 1] !== 0x3b;
    case 'webp': {
      const declared = n >= 8 ? new DataView(bytes.buffer, bytes.byteOffset, n).getUint32(4, true) : 0;
      return declared + 8 > n;
    }
    case 'avif':
    case 'heic':
      return isoBoxesOverrun(bytes);
    default:
      return false;
  }
}

/** Walks the top-level ISO-BMFF boxes; a box that claims more bytes than remain means the file was cut. */
function isoBoxesOverrun(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = view.getUint32(offset);
    if (size === 1) {
      if (offset + 16 > bytes.length) return true;
      size = Number(view.getBigUint64(offset + 8));
    } else if (size === 0) {
      return false; // "to the end of the file"
    }
    if (size < 8) return false; // malformed rather than cut: let the decoder's message stand
    offset += size;
  }
  return offset > bytes.length;
}
