import { resolveSharp, type SharpModule } from '../ingest/sharpModule.ts';

/** Long edge of a re-encoded face: ~230 dpi across an A4 page, sharp on a phone. */
export const PACK_IMAGE_LONG_EDGE = 2048;
/** Longest edge embedded as it comes: the intake's stored preview (shared/intake/ingestOutcome.ts). */
export const PACK_PASS_THROUGH_EDGE = 2560;
/** Bytes of pictures a pack may carry, so a pack stays well under 2.5 MB; each face gets its share. */
export const PACK_PICTURE_BUDGET = 2_200_000;
const MIN_FACE_SHARE = 350_000;
const JPEG_OPTIONS = { quality: 80, mozjpeg: false, progressive: false } as const;

/** A face ready for pdfkit: JPEG bytes, upright, at most PACK_IMAGE_LONG_EDGE pixels on the long edge. */
export interface PackImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * Makes a face embeddable. An upright RGB JPEG no larger than the stored
 * preview and within `maxBytes` goes in as it is (pdfkit copies JPEG bytes
 * without decoding them, which is what keeps a pack fast); anything else (PNG,
 * WebP previews with transparency, a large, heavy or rotated JPEG) is decoded
 * once, turned upright, flattened on white, reduced and encoded as JPEG.
 */
export async function preparePackImage(bytes: Buffer, maxBytes: number = PACK_PICTURE_BUDGET, sharpModule?: SharpModule): Promise<PackImage> {
  const sharp = await resolveSharp(sharpModule);
  const meta = await sharp(bytes, { failOn: 'error' }).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const upright = (meta.orientation ?? 1) === 1;
  const small = Math.max(width, height) <= PACK_PASS_THROUGH_EDGE && bytes.byteLength <= maxBytes;
  if (meta.format === 'jpeg' && upright && small && meta.channels === 3 && meta.space === 'srgb') {
    return { jpeg: bytes, width, height };
  }
  const { data, info } = await sharp(bytes, { failOn: 'error' })
    .autoOrient()
    .resize({ width: PACK_IMAGE_LONG_EDGE, height: PACK_IMAGE_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg(JPEG_OPTIONS)
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

/**
 * Prepares every face at once (sharp works on libuv's threads, so three faces
 * take about as long as one), each within its share of PACK_PICTURE_BUDGET.
 * A picture sharp cannot read is left out: its face says so in the pack
 * rather than the whole pack failing.
 */
export async function preparePackImages(images: ReadonlyMap<string, Buffer>, sharpModule?: SharpModule): Promise<Map<string, PackImage>> {
  const share = Math.max(MIN_FACE_SHARE, PACK_PICTURE_BUDGET / Math.max(1, images.size));
  const entries = await Promise.all(
    [...images].map(async ([assetId, bytes]) => {
      try {
        return [[assetId, await preparePackImage(bytes, share, sharpModule)] as const];
      } catch {
        return [];
      }
    }),
  );
  return new Map(entries.flat());
}
