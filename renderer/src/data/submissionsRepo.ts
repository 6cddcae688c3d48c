import {
  assetSchema,
  derivedBlobKey,
  originalBlobKey,
  type Asset,
  type BlobKind,
  type Face,
} from '#shared/domain/asset.ts';
import { IDENTITY_TRANSFORM, type FaceTransform } from '#shared/domain/faceTransform.ts';
import { participantSchema, type Participant, type ParticipantFields } from '#shared/domain/participant.ts';
import { submissionSchema, type Submission } from '#shared/domain/submission.ts';
import type { IngestedFace } from '#shared/intake/ingestOutcome.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, newRecordBase, RecordNotFoundError, touched } from './records.ts';

/** Where an imported face goes. Ids are chosen by the import so that one batch reuses them. */
export interface FaceDestination {
  participant: { id: string; create?: Omit<ParticipantFields, 'workshopId'> };
  /** Null puts the face in the workshop's "unassigned" tray. */
  submission: { id: string; create?: { title: string } } | null;
}

export interface FaceToStore {
  workshopId: string;
  destination: FaceDestination | null;
  face: Face;
  fileName: string;
  mimeType: string;
  original: Blob;
  ingested: IngestedFace;
}

const blobOf = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

/**
 * Stores one face with its original, preview and thumbnail in one transaction,
 * creating the participant and the submission (next version) on first use. A
 * cancelled import therefore leaves whole faces only, never half of one.
 */
export async function storeFace(db: KemasDatabase, input: FaceToStore, actor: string): Promise<Asset> {
  return db.transaction('rw', faceTables(db), () => putFace(db, input, actor));
}

/**
 * Stores the faces of one file (a PDF's pages) in one transaction: a full disk
 * part-way leaves none of them, so the file can simply be imported again.
 */
export async function storeFaces(db: KemasDatabase, inputs: readonly FaceToStore[], actor: string): Promise<Asset[]> {
  return db.transaction('rw', faceTables(db), async () => {
    const stored: Asset[] = [];
    for (const input of inputs) stored.push(await putFace(db, input, actor));
    return stored;
  });
}

const faceTables = (db: KemasDatabase) => [db.workshops, db.participants, db.submissions, db.assets, db.assetBlobs];

/** One face's records and blobs; runs inside the caller's transaction. */
async function putFace(db: KemasDatabase, input: FaceToStore, actor: string): Promise<Asset> {
  const workshop = await db.workshops.get(input.workshopId);
  if (!isLive(workshop)) throw new RecordNotFoundError('Workshop', input.workshopId);
  let submissionId: string | null = null;
  const destination = input.destination;
  if (destination) {
    const participant = await ensureParticipant(db, input.workshopId, destination.participant, actor);
    if (destination.submission) submissionId = (await ensureSubmission(db, participant, destination.submission, actor)).id;
  }
  const order = submissionId ? await db.assets.where('submissionId').equals(submissionId).count() : 0;
  const { metadata, palette, preview, thumbnail } = input.ingested;
  const asset = assetSchema.parse({
    ...newRecordBase(actor),
    workshopId: input.workshopId,
    submissionId,
    face: input.face,
    fileName: input.fileName,
    mimeType: input.mimeType,
    sha256: metadata.sha256,
    metadata,
    palette,
    preview: { mimeType: preview.mimeType, width: preview.width, height: preview.height },
    thumbnail: { mimeType: thumbnail.mimeType, width: thumbnail.width, height: thumbnail.height },
    order,
    transform: IDENTITY_TRANSFORM,
  });
  await db.assets.add(asset);
  const originalKey = originalBlobKey(metadata.sha256);
  if (!(await db.assetBlobs.get(originalKey))) {
    await db.assetBlobs.add({ id: originalKey, assetId: null, kind: 'original', blob: input.original });
  }
  await db.assetBlobs.bulkAdd([
    { id: derivedBlobKey(asset.id, 'preview'), assetId: asset.id, kind: 'preview', blob: blobOf(preview.bytes, preview.mimeType) },
    {
      id: derivedBlobKey(asset.id, 'thumbnail'),
      assetId: asset.id,
      kind: 'thumbnail',
      blob: blobOf(thumbnail.bytes, thumbnail.mimeType),
    },
  ]);
  return asset;
}

async function ensureParticipant(
  db: KemasDatabase,
  workshopId: string,
  wanted: FaceDestination['participant'],
  actor: string,
): Promise<Participant> {
  const existing = await db.participants.get(wanted.id);
  if (isLive(existing)) return existing;
  if (!wanted.create) throw new RecordNotFoundError('Participant', wanted.id);
  const participant = participantSchema.parse({ ...newRecordBase(actor), id: wanted.id, workshopId, ...wanted.create });
  await db.participants.put(participant);
  return participant;
}

