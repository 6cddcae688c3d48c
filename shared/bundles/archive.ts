/**
 * The `.kemas` archive, one door for the renderer and the host: a ZIP holding `manifest.json`
 * (lists every other entry with its sha256 and size), `records/<table>.json` (deflated JSON
 * arrays), `blobs.json` (the assetBlobs rows) and `blobs/<n>` (image bytes, stored).
 * `writeArchive` streams one out; `checkArchive` proves one harmless and whole before anything
 * is written to the studio. See README.md.
 */
export { writeArchive } from './archiveWriter.ts';
export { checkArchive } from './archiveReader.ts';
export {
  BLOB_INDEX_PATH,
  DEFAULT_ARCHIVE_LIMITS,
  KIND_CONTENTS,
  MANIFEST_PATH,
  blobIndexRowSchema,
  blobPath,
  recordsPath,
  type ArchiveBlob,
  type ArchiveCheck,
  type ArchiveInput,
  type ArchiveLimits,
  type ArchiveOptions,
  type ArchiveProgress,
  type BlobIndexRow,
  type CheckedArchive,
  type CheckedArchiveBlob,
} from './archiveLayout.ts';
export { ArchiveRefusal, type ArchiveProblem } from './archiveProblem.ts';
export type { Sha256 } from './archiveHash.ts';
export type { AbortSignalLike, ByteSource } from './zipReader.ts';
