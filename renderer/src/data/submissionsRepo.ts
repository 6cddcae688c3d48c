import { assetSchema, blobKey, type Asset, type BlobKind, type Face } from '../../../shared/domain/asset.ts';
import { submissionSchema, type Submission } from '../../../shared/domain/submission.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, newRecordBase, RecordNotFoundError } from './records.ts';

export interface NewFace {
  face: Face;
  fileName: string;
  mimeType: string;
  width: number;
  height: number;
  sha256: string;
  original: Blob;
}

export interface NewSubmission {
  participantId: string;
  title: string;
  note: string;
  faces: readonly NewFace[];
}

/**
 * Stores a submission with its faces and their bytes in one transaction: it is
 * all there afterwards, or none of it is. Versions count up per participant.
 */
export async function addSubmission(db: KemasDatabase, input: NewSubmission, actor: string, ids?: { submission?: string }): Promise<Submission> {
  return db.transaction('rw', [db.participants, db.submissions, db.assets, db.assetBlobs], async () => {
    const participant = await db.participants.get(input.participantId);
    if (!isLive(participant)) throw new RecordNotFoundError('Participant', input.participantId);
    const earlier = await db.submissions.where('participantId').equals(participant.id).toArray();
    const base = newRecordBase(actor);
    const submission = submissionSchema.parse({
      ...base,
      id: ids?.submission ?? base.id,
      workshopId: participant.workshopId,
      participantId: participant.id,
      version: earlier.reduce((max, s) => Math.max(max, s.version), 0) + 1,
      title: input.title,
      submittedAt: base.createdAt,
      note: input.note,
    });
    await db.submissions.add(submission);
    for (const [order, face] of input.faces.entries()) {
      const asset = assetSchema.parse({
        ...newRecordBase(actor),
        submissionId: submission.id,
        face: face.face,
        fileName: face.fileName,
        mimeType: face.mimeType,
        width: face.width,
        height: face.height,
        byteSize: face.original.size,
        sha256: face.sha256,
        order,
      });
      await db.assets.add(asset);
      await db.assetBlobs.add({ id: blobKey(asset.id, 'original'), assetId: asset.id, kind: 'original', blob: face.original });
    }
    return submission;
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
    const faces = (await db.assets.where('submissionId').equals(submission.id).toArray())
      .filter((a) => a.deletedAt === null)
      .sort((a, b) => a.order - b.order);
    result.push({ submission, faces });
  }
  return result;
}

/** The bytes of one image of an asset, falling back to the original when a derived one is missing. */
export async function getAssetBlob(db: KemasDatabase, assetId: string, kind: BlobKind): Promise<Blob | null> {
  const row = (await db.assetBlobs.get(blobKey(assetId, kind))) ?? (await db.assetBlobs.get(blobKey(assetId, 'original')));
  return row?.blob ?? null;
}
