import { z } from 'zod';

/** Formats the intake accepts; detected from the bytes, never from the file name. */
export const INPUT_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'tiff', 'gif', 'svg', 'heic', 'pdf'] as const;
export const inputFormatSchema = z.enum(INPUT_FORMATS);
export type InputFormat = z.infer<typeof inputFormatSchema>;

export const pageSizeSchema = z.object({ widthMm: z.number().positive(), heightMm: z.number().positive() });
export type PageSize = z.infer<typeof pageSizeSchema>;

/** What the intake learns about one face, kept with the asset. */
export const faceMetadataSchema = z.object({
  format: inputFormatSchema,
  /** Pixel size after EXIF orientation is applied (for PDF: of the rendered page). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Pixels per inch the file declares, or null when it declares none. */
  densityDpi: z.number().positive().nullable(),
  /** libvips interpretation, e.g. 'srgb', 'cmyk', 'b-w', 'rgb16', 'grey16'. */
  colourSpace: z.string().max(40),
  iccProfileName: z.string().max(200).nullable(),
  hasAlpha: z.boolean(),
  /** Bits per channel: 8 or 16 (1 for bilevel). */
  bitDepth: z.number().int().positive(),
  /** Size of the original file in bytes. */
  byteSize: z.number().int().nonnegative(),
  /** SHA-256 of the original file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** When the photo was taken (EXIF DateTimeOriginal), ISO 8601, or null. */
  captureDate: z.string().max(40).nullable(),
  /** Camera or phone that took it (EXIF Make and Model), or null. */
  device: z.string().max(120).nullable(),
  /** EXIF orientation that was applied (1–8), or null when there was none. */
  exifOrientation: z.number().int().min(1).max(8).nullable(),
  /** 1-based page of a PDF, null for images. */
  pageNumber: z.number().int().positive().nullable(),
  /** Physical page size of a PDF page, null for images. */
  pageSize: pageSizeSchema.nullable(),
});
export type FaceMetadata = z.infer<typeof faceMetadataSchema>;

/** One dominant colour and the share of the image it covers (0–1). */
export const paletteSwatchSchema = z.object({
  hex: z.string().regex(/^#[0-9a-f]{6}$/),
  share: z.number().min(0).max(1),
});
export type PaletteSwatch = z.infer<typeof paletteSwatchSchema>;
