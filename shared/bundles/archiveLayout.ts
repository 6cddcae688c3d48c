import { z } from 'zod';
import { DERIVED_KINDS, type BlobKind } from '../domain/asset.ts';
import { idSchema } from '../domain/record.ts';
import { MAX_FILE_BYTES_CEILING } from '../intake/ingestOutcome.ts';
import type { Sha256 } from './archiveHash.ts';
import { ArchiveRefusal, type ArchiveProblem } from './archiveProblem.ts';
import { bundlePathSchema, type BundleKind, type BundleManifest } from './bundleFormat.ts';
import type { ManifestSignature } from './signing.ts';
import { BUNDLE_TABLES, type BundleRecords, type BundleTable } from './mergeBundle.ts';
import { RECORD_SCHEMAS } from './recordSchemas.ts';
import type { MigrationContext } from '../migrations/migration.ts';
import type { AbortSignalLike, ZipLimits } from './zipReader.ts';

/**
 * What a `.kemas` archive holds and the types its writer and reader share:
 * `manifest.json`, `records/<table>.json`, `blobs.json`, `blobs/<n>`.
 */

export const MANIFEST_PATH = 'manifest.json';
export const BLOB_INDEX_PATH = 'blobs.json';

/**
 * What each kind of archive may carry, so a file cannot smuggle records its kind never holds
 * (a mentor's review file that rewrites the curator's workshop or rubric, say). Matches the
 * scopes of renderer/src/data/archiveRepo.ts: a workshop hands out the workshop with its people,
 * faces, images, sessions, rubrics and mentors; a review hands back one mentor's work, no images.
 */
export const KIND_CONTENTS: Record<BundleKind, { tables: readonly BundleTable[]; images: boolean }> = {
  workshop: { tables: ['mentors', 'workshops', 'participants', 'submissions', 'assets', 'rubrics', 'sessions'], images: true },
  review: { tables: ['mentors', 'reviews', 'annotations', 'labelChecklists'], images: false },
  backup: { tables: BUNDLE_TABLES, images: true },
};

/** Why `kind` may not carry these tables or images, or null when it may. */
export function kindContentsProblem(kind: BundleKind, tables: readonly BundleTable[], images: number): { path: string; detail: string } | null {
  const allowed = KIND_CONTENTS[kind];
  const stray = tables.find((t) => !allowed.tables.includes(t));
  if (stray !== undefined) return { path: `${MANIFEST_PATH} counts.${stray}`, detail: `a ${kind} archive does not carry ${stray}` };
  if (!allowed.images && images > 0) return { path: BLOB_INDEX_PATH, detail: `a ${kind} archive does not carry images` };
  return null;
}
export const recordsPath = (table: BundleTable): string => `records/${table}.json`;
export const blobPath = (index: number): string => `blobs/${index}`;

/** One row of `assetBlobs`, without its bytes. */
export interface ArchiveBlob {
  id: string;
  assetId: string | null;
  kind: BlobKind;
  mimeType: string;
}

export interface ArchiveInput {
  kind: BundleKind;
  /** ISO 8601 export time; also stamped on every ZIP entry. */
  createdAt: string;
  createdBy: { id: string; name: string };
  app: { name: string; version: string };
  records: BundleRecords;
  /** Read one at a time while writing. */
  blobs: Array<ArchiveBlob & { bytes: () => Promise<Uint8Array> }>;
}

/** Units: entries when writing, bytes of the archive when checking. Monotone; ends at total. */
export interface ArchiveProgress {
  done: number;
  total: number;
}

