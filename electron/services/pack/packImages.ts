import { resolveSharp, type SharpModule } from '../ingest/sharpModule.ts';

/** Long edge of a re-encoded face: ~230 dpi across an A4 page, sharp on a phone. */
export const PACK_IMAGE_LONG_EDGE = 2048;
/** Longest edge embedded as it comes: the intake's stored preview (shared/intake/ingestOutcome.ts). */
export const PACK_PASS_THROUGH_EDGE = 2560;
/** Bytes of pictures a pack may carry, so a pack stays well under 2.5 MB; each face gets its share. */
export const PACK_PICTURE_BUDGET = 2_200_000;
const MIN_FACE_SHARE = 350_000;
const JPEG_OPTIONS = { quality: 80, mozjpeg: false, progressive: false } as const;

/** How the faces of one layout are encoded. */
export interface PackImageProfile {
  /** Long edge of a re-encoded face. */
  longEdge: number;
  /** Longest edge embedded as it comes. */
  passThroughEdge: number;
  /** Bytes of pictures the whole pack may carry. */
  budget: number;
  minFaceShare: number;
  quality: number;
  /** A second, lower quality for a face still over its share after the first encoding (a grainy photo); none on paper. */
  retryQuality: number | null;
}

/** Paper (A4, Letter): sharp in print. */
export const PAPER_IMAGES: PackImageProfile = {
  longEdge: PACK_IMAGE_LONG_EDGE,
  passThroughEdge: PACK_PASS_THROUGH_EDGE,
  budget: PACK_PICTURE_BUDGET,
  minFaceShare: MIN_FACE_SHARE,
  quality: JPEG_OPTIONS.quality,
  retryQuality: null,
};

/**
 * The phone layout: a face is drawn full width, about 320 CSS px on a 360-px
 * screen; 1,280 px on the long edge gives a portrait face over twice that
 * (sharp on a 2× or 3× screen) and leaves its zoomed details (14 % of the
 * face, ~150 CSS px on the phone) about one image pixel per CSS pixel. JPEG 72
 * and a 1.15 MB budget keep a three-face pack under 1.5 MB for WhatsApp.
 */
export const PHONE_IMAGES: PackImageProfile = {
  longEdge: 1280,
  passThroughEdge: 1280,
  budget: 1_150_000,
  minFaceShare: 150_000,
  quality: 72,
  retryQuality: 55,
};

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
export async function preparePackImage(
  bytes: Buffer,
  maxBytes: number = PACK_PICTURE_BUDGET,
  sharpModule?: SharpModule,
  profile: PackImageProfile = PAPER_IMAGES,
): Promise<PackImage> {
  const sharp = await resolveSharp(sharpModule);
  const meta = await sharp(bytes, { failOn: 'error' }).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const upright = (meta.orientation ?? 1) === 1;
  const small = Math.max(width, height) <= profile.passThroughEdge && bytes.byteLength <= maxBytes;
  if (meta.format === 'jpeg' && upright && small && meta.channels === 3 && meta.space === 'srgb') {
    return { jpeg: bytes, width, height };
  }
  const encode = (quality: number) =>
    sharp(bytes, { failOn: 'error' })
      .autoOrient()
      .resize({ width: profile.longEdge, height: profile.longEdge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ ...JPEG_OPTIONS, quality })
      .toBuffer({ resolveWithObject: true });
  let { data, info } = await encode(profile.quality);
  if (profile.retryQuality !== null && data.byteLength > maxBytes) ({ data, info } = await encode(profile.retryQuality));
  return { jpeg: data, width: info.width, height: info.height };
}

/**
 * Prepares every face at once for the layout's `profile` (sharp works on
 * libuv's threads, so three faces take about as long as one), each within its
 * share of the profile's budget.
 * A picture sharp cannot read is left out: its face says so in the pack
 * rather than the whole pack failing.
 */
export async function preparePackImages(
  images: ReadonlyMap<string, Buffer>,
  sharpModule?: SharpModule,
  profile: PackImageProfile = PAPER_IMAGES,
): Promise<Map<string, PackImage>> {
  const share = Math.max(profile.minFaceShare, profile.budget / Math.max(1, images.size));
  const entries = await Promise.all(
    [...images].map(async ([assetId, bytes]) => {
      try {
        return [[assetId, await preparePackImage(bytes, share, sharpModule, profile)] as const];
      } catch {
        return [];
      }
    }),
  );
  return new Map(entries.flat());
}
