import type { InputFormat } from '#shared/intake/faceMetadata.ts';
import type { IngestedFace, IngestLimits, IngestOutcome } from '#shared/intake/ingestOutcome.ts';
import { DependencyUnavailable } from './dependencies.ts';
import { detectFormat } from './detectFormat.ts';
import { heicFace } from './heicFace.ts';
import { describeOriginal, type OriginalFile } from './imageMetadata.ts';
import { pdfFaces } from './pdfFaces.ts';
import { rasterFace } from './rasterFace.ts';
import { IngestRefusal, messageOf, refusal } from './rejection.ts';
import { resolveSharp, type SharpFactory, type SharpModule } from './sharpModule.ts';
import { svgFace } from './svgFace.ts';

function facesOf(sharp: SharpFactory, format: InputFormat, bytes: Uint8Array, limits: IngestLimits, original: OriginalFile): Promise<IngestedFace[]> {
  switch (format) {
    case 'pdf':
      return pdfFaces(sharp, bytes, limits, original);
    case 'svg':
      return svgFace(sharp, bytes, limits, original).then((face) => [face]);
    case 'heic':
      return heicFace(sharp, bytes, limits, original).then((face) => [face]);
    default:
      return rasterFace(sharp, format, bytes, limits, original).then((face) => [face]);
  }
}

/**
 * Turns one submitted file into faces (one per image, one per PDF page) with
 * metadata, palette, preview and thumbnail — or says why it was refused.
 *
 * Never throws for a bad file: every hostile, broken or foreign input gives
 * `{ ok: false, reason, detail }`. It throws only when the pipeline itself is
 * broken (a library that cannot load). `bytes` are read, never modified.
 * Sets no global sharp state (concurrency, cache): that is the worker's job.
 *
 * @param sharpModule the `sharp` module namespace to use (e.g. one backed by
 *   the WebAssembly build); defaults to `await import('sharp')`.
 */
export async function ingestFile(
  bytes: Uint8Array,
  fileName: string,
  limits: IngestLimits,
  sharpModule?: SharpModule,
): Promise<IngestOutcome> {
  if (bytes.byteLength === 0) return refusal('empty', `${fileName}: 0 bytes`);
  // Before any other work, hashing included: an oversized file costs nothing to refuse.
  if (bytes.byteLength > limits.maxFileBytes) {
    return refusal('too-large', `${fileName}: ${bytes.byteLength} bytes exceeds the limit of ${limits.maxFileBytes}`);
  }

  const detection = detectFormat(bytes);
  if (detection.kind === 'text') return refusal('not-an-image', `${fileName}: the file holds text, not an image`);
  if (detection.kind === 'unsupported') return refusal('unsupported-format', `${fileName}: ${detection.what}`);

  const sharp = await resolveSharp(sharpModule);
  try {
    const faces = await facesOf(sharp, detection.format, bytes, limits, describeOriginal(bytes));
    return { ok: true, faces };
  } catch (error) {
    if (error instanceof DependencyUnavailable) throw error;
    if (error instanceof IngestRefusal) return refusal(error.reason, `${fileName} (${detection.format}): ${error.message}`);
    return refusal('decode-failed', `${fileName} (${detection.format}): ${messageOf(error)}`);
  }
}
