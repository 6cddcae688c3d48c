import { resolveSharp, type SharpModule } from '../ingest/sharpModule.ts';

/** Long edge of a face as embedded: ~230 dpi across an A4 page, sharp on a phone, and three faces well under 2.5 MB. */
export const PACK_IMAGE_LONG_EDGE = 2048;
const JPEG_OPTIONS = { quality: 80, mozjpeg: false, progressive: false } as const;

/** A face ready for pdfkit: JPEG bytes, upright, at most PACK_IMAGE_LONG_EDGE pixels on the long edge. */
export interface PackImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * Makes a face embeddable. An upright JPEG that is small enough goes in as it
 * is (pdfkit copies JPEG bytes without decoding them); anything else (PNG,
 * WebP previews with transparency, a large or rotated JPEG) is decoded once,
 * turned upright, flattened on white, reduced and encoded as JPEG.
 */
export async function preparePackImage(bytes: Buffer, sharpModule?: SharpModule): Promise<PackImage> {
  const sharp = await resolveSharp(sharpModule);
  const meta = await sharp(bytes, { failOn: 'error' }).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const upright = (meta.orientation ?? 1) === 1;
  if (meta.format === 'jpeg' && upright && Math.max(width, height) <= PACK_IMAGE_LONG_EDGE && (meta.channels ?? 3) === 3) {
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

/** Prepares every face at once: sharp works on libuv's threads, so three faces take about as long as one. */
export async function preparePackImages(images: ReadonlyMap<string, Buffer>, sharpModule?: SharpModule): Promise<Map<string, PackImage>> {
  const entries = await Promise.all([...images].map(async ([assetId, bytes]) => [assetId, await preparePackImage(bytes, sharpModule)] as const));
  return new Map(entries);
}
