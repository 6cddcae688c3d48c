import { z } from 'zod';
import { FACES } from '../domain/asset.ts';
import { faceMetadataSchema, paletteSwatchSchema } from './faceMetadata.ts';

/**
 * Why a file was not imported. Each has one translated sentence in the
 * import report (i18n key `intake.reasons.<code>`).
 */
export const INGEST_REJECTIONS = [
  'empty',
  'too-large',
  'truncated',
  'not-an-image',
  'unsupported-format',
  'too-many-pixels',
  'svg-script',
  'svg-external-reference',
  'pdf-malformed',
  'pdf-encrypted',
  'pdf-too-many-pages',
  'decode-failed',
  /** Reading it passed the time or memory bound of one file (a setting): its worker was killed. */
  'too-heavy',
] as const;
export const ingestRejectionSchema = z.enum(INGEST_REJECTIONS);
export type IngestRejection = z.infer<typeof ingestRejectionSchema>;

/**
 * The largest file the size setting may allow. Originals are kept as they came, and every backup
 * must be restorable: the archive reader takes entries up to this size (archiveLayout.ts).
 */
export const MAX_FILE_BYTES_CEILING = 1024 * 1024 * 1024;

/** Limits that keep hostile files from exhausting the machine; settings with safe defaults. */
export const ingestLimitsSchema = z.object({
  maxFileBytes: z.number().int().positive().max(MAX_FILE_BYTES_CEILING),
  /** Width × height above which a file is refused before it is decoded (decompression bombs). */
  maxInputPixels: z.number().int().positive(),
  maxPdfPages: z.number().int().positive(),
});
export type IngestLimits = z.infer<typeof ingestLimitsSchema>;

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxFileBytes: 250 * 1024 * 1024,
  maxInputPixels: 200_000_000,
  maxPdfPages: 40,
};

/** Long edge of the derived images, in pixels. */
export const PREVIEW_LONG_EDGE = 2560;
export const THUMBNAIL_LONG_EDGE = 384;

export const derivedImageSchema = z.object({
  bytes: z.instanceof(Uint8Array),
  mimeType: z.enum(['image/jpeg', 'image/webp']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type DerivedImage = z.infer<typeof derivedImageSchema>;

/** One face that came out of a file (a PDF gives one per page). */
export const ingestedFaceSchema = z.object({
  metadata: faceMetadataSchema,
  palette: z.array(paletteSwatchSchema).max(8),
  /** sRGB, orientation applied, long edge about PREVIEW_LONG_EDGE (never upscaled). */
  preview: derivedImageSchema,
  /** sRGB, orientation applied, long edge about THUMBNAIL_LONG_EDGE. */
  thumbnail: derivedImageSchema,
  /** What a PDF page says it shows (its label or a heading such as `Muka belakang`); absent for images. */
  pageFace: z.enum([...FACES, 'side']).nullable().optional(),
});
export type IngestedFace = z.infer<typeof ingestedFaceSchema>;

export const ingestOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), faces: z.array(ingestedFaceSchema).min(1) }),
  z.object({
    ok: z.literal(false),
    reason: ingestRejectionSchema,
    /** English detail for logs; the report shows the translated reason. */
    detail: z.string().max(500),
  }),
]);
export type IngestOutcome = z.infer<typeof ingestOutcomeSchema>;
