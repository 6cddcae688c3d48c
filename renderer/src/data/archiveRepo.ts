import {
  checkArchive,
  writeArchive,
  type ArchiveBlob,
  type ArchiveCheck,
  type ArchiveProgress,
  type ByteSource,
  type CheckedArchive,
} from '#shared/bundles/archive.ts';
import type { BundleKind, BundleManifest } from '#shared/bundles/bundleFormat.ts';
import {
  BUNDLE_TABLES,
  mergeBundle,
  type BundleRecords,
  type BundleRecordTypes,
  type BundleTable,
} from '#shared/bundles/mergeBundle.ts';
import { countOutcomes, type MergeEntry, type MergeOutcome } from '#shared/bundles/mergeRecords.ts';
import { guardSessionEdits, type RefusedSessionEdit } from '#shared/bundles/sessionAuthority.ts';
import { derivedBlobKey, originalBlobKey, type Asset, type BlobKind } from '#shared/domain/asset.ts';
import type { RecordBase } from '#shared/domain/record.ts';
import { contextOf } from '#shared/migrations/chain.ts';
import type { MigrationContext } from '#shared/migrations/migration.ts';
import type { KemasDatabase } from './db.ts';
import { studioFingerprint } from './backupRepo.ts';
import { getCurrentMentor } from './mentorsRepo.ts';
import { judgeBundle, withoutRefused, type RefusedRecord, type SignerStanding } from '#shared/bundles/trust.ts';
import { signManifest, platformSubtle } from '#shared/bundles/signing.ts';
import { rememberOwnKey, writeVerbatim } from './editHistory.ts';
import { acceptedKeyRow, knownKeys, signerFor } from './mentorKeysRepo.ts';
import { RecordNotFoundError } from './records.ts';
import { blobParts } from './blobParts.ts';

/**
 * Moving work between laptops as `.kemas` files (issue 7): what each kind of bundle holds,
 * writing it with the shared archive writer, and importing a checked archive in one transaction.
 */

/** What a bundle holds: a curator's workshop, one mentor's reviews of a workshop, or everything. */
export type ArchiveScope =
  | { kind: 'workshop'; workshopId: string }
  | { kind: 'review'; workshopId: string; mentorId: string }
  | { kind: 'backup' };

export interface ArchiveBuildOptions {
  /** The app writing the file (the manifest records it). */
  app: { name: string; version: string };
  /** Who exports; defaults to the mentor reviewing on this laptop. */
  createdBy?: { id: string; name: string };
  now?: number;
  onProgress?: (progress: ArchiveProgress) => void;
  signal?: AbortSignal;
}

/** The rows of the blob table a scope carries, described without reading their bytes. */
export type ScopeBlob = ArchiveBlob;

