import { reviewSchema, type Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import type { ActionLists } from '#shared/scoring/actionItems.ts';
import { reviewCompleteness } from '#shared/scoring/completeness.ts';
import { assignQueues } from '#shared/scoring/queue.ts';
import { isOnScale } from '#shared/scoring/scale.ts';
import { othersVisibility } from '#shared/scoring/sessionRules.ts';
import type { KemasDatabase } from './db.ts';
import { listParticipants } from './participantsRepo.ts';
import { countedEdit } from './editHistory.ts';
import { isLive, newRecordBase, RecordNotFoundError, touched } from './records.ts';
import { latestSubmissionIds } from './submissionsRepo.ts';

/** Why an edit of a review was refused; the UI turns each into a sentence. */
export type ReviewProblem = 'submitted' | 'incomplete' | 'unknown-criterion' | 'off-scale' | 'rubric-missing';

export class ReviewStateError extends Error {
  readonly problem: ReviewProblem;
  constructor(problem: ReviewProblem, detail = '') {
    super(`review: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'ReviewStateError';
    this.problem = problem;
  }
}

/** One review per submission, mentor and session (null outside a session). */
export interface ReviewKey {
  submissionId: string;
  mentorId: string;
  sessionId: string | null;
}

/**
 * The live review for `key`, or null. Should bundles from two laptops have
 * brought two, the one edited last wins, as merges do.
 */
export async function findReview(db: KemasDatabase, key: ReviewKey): Promise<Review | null> {
  const rows = await db.reviews.where('[submissionId+mentorId]').equals([key.submissionId, key.mentorId]).toArray();
  const matching = rows.filter((r) => r.deletedAt === null && r.sessionId === key.sessionId);
  matching.sort((a, b) => b.updatedAt - a.updatedAt);
  return matching[0] ?? null;
}

/**
 * The mentor's review of a submission (in a session or not), made as an empty
 * draft pinned to `rubricId` when there is none yet. An existing review keeps
 * the rubric it was made with.
 */
export async function getOrCreateDraft(db: KemasDatabase, key: ReviewKey & { rubricId: string }, now: number = Date.now()): Promise<Review> {
  return db.transaction('rw', db.reviews, db.sessions, async () => {
    const existing = await findReview(db, key);
    if (existing) return existing;
    // Begun in a blind session whose scores are already revealed: scored having seen the others.
    const session = key.sessionId ? await db.sessions.get(key.sessionId) : undefined;
    const sawOthersAt = session && session.blind && session.mentorIds.includes(key.mentorId) && othersVisibility(session, [], key.mentorId) === 'revealed' ? now : null;
    const review = reviewSchema.parse({
      ...newRecordBase(key.mentorId, now),
      submissionId: key.submissionId,
      mentorId: key.mentorId,
      authorKeyId: null,
      rubricId: key.rubricId,
      sessionId: key.sessionId,
      scores: {},
      verdict: null,
      strengths: [],
      mustFix: [],
      suggestions: [],
      timeSpentMs: 0,
      status: 'draft',
      abstained: false,
      conflictOfInterest: false,
      sawOthersAt,
      revisedAfterRevealAt: null,
      lastSubmitted: null,
    });
    const counted = countedEdit(db, undefined, review);
    await db.reviews.add(counted);
    return counted;
  });
}

export async function getReview(db: KemasDatabase, id: string): Promise<Review | null> {
  const review = await db.reviews.get(id);
  return isLive(review) ? review : null;
}

/** The rubric a review is pinned to, even when it was deleted or archived since. */
async function pinnedRubric(db: KemasDatabase, review: Review): Promise<Rubric> {
  const rubric = await db.rubrics.get(review.rubricId);
  if (!rubric) throw new ReviewStateError('rubric-missing', review.rubricId);
  return rubric;
}

type Edit = (review: Review) => Review | Promise<Review>;

/**
 * Reads, changes and writes one review in a transaction, stamped with the
 * editor and the time, validated by the schema. Content edits (`draftOnly`)
 * are refused once the review is submitted: reopen it first.
 */
async function edit(
  db: KemasDatabase,
  id: string,
  actor: string,
  change: Edit,
  options: { draftOnly: boolean; tables?: 'reviews' | 'reviews+rubrics' | 'reviews+sessions' },
): Promise<Review> {
  const tables =
    options.tables === 'reviews+rubrics' ? [db.reviews, db.rubrics]
    : options.tables === 'reviews+sessions' ? [db.reviews, db.sessions]
    : [db.reviews];
  return db.transaction('rw', tables, async () => {
    const current = await db.reviews.get(id);
    if (!isLive(current)) throw new RecordNotFoundError('Review', id);
    if (options.draftOnly && current.status === 'submitted') throw new ReviewStateError('submitted');
    const changed = await change(current);
    const next = countedEdit(db, current, reviewSchema.parse({ ...changed, ...touched(actor) }));
    await db.reviews.put(next);
    return next;
  });
}

function entry(review: Review, criterionId: string) {
  return review.scores[criterionId] ?? { score: null, note: '' };
}

/** Scores one criterion (null clears it); the score must be a level of the criterion's scale. */
export function setScore(db: KemasDatabase, reviewId: string, criterionId: string, score: number | null, actor: string): Promise<Review> {
  return edit(
    db,
    reviewId,
    actor,
    async (review) => {
      const rubric = await pinnedRubric(db, review);
      const criterion = rubric.groups.flatMap((g) => g.criteria).find((c) => c.id === criterionId);
      if (!criterion) throw new ReviewStateError('unknown-criterion', criterionId);
      if (score !== null && !isOnScale(criterion.scale, score)) throw new ReviewStateError('off-scale', String(score));
      return { ...review, scores: { ...review.scores, [criterionId]: { ...entry(review, criterionId), score } } };
    },
    { draftOnly: true, tables: 'reviews+rubrics' },
  );
}

export function setNote(db: KemasDatabase, reviewId: string, criterionId: string, note: string, actor: string): Promise<Review> {
  return edit(
    db,
    reviewId,
    actor,
    (review) => ({ ...review, scores: { ...review.scores, [criterionId]: { ...entry(review, criterionId), note } } }),
    { draftOnly: true },
  );
}

export function setVerdict(db: KemasDatabase, reviewId: string, verdict: Review['verdict'], actor: string): Promise<Review> {
  return edit(db, reviewId, actor, (review) => ({ ...review, verdict }), { draftOnly: true });
}

/**
 * Replaces one or more of the strengths / must-fix / suggestions lists. Given
 * a function, it gets the lists as stored when the edit runs, so quick edits
 * in a row (change an item, then remove another) each apply to the one before.
 */
export function setLists(
  db: KemasDatabase,
  reviewId: string,
  lists: Partial<ActionLists> | ((current: ActionLists) => Partial<ActionLists>),
  actor: string,
): Promise<Review> {
  return edit(
    db,
    reviewId,
    actor,
    (review) => ({ ...review, ...(typeof lists === 'function' ? lists({ strengths: review.strengths, mustFix: review.mustFix, suggestions: review.suggestions }) : lists) }),
    { draftOnly: true },
  );
}

/** Adds time spent on the review (whole milliseconds); allowed in any state, it changes no judgement. */
export function addTime(db: KemasDatabase, reviewId: string, ms: number, actor: string): Promise<Review> {
  const whole = Math.max(0, Math.round(ms));
  return edit(db, reviewId, actor, (review) => ({ ...review, timeSpentMs: review.timeSpentMs + whole }), { draftOnly: false });
}

/** Submits the review; refused unless every criterion is scored and a verdict chosen (or the mentor declined). */
export function submit(db: KemasDatabase, reviewId: string, actor: string): Promise<Review> {
  return edit(
    db,
    reviewId,
    actor,
    async (review) => {
      if (review.status === 'submitted') return review;
      const completeness = reviewCompleteness(review, await pinnedRubric(db, review));
      if (!completeness.complete) throw new ReviewStateError('incomplete', completeness.unscored.join(','));
      // The revision is sent: it counts from now on, instead of what was submitted before.
      return { ...review, status: 'submitted', lastSubmitted: null };
    },
    { draftOnly: false, tables: 'reviews+rubrics' },
  );
}

/**
 * Opens a submitted review for changes again. An abstention or a declared
 * conflict is withdrawn with it (and the conflict taken out of the session),
 * since the mentor reopens to score after all. What was submitted is kept
 * (`lastSubmitted`) and still counts in results until the revision is sent;
 * reopened after its mentor saw other mentors' scores in a blind session, the
 * review is marked with the time (`revisedAfterRevealAt`).
 */
export function reopen(db: KemasDatabase, reviewId: string, actor: string, now: number = Date.now()): Promise<Review> {
  return edit(
    db,
    reviewId,
    actor,
    async (review) => {
      if (review.status !== 'submitted') return review;
      if (review.conflictOfInterest && review.sessionId) await changeSessionConflict(db, review, actor, 'remove');
      const { scores, verdict, abstained, conflictOfInterest } = review;
      return {
        ...review,
        status: 'draft',
        abstained: false,
        conflictOfInterest: false,
        lastSubmitted: { scores, verdict, abstained, conflictOfInterest, submittedAt: review.updatedAt },
        revisedAfterRevealAt: review.sawOthersAt !== null ? now : review.revisedAfterRevealAt,
      };
    },
    { draftOnly: false, tables: 'reviews+sessions' },
  );
}

/** The mentor declines to score this submission; the review is submitted as an abstention (scores kept, not counted). */
export function abstain(db: KemasDatabase, reviewId: string, actor: string): Promise<Review> {
  return edit(db, reviewId, actor, (review) => ({ ...review, abstained: true, status: 'submitted' }), { draftOnly: false });
}

/**
 * The mentor declares a conflict of interest: the review is submitted as such
 * and, in a session, the pair goes into the session's `conflicts` in the same
 * transaction, so the queues give the submission to someone else.
 */
export function declareConflict(db: KemasDatabase, reviewId: string, actor: string): Promise<Review> {
  return edit(
    db,
    reviewId,
    actor,
    async (review) => {
      if (review.sessionId) await changeSessionConflict(db, review, actor, 'add');
      return { ...review, conflictOfInterest: true, status: 'submitted' };
    },
    { draftOnly: false, tables: 'reviews+sessions' },
  );
}

async function changeSessionConflict(db: KemasDatabase, review: Review, actor: string, change: 'add' | 'remove'): Promise<void> {
  const sessionId = review.sessionId as string;
  const session = await db.sessions.get(sessionId);
  if (!session) throw new RecordNotFoundError('Session', sessionId);
  const same = (c: ScoringSession['conflicts'][number]) => c.mentorId === review.mentorId && c.submissionId === review.submissionId;
  const has = session.conflicts.some(same);
  if (change === 'add' && has) return;
  if (change === 'remove' && !has) return;
  const conflicts =
    change === 'add'
      ? [...session.conflicts, { mentorId: review.mentorId, submissionId: review.submissionId }]
      : session.conflicts.filter((c) => !same(c));
  await db.sessions.update(sessionId, { conflicts, ...touched(actor) });
}

/**
 * Records that `mentorId` was shown other mentors' scores or marks in a blind session: every review of
 * theirs in it without the fact gets `sawOthersAt` (the first time stays), stamped as their edit so the
 * fact travels to other laptops with the review.
 */
export async function recordSawOthers(db: KemasDatabase, sessionId: string, mentorId: string, now: number = Date.now()): Promise<number> {
  return db.transaction('rw', db.reviews, async () => {
    const rows = (await db.reviews.where('sessionId').equals(sessionId).toArray()).filter(
      (r) => r.mentorId === mentorId && r.deletedAt === null && r.sawOthersAt === null,
    );
    if (rows.length === 0) return 0;
    await db.reviews.bulkPut(rows.map((r) => countedEdit(db, r, reviewSchema.parse({ ...r, sawOthersAt: now, ...touched(mentorId, now) }))));
    return rows.length;
  });
}

/** Live reviews of a submission in one session (or outside any, with null), every mentor's. */
export async function listSubmissionReviews(db: KemasDatabase, submissionId: string, sessionId: string | null): Promise<Review[]> {
  const rows = await db.reviews.where('submissionId').equals(submissionId).toArray();
  return rows.filter((r) => r.deletedAt === null && r.sessionId === sessionId);
}

/** Submissions the mentor has submitted a review of (abstentions and conflicts included), in a session or outside any. */
export async function doneSubmissionIds(db: KemasDatabase, mentorId: string, sessionId: string | null): Promise<Set<string>> {
  const rows =
    sessionId === null
      ? await db.reviews.where('mentorId').equals(mentorId).toArray()
      : (await db.reviews.where('sessionId').equals(sessionId).toArray()).filter((r) => r.mentorId === mentorId);
  return new Set(rows.filter((r) => r.deletedAt === null && r.sessionId === sessionId && r.status === 'submitted').map((r) => r.submissionId));
}

/** One stop of a scoring queue: what the review route needs. */
export interface QueueItem {
  submissionId: string;
  participantId: string;
}

/** Outside a session: every participant's newest submission, in the workshop's participant order. */
export async function workshopQueue(db: KemasDatabase, workshopId: string): Promise<QueueItem[]> {
  const [participants, latest] = await Promise.all([listParticipants(db, workshopId), latestSubmissionIds(db, workshopId)]);
  return participants.flatMap((p) => {
    const submissionId = latest.get(p.id);
    return submissionId ? [{ submissionId, participantId: p.id }] : [];
  });
}

/** In a session: the mentor's queue (assignQueues), with each submission's participant. */
export async function sessionQueue(db: KemasDatabase, session: ScoringSession, mentorId: string): Promise<QueueItem[]> {
  const ids = assignQueues(session).get(mentorId) ?? [];
  const submissions = await db.submissions.bulkGet(ids);
  return ids.flatMap((submissionId, i) => {
    const s = submissions[i];
    return s ? [{ submissionId, participantId: s.participantId }] : [];
  });
}
