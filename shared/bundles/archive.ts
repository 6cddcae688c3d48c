import { z } from 'zod';
import { DERIVED_KINDS, type BlobKind } from '../domain/asset.ts';
import { sha256 as defaultSha256, crc32, type Sha256 } from './archiveHash.ts';
import { ArchiveRefusal, type ArchiveProblem } from './archiveProblem.ts';
import { utf8, utf8Strict } from './archiveText.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MAX_MANIFEST_CHARS,
  bundleManifestSchema,
  bundlePathSchema,
  checkManifest,
  type BundleFile,
  type BundleKind,
  type BundleManifest,
} from './bundleFormat.ts';
import { BUNDLE_TABLES, type BundleRecords, type BundleTable } from './mergeBundle.ts';
import { RECORD_SCHEMAS } from './recordSchemas.ts';
import { ZipWriter } from './zipWriter.ts';
import {
  entryDataOffset,
  readEntry,
  readExactly,
  readZipDirectory,
  type AbortSignalLike,
  type ByteSource,
  type ZipEntry,
  type ZipLimits,
} from './zipReader.ts';

/**
 * The `.kemas` archive: a ZIP holding `manifest.json` (lists every other entry with its sha256 and
 * size), `records/<table>.json` (deflated JSON arrays), `blobs.json` (the assetBlobs rows) and
 * `blobs/<n>` (image bytes, stored). `writeArchive` streams one out; `checkArchive` proves one
 * harmless and whole before anything is written to the studio.
 */

export type { ArchiveProblem } from './archiveProblem.ts';
export { ArchiveRefusal } from './archiveProblem.ts';
export type { AbortSignalLike, ByteSource } from './zipReader.ts';
export type { Sha256 } from './archiveHash.ts';

export const MANIFEST_PATH = 'manifest.json';
export const BLOB_INDEX_PATH = 'blobs.json';
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
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  entries: 200_000,
  entryBytes: 200 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024 * 1024,
  jsonBytes: 200 * 1024 * 1024,
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ArchiveOptions {
  onProgress?: (p: ArchiveProgress) => void;
  signal?: AbortSignalLike;
  /** Defaults to crypto.subtle where the runtime has it, else a pure implementation. */
  sha256?: Sha256;
}

const blobKindSchema = z.enum(['original', ...DERIVED_KINDS]);

/** A row of `blobs.json`. Blob ids are `original:<sha256>` or `<assetId>:<kind>`, longer than record ids. */
export const blobIndexRowSchema = z.object({
  id: z.string().min(1).max(200),
  assetId: z.string().min(1).max(64).nullable(),
  kind: blobKindSchema,
  mimeType: z.string().max(100),
  path: bundlePathSchema,
});
export type BlobIndexRow = z.infer<typeof blobIndexRowSchema>;

