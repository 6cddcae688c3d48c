// Inputs for the ingest tests, generated in code: sharp for images, a tiny
// hand-written PDF writer, hand-made PNG chunks. Nothing is read from disk.
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { IngestedFace, IngestOutcome } from '#shared/intake/ingestOutcome.ts';
import { ingestOutcomeSchema } from '#shared/intake/ingestOutcome.ts';

export const RED = '#ff0000';
export const BLUE = '#0000ff';
export const GREEN = '#00ff00';

/** A flat colour. */
export function solid(width: number, height: number, colour: string) {
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

/** `left` colour over the left `leftShare` of the width, `right` colour on the rest. */
export function twoColour(width: number, height: number, left: string, right: string, leftShare = 0.5) {
  const leftWidth = Math.round(width * leftShare);
  return solid(width, height, right).composite([
    { input: { create: { width: leftWidth, height, channels: 3, background: left } }, left: 0, top: 0 },
  ]);
}

/** Something photo-like (smooth colour variation plus grain) so encoders and resamplers do real work. */
export async function photoLike(width: number, height: number): Promise<Buffer> {
  const coarse = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 70 } } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  return sharp(coarse, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** RGB of one pixel of an encoded image. */
export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return Array.from(data.subarray(at, at + 3));
}

export function expectColourNear(actual: readonly number[], expected: readonly number[], tolerance = 12): void {
  expect(actual).toHaveLength(3);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] ?? 0)), `channel ${i} of [${actual.join(', ')}]`).toBeLessThanOrEqual(tolerance));
}

export function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}

