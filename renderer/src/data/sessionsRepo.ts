import type { Mentor } from '#shared/domain/mentor.ts';
import type { Participant } from '#shared/domain/participant.ts';
import type { Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import { scoringSessionSchema, type ScoringSession } from '#shared/domain/session.ts';
import type { Submission } from '#shared/domain/submission.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import { assignQueues, blindNumber, selectSubmissions, type QueueCandidate } from '#shared/scoring/queue.ts';
import { isCurator, othersVisible } from '#shared/scoring/sessionRules.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, newRecordBase, RecordNotFoundError, touched } from './records.ts';

/** Why a session change was refused; the UI translates the code. */
export type SessionRule = 'no-mentors' | 'no-submissions' | 'rubric-not-published' | 'mentor-has-work' | 'not-curator' | 'no-curators';

export class SessionRuleError extends Error {
  readonly code: SessionRule;
  /** For 'mentor-has-work': the mentors who cannot be taken out. */
  readonly mentorIds: readonly string[];
  constructor(code: SessionRule, mentorIds: readonly string[] = []) {
    super(`Session rule: ${code}`);
    this.name = 'SessionRuleError';
    this.code = code;
    this.mentorIds = mentorIds;
  }
}

/** What the curator chooses when making a session. */
export interface NewSessionFields {
  name: string;
  rubricId: string;
  mentorIds: string[];
  filters: ScoringSession['filters'];
  assignment: ScoringSession['assignment'];
  blind: boolean;
  itemTimerMinutes: number | null;
  /** Curators besides the maker (who always is one). */
  curators?: string[];
  reveal?: ScoringSession['reveal'];
}

/** What may change once a session exists; its submissions, filters and rubric stay as made. */
export type SessionChanges = Partial<Pick<NewSessionFields, 'name' | 'blind' | 'assignment' | 'mentorIds' | 'itemTimerMinutes' | 'reveal'>> & {
  curators?: string[];
};

/** Refuses a change by someone who is not one of the session's curators. */
function mustCurate(session: ScoringSession, actor: string): void {
  if (!isCurator(session, actor)) throw new SessionRuleError('not-curator', session.curators);
}

/** A submission a session could include, with what its filters look at. */
export interface SessionCandidate extends QueueCandidate {
  participant: Participant;
  submission: Submission;
}

/**
 * The workshop's live submissions of live participants, in workshop order
 * (business name, then version), with the participant's region or else the
 * workshop's: what session filters choose from.
 */
export async function sessionCandidates(db: KemasDatabase, workshopId: string): Promise<SessionCandidate[]> {
  const [workshop, participants, submissions] = await Promise.all([
    db.workshops.get(workshopId),
    db.participants.where('workshopId').equals(workshopId).toArray(),
    db.submissions.where('workshopId').equals(workshopId).toArray(),
  ]);
  if (!isLive(workshop)) return [];
  const live = new Map(participants.filter((p) => p.deletedAt === null).map((p) => [p.id, p]));
  const newest = new Map<string, number>();
  const rows = submissions.filter((s) => s.deletedAt === null && live.has(s.participantId));
  for (const s of rows) newest.set(s.participantId, Math.max(newest.get(s.participantId) ?? 0, s.version));
  return rows
    .map((submission) => {
      const participant = live.get(submission.participantId) as Participant;
      return {
        submissionId: submission.id,
        region: participant.region || workshop.region,
        category: participant.category,
        version: submission.version,
        isLatest: newest.get(participant.id) === submission.version,
        participant,
        submission,
      };
    })
    .sort((a, b) => a.participant.business.localeCompare(b.participant.business, 'id') || a.participant.id.localeCompare(b.participant.id) || a.version - b.version);
}

/** Creates an open session; its submissions are fixed now from the filters. */
export async function createSession(db: KemasDatabase, workshopId: string, fields: NewSessionFields, actor: string): Promise<ScoringSession> {
  return db.transaction('rw', [db.workshops, db.participants, db.submissions, db.rubrics, db.sessions], async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!isLive(workshop)) throw new RecordNotFoundError('Workshop', workshopId);
    const rubric = await db.rubrics.get(fields.rubricId);
    if (!isLive(rubric) || rubric.status !== 'published') throw new SessionRuleError('rubric-not-published');
    const mentorIds = [...new Set(fields.mentorIds)];
    if (mentorIds.length === 0) throw new SessionRuleError('no-mentors');
    const submissionIds = selectSubmissions(fields.filters, await sessionCandidates(db, workshopId));
    if (submissionIds.length === 0) throw new SessionRuleError('no-submissions');
    const session = scoringSessionSchema.parse({
      ...newRecordBase(actor),
      workshopId,
      name: fields.name,
      rubricId: rubric.id,
      mentorIds,
      filters: fields.filters,
      submissionIds,
      assignment: fields.assignment,
      blind: fields.blind,
      conflicts: [],
      status: 'open',
      keptAssignments: [],
      itemTimerMinutes: fields.itemTimerMinutes,
      // The maker is the first curator, always.
      curators: [...new Set([actor, ...(fields.curators ?? [])])],
      reveal: fields.reveal ?? 'curator',
      revealedAt: null,
    });
    await db.sessions.add(session);
    return session;
  });
}

