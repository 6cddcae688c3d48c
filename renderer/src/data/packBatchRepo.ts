import type { Submission } from '#shared/domain/submission.ts';
import type { KemasDatabase } from './db.ts';
import { reviewsPerMentor } from './packRepo.ts';
import { isLive, RecordNotFoundError } from './records.ts';

/** Whose packs a batch makes: submissions picked in the library, a scoring session's submissions, or a workshop's latest versions. */
export type BatchScope =
  | { kind: 'selection'; submissionIds: string[] }
  | { kind: 'session'; sessionId: string }
  | { kind: 'workshop'; workshopId: string };

/** One submission a batch may make packs for, with what names its files and who reviewed it. */
export interface BatchCandidate {
  submissionId: string;
  business: string;
  product: string;
  version: number;
  /** The participant's region, else the workshop's: the first folder of the export. */
  region: string;
  /** Mentors whose submitted review counts (not abstained, no conflict of interest), by name. */
  reviewers: { id: string; name: string }[];
}

/** A participant of the workshop with no submission at all: said, not silently left out. */
export interface BatchWithoutSubmission {
  participantId: string;
  business: string;
}

export interface BatchCandidates {
  candidates: BatchCandidate[];
  withoutSubmission: BatchWithoutSubmission[];
}

/**
 * The submissions of a batch export, in the order a person reads them
 * (region, business, version), each with the mentors whose submitted review
 * counts. A selection or a session gives its fixed list of submissions; a
 * workshop, each participant's newest live version.
 */
export async function loadBatchCandidates(db: KemasDatabase, scope: BatchScope): Promise<BatchCandidates> {
  let workshopId: string;
  let submissions: Submission[];
  if (scope.kind === 'selection') {
    submissions = (await db.submissions.bulkGet(scope.submissionIds)).filter(isLive);
    // The library picks within one workshop; its region names the folder of a participant without one.
    const first = submissions[0];
    if (!first) throw new RecordNotFoundError('Submission', scope.submissionIds.join(', '));
    workshopId = first.workshopId;
    submissions = submissions.filter((s) => s.workshopId === workshopId);
  } else if (scope.kind === 'session') {
    const session = await db.sessions.get(scope.sessionId);
    if (!isLive(session)) throw new RecordNotFoundError('Session', scope.sessionId);
    workshopId = session.workshopId;
    submissions = (await db.submissions.bulkGet(session.submissionIds)).filter(isLive);
  } else {
    workshopId = scope.workshopId;
    const newest = new Map<string, Submission>();
    for (const s of await db.submissions.where('workshopId').equals(workshopId).toArray()) {
      const current = newest.get(s.participantId);
      if (s.deletedAt === null && (!current || s.version > current.version)) newest.set(s.participantId, s);
    }
    submissions = [...newest.values()];
  }
  const workshop = await db.workshops.get(workshopId);
  if (!isLive(workshop)) throw new RecordNotFoundError('Workshop', workshopId);

  const [participants, reviews, mentors] = await Promise.all([
    db.participants.where('workshopId').equals(workshopId).toArray(),
    db.reviews.where('submissionId').anyOf(submissions.map((s) => s.id)).toArray(),
    db.mentors.toArray(),
  ]);
  const participantById = new Map(participants.filter(isLive).map((p) => [p.id, p]));
  const mentorName = new Map(mentors.map((m) => [m.id, m.name]));

  const candidates: BatchCandidate[] = [];
  for (const submission of submissions) {
    const participant = participantById.get(submission.participantId);
    if (!participant) continue;
    const counted = reviewsPerMentor(reviews.filter((r) => r.submissionId === submission.id)).filter(
      (r) => r.status === 'submitted' && !r.abstained && !r.conflictOfInterest,
    );
    candidates.push({
      submissionId: submission.id,
      business: participant.business,
      product: participant.product,
      version: submission.version,
      region: participant.region.trim() || workshop.region,
      reviewers: counted
        .map((r) => ({ id: r.mentorId, name: mentorName.get(r.mentorId) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    });
  }
  const byReading = (a: BatchCandidate, b: BatchCandidate) =>
    a.region.localeCompare(b.region, 'id') || a.business.localeCompare(b.business, 'id') || a.version - b.version;
  candidates.sort(byReading);

  const withSubmission = new Set(submissions.map((s) => s.participantId));
  const withoutSubmission =
    scope.kind === 'workshop'
      ? [...participantById.values()]
          .filter((p) => !withSubmission.has(p.id))
          .map((p) => ({ participantId: p.id, business: p.business }))
          .sort((a, b) => a.business.localeCompare(b.business, 'id'))
      : [];
  return { candidates, withoutSubmission };
}

/** The name of a batch's workshop or session, for titles; null when it is gone. */
export async function batchScopeName(db: KemasDatabase, scope: Exclude<BatchScope, { kind: 'selection' }>): Promise<string | null> {
  const record = scope.kind === 'session' ? await db.sessions.get(scope.sessionId) : await db.workshops.get(scope.workshopId);
  return isLive(record) ? record.name : null;
}