export interface ArchiveLimits extends ZipLimits {
  /** One JSON entry (records or blob index), uncompressed. */
  jsonBytes: number;
  /** All JSON entries together: they are parsed and held at once. */
  totalJsonBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  entries: 200_000,
  // The largest original the studio may hold (the file size setting's ceiling), so any backup it writes reads back.
  entryBytes: MAX_FILE_BYTES_CEILING,
  totalBytes: 20 * 1024 * 1024 * 1024,
  jsonBytes: 200 * 1024 * 1024,
  totalJsonBytes: 512 * 1024 * 1024,
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ArchiveOptions {
  /** Writer: signs the finished manifest (the sender's key); without it the archive is unsigned. */
  sign?: (manifest: BundleManifest) => Promise<ManifestSignature>;
  onProgress?: (p: ArchiveProgress) => void;
  signal?: AbortSignalLike;
  /** Defaults to crypto.subtle where the runtime has it, else a pure implementation. */
  sha256?: Sha256;
  /**
   * Records the file does not carry but an upgrade of an older file may read (a review file's text
   * marks need their faces): asked for only when the file's records are of an older version.
   */
  migrationContext?: () => Promise<MigrationContext>;
}

const blobKindSchema = z.enum(['original', ...DERIVED_KINDS]);

/** A row of `blobs.json`. Blob ids are `original:<sha256>` or `<assetId>:<kind>`, longer than record ids. */
/** A MIME type without parameters (`image/jpeg`), or empty when the browser did not know the file's. */
const mimeTypeSchema = z.string().max(100).regex(/^(?:[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*)?$/i, 'Expected a MIME type');

/**
 * A row of `blobs.json`, keyed as the studio keys its image rows: an original once per file as
 * `original:<sha256 of its bytes>` (no asset), a preview or thumbnail as `<assetId>:<kind>`, always
 * JPEG or WebP (the intake makes them).
 */
export const blobIndexRowSchema = z
  .object({
    id: z.string().min(1).max(200),
    assetId: idSchema.nullable(),
    kind: blobKindSchema,
    mimeType: mimeTypeSchema,
    path: bundlePathSchema,
  })
  .superRefine((row, ctx) => {
    if (row.kind === 'original') {
      if (row.assetId !== null) ctx.addIssue({ code: 'custom', path: ['assetId'], message: 'An original belongs to no one asset' });
      if (!/^original:[0-9a-f]{64}$/.test(row.id)) ctx.addIssue({ code: 'custom', path: ['id'], message: 'Expected original:<sha256>' });
    } else {
      if (row.assetId === null || row.id !== `${row.assetId}:${row.kind}`) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'Expected <assetId>:<kind>' });
      }
      if (row.mimeType !== 'image/jpeg' && row.mimeType !== 'image/webp') {
        ctx.addIssue({ code: 'custom', path: ['mimeType'], message: 'Previews and thumbnails are JPEG or WebP' });
      }
    }
  });
export type BlobIndexRow = z.infer<typeof blobIndexRowSchema>;

/** `files[2].path` / `[3].scores` from a zod issue path. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issuePath(issue.path).replace(/^\./, '') || '(record)'}: ${issue.message}`;
}

/** Parses one table's records with its schema; refuses with `records/<table>.json[i]` and the first issue. */
export function parseRecords(table: BundleTable, data: unknown, path: string): unknown[] {
  if (!Array.isArray(data)) throw new ArchiveRefusal('invalid-record', { path, detail: 'expected a JSON array' });
  const schema = RECORD_SCHEMAS[table] as z.ZodType;
  const ids = new Set<string>();
  return data.map((item, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) throw new ArchiveRefusal('invalid-record', { path: `${path}[${i}]`, detail: firstIssue(parsed.error) });
    const id = (parsed.data as { id: string }).id;
    if (ids.has(id)) throw new ArchiveRefusal('invalid-record', { path: `${path}[${i}]`, detail: `duplicate id ${id}` });
    ids.add(id);
    return parsed.data;
  });
}

export type ArchiveCheck =
  | { ok: true; archive: CheckedArchive }
  | { ok: false; problem: ArchiveProblem; path?: string; detail?: string; version?: number };

export interface CheckedArchiveBlob extends ArchiveBlob {
  path: string;
  /** Size in bytes. */
  bytes: number;
  /** Lower-case hex SHA-256 of the bytes (verified). */
  sha256: string;
  /** Where the stored bytes start in the source, so the renderer can keep a Blob slice instead of a copy. */
  dataOffset: number;
}

export interface CheckedArchive {
  manifest: BundleManifest;
  /** `valid` when the manifest carries a signature that verifies (who signed is `manifest.signature`); a bad one is refused. */
  signature: 'valid' | 'unsigned';
  /** Every record already parsed with its table's zod schema. */
  records: BundleRecords;
  blobs: CheckedArchiveBlob[];
  /** The blob's bytes, read again and verified against the manifest's sha256. */
  readBlob(id: string): Promise<Uint8Array>;
}