export interface GatheredScope {
  records: BundleRecords;
  blobs: ScopeBlob[];
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const present = <T>(values: readonly (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

/** The kind and asset of a blob row from its key (`original:<sha>` or `<assetId>:<kind>`), without reading it. */
function blobKeyParts(key: string): { assetId: string | null; kind: BlobKind } | null {
  if (key.startsWith('original:')) return { assetId: null, kind: 'original' };
  const at = key.lastIndexOf(':');
  const kind = key.slice(at + 1);
  if (at <= 0 || (kind !== 'preview' && kind !== 'thumbnail')) return null;
  return { assetId: key.slice(0, at), kind };
}

/** The image rows behind these faces that the studio holds: originals (once per file) and both derived sizes. */
async function blobsOfAssets(db: KemasDatabase, assets: readonly Asset[], allKeys?: readonly string[]): Promise<ScopeBlob[]> {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const bySha = new Map<string, Asset>();
  for (const a of assets) if (!bySha.has(a.sha256)) bySha.set(a.sha256, a);
  const wanted =
    allKeys ??
    unique(assets.flatMap((a) => [originalBlobKey(a.sha256), derivedBlobKey(a.id, 'preview'), derivedBlobKey(a.id, 'thumbnail')]));
  const stored = new Set((await db.assetBlobs.where(':id').anyOf([...wanted]).primaryKeys()) as string[]);
  const blobs: ScopeBlob[] = [];
  for (const id of wanted) {
    if (!stored.has(id)) continue;
    const parts = blobKeyParts(id);
    if (!parts) continue;
    const asset = parts.kind === 'original' ? bySha.get(id.slice('original:'.length)) : byId.get(parts.assetId ?? '');
    let mimeType =
      parts.kind === 'original' ? asset?.mimeType : parts.kind === 'preview' ? asset?.preview.mimeType : asset?.thumbnail.mimeType;
    // A row whose face record is missing (a backup holds every row): its own type, read once.
    if (asset === undefined) mimeType = (await db.assetBlobs.get(id))?.blob.type.split(';')[0];
    blobs.push({ id, assetId: parts.assetId, kind: parts.kind, mimeType: mimeType || 'application/octet-stream' });
  }
  return blobs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The records and image rows of a scope, tombstones included (deletions travel):
 * - workshop: the workshop, its participants, submissions, faces and their images, its scoring
 *   sessions, the rubrics the workshop and its sessions use, and the mentors the sessions name;
 * - review: one mentor's reviews, annotations and label checklists on the workshop's submissions,
 *   and that mentor's own record (no images: the workshop bundle brought them);
 * - backup: every table and every image.
 */
export async function gatherScope(db: KemasDatabase, scope: ArchiveScope): Promise<GatheredScope> {
  const tables = [db.workshops, db.participants, db.submissions, db.assets, db.assetBlobs, db.mentors, db.rubrics, db.sessions, db.reviews, db.annotations, db.labelChecklists, db.commentSnippets, db.mentorKeys];
  return db.transaction('r', tables, async () => {
    if (scope.kind === 'backup') {
      const records: Record<string, readonly RecordBase[]> = {};
      for (const table of BUNDLE_TABLES) records[table] = await db.table<RecordBase>(table).toArray();
      const keys = (await db.assetBlobs.toCollection().primaryKeys()) as string[];
      const blobs = await blobsOfAssets(db, (records.assets ?? []) as Asset[], keys.sort());
      return { records: records as BundleRecords, blobs };
    }
    const workshop = await db.workshops.get(scope.workshopId);
    if (!workshop) throw new RecordNotFoundError('Workshop', scope.workshopId);
    const submissions = await db.submissions.where('workshopId').equals(workshop.id).toArray();
    const submissionIds = submissions.map((s) => s.id);
    if (scope.kind === 'review') {
      const mentor = await db.mentors.get(scope.mentorId);
      if (!mentor) throw new RecordNotFoundError('Mentor', scope.mentorId);
      const mine = <T extends { mentorId: string }>(rows: T[]) => rows.filter((r) => r.mentorId === mentor.id);
      const [reviews, annotations, labelChecklists] = await Promise.all([
        db.reviews.where('mentorId').equals(mentor.id).toArray(),
        db.annotations.where('mentorId').equals(mentor.id).toArray(),
        db.labelChecklists.where('submissionId').anyOf(submissionIds).toArray(),
      ]);
      const inWorkshop = new Set(submissionIds);
      return {
        records: {
          mentors: [mentor],
          reviews: reviews.filter((r) => inWorkshop.has(r.submissionId)),
          annotations: annotations.filter((a) => inWorkshop.has(a.submissionId)),
          labelChecklists: mine(labelChecklists),
        },
        blobs: [],
      };
    }
    const [participants, assets, sessions] = await Promise.all([
      db.participants.where('workshopId').equals(workshop.id).toArray(),
      db.assets.where('workshopId').equals(workshop.id).toArray(),
      db.sessions.where('workshopId').equals(workshop.id).toArray(),
    ]);
    const rubricIds = unique([workshop.rubricId, ...sessions.map((s) => s.rubricId)].filter((id): id is string => id !== null));
    const mentorIds = unique(sessions.flatMap((s) => s.mentorIds));
    const [rubrics, mentors] = await Promise.all([db.rubrics.bulkGet(rubricIds), db.mentors.bulkGet(mentorIds)]);
    return {
      records: {
        mentors: present(mentors),
        workshops: [workshop],
        participants,
        submissions,
        assets,
        rubrics: present(rubrics),
        sessions,
      },
      blobs: await blobsOfAssets(db, assets),
    };
  });
}

const SCOPE_KIND: Record<ArchiveScope['kind'], BundleKind> = { workshop: 'workshop', review: 'review', backup: 'backup' };

/**
 * As `buildArchive`, streaming the ZIP's chunks to `sink` (a backup goes to the host chunk by chunk).
 * A backup also answers the studio's fingerprint as it held it (`studioFingerprint`): taken after the
 * sender's key is made (the backup carries it; making it is no edit that should make the next backup
 * due) and before anything is read (an edit made while it runs makes the next one due). A backup's
 * mark must use this one.
 */
export async function streamArchive(
  db: KemasDatabase,
  scope: ArchiveScope,
  sink: (chunk: Uint8Array) => Promise<void> | void,
  options: ArchiveBuildOptions,
): Promise<{ bytes: number; fingerprint: string | null }> {
  let createdBy = options.createdBy;
  if (!createdBy) {
    const mentor = await getCurrentMentor(db);
    if (!mentor) throw new Error('Nobody is reviewing on this laptop yet');
    createdBy = { id: mentor.id, name: mentor.name };
  }
  // Signed at export, never per edit: the sender's key over the manifest, which lists every file's
  // SHA-256. The key is made first (if new) so that a backup carries it.
  const signer = await signerFor(db, createdBy.id);
  const fingerprint = scope.kind === 'backup' ? (await studioFingerprint(db)).fingerprint : null;
  const gathered = await gatherScope(db, scope);
  const subtle = platformSubtle();
  options.signal?.throwIfAborted();
  const { bytes } = await writeArchive(
    {
      kind: SCOPE_KIND[scope.kind],
      createdAt: new Date(options.now ?? Date.now()).toISOString(),
      createdBy,
      app: options.app,
      records: gathered.records,
      blobs: gathered.blobs.map((b) => ({
        ...b,
        // One image at a time, read when the writer reaches it.
        bytes: async () => {
          const row = await db.assetBlobs.get(b.id);
          if (!row) throw new RecordNotFoundError('Image', b.id);
          return new Uint8Array(await row.blob.arrayBuffer());
        },
      })),
    },
    sink,
    {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(signer && subtle ? { sign: (manifest: object) => signManifest(subtle, manifest, signer) } : {}),
    },
  );
  return { bytes, fingerprint };
}

/** Gathers the scope's records and images (tombstones included) and writes a `.kemas` archive as one Blob. */
export async function buildArchive(db: KemasDatabase, scope: ArchiveScope, options: ArchiveBuildOptions): Promise<Blob> {
  const file = blobParts('application/zip');
  await streamArchive(db, scope, (chunk) => file.push(chunk), options);
  return file.finish();
}

/** Random access to a file the person chose or dropped, for `checkArchive`. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/**
 * Checks a `.kemas` file completely (see `checkArchive`) before anything is written. With `studio`,
 * an older file's upgrade can read the studio's own faces (a review file carries none).
 */
export function checkBundleFile(
  file: Blob,
  options: { onProgress?: (p: ArchiveProgress) => void; signal?: AbortSignal; studio?: KemasDatabase } = {},
): Promise<ArchiveCheck> {
  const { studio, ...rest } = options;
  return checkArchive(blobSource(file), studio === undefined ? rest : { ...rest, migrationContext: () => studioMigrationContext(studio) });
}

/** The studio's faces, for upgrading the records of an older file that refer to them. */
async function studioMigrationContext(db: KemasDatabase): Promise<MigrationContext> {
  return contextOf({ assets: await db.assets.toArray() });
}

/** Names that make a merge report readable ("Penilaian Sari untuk Keripik Tempe v1"), from the studio and the bundle. */
export interface RecordNames {
  mentors: Record<string, string>;
  workshops: Record<string, string>;
  participants: Record<string, { business: string; product: string }>;
  submissions: Record<string, { participantId: string; version: number }>;
  assets: Record<string, { submissionId: string | null; face: string; fileName: string }>;
  rubrics: Record<string, { name: { id: string; en: string }; version: number }>;
  sessions: Record<string, string>;
  reviews: Record<string, { submissionId: string; mentorId: string }>;
  annotations: Record<string, { submissionId: string; mentorId: string; number: number }>;
  labelChecklists: Record<string, { submissionId: string; mentorId: string }>;
  commentSnippets: Record<string, string>;
}

export interface TableOutcome {
  table: BundleTable;
  /** Records of this table in the bundle. */
  records: number;
  counts: Record<MergeOutcome, number>;
}

/** What importing a checked archive does (or did): per table, every record's outcome, and what is missing. */
export interface ImportPreview {
  manifest: BundleManifest;
  tables: TableOutcome[];
  counts: Record<MergeOutcome, number>;
  /** One entry per incoming record; conflicts say whose edit won and when. */
  report: MergeEntry[];
  /** Images in the bundle, and how many the studio lacks. */
  images: { total: number; added: number };
  /**
   * Reviews, annotations and checklists about submissions neither this studio nor the bundle has.
   * They are imported anyway (bundles merge in any order); they show once their workshop bundle arrives.
   */
  missingSubmissions: number;
  /**
   * Records last edited later than this computer's clock allows (more than FUTURE_TOLERANCE_MS
   * ahead): the sender's clock was probably wrong, and those edits would win every merge until then.
   */
  futureEdits: number;
  /** Session edits refused: settings changed by someone who is not the session's curator here (`guardSessionEdits`). */
  refused: RefusedSessionEdit[];
  names: RecordNames;
  /**
   * Who signed the bundle and what that means here: records of a mentor whose key is known and did not
   * sign them are refused (not written); a key seen for the first time is offered to accept. Backups
   * are the person's own whole studio and are not judged (`signer` only).
   */
  trust: { signer: SignerStanding; refused: RefusedRecord[]; unsignedMentors: string[] };
}

/** Bundles that name a known mentor as sender but are signed by another key are refused whole. */
export class TrustRefusal extends Error {
  readonly signer: Extract<SignerStanding, { kind: 'mismatch' }>;
  constructor(signer: Extract<SignerStanding, { kind: 'mismatch' }>) {
    super(`Signed by key ${signer.keyId}, not ${signer.mentorId}'s known key`);
    this.name = 'TrustRefusal';
    this.signer = signer;
  }
}

/** What the person decided about trust in the preview. */
export interface TrustChoice {
  /** Accept the first-seen key of the bundle's sender (stored with the merge). */
  acceptKey: boolean;
}

/** Laptops' clocks drift: edits up to ten minutes ahead of this one's are not called future. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

function countFutureEdits(records: BundleRecords, now: number): number {
  let count = 0;
  for (const table of BUNDLE_TABLES) {
    for (const record of records[table] ?? []) if (record.updatedAt > now + FUTURE_TOLERANCE_MS) count += 1;
  }
  return count;
}

export interface ImportResult extends ImportPreview {
  mode: 'merge' | 'replace';
  /** True when the studio is exactly as before (e.g. the same bundle imported twice). */
  unchanged: boolean;
}

const ALL_TABLES = (db: KemasDatabase) => [...BUNDLE_TABLES.map((t) => db.table(t)), db.assetBlobs];

/** The studio's copies of the records a bundle carries (by id). */
async function existingCopies(db: KemasDatabase, incoming: BundleRecords): Promise<BundleRecords> {
  const existing: Record<string, RecordBase[]> = {};
  for (const table of BUNDLE_TABLES) {
    const rows = incoming[table] as readonly RecordBase[] | undefined;
    if (rows === undefined) continue;
    existing[table] = present(await db.table<RecordBase, string>(table).bulkGet(unique(rows.map((r) => r.id))));
  }
  return existing as BundleRecords;
}

type Named<K extends BundleTable> = BundleRecordTypes[K];

/** Names for the report from both sides: the studio's copies first, the bundle's over them. */
async function recordNames(
  db: KemasDatabase,
  incoming: BundleRecords,
  report: readonly MergeEntry[],
  refused: readonly RefusedSessionEdit[] = [],
): Promise<RecordNames> {
  const ids = (table: BundleTable) => unique([...report, ...refused].filter((e) => e.table === table).map((e) => e.id));
  const incomingOf = <K extends BundleTable>(table: K) => (incoming[table] ?? []) as readonly Named<K>[];
  async function rows<K extends BundleTable>(table: K, wanted: readonly string[]): Promise<Named<K>[]> {
    const local = present(await db.table<Named<K>, string>(table).bulkGet([...wanted]));
    const byId = new Map(local.map((r) => [r.id, r]));
    const want = new Set(wanted);
    for (const r of incomingOf(table)) if (want.has(r.id)) byId.set(r.id, r);
    return [...byId.values()];
  }
  const reviews = await rows('reviews', ids('reviews'));
  const annotations = await rows('annotations', ids('annotations'));
  const checklists = await rows('labelChecklists', ids('labelChecklists'));
  const assets = await rows('assets', ids('assets'));
  const submissionIds = unique([
    ...ids('submissions'),
    ...reviews.map((r) => r.submissionId),
    ...annotations.map((a) => a.submissionId),
    ...checklists.map((c) => c.submissionId),
    ...assets.flatMap((a) => (a.submissionId ? [a.submissionId] : [])),
  ]);
  const submissions = await rows('submissions', submissionIds);
  const participants = await rows('participants', unique([...ids('participants'), ...submissions.map((s) => s.participantId)]));
  const mentors = await rows(
    'mentors',
    unique([
      ...ids('mentors'),
      ...reviews.map((r) => r.mentorId),
      ...annotations.map((a) => a.mentorId),
      ...checklists.map((c) => c.mentorId),
      // Whose edit each side holds, for conflicts.
      ...report.flatMap((e) => [e.incoming.updatedBy, ...(e.local ? [e.local.updatedBy] : [])]),
      ...refused.map((e) => e.by),
    ]),
  );
  const map = <T extends { id: string }, V>(list: readonly T[], f: (r: T) => V) => Object.fromEntries(list.map((r) => [r.id, f(r)]));
  return {
    mentors: map(mentors, (m) => m.name),
    workshops: map(await rows('workshops', ids('workshops')), (w) => w.name),
    participants: map(participants, (p) => ({ business: p.business, product: p.product })),
    submissions: map(submissions, (s) => ({ participantId: s.participantId, version: s.version })),
    assets: map(assets, (a) => ({ submissionId: a.submissionId, face: a.face, fileName: a.fileName })),
    rubrics: map(await rows('rubrics', ids('rubrics')), (r) => ({ name: r.name, version: r.version })),
    sessions: map(await rows('sessions', ids('sessions')), (s) => s.name),
    reviews: map(reviews, (r) => ({ submissionId: r.submissionId, mentorId: r.mentorId })),
    annotations: map(annotations, (a) => ({ submissionId: a.submissionId, mentorId: a.mentorId, number: a.number })),
    labelChecklists: map(checklists, (c) => ({ submissionId: c.submissionId, mentorId: c.mentorId })),
    commentSnippets: map(await rows('commentSnippets', ids('commentSnippets')), (s) => s.text.id || s.text.en),
  };
}

/** Records about submissions that neither the studio nor the bundle holds. */
async function countMissingSubmissions(db: KemasDatabase, incoming: BundleRecords): Promise<number> {
  const about = [...(incoming.reviews ?? []), ...(incoming.annotations ?? []), ...(incoming.labelChecklists ?? [])];
  if (about.length === 0) return 0;
  const inBundle = new Set((incoming.submissions ?? []).map((s) => s.id));
  const wanted = unique(about.map((r) => r.submissionId)).filter((id) => !inBundle.has(id));
  const here = new Set((await db.submissions.where(':id').anyOf(wanted).primaryKeys()) as string[]);
  return about.filter((r) => !inBundle.has(r.submissionId) && !here.has(r.submissionId)).length;
}

function tableOutcomes(incoming: BundleRecords, report: readonly MergeEntry[]): TableOutcome[] {
  return BUNDLE_TABLES.filter((t) => (incoming[t]?.length ?? 0) > 0).map((table) => ({
    table,
    records: incoming[table]?.length ?? 0,
    counts: countOutcomes(report.filter((e) => e.table === table)),
  }));
}

/** The bundle's records with session edits by non-curators taken out (and listed), for the merge. */
function withoutRefusedEdits(existing: BundleRecords, incoming: BundleRecords): { incoming: BundleRecords; refused: RefusedSessionEdit[] } {
  if (incoming.sessions === undefined) return { incoming, refused: [] };
  const { accepted, refused } = guardSessionEdits(existing.sessions ?? [], incoming.sessions);
  return { incoming: { ...incoming, sessions: accepted }, refused };
}

async function planImport(db: KemasDatabase, archive: CheckedArchive, choice: TrustChoice) {
  const judged = archive.manifest.kind !== 'backup';
  const verdict = judgeBundle(archive.manifest, judged ? archive.records : {}, await knownKeys(db), choice.acceptKey);
  const trust = { signer: verdict.signer, refused: verdict.refused, unsignedMentors: verdict.unsignedMentors };
  // Records not signed by their mentor's known key go first; then session edits by non-curators.
  const trusted = withoutRefused(archive.records, verdict.refused);
  const existing = await existingCopies(db, trusted);
  const { incoming, refused } = withoutRefusedEdits(existing, trusted);
  const merge = { ...mergeBundle(existing, incoming), refused };
  const blobIds = archive.blobs.map((b) => b.id);
  const stored = new Set((await db.assetBlobs.where(':id').anyOf(blobIds).primaryKeys()) as string[]);
  const newBlobs = archive.blobs.filter((b) => !stored.has(b.id));
  return { incoming, merge, newBlobs, trust };
}

/** A refused record as a report row, only so that the names of what it is about are gathered. */
const refusedEntry = (r: RefusedRecord): MergeEntry => ({
  table: r.table,
  id: r.id,
  outcome: 'kept',
  winner: 'local',
  local: null,
  incoming: { updatedAt: 0, updatedBy: r.mentorId, deletedAt: null },
});

async function describeImport(
  db: KemasDatabase,
  archive: CheckedArchive,
  merge: ReturnType<typeof mergeBundle> & { refused: RefusedSessionEdit[] },
  newBlobs: number,
  trust: ImportPreview['trust'],
): Promise<ImportPreview> {
  return {
    manifest: archive.manifest,
    trust,
    tables: tableOutcomes(archive.records, merge.report),
    counts: merge.counts,
    report: merge.report,
    images: { total: archive.blobs.length, added: newBlobs },
    missingSubmissions: await countMissingSubmissions(db, archive.records),
    futureEdits: countFutureEdits(archive.records, Date.now()),
    refused: merge.refused,
    // Refused records are named too, for the preview's list of them.
    names: await recordNames(db, archive.records, [...merge.report, ...trust.refused.map(refusedEntry)], merge.refused),
  };
}

/** What a merge would do, without writing: each record's outcome against the studio as it is now. */
export async function previewImport(db: KemasDatabase, archive: CheckedArchive, choice: TrustChoice = { acceptKey: false }): Promise<ImportPreview> {
  return db.transaction('r', ALL_TABLES(db), async () => {
    const { merge, newBlobs, trust } = await planImport(db, archive, choice);
    return describeImport(db, archive, merge, newBlobs.length, trust);
  });
}

/**
 * Writes a checked archive in ONE transaction. 'merge' keeps, per record, the newer edit
 * (`mergeBundle`) and adds images the studio lacks; 'replace' first empties every table (a restore
 * into an empty studio; who is reviewing on this laptop is kept). Images are stored as slices of
 * `source` (the file `archive` was checked from), not copies. Any failure, a full disk included,
 * aborts the transaction and leaves the database as it was.
 */
export async function applyArchive(
  db: KemasDatabase,
  archive: CheckedArchive,
  source: Blob,
  mode: 'merge' | 'replace',
  choice: TrustChoice = { acceptKey: false },
): Promise<ImportResult> {
  const result = await db.transaction('rw', [...ALL_TABLES(db), db.meta], async (tx) => {
    // Records arrive as they were made elsewhere: merged, not edited here (editHistory.ts).
    writeVerbatim(tx);
    if (mode === 'replace') {
      for (const table of ALL_TABLES(db)) await table.clear();
    }
    const { merge, newBlobs, trust } = await planImport(db, archive, choice);
    if (trust.signer.kind === 'mismatch') throw new TrustRefusal(trust.signer);
    if (trust.signer.kind === 'first-seen' && choice.acceptKey) {
      const current = await getCurrentMentor(db);
      await db.mentorKeys.put(acceptedKeyRow(trust.signer, current?.id ?? 'system'));
    }
    for (const table of BUNDLE_TABLES) {
      const merged = merge.tables[table]?.merged;
      if (merged && merged.length > 0) await db.table(table).bulkPut([...merged]);
    }
    if (newBlobs.length > 0) {
      await db.assetBlobs.bulkPut(
        newBlobs.map((b) => ({
          id: b.id,
          assetId: b.assetId,
          kind: b.kind,
          blob: source.slice(b.dataOffset, b.dataOffset + b.bytes, b.mimeType),
        })),
      );
    }
    const preview = await describeImport(db, archive, merge, newBlobs.length, trust);
    const unchanged = mode === 'merge' && newBlobs.length === 0 && !merge.report.some((e) => e.winner === 'incoming');
    return { ...preview, mode, unchanged };
  });
  // Keys a backup brought: this laptop can sign as those mentors now.
  for (const key of archive.records.mentorKeys ?? []) if (key.trust === 'own' && key.deletedAt === null) rememberOwnKey(db, key.mentorId, key.id);
  return result;
}
