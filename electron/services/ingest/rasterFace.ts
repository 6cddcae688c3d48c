import type { InputFormat } from '#shared/intake/faceMetadata.ts';
import type { IngestedFace, IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { cmykPlan, colourPlan } from './colourManagement.ts';
import { refusalForDecodeError } from './decodeErrors.ts';
import { deriveImages } from './derivedImages.ts';
import { faceMetadataFrom, type OriginalFile } from './imageMetadata.ts';
import { assertPixelBudget } from './pixelBudget.ts';
import { asBuffer, untrustedInput } from './sharpInput.ts';
import type { SharpFactory, SharpMetadata } from './sharpModule.ts';

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
    const cmyk = meta.space === 'cmyk';
    const colour = cmyk ? await cmykPlan(sharp, meta) : colourPlan(meta);
    const source = sharp(input, { ...options, ignoreIcc: colour.ignoreIcc }).autoOrient();
    // CMYK is reduced in CMYK and converted to sRGB at preview size: a third of the
    // time of converting every pixel of the original first (sharp's default).
    if (cmyk) source.pipelineColourspace('cmyk');
    const derived = await deriveImages(sharp, source, meta.hasAlpha && !cmyk, colour.profileAfterResize, cmyk ? 'cmyk' : 'rgb');
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
