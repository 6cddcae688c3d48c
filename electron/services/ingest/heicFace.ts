import type { FaceMetadata } from '#shared/intake/faceMetadata.ts';
import type { IngestedFace, IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { decodeHeic, type RgbaPixels } from './decodeHeic.ts';
import { colourPlan } from './colourManagement.ts';
import { refusalForDecodeError } from './decodeErrors.ts';
import { deriveImages } from './derivedImages.ts';
import { faceMetadataFrom, type OriginalFile } from './imageMetadata.ts';
import { assertPixelBudget } from './pixelBudget.ts';
import { rasterFace } from './rasterFace.ts';
import { IngestRefusal } from './rejection.ts';
import { asBuffer, untrustedInput } from './sharpInput.ts';
import type { SharpFactory, SharpMetadata } from './sharpModule.ts';

/** When sharp cannot parse the container, libheif still may: what the face record then says. */
const UNKNOWN_CONTAINER = {
  format: 'heic',
  densityDpi: null,
  colourSpace: 'srgb',
  iccProfileName: null,
  bitDepth: 8,
  captureDate: null,
  device: null,
  exifOrientation: null,
  pageNumber: null,
  pageSize: null,
} as const satisfies Partial<FaceMetadata>;

function hasTransparency(pixels: RgbaPixels): boolean {
  for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i] !== 255) return true;
  return false;
}

/**
 * HEIC: sharp reads the container's metadata (size, EXIF, ICC) but not HEVC
 * pixels, so libheif (WebAssembly) decodes and sharp takes the raw RGBA.
 */
export async function heicFace(sharp: SharpFactory, bytes: Uint8Array, limits: IngestLimits, original: OriginalFile): Promise<IngestedFace> {
  const input = asBuffer(bytes);
  const options = untrustedInput(limits);
  try {
    let meta: SharpMetadata | null = null;
    try {
      meta = await sharp(input, options).metadata();
    } catch (error) {
      // Metadata is a bonus here; libheif decides whether the file is readable. A bomb is refused all the same.
      if (/pixel limit/i.test(String(error))) throw error;
    }
    if (meta) assertPixelBudget(meta.width, meta.height, limits.maxInputPixels);

    let pixels: RgbaPixels;
    try {
      pixels = await decodeHeic(bytes, limits.maxInputPixels);
    } catch (heifError) {
      if (heifError instanceof IngestRefusal) throw heifError;
      // libheif-js decodes HEVC only. A HEIF whose image is AV1 (an AVIF in all but its brands) is sharp's;
      // if sharp cannot read it either, libheif's complaint is the one to report.
      try {
        return await rasterFace(sharp, 'heic', bytes, limits, original);
      } catch {
        throw heifError;
      }
    }
    const hasAlpha = meta?.hasAlpha ?? hasTransparency(pixels);
    const raw = { raw: { width: pixels.width, height: pixels.height, channels: 4 } } as const;
    const source = sharp(asBuffer(pixels.data), { ...raw, limitInputPixels: limits.maxInputPixels });
    // libheif hands over pixels in the file's colour space (Display P3 on iPhones): convert after reducing.
    const colour = meta ? colourPlan({ ...meta, space: 'srgb', channels: 4 }) : null;
    const derived = await deriveImages(sharp, hasAlpha ? source : source.removeAlpha(), hasAlpha, colour?.profileAfterResize ?? null);
    const size = { width: pixels.width, height: pixels.height };
    // libheif has applied the rotation boxes; EXIF orientation in HEIF is informative only and must not be applied again.
    const metadata: FaceMetadata = meta
      ? faceMetadataFrom('heic', meta, size, original, { exifOrientation: null, hasAlpha })
      : { ...UNKNOWN_CONTAINER, ...size, hasAlpha, byteSize: original.byteSize, sha256: original.sha256 };
    return { metadata, palette: derived.palette, preview: derived.preview, thumbnail: derived.thumbnail };
  } catch (error) {
    throw refusalForDecodeError(error, 'heic', bytes);
  }
}