/** True when a review holds work: submitted, or a draft with a score in it. */
function hasWork(review: Review): boolean {
  return review.deletedAt === null && (review.status === 'submitted' || Object.values(review.scores).some((s) => s.score !== null));
}

/**
 * Changes a session's name, blind mode, timer, assignment or mentors, keeping
 * work already done: a mentor with work in the session cannot be taken out,
 * and when the mentors or the assignment change, every submission a mentor
 * has worked on is kept in their queue (`keptAssignments`).
 */
export async function updateSession(db: KemasDatabase, id: string, changes: SessionChanges, actor: string): Promise<ScoringSession> {
  return db.transaction('rw', [db.sessions, db.reviews], async () => {
    const existing = await db.sessions.get(id);
    if (!isLive(existing)) throw new RecordNotFoundError('Session', id);
    mustCurate(existing, actor);
    const next: ScoringSession = { ...existing, ...touched(actor) };
    if (changes.curators !== undefined) {
      const curators = [...new Set(changes.curators)];
      if (curators.length === 0) throw new SessionRuleError('no-curators');
      next.curators = curators;
    }
    if (changes.reveal !== undefined) next.reveal = changes.reveal;
    if (changes.name !== undefined) next.name = changes.name;
    if (changes.blind !== undefined) next.blind = changes.blind;
    if (changes.itemTimerMinutes !== undefined) next.itemTimerMinutes = changes.itemTimerMinutes;
    const mentorsChange = changes.mentorIds !== undefined && changes.mentorIds.join('\u0000') !== existing.mentorIds.join('\u0000');
    const assignmentChange = changes.assignment !== undefined && changes.assignment !== existing.assignment;
    if (mentorsChange || assignmentChange) {
      const worked = (await db.reviews.where('sessionId').equals(id).toArray()).filter(hasWork);
      const mentorIds = [...new Set(changes.mentorIds ?? existing.mentorIds)];
      if (mentorIds.length === 0) throw new SessionRuleError('no-mentors');
      const leaving = existing.mentorIds.filter((m) => !mentorIds.includes(m) && worked.some((r) => r.mentorId === m));
      if (leaving.length > 0) throw new SessionRuleError('mentor-has-work', leaving);
      const kept = new Map((existing.keptAssignments ?? []).map((k) => [`${k.mentorId}\u0000${k.submissionId}`, k]));
      for (const r of worked) {
        if (existing.submissionIds.includes(r.submissionId)) kept.set(`${r.mentorId}\u0000${r.submissionId}`, { mentorId: r.mentorId, submissionId: r.submissionId });
      }
      next.mentorIds = mentorIds;
      next.assignment = changes.assignment ?? existing.assignment;
      next.keptAssignments = [...kept.values()].filter((k) => mentorIds.includes(k.mentorId));
    }
    const parsed = scoringSessionSchema.parse(next);
    await db.sessions.put(parsed);
    return parsed;
  });
}

/** Changes a session as one of its curators (refused for anyone else), in a transaction. */
async function curate(db: KemasDatabase, id: string, actor: string, change: (session: ScoringSession) => Partial<ScoringSession>): Promise<void> {
  await db.transaction('rw', db.sessions, async () => {
    const existing = await db.sessions.get(id);
    if (!existing) throw new RecordNotFoundError('Session', id);
    mustCurate(existing, actor);
    await db.sessions.put(scoringSessionSchema.parse({ ...existing, ...change(existing), ...touched(actor) }));
  });
}

/**
 * Closes a session: results are final and a blind session's are revealed to every mentor (for good:
 * reopening does not hide what people saw). Curators only.
 */
export function closeSession(db: KemasDatabase, id: string, actor: string, now: number = Date.now()): Promise<void> {
  return curate(db, id, actor, (s) => ({ status: 'closed', revealedAt: s.blind ? (s.revealedAt ?? now) : s.revealedAt }));
}

export function reopenSession(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return curate(db, id, actor, () => ({ status: 'open' }));
}

/** Reveals a blind session's results, marks and names to every mentor, without closing it. Curators only. */
export function revealSession(db: KemasDatabase, id: string, actor: string, now: number = Date.now()): Promise<void> {
  return curate(db, id, actor, (s) => ({ revealedAt: s.revealedAt ?? now }));
}

/** Marks the session deleted (its reviews stay); undo clears the mark. Curators only. */
export function deleteSession(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return curate(db, id, actor, () => ({ deletedAt: Date.now() }));
}

export function restoreSession(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return curate(db, id, actor, () => ({ deletedAt: null }));
}

/** A live session, or null. */
export async function getSession(db: KemasDatabase, id: string): Promise<ScoringSession | null> {
  const session = await db.sessions.get(id);
  return isLive(session) ? session : null;
}

