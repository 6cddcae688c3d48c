import type { InputFormat } from '../../../shared/intake/faceMetadata.ts';
import type { IngestedFace, IngestLimits } from '../../../shared/intake/ingestOutcome.ts';
import { refusalForDecodeError } from './decodeErrors.ts';
import { deriveImages } from './derivedImages.ts';
import { faceMetadataFrom, type OriginalFile } from './imageMetadata.ts';
import { IngestRefusal } from './rejection.ts';
import { asBuffer, untrustedInput } from './sharpInput.ts';
import type { SharpFactory, SharpMetadata } from './sharpModule.ts';

/** Header-only check, before anything is decoded: sharp's own limit covers most loaders, this covers the rest. */
export function assertPixelBudget(width: number, height: number, maxInputPixels: number): void {
  if (width * height > maxInputPixels) {
    throw new IngestRefusal('too-many-pixels', `${width}×${height} pixels exceeds the limit of ${maxInputPixels}`);
  }
}

/**
 * JPEG, PNG, WebP, AVIF, TIFF and GIF: everything sharp decodes itself.
 * Multi-page files (animated GIF and WebP, multi-page TIFF) give their first page.
 */
export async function rasterFace(
  sharp: SharpFactory,
  format: InputFormat,
  bytes: Uint8Array,
  limits: IngestLimits,
  original: OriginalFile,
): Promise<IngestedFace> {
  const input = asBuffer(bytes);
  const options = untrustedInput(limits);
  try {
    const meta: SharpMetadata = await sharp(input, options).metadata();
    assertPixelBudget(meta.width, meta.height, limits.maxInputPixels);
    const derived = await deriveImages(sharp, sharp(input, options).autoOrient(), meta.hasAlpha);
    return {
      metadata: faceMetadataFrom(format, meta, meta.autoOrient, original),
      palette: derived.palette,
      preview: derived.preview,
      thumbnail: derived.thumbnail,
    };
  } catch (error) {
    throw refusalForDecodeError(error, format, bytes);
  }
}
