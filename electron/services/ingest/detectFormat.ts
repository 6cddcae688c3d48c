import type { InputFormat } from '#shared/intake/faceMetadata.ts';
import { decodeText, looksLikeText } from './textBytes.ts';

export type FormatDetection =
  | { kind: 'image'; format: InputFormat }
  /** A binary format we recognise or not, but cannot import; `what` names it for the log. */
  | { kind: 'unsupported'; what: string }
  /** Readable text that is not SVG: a renamed .txt, .csv, .html… */
  | { kind: 'text' };

/** ISO-BMFF brands (ftyp box) of HEIF stills and sequences that carry HEVC or are generic HEIF. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** Well-known formats people send by mistake; named so the log says what arrived. */
const KNOWN_UNSUPPORTED: readonly { magic: readonly number[] | string; offset?: number; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP archive (also .docx, .xlsx, .pptx, .odt)' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'empty ZIP archive' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'legacy Office document (.doc, .xls, .ppt)' },
  { magic: '8BPS', what: 'Photoshop document (.psd)' },
  { magic: '%!PS', what: 'PostScript / EPS' },
  { magic: [0xc5, 0xd0, 0xd3, 0xc6], what: 'EPS with preview' },
  { magic: [0x00, 0x00, 0x01, 0x00], what: 'Windows icon (.ico)' },
  { magic: [0xff, 0x0a], what: 'JPEG XL' },
  { magic: [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20], what: 'JPEG XL' },
  { magic: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20], what: 'JPEG 2000' },
  { magic: [0xff, 0x4f, 0xff, 0x51], what: 'JPEG 2000 codestream' },
  { magic: [0x1f, 0x8b], what: 'gzip-compressed file (e.g. .svgz)' },
  { magic: 'Rar!', what: 'RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7-Zip archive' },
  { magic: 'CDR', offset: 8, what: 'CorelDRAW drawing' },
  { magic: 'AVI ', offset: 8, what: 'AVI video' },
  { magic: 'WAVE', offset: 8, what: 'WAV audio' },
  { magic: [0x1a, 0x45, 0xdf, 0xa3], what: 'Matroska / WebM video' },
];

function startsWith(bytes: Uint8Array, magic: readonly number[] | string, offset = 0): boolean {
  const expected = typeof magic === 'string' ? Array.from(magic, (c) => c.charCodeAt(0)) : magic;
  if (bytes.length < offset + expected.length) return false;
  return expected.every((value, i) => bytes[offset + i] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Reads the ftyp box of an ISO-BMFF file (HEIF, AVIF, MP4, MOV…): major and compatible brands. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const declared = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const boxEnd = Math.min(declared >>> 0, bytes.length, 4096);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}

function detectIsoMedia(brands: string[]): FormatDetection {
  const major = brands[0] ?? '';
  // AVIF files usually declare mif1/miaf as well; any AVIF brand means AV1, which sharp decodes.
  if (AVIF_BRANDS.has(major) || brands.some((brand) => AVIF_BRANDS.has(brand))) return { kind: 'image', format: 'avif' };
  if (HEIF_BRANDS.has(major) || brands.some((brand) => HEIF_BRANDS.has(brand))) return { kind: 'image', format: 'heic' };
  return { kind: 'unsupported', what: `ISO media file (brand "${major.trim()}"), e.g. a video` };
}

/** `%PDF-` may follow a little junk (some generators prepend bytes); readers accept it within the first kilobyte. */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i += 1) {
    if (head[i] === 0x25 && startsWith(head, '%PDF-', i)) return true;
  }
  return false;
}

/**
 * Each part ends at its first possible terminator (`-->`, `?>`, `]`), so a
 * hostile prolog cannot make the match backtrack: the time stays linear.
 */
const SVG_PROLOG =
  /^\uFEFF?\s*(?:(?:<!--(?:[^-]|-(?!->))*-->|<\?(?:[^?]|\?(?!>))*\?>|<!DOCTYPE(?:[^[>]|\[[^\]]*\])*>)\s*)*<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/i;

/**
 * SVG when the first element is `<svg`, after an optional XML declaration,
 * comments, processing instructions and a DOCTYPE (Illustrator writes one
 * with an internal subset).
 */
export function isSvgText(text: string): boolean {
  return SVG_PROLOG.test(text);
}

/** Decides what the bytes are, never trusting the file name. */
export function detectFormat(bytes: Uint8Array): FormatDetection {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' };
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return { kind: 'image', format: 'gif' };
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return { kind: 'image', format: 'webp' };
  // Classic TIFF (42) and BigTIFF (43), both byte orders.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'image', format: 'tiff' };
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) {
    return { kind: 'image', format: 'tiff' };
  }
  const brands = ftypBrands(bytes);
  if (brands) return detectIsoMedia(brands);
  if (isPdf(bytes)) return { kind: 'image', format: 'pdf' };

  // 64 KiB covers the longest prologs seen (Illustrator's DOCTYPE and metadata comments).
  if (isSvgText(decodeText(bytes.subarray(0, 65536)))) return { kind: 'image', format: 'svg' };

  for (const known of KNOWN_UNSUPPORTED) {
    if (startsWith(bytes, known.magic, known.offset)) return { kind: 'unsupported', what: known.what };
  }
  // "BM" alone is too weak (a text may start with it): BMP's reserved header bytes 6–9 are zero.
  if (startsWith(bytes, 'BM') && startsWith(bytes, [0, 0, 0, 0], 6)) return { kind: 'unsupported', what: 'BMP bitmap' };
  if (looksLikeText(bytes)) return { kind: 'text' };
  return { kind: 'unsupported', what: 'unrecognised binary data' };
}
