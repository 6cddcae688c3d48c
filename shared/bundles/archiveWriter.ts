import { sha256 as defaultSha256 } from './archiveHash.ts';
import { utf8 } from './archiveText.ts';
import {
  BLOB_INDEX_PATH,
  DEFAULT_ARCHIVE_LIMITS,
  MANIFEST_PATH,
  blobIndexRowSchema,
  blobPath,
  firstIssue,
  kindContentsProblem,
  parseRecords,
  recordsPath,
  type ArchiveInput,
  type ArchiveLimits,
  type ArchiveOptions,
  type BlobIndexRow,
} from './archiveLayout.ts';
import { ArchiveRefusal } from './archiveProblem.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, bundleManifestSchema, type BundleFile } from './bundleFormat.ts';
import { BUNDLE_TABLES, type BundleTable } from './mergeBundle.ts';
import { ZipWriter } from './zipWriter.ts';

/**
 * Streams a `.kemas` ZIP to `sink` chunk by chunk (each ≤ 4 MB), awaiting it (back-pressure).
 * Records are checked with their schemas first, and every entry against the reader's limits (an
 * archive that cannot be read back is never made: it fails with the reader's reason instead);
 * blobs are read one at a time. An aborted `signal` rejects with its AbortError.
 */
export async function writeArchive(
  input: ArchiveInput,
  sink: (chunk: Uint8Array) => Promise<void> | void,
  options: ArchiveOptions & { limits?: Partial<ArchiveLimits> } = {},
): Promise<{ bytes: number }> {
  const { signal, onProgress } = options;
  const hash = options.sha256 ?? defaultSha256;
  const limits: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
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
  const stray = kindContentsProblem(input.kind, tables, input.blobs.length);
  if (stray !== null) throw new ArchiveRefusal('invalid', stray);
  for (const table of tables) parseRecords(table, input.records[table], recordsPath(table));
  const index: BlobIndexRow[] = input.blobs.map((b, i) => ({ id: b.id, assetId: b.assetId, kind: b.kind, mimeType: b.mimeType, path: blobPath(i) }));
  const ids = new Set<string>();
  index.forEach((row, i) => {
    const parsed = blobIndexRowSchema.safeParse(row);
    const problem = !parsed.success ? firstIssue(parsed.error) : ids.has(row.id) ? `duplicate blob id ${row.id}` : null;
    if (problem !== null) throw new ArchiveRefusal('invalid-record', { path: `${BLOB_INDEX_PATH}[${i}]`, detail: problem });
    ids.add(row.id);
  });

  const total = tables.length + 1 + input.blobs.length + 1;
  if (total > limits.entries) throw new ArchiveRefusal('too-many-entries', { detail: `${total} entries` });
  let written = 0;
  let jsonWritten = 0;
  /** The reader's limits, applied before an entry is written. */
  const withinLimits = (path: string, bytes: number, json: boolean) => {
    if (bytes > (json ? limits.jsonBytes : limits.entryBytes)) throw new ArchiveRefusal('entry-too-large', { path, detail: `${bytes} bytes` });
    written += bytes;
    if (json) jsonWritten += bytes;
    if (written > limits.totalBytes || jsonWritten > limits.totalJsonBytes) {
      throw new ArchiveRefusal('archive-too-large', { path, detail: `more than the reader takes` });
    }
  };
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
    withinLimits(path, bytes.length, method === 8);
    const sha = await hash(bytes);
    signal?.throwIfAborted();
    await zip.add(path, bytes, method);
    files.push({ path, sha256: sha, bytes: bytes.length });
    step();
    return sha;
  };

  for (const table of tables) {
    const records = input.records[table] ?? [];
    counts[table] = records.length;
    await add(recordsPath(table), utf8(JSON.stringify(records)), 8);
  }
  await add(BLOB_INDEX_PATH, utf8(JSON.stringify(index)), 8);
  for (const [i, blob] of input.blobs.entries()) {
    signal?.throwIfAborted();
    const sha = await add(blobPath(i), await blob.bytes(), 0);
    // Readers refuse an original whose key is not its bytes' SHA-256: never write a file that cannot be read back.
    if (blob.kind === 'original' && blob.id !== `original:${sha}`) {
      throw new ArchiveRefusal('checksum', { path: blobPath(i), detail: `${blob.id} is not the SHA-256 of its bytes` });
    }
  }
  const unsigned = bundleManifestSchema.parse({ ...base, counts, files });
  const manifest = options.sign ? bundleManifestSchema.parse({ ...unsigned, signature: await options.sign(unsigned) }) : unsigned;
  await add(MANIFEST_PATH, utf8(JSON.stringify(manifest)), 8);
  signal?.throwIfAborted();
  return { bytes: await zip.finish() };
}
