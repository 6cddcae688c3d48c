import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Review } from '#shared/domain/review.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { reviewScore } from '#shared/scoring/score.ts';
import { scoresOf } from '#shared/scoring/completeness.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import {
  abstain,
  addTime,
  declareConflict,
  doneSubmissionIds,
  findReview,
  getOrCreateDraft,
  listSubmissionReviews,
  recordSawOthers,
  reopen,
  ReviewStateError,
  sessionQueue,
  setLists,
  setNote,
  setScore,
  setVerdict,
  submit,
  workshopQueue,
} from '#renderer/src/data/reviewsRepo.ts';
import { RecordNotFoundError } from '#renderer/src/data/records.ts';
import { scoringSession } from '../../support/scoringSession.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { createParticipant } from '#renderer/src/data/participantsRepo.ts';

let db: KemasDatabase;
let counter = 0;
const rubricId = presetRubricId(MJC_QUALITY_INNOVATION);
const criteria = MJC_QUALITY_INNOVATION.groups.flatMap((g) => g.criteria.map((c) => c.id));

beforeEach(async () => {
  db = openDatabase(`reviews-test-${++counter}`);
  await db.open();
  await ensurePresetRubrics(db);
});
afterEach(async () => {
  await db.delete();
});

const draft = (submissionId = 'sub-1', mentorId = 'mentor-a', sessionId: string | null = null) =>
  getOrCreateDraft(db, { submissionId, mentorId, sessionId, rubricId });

async function scoreAll(review: Review, score = 4): Promise<Review> {
  let latest = review;
  for (const c of criteria) latest = await setScore(db, review.id, c, score, review.mentorId);
  return latest;
}

function session(overrides: Partial<ScoringSession> = {}): ScoringSession {
  return scoringSession({
    id: 'session-1',
    updatedBy: 'curator',
    workshopId: 'w-1',
    name: 'Penjurian Malang',
    rubricId,
    mentorIds: ['mentor-a', 'mentor-b'],
    submissionIds: ['sub-1', 'sub-2', 'sub-3'],
    curators: ['curator'],
    ...overrides,
  });
}

describe('review drafts', () => {
  it('keeps one review per submission, mentor and session', async () => {
    const first = await draft();
    const again = await draft();
    expect(again.id).toBe(first.id);
    const otherMentor = await draft('sub-1', 'mentor-b');
    const inSession = await draft('sub-1', 'mentor-a', 'session-1');
    expect(new Set([first.id, otherMentor.id, inSession.id]).size).toBe(3);
    expect(first).toMatchObject({ status: 'draft', rubricId, sessionId: null, scores: {}, verdict: null, timeSpentMs: 0, updatedBy: 'mentor-a' });
    expect(await db.reviews.count()).toBe(3);
  });

  it('makes only one draft when opened twice at once', async () => {
    const [a, b] = await Promise.all([draft(), draft()]);
    expect(a.id).toBe(b.id);
    expect(await db.reviews.count()).toBe(1);
  });

  it('keeps the rubric a review was made with when the workshop moves to another', async () => {
    const first = await draft();
    const again = await getOrCreateDraft(db, { submissionId: 'sub-1', mentorId: 'mentor-a', sessionId: null, rubricId: 'preset:awards-style:v1' });
    expect(again.rubricId).toBe(first.rubricId);
  });
});

