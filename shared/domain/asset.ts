import { z } from 'zod';
import { idSchema, recordBase } from './record.ts';

export const FACES = ['front', 'back', 'left', 'right', 'top', 'bottom', 'dieline', 'mockup', 'other'] as const;
export const faceSchema = z.enum(FACES);
export type Face = z.infer<typeof faceSchema>;

/** Metadata of one face of a submission. The bytes live in `assetBlobs`, never here. */
export const assetSchema = z.object({
  ...recordBase,
  submissionId: idSchema,
  face: faceSchema,
  fileName: z.string().max(255),
  mimeType: z.string().max(100),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  byteSize: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Order among the submission's faces. */
  order: z.number().int().nonnegative(),
});
export type Asset = z.infer<typeof assetSchema>;

export const BLOB_KINDS = ['original', 'preview', 'thumbnail'] as const;
export const blobKindSchema = z.enum(BLOB_KINDS);
export type BlobKind = z.infer<typeof blobKindSchema>;

/** Key of a stored blob: one original and its derived images per asset. */
export function blobKey(assetId: string, kind: BlobKind): string {
  return `${assetId}:${kind}`;
}