async function ensureSubmission(
  db: KemasDatabase,
  participant: Participant,
  wanted: NonNullable<FaceDestination['submission']>,
  actor: string,
): Promise<Submission> {
  const existing = await db.submissions.get(wanted.id);
  if (isLive(existing)) return existing;
  if (!wanted.create) throw new RecordNotFoundError('Submission', wanted.id);
  const earlier = await db.submissions.where('participantId').equals(participant.id).toArray();
  const base = newRecordBase(actor);
  const submission = submissionSchema.parse({
    ...base,
    id: wanted.id,
    workshopId: participant.workshopId,
    participantId: participant.id,
    version: earlier.reduce((max, s) => Math.max(max, s.version), 0) + 1,
    title: wanted.create.title,
    submittedAt: base.createdAt,
    note: '',
  });
  await db.submissions.add(submission);
  return submission;
}

/** The newest live submission of a participant, or null. */
export async function latestSubmission(db: KemasDatabase, participantId: string): Promise<Submission | null> {
  const all = await db.submissions.where('participantId').equals(participantId).toArray();
  return all.filter((s) => s.deletedAt === null).sort((a, b) => b.version - a.version)[0] ?? null;
}

/** The newest live submission id of every participant of a workshop, in one query. */
export async function latestSubmissionIds(db: KemasDatabase, workshopId: string): Promise<Map<string, string>> {
  const newest = new Map<string, Submission>();
  for (const s of await db.submissions.where('workshopId').equals(workshopId).toArray()) {
    const current = newest.get(s.participantId);
    if (s.deletedAt === null && (!current || s.version > current.version)) newest.set(s.participantId, s);
  }
  return new Map([...newest].map(([participantId, s]) => [participantId, s.id]));
}

/** A live face with these exact bytes, if the studio already has one. */
export async function findFaceBySha256(db: KemasDatabase, sha256: string): Promise<Asset | null> {
  const matches = await db.assets.where('sha256').equals(sha256).toArray();
  return matches.find((a) => a.deletedAt === null) ?? null;
}

/** Faces of a workshop that wait in the "unassigned" tray, oldest first. */
export async function listTray(db: KemasDatabase, workshopId: string): Promise<Asset[]> {
  const rows = await db.assets.where('workshopId').equals(workshopId).toArray();
  return rows.filter((a) => a.submissionId === null && a.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Moves a face from the tray to a participant: into their newest submission,
 * or a first one made for it, in one transaction.
 */
export async function assignFromTray(db: KemasDatabase, assetId: string, participantId: string, actor: string): Promise<void> {
  await db.transaction('rw', [db.participants, db.submissions, db.assets], async () => {
    const asset = await db.assets.get(assetId);
    if (!isLive(asset)) throw new RecordNotFoundError('Asset', assetId);
    const participant = await db.participants.get(participantId);
    if (!isLive(participant)) throw new RecordNotFoundError('Participant', participantId);
    const submission =
      (await latestSubmission(db, participantId)) ??
      (await ensureSubmission(db, participant, { id: crypto.randomUUID(), create: { title: participant.product } }, actor));
    const order = await db.assets.where('submissionId').equals(submission.id).count();
    await db.assets.update(assetId, { submissionId: submission.id, order, ...touched(actor) });
  });
}

/** What the mentor may correct about a face: its type and how it is turned. */
export type FaceCorrection = Partial<{ face: Face; transform: FaceTransform }>;

/**
 * Changes a face's type or orientation (never its original) and returns what
 * it was, so the change can be undone by applying that.
 */
export async function correctFace(db: KemasDatabase, assetId: string, change: FaceCorrection, actor: string): Promise<Required<FaceCorrection>> {
  return db.transaction('rw', db.assets, async () => {
    const asset = await db.assets.get(assetId);
    if (!isLive(asset)) throw new RecordNotFoundError('Asset', assetId);
    const before = { face: asset.face, transform: asset.transform };
    await db.assets.put(assetSchema.parse({ ...asset, ...change, ...touched(actor) }));
    return before;
  });
}

export interface SubmissionWithFaces {
  submission: Submission;
  faces: Asset[];
}

/** A participant's live submissions, newest version first, with their faces in order. */
export async function listSubmissions(db: KemasDatabase, participantId: string): Promise<SubmissionWithFaces[]> {
  const submissions = (await db.submissions.where('participantId').equals(participantId).toArray())
    .filter((s) => s.deletedAt === null)
    .sort((a, b) => b.version - a.version);
  const result: SubmissionWithFaces[] = [];
  for (const submission of submissions) {
    result.push({ submission, faces: await facesOf(db, submission.id) });
  }
  return result;
}

export async function facesOf(db: KemasDatabase, submissionId: string): Promise<Asset[]> {
  return (await db.assets.where('submissionId').equals(submissionId).toArray())
    .filter((a) => a.deletedAt === null)
    .sort((a, b) => a.order - b.order);
}

/** The bytes of one image of a face: its preview, its thumbnail, or the original file. */
export async function getAssetBlob(db: KemasDatabase, asset: Pick<Asset, 'id' | 'sha256'>, kind: BlobKind): Promise<Blob | null> {
  const key = kind === 'original' ? originalBlobKey(asset.sha256) : derivedBlobKey(asset.id, kind);
  return (await db.assetBlobs.get(key))?.blob ?? null;
}