describe('editing a review', () => {
  it('saves scores, notes, the verdict and the lists at once, stamped with who and when', async () => {
    const review = await draft();
    const before = review.updatedAt;
    await new Promise((r) => setTimeout(r, 2));
    await setScore(db, review.id, 'mjc-quality-label', 3, 'mentor-a');
    await setNote(db, review.id, 'mjc-quality-label', 'Netto belum ada satuannya', 'mentor-a');
    await setVerdict(db, review.id, 'minor-revision', 'mentor-a');
    await setLists(db, review.id, { mustFix: ['Tambahkan nomor P-IRT'] }, 'mentor-a');
    const stored = await db.reviews.get(review.id);
    expect(stored).toMatchObject({
      scores: { 'mjc-quality-label': { score: 3, note: 'Netto belum ada satuannya' } },
      verdict: 'minor-revision',
      mustFix: ['Tambahkan nomor P-IRT'],
      strengths: [],
      updatedBy: 'mentor-a',
    });
    expect(stored?.updatedAt).toBeGreaterThan(before);
  });

  it('applies list edits made in quick succession each to the result of the one before', async () => {
    const review = await draft();
    await setLists(db, review.id, { suggestions: ['a', 'b', 'c'] }, 'mentor-a');
    await Promise.all([
      setLists(db, review.id, (l) => ({ suggestions: l.suggestions.map((x, i) => (i === 1 ? 'B' : x)) }), 'mentor-a'),
      setLists(db, review.id, (l) => ({ suggestions: l.suggestions.filter((_, i) => i !== 2) }), 'mentor-a'),
      setLists(db, review.id, (l) => ({ strengths: [...l.strengths, 'd'] }), 'mentor-a'),
    ]);
    expect(await db.reviews.get(review.id)).toMatchObject({ suggestions: ['a', 'B'], strengths: ['d'], mustFix: [] });
  });

  it('clears a score with null and keeps its note', async () => {
    const review = await draft();
    await setNote(db, review.id, 'mjc-quality-brand', 'Logo kecil', 'mentor-a');
    await setScore(db, review.id, 'mjc-quality-brand', 2, 'mentor-a');
    const cleared = await setScore(db, review.id, 'mjc-quality-brand', null, 'mentor-a');
    expect(cleared.scores['mjc-quality-brand']).toEqual({ score: null, note: 'Logo kecil' });
  });

  it('refuses a score off the scale or for a criterion the rubric does not have', async () => {
    const review = await draft();
    await expect(setScore(db, review.id, 'mjc-quality-label', 6, 'mentor-a')).rejects.toMatchObject({ problem: 'off-scale' });
    await expect(setScore(db, review.id, 'mjc-quality-label', 2.5, 'mentor-a')).rejects.toBeInstanceOf(ReviewStateError);
    await expect(setScore(db, review.id, 'no-such-criterion', 3, 'mentor-a')).rejects.toMatchObject({ problem: 'unknown-criterion' });
    expect((await db.reviews.get(review.id))?.scores).toEqual({});
  });

  it('adds time spent in whole milliseconds', async () => {
    const review = await draft();
    await addTime(db, review.id, 1500.4, 'mentor-a');
    const after = await addTime(db, review.id, 2000, 'mentor-a');
    expect(after.timeSpentMs).toBe(3500);
  });

  it('says so when the review is gone', async () => {
    await expect(setVerdict(db, 'missing', 'market-ready', 'mentor-a')).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('submitting and reopening', () => {
  it('refuses to submit until every criterion is scored and a verdict chosen', async () => {
    const review = await draft();
    await expect(submit(db, review.id, 'mentor-a')).rejects.toMatchObject({ problem: 'incomplete' });
    await scoreAll(review);
    await expect(submit(db, review.id, 'mentor-a')).rejects.toMatchObject({ problem: 'incomplete' });
    await setVerdict(db, review.id, 'market-ready', 'mentor-a');
    const submitted = await submit(db, review.id, 'mentor-a');
    expect(submitted.status).toBe('submitted');
    const overall = reviewScore(MJC_QUALITY_INNOVATION, scoresOf(submitted)).overall0to100;
    expect(overall).toBeCloseTo(75, 9); // 4 on 1–5 everywhere
  });

  it('locks a submitted review until it is reopened', async () => {
    const review = await scoreAll(await draft());
    await setVerdict(db, review.id, 'market-ready', 'mentor-a');
    await submit(db, review.id, 'mentor-a');
    await expect(setScore(db, review.id, 'mjc-quality-label', 1, 'mentor-a')).rejects.toMatchObject({ problem: 'submitted' });
    await expect(setLists(db, review.id, { strengths: ['x'] }, 'mentor-a')).rejects.toMatchObject({ problem: 'submitted' });
    const reopened = await reopen(db, review.id, 'mentor-a');
    expect(reopened.status).toBe('draft');
    const changed = await setScore(db, review.id, 'mjc-quality-label', 1, 'mentor-a');
    expect(changed.scores['mjc-quality-label']?.score).toBe(1);
  });

  it('lets an abstention be submitted with nothing scored, and reopening withdraws it', async () => {
    const review = await draft();
    await setScore(db, review.id, 'mjc-quality-label', 5, 'mentor-a');
    const abstained = await abstain(db, review.id, 'mentor-a');
    expect(abstained).toMatchObject({ status: 'submitted', abstained: true });
    expect(abstained.scores['mjc-quality-label']?.score).toBe(5);
    expect(await doneSubmissionIds(db, 'mentor-a', null)).toEqual(new Set(['sub-1']));
    const reopened = await reopen(db, review.id, 'mentor-a');
    expect(reopened).toMatchObject({ status: 'draft', abstained: false });
    expect(await doneSubmissionIds(db, 'mentor-a', null)).toEqual(new Set());
  });
});

describe('blind sessions: seeing the others, and revising after', () => {
  async function submitted(mentorId = 'mentor-a', submissionId = 'sub-1') {
    const review = await scoreAll(await draft(submissionId, mentorId, 'session-1'), 4);
    await setVerdict(db, review.id, 'market-ready', mentorId);
    return submit(db, review.id, mentorId);
  }

  it('keeps what was submitted while a review is reopened, and drops that copy once the revision is sent', async () => {
    await db.sessions.add(session());
    const sent = await submitted();
    const reopened = await reopen(db, sent.id, 'mentor-a', 5000);
    expect(reopened.status).toBe('draft');
    expect(reopened.lastSubmitted).toMatchObject({ scores: sent.scores, verdict: 'market-ready', abstained: false, submittedAt: sent.updatedAt });
    // Not seen the others: no mark.
    expect(reopened.revisedAfterRevealAt).toBeNull();
    const changed = await setScore(db, sent.id, 'mjc-quality-label', 1, 'mentor-a');
    expect(changed.lastSubmitted?.scores['mjc-quality-label']?.score).toBe(4);
    const resent = await submit(db, sent.id, 'mentor-a');
    expect(resent).toMatchObject({ status: 'submitted', lastSubmitted: null });
    expect(resent.scores['mjc-quality-label']?.score).toBe(1);
  });

  it('records the first time a mentor saw the others on all their reviews in the session, and marks a later reopening', async () => {
    await db.sessions.add(session());
    const a1 = await submitted('mentor-a', 'sub-1');
    const a2 = await submitted('mentor-a', 'sub-2');
    const b1 = await submitted('mentor-b', 'sub-1');
    expect(await recordSawOthers(db, 'session-1', 'mentor-a', 7000)).toBe(2);
    // The first time stays; other mentors' reviews are untouched.
    expect(await recordSawOthers(db, 'session-1', 'mentor-a', 9000)).toBe(0);
    expect((await db.reviews.get(a1.id))?.sawOthersAt).toBe(7000);
    // An edit of mentor A's, counted, and later than the review's last edit (whatever the clock said).
    const seen = (await db.reviews.get(a2.id))!;
    expect(seen).toMatchObject({ sawOthersAt: 7000, updatedBy: 'mentor-a' });
    expect(Object.values(seen.revisions)).toEqual([Object.values(a2.revisions)[0]! + 1]);
    expect(seen.updatedAt).toBeGreaterThan(a2.updatedAt);
    expect((await db.reviews.get(b1.id))?.sawOthersAt).toBeNull();
    const reopened = await reopen(db, a1.id, 'mentor-a', 8000);
    expect(reopened).toMatchObject({ status: 'draft', sawOthersAt: 7000, revisedAfterRevealAt: 8000 });
    // Sent again: still marked.
    await setVerdict(db, a1.id, 'minor-revision', 'mentor-a');
    expect(await submit(db, a1.id, 'mentor-a')).toMatchObject({ revisedAfterRevealAt: 8000, lastSubmitted: null });
  });

  it('a review begun after a curator revealed the session counts as made having seen the others', async () => {
    await db.sessions.add(session({ revealedAt: 100 }));
    const review = await getOrCreateDraft(db, { submissionId: 'sub-3', mentorId: 'mentor-b', sessionId: 'session-1', rubricId }, 4242);
    expect(review.sawOthersAt).toBe(4242);
    await db.sessions.put(session({ id: 'session-2' }));
    const hidden = await getOrCreateDraft(db, { submissionId: 'sub-3', mentorId: 'mentor-b', sessionId: 'session-2', rubricId }, 4242);
    expect(hidden.sawOthersAt).toBeNull();
  });
});

describe('conflicts of interest', () => {
  it('outside a session marks only the review', async () => {
    const review = await draft();
    const declared = await declareConflict(db, review.id, 'mentor-a');
    expect(declared).toMatchObject({ status: 'submitted', conflictOfInterest: true });
  });

  it('in a session adds the pair to the session in the same transaction, and reopening takes it out', async () => {
    await db.sessions.add(session({ assignment: 'split' }));
    const review = await draft('sub-1', 'mentor-a', 'session-1');
    await declareConflict(db, review.id, 'mentor-a');
    const stored = await db.sessions.get('session-1');
    expect(stored?.conflicts).toEqual([{ mentorId: 'mentor-a', submissionId: 'sub-1' }]);
    expect(stored?.updatedBy).toBe('mentor-a');
    // Declaring again does not add a second pair.
    await reopen(db, review.id, 'mentor-a');
    expect((await db.sessions.get('session-1'))?.conflicts).toEqual([]);
    await declareConflict(db, review.id, 'mentor-a');
    await db.reviews.update(review.id, { status: 'draft' });
    await declareConflict(db, review.id, 'mentor-a');
    expect((await db.sessions.get('session-1'))?.conflicts).toHaveLength(1);
  });

  it('leaves both records untouched when the session is missing', async () => {
    const review = await draft('sub-1', 'mentor-a', 'no-session');
    await expect(declareConflict(db, review.id, 'mentor-a')).rejects.toBeInstanceOf(RecordNotFoundError);
    expect((await db.reviews.get(review.id))?.conflictOfInterest).toBe(false);
  });
});

describe('queues and progress', () => {
  it("a session's queue follows its assignment and conflicts, with each submission's participant", async () => {
    const s = session({ assignment: 'split' });
    await db.sessions.add(s);
    const base = { createdAt: 1, updatedAt: 1, updatedBy: 'x', deletedAt: null, revisions: {}, workshopId: 'w-1', title: '', submittedAt: 1, note: '' };
    await db.submissions.bulkAdd([
      { ...base, id: 'sub-1', participantId: 'p-1', version: 1 },
      { ...base, id: 'sub-2', participantId: 'p-2', version: 1 },
      { ...base, id: 'sub-3', participantId: 'p-3', version: 1 },
    ]);
    expect(await sessionQueue(db, s, 'mentor-a')).toEqual([
      { submissionId: 'sub-1', participantId: 'p-1' },
      { submissionId: 'sub-3', participantId: 'p-3' },
    ]);
    expect(await sessionQueue(db, { ...s, conflicts: [{ mentorId: 'mentor-a', submissionId: 'sub-3' }] }, 'mentor-a')).toEqual([
      { submissionId: 'sub-1', participantId: 'p-1' },
    ]);
  });

  it('outside a session walks the newest submission of each participant in workshop order', async () => {
    const workshop = await createWorkshop(
      db,
      { name: 'Klinik Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' },
      'mentor-a',
    );
    const fields = (business: string) => ({
      workshopId: workshop.id,
      business,
      owner: '',
      product: '',
      category: 'snack' as const,
      city: '',
      region: '',
      contact: '',
      labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
      packDimensions: null,
    });
    const zebra = await createParticipant(db, fields('Zebra Snack'), 'mentor-a');
    const apel = await createParticipant(db, fields('Apel Malang'), 'mentor-a');
    const base = { createdAt: 1, updatedAt: 1, updatedBy: 'x', deletedAt: null, revisions: {}, workshopId: workshop.id, title: '', submittedAt: 1, note: '' };
    await db.submissions.bulkAdd([
      { ...base, id: 'z1', participantId: zebra.id, version: 1 },
      { ...base, id: 'a1', participantId: apel.id, version: 1 },
      { ...base, id: 'a2', participantId: apel.id, version: 2 },
    ]);
    expect(await workshopQueue(db, workshop.id)).toEqual([
      { submissionId: 'a2', participantId: apel.id },
      { submissionId: 'z1', participantId: zebra.id },
    ]);
  });

  it('counts only submitted reviews of that session as done, and lists reviews per session', async () => {
    const outside = await scoreAll(await draft('sub-1'));
    await setVerdict(db, outside.id, 'major-revision', 'mentor-a');
    await submit(db, outside.id, 'mentor-a');
    const inSession = await draft('sub-2', 'mentor-a', 'session-1');
    await abstain(db, inSession.id, 'mentor-a');
    await draft('sub-3', 'mentor-a', 'session-1');
    expect(await doneSubmissionIds(db, 'mentor-a', null)).toEqual(new Set(['sub-1']));
    expect(await doneSubmissionIds(db, 'mentor-a', 'session-1')).toEqual(new Set(['sub-2']));
    expect(await doneSubmissionIds(db, 'mentor-b', 'session-1')).toEqual(new Set());
    await draft('sub-1', 'mentor-b');
    expect((await listSubmissionReviews(db, 'sub-1', null)).map((r) => r.mentorId).sort()).toEqual(['mentor-a', 'mentor-b']);
    expect(await listSubmissionReviews(db, 'sub-1', 'session-1')).toEqual([]);
    expect(await findReview(db, { submissionId: 'sub-2', mentorId: 'mentor-a', sessionId: 'session-1' })).toMatchObject({ abstained: true });
  });
});
