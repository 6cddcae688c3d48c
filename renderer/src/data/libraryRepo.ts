import type { Asset } from '#shared/domain/asset.ts';
import type { Participant } from '#shared/domain/participant.ts';
import type { Submission } from '#shared/domain/submission.ts';
import type { KemasDatabase } from './db.ts';

export interface LibraryItem {
  submission: Submission;
  participant: Participant;
  /** Faces in order; the first is the cover. */
  faces: Asset[];
  /** True when it is the participant's newest version. */
  latest: boolean;
  /** True when at least one mentor submitted a review of it. */
  reviewed: boolean;
}

/**
 * Every live submission of a workshop with its participant, faces and review
 * state, read in four indexed queries (not one per submission), for the library grid.
 */
export async function listLibrary(db: KemasDatabase, workshopId: string): Promise<LibraryItem[]> {
  const [participants, submissions, assets] = await Promise.all([
    db.participants.where('workshopId').equals(workshopId).toArray(),
    db.submissions.where('workshopId').equals(workshopId).toArray(),
    db.assets.where('workshopId').equals(workshopId).toArray(),
  ]);
  const liveParticipants = new Map(participants.filter((p) => p.deletedAt === null).map((p) => [p.id, p]));
  const facesBySubmission = new Map<string, Asset[]>();
  for (const asset of assets) {
    if (asset.deletedAt !== null || asset.submissionId === null) continue;
    const list = facesBySubmission.get(asset.submissionId) ?? [];
    list.push(asset);
    facesBySubmission.set(asset.submissionId, list);
  }
  const reviewed = new Set<string>();
  const submissionIds = submissions.map((s) => s.id);
  await db.reviews
    .where('submissionId')
    .anyOf(submissionIds)
    .each((r) => {
      if (r.deletedAt === null && r.status === 'submitted') reviewed.add(r.submissionId);
    });
  const newest = new Map<string, number>();
  for (const s of submissions) {
    if (s.deletedAt === null) newest.set(s.participantId, Math.max(newest.get(s.participantId) ?? 0, s.version));
  }
  const items: LibraryItem[] = [];
  for (const submission of submissions) {
    const participant = liveParticipants.get(submission.participantId);
    if (submission.deletedAt !== null || !participant) continue;
    const faces = (facesBySubmission.get(submission.id) ?? []).sort((a, b) => a.order - b.order);
    items.push({
      submission,
      participant,
      faces,
      latest: newest.get(participant.id) === submission.version,
      reviewed: reviewed.has(submission.id),
    });
  }
  return items;
}