/** `files[2].path` / `[3].scores` from a zod issue path. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issuePath(issue.path).replace(/^\./, '') || '(record)'}: ${issue.message}`;
}

/** Parses one table's records with its schema; refuses with `records/<table>.json[i]` and the first issue. */
function parseRecords(table: BundleTable, data: unknown, path: string): unknown[] {
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

/**
 * Streams a `.kemas` ZIP to `sink` chunk by chunk (each ≤ 4 MB), awaiting it (back-pressure).
 * Records are checked with their schemas first (an archive that cannot be read back is never
 * made); blobs are read one at a time. An aborted `signal` rejects with its AbortError.
 */
export async function writeArchive(
  input: ArchiveInput,
  sink: (chunk: Uint8Array) => Promise<void> | void,
  options: ArchiveOptions = {},
): Promise<{ bytes: number }> {
  const { signal, onProgress } = options;
  const hash = options.sha256 ?? defaultSha256;
  signal?.throwIfAborted();
  const base = {
    format: BUNDLE_FORMAT,
    kind: input.kind,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    app: input.app,
  };
  const draft = bundleManifestSchema.safeParse({ ...base, counts: {}, files: [] });
  if (!draft.success) throw new ArchiveRefusal('invalid', { path: MANIFEST_PATH, detail: firstIssue(draft.error) });
  const tables = BUNDLE_TABLES.filter((t) => (input.records[t]?.length ?? 0) > 0);
  for (const table of tables) parseRecords(table, input.records[table], recordsPath(table));

  const total = tables.length + 1 + input.blobs.length + 1;
  let done = 0;
  const step = () => {
    done += 1;
    onProgress?.({ done, total });
  };
  onProgress?.({ done, total });
  const zip = new ZipWriter(sink, new Date(input.createdAt));
  const files: BundleFile[] = [];
  const counts: Partial<Record<BundleTable, number>> = {};
  const add = async (path: string, bytes: Uint8Array, method: 0 | 8) => {
    signal?.throwIfAborted();
    const sha = await hash(bytes);
    signal?.throwIfAborted();
    await zip.add(path, bytes, method);
    files.push({ path, sha256: sha, bytes: bytes.length });
    step();
  };

  for (const table of tables) {
    const records = input.records[table] ?? [];
    counts[table] = records.length;
    await add(recordsPath(table), utf8(JSON.stringify(records)), 8);
  }
  const index: BlobIndexRow[] = input.blobs.map((b, i) => ({ id: b.id, assetId: b.assetId, kind: b.kind, mimeType: b.mimeType, path: blobPath(i) }));
  await add(BLOB_INDEX_PATH, utf8(JSON.stringify(index)), 8);
  for (const [i, blob] of input.blobs.entries()) {
    signal?.throwIfAborted();
    await add(blobPath(i), await blob.bytes(), 0);
  }
  const manifest = bundleManifestSchema.parse({ ...base, counts, files });
  await add(MANIFEST_PATH, utf8(JSON.stringify(manifest)), 8);
  signal?.throwIfAborted();
  return { bytes: await zip.finish() };
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
  /** Every record already parsed with its table's zod schema. */
  records: BundleRecords;
  blobs: CheckedArchiveBlob[];
  /** The blob's bytes, read again and verified against the manifest's sha256. */
  readBlob(id: string): Promise<Uint8Array>;
}

const KNOWN_PATH = /^(?:records\/[A-Za-z]+\.json|blobs\.json|blobs\/(?:0|[1-9][0-9]{0,8}))$/;

/**
 * Checks EVERYTHING before the caller writes anything: the central directory (names, links,
 * encryption, methods, duplicates, declared sizes, ratios, overlaps), the manifest, every entry's
 * sha256 and size (inflating with a hard cap), the JSON, and every record's schema.
 * Resolves `{ ok: false, problem }` for a refused file; rejects only on abort or a failing source.
 */
export async function checkArchive(
  source: ByteSource,
  options: ArchiveOptions & { limits?: Partial<ArchiveLimits> } = {},
): Promise<ArchiveCheck> {
  try {
    return { ok: true, archive: await check(source, options) };
  } catch (error) {
    if (!(error instanceof ArchiveRefusal)) throw error;
    const refusal: ArchiveCheck = { ok: false, problem: error.problem };
    if (error.path !== undefined) refusal.path = error.path;
    if (error.detail !== undefined) refusal.detail = error.detail;
    if (error.version !== undefined) refusal.version = error.version;
    return refusal;
  }
}

async function check(source: ByteSource, options: ArchiveOptions & { limits?: Partial<ArchiveLimits> }): Promise<CheckedArchive> {
  const { signal, onProgress } = options;
  const hash = options.sha256 ?? defaultSha256;
  const limits: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
  signal?.throwIfAborted();
  const zip = await readZipDirectory(source, limits, signal);

  const manifestEntry = zip.byName.get(MANIFEST_PATH);
  if (manifestEntry === undefined) throw new ArchiveRefusal('not-bundle', { detail: 'no manifest.json' });
  const total = zip.entries.reduce((n, e) => n + e.compressedSize, 0);
  let done = 0;
  onProgress?.({ done, total });
  const advance = (entry: ZipEntry) => {
    done += entry.compressedSize;
    onProgress?.({ done, total });
  };

  // The manifest: capped, CRC-checked (it has no sha256 of its own), then read coarse to fine.
  if (manifestEntry.size > MAX_MANIFEST_CHARS) throw new ArchiveRefusal('too-large', { path: MANIFEST_PATH });
  const manifestBytes = await readEntry(source, manifestEntry, await entryDataOffset(source, manifestEntry), signal);
  if (crc32(manifestBytes) !== manifestEntry.crc) throw new ArchiveRefusal('checksum', { path: MANIFEST_PATH, detail: 'CRC-32 differs' });
  advance(manifestEntry);
  const manifestText = utf8Strict(manifestBytes);
  if (manifestText === null) throw new ArchiveRefusal('not-json', { path: MANIFEST_PATH, detail: 'not UTF-8' });
  const read = checkManifest(manifestText);
  if (!read.ok) {
    throw new ArchiveRefusal(read.problem, {
      path: read.path === undefined ? MANIFEST_PATH : `${MANIFEST_PATH} ${read.path}`,
      ...(read.version === undefined ? {} : { version: read.version }),
    });
  }
  const manifest = read.manifest;

  // The manifest and the ZIP must list the same files, of the same sizes, all of known kinds.
  const listed = new Map<string, BundleFile>();
  manifest.files.forEach((file, i) => {
    if (!KNOWN_PATH.test(file.path) || file.path === MANIFEST_PATH) {
      throw new ArchiveRefusal('invalid', { path: `${MANIFEST_PATH} files[${i}].path`, detail: `${file.path} is not part of the format` });
    }
    const entry = zip.byName.get(file.path);
    if (entry === undefined) throw new ArchiveRefusal('missing-file', { path: file.path });
    if (entry.size !== file.bytes) throw new ArchiveRefusal('checksum', { path: file.path, detail: `size ${entry.size}, manifest says ${file.bytes}` });
    listed.set(file.path, file);
  });
  for (const entry of zip.entries) {
    if (entry.name !== MANIFEST_PATH && !listed.has(entry.name)) throw new ArchiveRefusal('unlisted-file', { path: entry.name });
  }

  /** An entry's bytes, verified against the manifest's size and sha256. */
  const verified = async (file: BundleFile): Promise<{ bytes: Uint8Array; dataOffset: number }> => {
    signal?.throwIfAborted();
    const entry = zip.byName.get(file.path)!;
    const dataOffset = await entryDataOffset(source, entry);
    const bytes = await readEntry(source, entry, dataOffset, signal);
    if (bytes.length !== file.bytes || (await hash(bytes)) !== file.sha256) {
      throw new ArchiveRefusal('checksum', { path: file.path, detail: 'SHA-256 differs from the manifest' });
    }
    advance(entry);
    return { bytes, dataOffset };
  };
  const json = async (file: BundleFile): Promise<unknown> => {
    if (file.bytes > limits.jsonBytes) throw new ArchiveRefusal('entry-too-large', { path: file.path, detail: `${file.bytes} bytes of JSON` });
    const text = utf8Strict((await verified(file)).bytes);
    if (text === null) throw new ArchiveRefusal('corrupt-json', { path: file.path, detail: 'not UTF-8' });
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ArchiveRefusal('corrupt-json', { path: file.path, detail: error instanceof Error ? error.message : String(error) });
    }
  };

  // Records, table by table; every table file must be one of ours and match the manifest's count.
  const records: Record<string, unknown[]> = {};
  for (const path of listed.keys()) {
    if (!path.startsWith('records/')) continue;
    const table = path.slice('records/'.length, -'.json'.length);
    if (!(BUNDLE_TABLES as readonly string[]).includes(table)) {
      throw new ArchiveRefusal('invalid', { path: MANIFEST_PATH, detail: `${path} is not a table of the format` });
    }
  }
  for (const table of BUNDLE_TABLES) {
    const file = listed.get(recordsPath(table));
    const count = manifest.counts[table];
    if (file === undefined) {
      if (count !== undefined && count > 0) throw new ArchiveRefusal('missing-file', { path: recordsPath(table) });
      continue;
    }
    const parsed = parseRecords(table, await json(file), file.path);
    if (count !== parsed.length) {
      throw new ArchiveRefusal('invalid', { path: `${MANIFEST_PATH} counts.${table}`, detail: `${parsed.length} records, manifest says ${String(count)}` });
    }
    records[table] = parsed;
  }

  // The blob index and the blobs it names: each listed blob file named by exactly one row.
  const indexFile = listed.get(BLOB_INDEX_PATH);
  if (indexFile === undefined) throw new ArchiveRefusal('missing-file', { path: BLOB_INDEX_PATH });
  const indexData = await json(indexFile);
  if (!Array.isArray(indexData)) throw new ArchiveRefusal('invalid-record', { path: BLOB_INDEX_PATH, detail: 'expected a JSON array' });
  const rows: BlobIndexRow[] = [];
  const ids = new Set<string>();
  const paths = new Set<string>();
  indexData.forEach((item, i) => {
    const at = `${BLOB_INDEX_PATH}[${i}]`;
    const parsed = blobIndexRowSchema.safeParse(item);
    if (!parsed.success) throw new ArchiveRefusal('invalid-record', { path: at, detail: firstIssue(parsed.error) });
    const row = parsed.data;
    if (!row.path.startsWith('blobs/')) throw new ArchiveRefusal('invalid-record', { path: at, detail: `${row.path} is not a blob path` });
    if (!listed.has(row.path)) throw new ArchiveRefusal('missing-file', { path: row.path, detail: `named by ${at}` });
    if (ids.has(row.id)) throw new ArchiveRefusal('invalid-record', { path: at, detail: `duplicate blob id ${row.id}` });
    if (paths.has(row.path)) throw new ArchiveRefusal('invalid-record', { path: at, detail: `${row.path} named twice` });
    ids.add(row.id);
    paths.add(row.path);
    rows.push(row);
  });
  for (const path of listed.keys()) {
    if (path.startsWith('blobs/') && !paths.has(path)) throw new ArchiveRefusal('unlisted-file', { path, detail: 'not named in blobs.json' });
  }

  const blobs: CheckedArchiveBlob[] = [];
  for (const row of rows) {
    const file = listed.get(row.path)!;
    const entry = zip.byName.get(row.path)!;
    if (entry.method !== 0) throw new ArchiveRefusal('unsupported-compression', { path: row.path, detail: 'images must be stored, not deflated' });
    const { dataOffset } = await verified(file);
    blobs.push({ id: row.id, assetId: row.assetId, kind: row.kind, mimeType: row.mimeType, path: row.path, bytes: file.bytes, sha256: file.sha256, dataOffset });
  }
  if (done !== total) onProgress?.({ done: total, total });

  const blobById = new Map(blobs.map((b) => [b.id, b]));
  return {
    manifest,
    records: records as BundleRecords,
    blobs,
    async readBlob(id: string): Promise<Uint8Array> {
      const blob = blobById.get(id);
      if (blob === undefined) throw new Error(`No blob ${id} in this archive`);
      const bytes = await readExactly(source, blob.dataOffset, blob.bytes);
      if ((await hash(bytes)) !== blob.sha256) throw new ArchiveRefusal('checksum', { path: blob.path, detail: 'the file changed after it was checked' });
      return bytes;
    },
  };
}
