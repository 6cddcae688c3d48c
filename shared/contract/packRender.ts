import { z } from 'zod';
import { idSchema } from '../domain/record.ts';
import { packModelSchema } from '../pack/packModelSchema.ts';
import { jobIdSchema } from './jobs.ts';

/*
 * The `pack.render` channel: the renderer gathers a critique pack's model and
 * pictures, the host draws the PDF (pdfkit) and, when asked, packs the ZIP.
 * Everything here crosses a trust boundary, so every list and every byte
 * string has a limit: a hostile or runaway request is refused before any work.
 */

const MB = 1024 * 1024;

export const PACK_RENDER_LIMITS = {
  /** Faces a pack may have (a submission rarely has more than eight). */
  maxFaces: 40,
  /** Annotations over all faces. */
  maxMarks: 5000,
  /** One face preview the PDF embeds (the stored previews are 2,560 px JPEG or WebP, about 1 MB). */
  maxImageBytes: 40 * MB,
  /** One burned-in PNG at full resolution (8,000 px on the long side at most). */
  maxPngBytes: 200 * MB,
  maxReviewJsonChars: 20 * MB,
  maxScoresCsvChars: 2 * MB,
  /** All bytes of one request: under the browser host's 300 MB frame limit. */
  maxTotalBytes: 280 * MB,
} as const;

/** Paper sizes, for every document the studio makes. */
export const PACK_PAGE_SIZES = ['A4', 'Letter'] as const;
export const packPageSizeSchema = z.enum(PACK_PAGE_SIZES);
export type PackPageSizeName = z.infer<typeof packPageSizeSchema>;

/** A critique pack's layouts: the paper sizes, and Ponsel, pages made to be read on a phone held upright. */
export const PACK_LAYOUTS = [...PACK_PAGE_SIZES, 'Ponsel'] as const;
export const packLayoutSchema = z.enum(PACK_LAYOUTS);
export type PackLayoutName = z.infer<typeof packLayoutSchema>;

/**
 * One name of a file inside the ZIP: a single segment (no folder, no "..", no
 * leading dot), nothing Windows refuses, and the expected extension. The
 * host adds the folders itself, so an entry can never escape the archive.
 */
export function zipFileNameSchema(extension: string) {
  return z
    .string()
    .min(extension.length + 2)
    .max(150)
    .regex(/^(?![.\s])[^/\\:*?"<>|\p{Cc}]+$/u, 'not a safe file name')
    .refine((name) => name.toLowerCase().endsWith(extension), `must end with ${extension}`);
}

const bytesSchema = (max: number) => z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= max, `1 to ${max} bytes`);

const packImageSchema = z.object({ assetId: idSchema, bytes: bytesSchema(PACK_RENDER_LIMITS.maxImageBytes) }).strict();

const facePngSchema = z.object({ fileName: zipFileNameSchema('.png'), bytes: bytesSchema(PACK_RENDER_LIMITS.maxPngBytes) }).strict();

/** What the ZIP holds besides the PDF: the faces with their marks burned in, the review as JSON, the scores as CSV. */
export const packZipRequestSchema = z
  .object({
    /** The PDF's name inside the ZIP, e.g. "Keripik Tempe Bu Sari - Keripik Tempe - v1 - Paket masukan.pdf". */
    pdfFileName: zipFileNameSchema('.pdf'),
    facePngs: z.array(facePngSchema).max(PACK_RENDER_LIMITS.maxFaces),
    reviewJson: z.string().max(PACK_RENDER_LIMITS.maxReviewJsonChars),
    scoresCsv: z.string().max(PACK_RENDER_LIMITS.maxScoresCsvChars),
  })
  .strict()
  .refine((zip) => new Set(zip.facePngs.map((f) => f.fileName.toLowerCase())).size === zip.facePngs.length, {
    message: 'face PNG names must be unique',
    path: ['facePngs'],
  });
export type PackZipRequest = z.infer<typeof packZipRequestSchema>;

const limitedModelSchema = packModelSchema.refine(
  (model) => model.faces.length <= PACK_RENDER_LIMITS.maxFaces && model.faces.reduce((n, f) => n + f.marks.length, 0) <= PACK_RENDER_LIMITS.maxMarks,
  `at most ${PACK_RENDER_LIMITS.maxFaces} faces and ${PACK_RENDER_LIMITS.maxMarks} marks`,
);

function requestBytes(request: { images: { bytes: Uint8Array }[]; zip: PackZipRequest | null }): number {
  const images = request.images.reduce((n, i) => n + i.bytes.byteLength, 0);
  const zip = request.zip;
  if (!zip) return images;
  // Strings count as UTF-16 code units: an upper bound of their UTF-8 size is three times that.
  return images + zip.facePngs.reduce((n, f) => n + f.bytes.byteLength, 0) + (zip.reviewJson.length + zip.scoresCsv.length) * 3;
}

export const packRenderRequestSchema = z
  .object({
    model: limitedModelSchema,
    /** The face pictures the PDF embeds (the stored previews), by asset id. */
    images: z.array(packImageSchema).max(PACK_RENDER_LIMITS.maxFaces),
    pageSize: packLayoutSchema,
    /** Null for a PDF alone. */
    zip: packZipRequestSchema.nullable(),
    /** Lets Cancel stop the worker drawing this pack (jobs.cancel). */
    jobId: jobIdSchema.optional(),
  })
  .strict()
  .refine((r) => new Set(r.images.map((i) => i.assetId)).size === r.images.length, { message: 'one image per face', path: ['images'] })
  .refine((r) => requestBytes(r) <= PACK_RENDER_LIMITS.maxTotalBytes, { message: `at most ${PACK_RENDER_LIMITS.maxTotalBytes} bytes in all` });
export type PackRenderRequest = z.infer<typeof packRenderRequestSchema>;

export const packRenderResponseSchema = z.object({
  pdf: z.instanceof(Uint8Array),
  /** The ZIP with the PDF, the PNGs, the JSON and the CSV; null when only the PDF was asked for. */
  zip: z.instanceof(Uint8Array).nullable(),
});
export type PackRenderResponse = z.infer<typeof packRenderResponseSchema>;
