import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoringSession } from '#shared/domain/session.ts';
import { useDatabase } from './DatabaseProvider.tsx';
import { isLive } from './records.ts';
import { doneSubmissionIds, findReview, getReview, listSubmissionReviews, sessionQueue, workshopQueue, type QueueItem, type ReviewKey } from './reviewsRepo.ts';

// Live queries return `undefined` while loading; screens show a loading state for it.

/** A live review by id; null when there is none (no id yet, or deleted). */
export function useReview(reviewId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (reviewId ? getReview(db, reviewId) : null), [db, reviewId]);
}

/** The mentor's live review of a submission in a session (or outside any); null when there is none yet. */
export function useMentorReview(key: ReviewKey) {
  const db = useDatabase();
  const { submissionId, mentorId, sessionId } = key;
  return useLiveQuery(() => findReview(db, { submissionId, mentorId, sessionId }), [db, submissionId, mentorId, sessionId]);
}

/** The rubric a review is pinned to, even when deleted or archived since; null when it is not stored. */
export function usePinnedRubric(rubricId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => (rubricId ? ((await db.rubrics.get(rubricId)) ?? null) : null), [db, rubricId]);
}

/** A live scoring session, null when there is none or it was deleted. */
export function useScoringSession(sessionId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (!sessionId) return null;
    const session = await db.sessions.get(sessionId);
    return isLive(session) ? session : null;
  }, [db, sessionId]);
}

/** Every mentor's live review of a submission in one session (or outside any). */
export function useSubmissionReviews(submissionId: string, sessionId: string | null) {
  const db = useDatabase();
  return useLiveQuery(() => listSubmissionReviews(db, submissionId, sessionId), [db, submissionId, sessionId]);
}

export interface ScoringQueue {
  items: QueueItem[];
  /** Submissions of the queue this mentor has submitted (abstentions and conflicts included). */
  done: Set<string>;
}

/**
 * The queue the mentor works through: in a session, their assigned
 * submissions; outside, the workshop's newest submission of every participant.
 */
export function useScoringQueue(workshopId: string, session: ScoringSession | null, mentorId: string) {
  const db = useDatabase();
  return useLiveQuery(async (): Promise<ScoringQueue> => {
    const items = session ? await sessionQueue(db, session, mentorId) : await workshopQueue(db, workshopId);
    const submitted = await doneSubmissionIds(db, mentorId, session?.id ?? null);
    return { items, done: new Set(items.filter((i) => submitted.has(i.submissionId)).map((i) => i.submissionId)) };
  }, [db, workshopId, session, mentorId]);
}

/** Rubrics by id (deleted ones too: reviews stay pinned to theirs), for scoring several reviews. */
export function useRubricsById(ids: readonly string[]) {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join('\u0000');
  return useLiveQuery(async () => {
    const unique = key ? key.split('\u0000') : [];
    const rows = await db.rubrics.bulkGet(unique);
    return new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  }, [db, key]);
}

/** One mentor's live reviews in a session (none outside a session): what decides whether others' work shows. */
export function useMentorSessionReviews(sessionId: string | null, mentorId: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (!sessionId) return [];
    const rows = await db.reviews.where('sessionId').equals(sessionId).toArray();
    return rows.filter((r) => r.mentorId === mentorId && r.deletedAt === null);
  }, [db, sessionId, mentorId]);
}
