import type { PaletteSwatch } from '#shared/intake/faceMetadata.ts';
import { PREVIEW_LONG_EDGE, THUMBNAIL_LONG_EDGE, type DerivedImage } from '#shared/intake/ingestOutcome.ts';
import { medianCutPalette, PALETTE_SAMPLE_EDGE } from './palette.ts';
import type { SharpFactory, SharpPipeline } from './sharpModule.ts';
import { tiffWithProfile } from './tiffWithProfile.ts';

export interface DerivedSet {
  preview: DerivedImage;
  thumbnail: DerivedImage;
  palette: PaletteSwatch[];
}

/** Good enough to judge print detail on screen; libjpeg-turbo without mozjpeg's trellis passes keeps it fast. */
const JPEG_OPTIONS = { quality: 82, mozjpeg: false, progressive: false } as const;
/** effort 2 of 6: previews with transparency are rare and speed matters more than a few kilobytes. */
const WEBP_OPTIONS = { quality: 82, alphaQuality: 90, effort: 2 } as const;

function fitInside(edge: number) {
  return { width: edge, height: edge, fit: 'inside', withoutEnlargement: true } as const;
}

/** JPEG for opaque faces; WebP only when there is transparency to keep (never AVIF: seconds per image). */
function encode(pipeline: SharpPipeline, hasAlpha: boolean): SharpPipeline {
  return hasAlpha ? pipeline.webp(WEBP_OPTIONS) : pipeline.flatten({ background: '#ffffff' }).jpeg(JPEG_OPTIONS);
}

/**
 * Preview, thumbnail and palette from one decode of the source.
 *
 * `source` is the full-resolution face with orientation already requested.
 * The preview pipeline resizes straight from the source, so libvips can
 * shrink JPEG and WebP while decoding; the thumbnail and the palette then come
 * from the small preview (decoded again with shrink-on-load) rather than from
 * the source, which is the costly part for a phone photo.
 *
 * With `profileAfterResize`, the source's pixels are in that ICC profile's
 * colour space (it was opened with `ignoreIcc`, or is raw): the reduced image
 * is converted to sRGB, a fraction of the work of converting the original.
 */
export async function deriveImages(
  sharp: SharpFactory,
  source: SharpPipeline,
  hasAlpha: boolean,
  profileAfterResize: Uint8Array | null = null,
  space: 'rgb' | 'cmyk' = 'rgb',
): Promise<DerivedSet> {
  const previewMime = hasAlpha ? 'image/webp' : 'image/jpeg';
  const cmyk = space === 'cmyk' && profileAfterResize !== null;
  let reduced = source.resize(fitInside(PREVIEW_LONG_EDGE)).toColourspace(cmyk ? 'cmyk' : 'srgb');
  if (profileAfterResize) {
    const pixels = await (hasAlpha ? reduced.ensureAlpha() : cmyk ? reduced : reduced.removeAlpha()).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    // libvips converts an embedded profile to sRGB when it reads a file; a TIFF is the cheapest file to make.
    const { width, height } = pixels.info;
    const tagged = tiffWithProfile(pixels.data, width, height, hasAlpha || cmyk ? 4 : 3, profileAfterResize, cmyk ? 'cmyk' : 'rgb');
    reduced = sharp(tagged).toColourspace('srgb');
  }
  const preview = await encode(reduced, hasAlpha).toBuffer({ resolveWithObject: true });

  const small = await sharp(preview.data).resize(fitInside(THUMBNAIL_LONG_EDGE)).raw().toBuffer({ resolveWithObject: true });
  const channels = small.info.channels === 4 ? 4 : 3;
  const raw = { raw: { width: small.info.width, height: small.info.height, channels } } as const;

  const [thumbnail, sample] = await Promise.all([
    encode(sharp(small.data, raw), hasAlpha).toBuffer({ resolveWithObject: true }),
    // Nearest neighbour: averaging would invent in-between colours along every edge.
    sharp(small.data, raw)
      .resize({ width: PALETTE_SAMPLE_EDGE, height: PALETTE_SAMPLE_EDGE, fit: 'fill', kernel: 'nearest' })
      .raw()
      .toBuffer(),
  ]);

  return {
    preview: derived(preview, previewMime),
    thumbnail: derived(thumbnail, previewMime),
    palette: medianCutPalette(sample, channels),
  };
}

function derived(output: { data: Uint8Array; info: { width: number; height: number } }, mimeType: DerivedImage['mimeType']): DerivedImage {
  // A copy in its own ArrayBuffer: sharp's Buffers may sit in a shared pool or in external memory,
  // which cannot be transferred to another thread or process; a copy of ~1 MB costs well under a millisecond.
  const bytes = new Uint8Array(output.data);
  return { bytes, mimeType, width: output.info.width, height: output.info.height };
}