/** The session's live reviews, drafts included. */
export async function sessionReviews(db: KemasDatabase, sessionId: string): Promise<Review[]> {
  return (await db.reviews.where('sessionId').equals(sessionId).toArray()).filter((r) => r.deletedAt === null);
}

/** One mentor's progress in a session. */
export interface MentorProgress {
  mentorId: string;
  /** Submissions in their queue (`assignQueues`). */
  assigned: number;
  /** Submitted, not abstaining, in their queue. */
  submitted: number;
  /** Submitted as an abstention, in their queue. */
  abstained: number;
  /** Drafts begun, in their queue. */
  drafts: number;
  /** Conflicts of interest they declared in this session. */
  conflicts: number;
  /** assigned − submitted − abstained. */
  remaining: number;
  /** Submission ids they have finished (submitted or abstained), for next-unscored. */
  done: Set<string>;
}

/** Progress per mentor, in the session's mentor order, from the session and its reviews. */
export function sessionProgress(session: ScoringSession, reviews: readonly Review[]): MentorProgress[] {
  const queues = assignQueues(session);
  return session.mentorIds.map((mentorId) => {
    const queue = new Set(queues.get(mentorId) ?? []);
    const mine = reviews.filter((r) => r.mentorId === mentorId && r.deletedAt === null && queue.has(r.submissionId));
    const done = new Set(mine.filter((r) => r.status === 'submitted').map((r) => r.submissionId));
    const abstained = new Set(mine.filter((r) => r.status === 'submitted' && r.abstained).map((r) => r.submissionId));
    const drafts = new Set(mine.filter((r) => r.status === 'draft' && !done.has(r.submissionId)).map((r) => r.submissionId));
    return {
      mentorId,
      assigned: queue.size,
      submitted: done.size - abstained.size,
      abstained: abstained.size,
      drafts: drafts.size,
      conflicts: session.conflicts.filter((c) => c.mentorId === mentorId).length,
      remaining: queue.size - done.size,
      done,
    };
  });
}

/**
 * Whether `mentorId` may see other mentors' scores, the results and participants' names
 * (`othersVisible` in shared/scoring/sessionRules.ts: a named session, a blind one once a curator
 * revealed it or closed it, or, when the curator chose so, once the mentor's own queue is done).
 */
export function resultsVisible(session: ScoringSession, reviews: readonly Review[], mentorId: string): boolean {
  return othersVisible(session, reviews, mentorId);
}

/** One submission of a session with what the screens show about it. */
export interface SessionItem {
  submission: Submission;
  participant: Participant | null;
  /** Its place in the session, shown instead of names while blind ("Kiriman 3"). */
  number: number;
  region: string;
}

/** Everything the session screen needs, read together so one live query keeps it current. */
export interface SessionData {
  session: ScoringSession;
  workshop: Workshop;
  /** The session's rubric, even if deleted since (reviews are pinned to it); null if gone. */
  rubric: Rubric | null;
  /** The session's mentors in its order; a mentor whose record is missing is left out. */
  mentors: Mentor[];
  /** The session's submissions in its order; ones whose record is gone are left out. */
  items: SessionItem[];
  reviews: Review[];
}

export async function loadSessionData(db: KemasDatabase, sessionId: string): Promise<SessionData | null> {
  const session = await getSession(db, sessionId);
  if (!session) return null;
  const [workshop, rubric, mentors, submissions, reviews] = await Promise.all([
    db.workshops.get(session.workshopId),
    db.rubrics.get(session.rubricId),
    db.mentors.bulkGet(session.mentorIds),
    db.submissions.bulkGet(session.submissionIds),
    sessionReviews(db, sessionId),
  ]);
  if (!isLive(workshop)) return null;
  const participantIds = [...new Set(submissions.flatMap((s) => (s ? [s.participantId] : [])))];
  const participants = new Map((await db.participants.bulkGet(participantIds)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const items: SessionItem[] = [];
  for (const submission of submissions) {
    if (!submission) continue;
    const participant = participants.get(submission.participantId) ?? null;
    items.push({
      submission,
      participant,
      number: blindNumber(session, submission.id) ?? 0,
      region: participant?.region || workshop.region,
    });
  }
  return {
    session,
    workshop,
    rubric: rubric ?? null,
    mentors: mentors.filter((m): m is Mentor => m !== undefined),
    items,
    reviews,
  };
}

/** A workshop's live sessions, newest first, with their progress (done of assigned, over all mentors). */
export async function listSessions(
  db: KemasDatabase,
  workshopId: string,
): Promise<{ session: ScoringSession; assigned: number; done: number }[]> {
  const sessions = (await db.sessions.where('workshopId').equals(workshopId).toArray()).filter((s) => s.deletedAt === null);
  sessions.sort((a, b) => b.createdAt - a.createdAt);
  const result = [];
  for (const session of sessions) {
    const progress = sessionProgress(session, await sessionReviews(db, session.id));
    result.push({
      session,
      assigned: progress.reduce((a, p) => a + p.assigned, 0),
      done: progress.reduce((a, p) => a + p.assigned - p.remaining, 0),
    });
  }
  return result;
}

