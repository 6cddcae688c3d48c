import type { Review } from '../domain/review.ts';
import type { ScoringSession } from '../domain/session.ts';
import { assignQueues } from './queue.ts';

/*
 * Who may do what in a scoring session, as pure functions of the records, so the screens, the data
 * layer and the bundle merge all apply the same rules.
 *
 * - Curators (the mentor who made the session, and whom a curator names) change its settings,
 *   close or reopen it, reveal blind results and delete it. Everyone else sees the settings read-only.
 * - In a blind session a scoring mentor sees other mentors' marks and scores only once a curator
 *   revealed them (closing reveals too) or, when the curator chose so, once their own queue is done.
 */

type SessionRoles = Pick<ScoringSession, 'curators'>;

/** True when `mentorId` is one of the session's curators. */
export function isCurator(session: SessionRoles, mentorId: string): boolean {
  return session.curators.includes(mentorId);
}

/**
 * The fields of a session that are its settings: what only a curator may change. A session's
 * `conflicts` are not among them (each mentor declares their own), nor the record stamps.
 */
export const SESSION_SETTING_FIELDS = [
  'name',
  'workshopId',
  'rubricId',
  'filters',
  'submissionIds',
  'mentorIds',
  'assignment',
  'keptAssignments',
  'blind',
  'itemTimerMinutes',
  'status',
  'curators',
  'reveal',
  'revealedAt',
  'deletedAt',
] as const satisfies readonly (keyof ScoringSession)[];
export type SessionSettingField = (typeof SESSION_SETTING_FIELDS)[number];

/** Order-independent text of a value, for comparing two copies of a setting. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/** The settings that differ between two copies of one session, in SESSION_SETTING_FIELDS order. */
export function changedSettings(before: Partial<ScoringSession>, after: Partial<ScoringSession>): SessionSettingField[] {
  return SESSION_SETTING_FIELDS.filter((field) => canonical(before[field]) !== canonical(after[field]));
}

type VisibilitySession = Pick<
  ScoringSession,
  'blind' | 'status' | 'revealedAt' | 'reveal' | 'curators' | 'mentorIds' | 'submissionIds' | 'assignment' | 'conflicts' | 'keptAssignments'
>;
type VisibilityReview = Pick<Review, 'mentorId' | 'submissionId' | 'status' | 'deletedAt' | 'sawOthersAt'> & { sessionId?: string | null };

/** Why other mentors' scores are shown to someone (or 'hidden'), for the screens to explain. */
export type OthersVisibility = 'named' | 'revealed' | 'own-queue-done' | 'seen-before' | 'curator' | 'hidden';

/**
 * Whether `mentorId` may see other mentors' marks and scores and the results of a session, and why.
 * A named session shows them to all. A blind one shows them to everyone once a curator revealed them
 * (or closed the session); to a scoring mentor once their own queue is done, when the curator chose
 * 'own-queue-done'; to a mentor who was already shown them (their reviews carry `sawOthersAt`:
 * reopening one later does not hide what they saw); and to a curator who does not score in it (who
 * runs it and judges nothing). Anyone else sees nothing until the reveal.
 */
export function othersVisibility(session: VisibilitySession, reviews: readonly VisibilityReview[], mentorId: string): OthersVisibility {
  if (!session.blind) return 'named';
  if (session.revealedAt !== null || session.status === 'closed') return 'revealed';
  const scoring = session.mentorIds.includes(mentorId);
  if (!scoring) return isCurator(session, mentorId) ? 'curator' : 'hidden';
  const mine = reviews.filter((r) => r.mentorId === mentorId && r.deletedAt === null);
  if (mine.some((r) => r.sawOthersAt !== null)) return 'seen-before';
  if (session.reveal === 'own-queue-done') {
    const queue = assignQueues(session).get(mentorId) ?? [];
    const done = new Set(mine.filter((r) => r.status === 'submitted').map((r) => r.submissionId));
    if (queue.every((id) => done.has(id))) return 'own-queue-done';
  }
  return 'hidden';
}

/** `othersVisibility` as a yes or no. */
export function othersVisible(session: VisibilitySession, reviews: readonly VisibilityReview[], mentorId: string): boolean {
  return othersVisibility(session, reviews, mentorId) !== 'hidden';
}

/**
 * True when seeing the others now must be recorded on the mentor's reviews (`sawOthersAt`): a blind
 * session, a mentor who scores in it and may see them, with a review that does not say so yet.
 */
export function mustRecordSeeing(session: VisibilitySession, reviews: readonly VisibilityReview[], mentorId: string): boolean {
  if (!session.blind || !session.mentorIds.includes(mentorId)) return false;
  if (!othersVisible(session, reviews, mentorId)) return false;
  return reviews.some((r) => r.mentorId === mentorId && r.deletedAt === null && r.sawOthersAt === null);
}

type CountableReview = Pick<Review, 'status' | 'scores' | 'abstained' | 'conflictOfInterest'> & {
  lastSubmitted?: Review['lastSubmitted'];
};

/**
 * The version of a review that results count: the review itself, or, while a submitted review is
 * reopened for a revision, what was submitted (so it never drops out of the results between reopening
 * and sending the revision).
 */
export function countedVersion<R extends CountableReview>(review: R): R {
  if (review.status !== 'draft' || !review.lastSubmitted) return review;
  const { scores, abstained, conflictOfInterest } = review.lastSubmitted;
  return { ...review, status: 'submitted', scores, abstained, conflictOfInterest };
}