/** The faces of an accepted file, after checking the outcome against the shared schema. */
export function facesOf(outcome: IngestOutcome): IngestedFace[] {
  const parsed = ingestOutcomeSchema.safeParse(outcome);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}: ${outcome.detail}`);
  return outcome.faces;
}

export function onlyFace(outcome: IngestOutcome): IngestedFace {
  const faces = facesOf(outcome);
  expect(faces).toHaveLength(1);
  return faces[0] as IngestedFace;
}

/** The reason a file was refused, after checking the outcome against the shared schema. */
export function reasonOf(outcome: IngestOutcome): string {
  expect(ingestOutcomeSchema.safeParse(outcome).success).toBe(true);
  if (outcome.ok) throw new Error(`accepted with ${outcome.faces.length} face(s), expected a refusal`);
  return outcome.reason;
}

// ---- PNG by hand -----------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A structurally valid PNG (correct CRCs) with the given IHDR size and IDAT payload. */
export function handMadePng(width: number, height: number, idat: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** The decompression bomb of the issue: a 100000×100000 header over a few bytes of data. */
export function pngBombHeader(): Buffer {
  return handMadePng(100_000, 100_000, deflateSync(Buffer.alloc(64)));
}

// ---- PDF by hand -----------------------------------------------------------

export interface PdfPage {
  widthPt: number;
  heightPt: number;
  /** Content stream operators, e.g. `1 0 0 rg 10 10 100 100 re f`. */
  content: string;
  rotate?: number;
}

/** A minimal PDF 1.4 with a correct xref table; `trailerExtra` adds entries to the trailer (e.g. /Encrypt). */
export function makePdf(pages: readonly PdfPage[], trailerExtra = ''): Buffer {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  pages.forEach((page, i) => {
    const pageObject = 3 + i * 2;
    const rotate = page.rotate ? ` /Rotate ${page.rotate}` : '';
    objects[pageObject] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.widthPt} ${page.heightPt}]${rotate} /Contents ${pageObject + 1} 0 R >>`;
    objects[pageObject + 1] = `<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n += 1) {
    offsets[n] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n += 1) pdf += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A4 in points (210 × 297 mm at 72 pt per inch). */
export const A4_PT = { widthPt: 595.28, heightPt: 841.89 } as const;

/**
 * Standard security handler, revision 2, with a user password: /U cannot match
 * the empty password, so pdf.js asks for one (PasswordException).
 */
export const ENCRYPT_WITH_PASSWORD =
  `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'00'.repeat(32)}> /U <${'11'.repeat(32)}> /P -4 >> ` +
  '/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ';

// ---- HEIC --------------------------------------------------------------------

/**
 * A real 64×48 HEIC (HEVC, 902 bytes): left half #d02020, right half #2040d0,
 * EXIF Make "Apple", Model "iPhone 13", DateTimeOriginal 2024:05:01 10:20:30
 * +07:00. No encoder is available to the tests (sharp's prebuilt libheif
 * decodes AV1 only and libheif-js has no encoder), so it was made once with
 * `heif-enc -q 60` (libheif 1.15.1, x265) from a JPEG generated by sharp.
 */
export const HEIC_SAMPLE = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAeFtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA' +
    'AA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAAExpbG9jAQAAAERAAAMAAQAAAAAAAAIFAAEAAAAAAAAAbQACAAEAAAAAAAAA' +
    'AQAAAAAAAAAIAAMAAAAAAAACcgABAAAAAAAAARQAAABNaWluZgAAAAAAAwAAABVpbmZlAgAAAQABAABodmMxAAAAABVpbmZlAgAA' +
    'AAACAABncmlkAAAAABVpbmZlAgAAAQADAABFeGlmAAAAANVpcHJwAAAAs2lwY28AAABzaHZjQwEDcAAAAAAAAAAAAB7wAPz9+PgA' +
    'AA8DIAABABhAAQwB//8DcAAAAwCQAAADAAADAB66AkAhAAEAJ0IBAQNwAAADAJAAAAMAAAMAHqAggQWW6uSmubAgAAADACAAAAMA' +
    'ISIAAQAGRAHBc8CJAAAAFGlzcGUAAAAAAAAAQAAAAEAAAAAUaXNwZQAAAAAAAABAAAAAMAAAABBwaXhpAAAAAAMICAgAAAAaaXBt' +
    'YQAAAAAAAAACAAECgQIAAgIDhAAAAChpcmVmAAAAAAAAAA5kaW1nAAIAAQABAAAADmNkc2MAAwABAAIAAAGJbWRhdAAAAGkoAa8J' +
    '4DkjJL//+Wm///hv3kP3IZ7kn//MIHSKrcLq/GHM2kgyblfhjwwPpdK8flSBPPi7nziQRklMktbrMJ84+F7gmXUfgyHQwBhuKwDA' +
    'm2bNmsreYwpi9JFayvlzSJnrbG7cLqLIUgUAAAAASUkqAAgAAAAIAA8BAgAGAAAAiAAAABABAgAKAAAAfgAAABIBAwABAAAAAQAA' +
    'ABoBBQABAAAAbgAAABsBBQABAAAAdgAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAjgAAAAAAAAA4YwAA6AMAADhj' +
    'AADoAwAAaVBob25lIDEzAEFwcGxlAAgAAJAHAAQAAAAwMjEwA5ACABQAAAD8AAAAEZACAAcAAAD0AAAAAZEHAAQAAAABAgMAAKAH' +
    'AAQAAAAwMTAwAaADAAEAAAD//wAAAqAEAAEAAABAAAAAA6AEAAEAAAAwAAAAAAAAACswNzowMAAAMjAyNDowNTowMSAxMDoyMDoz' +
    'MAA=',
  'base64',
);

/**
 * A real 64×48 HEIC in Display P3 (the colour space of iPhone photos), made
 * like HEIC_SAMPLE from a JPEG whose sRGB halves #dc2828 and #28a03c were
 * converted to P3 (stored values about #ca3c32 and #509e4a).
 */
export const HEIC_P3_SAMPLE = Buffer.from(
    'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAA5dtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA' +
    'AA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAO7AAEAAAAAAAAAlAACAAEAAAAAAAAA' +
    'AQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAALCaXBycAAA' +
    'Ap9pcGNvAAAAc2h2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACdCAQED' +
    'cAAAAwCQAAADAAADAB6gIIEFlurkprmwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUA' +
    'AAAAAAAAQAAAADAAAAHsY29scnByb2YAAAHgbGNtcwQgAABtbnRyUkdCIFhZWiAH4gADABQACQAOAB1hY3NwTVNGVAAAAABzYXdz' +
    'Y3RybAAAAAAAAAAAAAAAAAAA9tYAAQAAAADTLWhhbmSC4qhyi4o/9yU+uZLuJNauAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAApkZXNjAAAA/AAAACRjcHJ0AAABIAAAACJ3dHB0AAABRAAAABRjaGFkAAABWAAAACxyWFlaAAABhAAAABRnWFlaAAABmAAA' +
    'ABRiWFlaAAABrAAAABRyVFJDAAABwAAAACBnVFJDAAABwAAAACBiVFJDAAABwAAAACBtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgA' +
    'AAAcAHMAUAAzAENtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAYAAAAcAEMAQwAwAABYWVogAAAAAAAA9tYAAQAAAADTLXNmMzIAAAAA' +
    'AAEMQgAABd7///MlAAAHkwAA/ZD///uh///+TgAAA5oAAMAUWFlaIAAAAAAAAIPfAAA9vwAAAABYWVogAAAAAAAASr8AALE3AAAK' +
    'tVhZWiAAAAAAAAAoOAAAEQoAAMh4cGFyYQAAAAAAAwAAAAJmaQAA8qcAAA1ZAAAT0AAAClsAAAAQcGl4aQAAAAADCAgIAAAAG2lw' +
    'bWEAAAAAAAAAAgABAoECAAIDA4SFAAAAGmlyZWYAAAAAAAAADmRpbWcAAgABAAEAAACcbWRhdAAAAJAoAa8E+HFk07f/LD///9Uj' +
    'ey/ozuDEkP8ZAQg9KhNsFldfVruy7FsphS90gtgGX4EK2wrYTDv0HRug6ncO8q5sLws25/1ZeqxiRhpq6jfErpkfC3ZPda2EKAiA' +
    '2mrHc08QdJEOaBTyOE2YUL0uFLifa/oogqJKXByiXtwa37UfDgg7VYVNE3RZPFUABniGl04=',
  'base64',
);

/** Just an ISO-BMFF ftyp box with the given brands, and nothing decodable after it. */
export function ftypOnly(major: string, compatible: readonly string[]): Buffer {
  const size = 16 + compatible.length * 4;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return box;
}
