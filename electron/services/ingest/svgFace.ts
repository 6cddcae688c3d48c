import type { IngestedFace, IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { PREVIEW_LONG_EDGE } from '#shared/intake/ingestOutcome.ts';
import { refusalForDecodeError } from './decodeErrors.ts';
import { deriveImages } from './derivedImages.ts';
import { faceMetadataFrom, type OriginalFile } from './imageMetadata.ts';
import { assertPixelBudget } from './pixelBudget.ts';
import { IngestRefusal } from './rejection.ts';
import { asBuffer, untrustedInput } from './sharpInput.ts';
import type { SharpFactory } from './sharpModule.ts';
import { checkSvgSafety } from './svgSafety.ts';
import { decodeText } from './textBytes.ts';

/** sharp's default for SVG: at 72, one SVG user unit (CSS px) renders as one pixel. */
const BASE_DENSITY = 72;
/** A vector has no pixel size of its own: render small drawings up to the preview size… */
export const SVG_MIN_LONG_EDGE = PREVIEW_LONG_EDGE;
/** …and large ones no bigger than a print-quality PDF page (see renderPdf.ts). */
export const SVG_MAX_LONG_EDGE = 6000;
/** sharp's accepted range for `density`. */
const DENSITY_RANGE = [1, 100_000] as const;

/**
 * The density that renders the drawing with its long edge between
 * SVG_MIN_LONG_EDGE and SVG_MAX_LONG_EDGE, and within the pixel budget.
 */
export function svgDensity(width: number, height: number, maxInputPixels: number): number {
  const longEdge = Math.max(width, height, 1);
  const target = Math.min(Math.max(longEdge, SVG_MIN_LONG_EDGE), SVG_MAX_LONG_EDGE);
  let density = (BASE_DENSITY * target) / longEdge;
  const pixelsAtBase = Math.max(width, 1) * Math.max(height, 1);
  // Leave a pixel of slack for rounding of the rendered size.
  const budgetDensity = BASE_DENSITY * Math.sqrt((maxInputPixels * 0.99) / pixelsAtBase);
  density = Math.min(density, budgetDensity);
  return Math.min(Math.max(density, DENSITY_RANGE[0]), DENSITY_RANGE[1]);
}

/** Refuses unsafe SVG before any renderer sees it, then rasterises the drawing at a useful size. */
export async function svgFace(sharp: SharpFactory, bytes: Uint8Array, limits: IngestLimits, original: OriginalFile): Promise<IngestedFace> {
  const verdict = checkSvgSafety(decodeText(bytes));
  if (!verdict.safe) throw new IngestRefusal(verdict.reason, verdict.detail);

  const input = asBuffer(bytes);
  const options = untrustedInput(limits);
  try {
    const natural = await sharp(input, { ...options, density: BASE_DENSITY, limitInputPixels: false }).metadata();
    const density = svgDensity(natural.width, natural.height, limits.maxInputPixels);
    const meta = await sharp(input, { ...options, density }).metadata();
    assertPixelBudget(meta.width, meta.height, limits.maxInputPixels);
    const derived = await deriveImages(sharp, sharp(input, { ...options, density }), meta.hasAlpha);
    return {
      // An SVG declares no pixel density: the one used for rendering is ours, not the file's.
      metadata: faceMetadataFrom('svg', meta, meta, original, { densityDpi: null, exifOrientation: null }),
      palette: derived.palette,
      preview: derived.preview,
      thumbnail: derived.thumbnail,
    };
  } catch (error) {
    throw refusalForDecodeError(error, 'svg', bytes);
  }
}
