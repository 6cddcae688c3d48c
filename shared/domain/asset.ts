import { z } from 'zod';
import { faceMetadataSchema, paletteSwatchSchema } from '../intake/faceMetadata.ts';
import { faceTransformSchema } from './faceTransform.ts';
import { idSchema, recordBase } from './record.ts';

export const FACES = ['front', 'back', 'left', 'right', 'top', 'bottom', 'dieline', 'mockup', 'other'] as const;
export const faceSchema = z.enum(FACES);
export type Face = z.infer<typeof faceSchema>;

const derivedInfoSchema = z.object({
  mimeType: z.enum(['image/jpeg', 'image/webp']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/**
 * One face of a submission (a PDF gives one per page). The bytes live in
 * `assetBlobs`, never here: the original once per file (by SHA-256), the
 * preview and thumbnail per asset.
 */
export const assetSchema = z.object({
  ...recordBase,
  workshopId: idSchema,
  /** Null while the face waits in the workshop's "unassigned" tray. */
  submissionId: idSchema.nullable(),
  face: faceSchema,
  fileName: z.string().max(500),
  /** MIME type of the original file. */
  mimeType: z.string().max(100),
  /** SHA-256 of the original file; the same file is stored once. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  metadata: faceMetadataSchema,
  palette: z.array(paletteSwatchSchema).max(8),
  preview: derivedInfoSchema,
  thumbnail: derivedInfoSchema,
  /** Order among the submission's faces. */
  order: z.number().int().nonnegative(),
  /** How the face is turned or mirrored for showing; the original is never changed (records version 3). */
  transform: faceTransformSchema,
});
export type Asset = z.infer<typeof assetSchema>;

export const DERIVED_KINDS = ['preview', 'thumbnail'] as const;
export type DerivedKind = (typeof DERIVED_KINDS)[number];
export type BlobKind = DerivedKind | 'original';

/** Key of a derived image of one asset. */
export function derivedBlobKey(assetId: string, kind: DerivedKind): string {
  return `${assetId}:${kind}`;
}

/** Key of an original file: shared by every face (page) that came from it. */
export function originalBlobKey(sha256: string): string {
  return `original:${sha256}`;
}
