import { sha256 as defaultSha256, crc32 } from './archiveHash.ts';
import {
  BLOB_INDEX_PATH,
  DEFAULT_ARCHIVE_LIMITS,
  MANIFEST_PATH,
  blobIndexRowSchema,
  firstIssue,
  kindContentsProblem,
  parseRecords,
  recordsPath,
  type ArchiveCheck,
  type ArchiveLimits,
  type ArchiveOptions,
  type BlobIndexRow,
  type CheckedArchive,
  type CheckedArchiveBlob,
} from './archiveLayout.ts';
import { ArchiveRefusal } from './archiveProblem.ts';
import { utf8Strict } from './archiveText.ts';
import { MAX_MANIFEST_CHARS, checkManifest, type BundleFile } from './bundleFormat.ts';
import { BUNDLE_TABLES, type BundleRecords, type BundleTable } from './mergeBundle.ts';
import { RECORDS_VERSION, contextOf, upgradeRecords } from '../migrations/chain.ts';
import { NO_CONTEXT } from '../migrations/migration.ts';
import { platformSubtle, verifyManifest } from './signing.ts';
import { entryDataOffset, readEntry, readExactly, readZipDirectory, type ByteSource, type ZipEntry } from './zipReader.ts';

const KNOWN_PATH = /^(?:records\/[A-Za-z]+\.json|blobs\.json|blobs\/(?:0|[1-9][0-9]{0,8}))$/;

/**
 * Checks EVERYTHING before the caller writes anything: the central directory (names, links,
 * encryption, methods, duplicates, declared sizes, ratios, overlaps), the manifest, every entry's
 * sha256 and size (inflating with a hard cap), the JSON, and every record's schema (after the
 * migration chain has upgraded records the manifest says are of an older version).
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
  // A signature is checked before anything it covers: a bundle changed after signing stops here.
  const subtle = platformSubtle();
  const signature = manifest.signature === undefined ? 'unsigned' : subtle === null ? 'invalid' : await verifyManifest(subtle, manifest);
  if (signature === 'invalid') throw new ArchiveRefusal('bad-signature', { path: MANIFEST_PATH, detail: 'the signature does not match the manifest' });

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
  let jsonBytes = 0;
  const json = async (file: BundleFile): Promise<unknown> => {
    if (file.bytes > limits.jsonBytes) throw new ArchiveRefusal('entry-too-large', { path: file.path, detail: `${file.bytes} bytes of JSON` });
    jsonBytes += file.bytes;
    if (jsonBytes > limits.totalJsonBytes) {
      throw new ArchiveRefusal('archive-too-large', { path: file.path, detail: `JSON entries add up to more than ${limits.totalJsonBytes} bytes` });
    }
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
  const carried = BUNDLE_TABLES.filter((t) => listed.has(recordsPath(t)) || (manifest.counts[t] ?? 0) > 0);
  const blobFiles = [...listed.keys()].filter((p) => p.startsWith('blobs/')).length;
  const stray = kindContentsProblem(manifest.kind, carried, blobFiles);
  if (stray !== null) throw new ArchiveRefusal('invalid', stray);
  const raw = new Map<BundleTable, unknown>();
  for (const table of BUNDLE_TABLES) {
    const file = listed.get(recordsPath(table));
    const count = manifest.counts[table];
    if (file === undefined) {
      if (count !== undefined && count > 0) throw new ArchiveRefusal('missing-file', { path: recordsPath(table) });
      continue;
    }
    raw.set(table, await json(file));
  }
  // Records of an older version are brought to today's shape before their schema check. A step
  // that reads other records (a text mark's face) finds them in this file first, then in the studio.
  const upgrading = manifest.formatVersion < RECORDS_VERSION;
  const outside = upgrading && options.migrationContext !== undefined ? await options.migrationContext() : NO_CONTEXT;
  const context = upgrading ? contextOf(Object.fromEntries([...raw].map(([t, rows]) => [t, Array.isArray(rows) ? rows : []])), outside) : NO_CONTEXT;
  for (const [table, rows] of raw) {
    const file = listed.get(recordsPath(table))!;
    const count = manifest.counts[table];
    const parsed = parseRecords(table, upgradeRecords(table, rows, manifest.formatVersion, context), file.path);
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
    // The studio shares an original among every face cut from the same file by this key: bytes under
    // another file's key would later stand in for that file.
    if (row.kind === 'original' && row.id !== `original:${file.sha256}`) {
      throw new ArchiveRefusal('checksum', { path: row.path, detail: `${row.id} is not the SHA-256 of its bytes` });
    }
    blobs.push({ id: row.id, assetId: row.assetId, kind: row.kind, mimeType: row.mimeType, path: row.path, bytes: file.bytes, sha256: file.sha256, dataOffset });
  }
  if (done !== total) onProgress?.({ done: total, total });

  const blobById = new Map(blobs.map((b) => [b.id, b]));
  return {
    manifest,
    signature,
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
