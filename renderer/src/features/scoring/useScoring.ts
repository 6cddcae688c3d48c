import { useEffect, useMemo } from 'react';
import type { Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import { blindNumber, neighbour, nextUnscored } from '#shared/scoring/queue.ts';
import { mustRecordSeeing, othersVisible } from '#shared/scoring/sessionRules.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import {
  useMentorReview,
  useMentorSessionReviews,
  usePinnedRubric,
  useScoringQueue,
  useScoringSession,
  useSubmissionReviews,
  type ScoringQueue,
} from '../../data/reviewHooks.ts';
import { getOrCreateDraft, recordSawOthers, type QueueItem } from '../../data/reviewsRepo.ts';
import { rubricForWorkshop } from '../../data/rubricsRepo.ts';

/** Why the panel is not offered, when it is not. */
export type ScoringBlock = 'session-missing' | 'not-member' | 'not-assigned' | 'conflict';

export interface Scoring {
  loading: boolean;
  /** Set when this mentor may not score this submission here. */
  blocked: ScoringBlock | null;
  session: ScoringSession | null;
  review: Review | null;
  rubric: Rubric | null;
  queue: ScoringQueue | undefined;
  /** The participant's identity is hidden (a blind session). */
  blind: boolean;
  /** "Kiriman n" in a blind session. */
  blindNumber: number | null;
  /**
   * Other mentors' annotations and scores may be shown: not blind, or revealed to this mentor
   * (`othersVisible`: a curator revealed them or closed the session, or their queue is done when the
   * curator chose so), and not a submission they declared a conflict on.
   */
  revealOthers: boolean;
  /** Other mentors' reviews in the same session (or outside any); hidden ones are filtered by the caller. */
  otherReviews: Review[];
  previous: QueueItem | null;
  next: QueueItem | null;
  nextUnscored: QueueItem | null;
}

/**
 * Everything the review screen needs to score: the session (from
 * `?session=`), whether this mentor may score here, their review (an empty
 * draft is made when there is none), its pinned rubric, and the queue to move
 * through (the session's for this mentor, else the workshop's newest
 * submissions).
 */
export function useScoring(options: {
  workshopId: string;
  submissionId: string;
  sessionId: string | null;
  mentorId: string;
  onError: (error: unknown) => void;
}): Scoring {
  const { workshopId, submissionId, sessionId, mentorId, onError } = options;
  const db = useDatabase();
  const session = useScoringSession(sessionId);
  const review = useMentorReview({ submissionId, mentorId, sessionId });
  const rubric = usePinnedRubric(review?.rubricId ?? null);
  const queue = useScoringQueue(workshopId, sessionId ? (session ?? null) : null, mentorId);
  const reviews = useSubmissionReviews(submissionId, sessionId);
  const mine = useMentorSessionReviews(sessionId, mentorId);

  const blocked: ScoringBlock | null | undefined = useMemo(() => {
    if (!sessionId) return null;
    if (session === undefined) return undefined;
    if (session === null) return 'session-missing';
    if (!session.mentorIds.includes(mentorId)) return 'not-member';
    if (session.conflicts.some((c) => c.mentorId === mentorId && c.submissionId === submissionId)) return 'conflict';
    if (!session.submissionIds.includes(submissionId)) return 'not-assigned';
    // Wait for the queue: no draft is made for a submission the split gave to someone else.
    if (queue === undefined) return undefined;
    if (!queue.items.some((i) => i.submissionId === submissionId)) return 'not-assigned';
    return null;
  }, [sessionId, session, mentorId, submissionId, queue]);

  // A draft is made the first time a mentor who may score opens the submission.
  const rubricOfSession = session?.rubricId ?? null;
  useEffect(() => {
    if (review !== null || blocked !== null) return;
    if (sessionId && !rubricOfSession) return;
    let cancelled = false;
    void (async () => {
      try {
        const rubricId = rubricOfSession ?? (await rubricForWorkshop(db, workshopId)).id;
        if (!cancelled) await getOrCreateDraft(db, { submissionId, mentorId, sessionId, rubricId });
      } catch (error) {
        onError(error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, review, blocked, sessionId, rubricOfSession, workshopId, submissionId, mentorId, onError]);

  const blind = session?.blind ?? false;
  // A declared conflict reveals nothing: that mentor is not to see how the submission fares.
  // While a session is loading nothing of the others shows: it may be blind.
  const revealOthers =
    sessionId !== null && session === undefined ? false
    : !blind || (session !== null && session !== undefined && mine !== undefined && othersVisible(session, mine, mentorId) && !review?.conflictOfInterest);
  // Being shown the others in a blind session is a stored fact on the mentor's reviews.
  const recordSeeing = revealOthers && blind && session !== null && session !== undefined && mine !== undefined && mustRecordSeeing(session, mine, mentorId);
  useEffect(() => {
    if (!recordSeeing || !sessionId) return;
    recordSawOthers(db, sessionId, mentorId).catch(onError);
  }, [db, recordSeeing, sessionId, mentorId, onError]);

  const items = queue?.items ?? [];
  const ids = items.map((i) => i.submissionId);
  const byId = (id: string | null) => items.find((i) => i.submissionId === id) ?? null;
  return {
    loading: review === undefined || blocked === undefined || (review !== null && rubric === undefined) || queue === undefined,
    blocked: blocked ?? null,
    session: session ?? null,
    review: review ?? null,
    rubric: rubric ?? null,
    queue,
    blind,
    blindNumber: session ? blindNumber(session, submissionId) : null,
    revealOthers,
    otherReviews: (reviews ?? []).filter((r) => r.mentorId !== mentorId),
    previous: byId(neighbour(ids, submissionId, -1)),
    next: byId(neighbour(ids, submissionId, 1)),
    nextUnscored: byId(nextUnscored(ids, queue?.done ?? new Set(), ids.includes(submissionId) ? submissionId : null)),
  };
}
