import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { addMentor, createMentor, getCurrentMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createParticipant } from '#renderer/src/data/participantsRepo.ts';
import { ensurePresetRubrics, newestPublishedRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import {
  closeSession,
  createSession,
  deleteSession,
  getSession,
  listSessions,
  loadSessionData,
  reopenSession,
  revealSession,
  resultsVisible,
  restoreSession,
  sessionCandidates,
  sessionProgress,
  SessionRuleError,
  updateSession,
  type NewSessionFields,
} from '#renderer/src/data/sessionsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import type { Participant, ParticipantFields } from '#shared/domain/participant.ts';
import type { Review } from '#shared/domain/review.ts';
import { submissionSchema, type Submission } from '#shared/domain/submission.ts';
import { assignQueues } from '#shared/scoring/queue.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';

let db: KemasDatabase;
let counter = 0;
const ACTOR = 'curator';
const RUBRIC = presetRubricId(MJC_QUALITY_INNOVATION);

beforeEach(async () => {
  db = openDatabase(`sessions-${++counter}`);
  await db.open();
  await ensurePresetRubrics(db);
});
afterEach(async () => {
  await db.delete();
});

const participantFields = (workshopId: string, business: string, category: ParticipantFields['category'], region = ''): ParticipantFields => ({
  workshopId,
  business,
  owner: '',
  product: 'Produk',
  category,
  city: '',
  region,
  contact: '',
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
  packDimensions: null,
});

async function addSubmission(p: Participant, version: number): Promise<Submission> {
  const now = Date.now();
  const s = submissionSchema.parse({
    id: `${p.id}-v${version}`,
    createdAt: now,
    updatedAt: now,
    updatedBy: ACTOR,
    deletedAt: null,
    revisions: {},
    workshopId: p.workshopId,
    participantId: p.id,
    version,
    title: p.product,
    submittedAt: now,
    note: '',
  });
  await db.submissions.add(s);
  return s;
}

/** A Malang workshop: Sari (snack, no region → Malang) v1+v2, Kopi (beverage, Jember) v1, Jamu (herbal, Madiun) v1. */
async function seedWorkshop() {
  const workshop = await createWorkshop(db, { name: 'MJC Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, ACTOR);
  const sari = await createParticipant(db, participantFields(workshop.id, 'Keripik Sari', 'snack'), ACTOR);
  const kopi = await createParticipant(db, participantFields(workshop.id, 'Kopi Ijen', 'beverage', 'Jember'), ACTOR);
  const jamu = await createParticipant(db, participantFields(workshop.id, 'Jamu Darmi', 'herbal', 'Madiun'), ACTOR);
  const subs = {
    sari1: await addSubmission(sari, 1),
    sari2: await addSubmission(sari, 2),
    kopi1: await addSubmission(kopi, 1),
    jamu1: await addSubmission(jamu, 1),
  };
  return { workshop, sari, kopi, jamu, subs };
}

const fields = (patch: Partial<NewSessionFields> = {}): NewSessionFields => ({
  name: 'Penilaian akhir',
  rubricId: RUBRIC,
  mentorIds: ['m1', 'm2'],
  filters: { regions: [], categories: [], version: 'all' },
  assignment: 'all-score-all',
  blind: false,
  itemTimerMinutes: null,
  ...patch,
});

function review(submissionId: string, mentorId: string, sessionId: string, patch: Partial<Review> = {}): Review {
  return {
    id: `${submissionId}-${mentorId}-${sessionId}`,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    rubricId: RUBRIC,
    sessionId,
    scores: {},
    verdict: null,
    strengths: [],
    mustFix: [],
    suggestions: [],
    timeSpentMs: 0,
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    sawOthersAt: null,
    revisedAfterRevealAt: null,
    lastSubmitted: null,
    ...patch,
  };
}

describe('session candidates and creation', () => {
  it('lists live submissions in workshop order with the region falling back to the workshop', async () => {
    const { workshop, subs } = await seedWorkshop();
    const candidates = await sessionCandidates(db, workshop.id);
    expect(candidates.map((c) => [c.submissionId, c.region, c.category, c.version, c.isLatest])).toEqual([
      [subs.jamu1.id, 'Madiun', 'herbal', 1, true],
      [subs.sari1.id, 'Malang', 'snack', 1, false],
      [subs.sari2.id, 'Malang', 'snack', 2, true],
      [subs.kopi1.id, 'Jember', 'beverage', 1, true],
    ]);
  });

  it('fixes the submissions the filters select when the session is made', async () => {
    const { workshop, sari, subs } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields({ filters: { regions: ['Malang', 'Jember'], categories: [], version: 'latest' } }), ACTOR);
    expect(session.submissionIds).toEqual([subs.sari2.id, subs.kopi1.id]);
    expect(session).toMatchObject({ status: 'open', conflicts: [], updatedBy: ACTOR, rubricId: RUBRIC });
    // A version uploaded later does not enter the session.
    await addSubmission(sari, 3);
    expect((await getSession(db, session.id))?.submissionIds).toEqual([subs.sari2.id, subs.kopi1.id]);
  });

  it('refuses a session without mentors, without submissions, with a draft rubric, or without a name', async () => {
    const { workshop } = await seedWorkshop();
    await expect(createSession(db, workshop.id, fields({ mentorIds: [] }), ACTOR)).rejects.toMatchObject({ code: 'no-mentors' });
    await expect(
      createSession(db, workshop.id, fields({ filters: { regions: ['Bojonegoro'], categories: [], version: 'all' } }), ACTOR),
    ).rejects.toBeInstanceOf(SessionRuleError);
    await db.rubrics.update(RUBRIC, { status: 'draft' });
    await expect(createSession(db, workshop.id, fields(), ACTOR)).rejects.toMatchObject({ code: 'rubric-not-published' });
    await db.rubrics.update(RUBRIC, { status: 'published' });
    await expect(createSession(db, workshop.id, fields({ name: '  ' }), ACTOR)).rejects.toThrow();
    expect(await db.sessions.count()).toBe(0);
  });
});

describe('changing a session keeps work already done', () => {
  it('renames and switches blind mode', async () => {
    const { workshop } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields(), ACTOR);
    const next = await updateSession(db, session.id, { name: 'Final', blind: true, itemTimerMinutes: 5 }, ACTOR);
    expect(next).toMatchObject({ name: 'Final', blind: true, itemTimerMinutes: 5, updatedBy: ACTOR });
    await expect(updateSession(db, session.id, { name: '' }, ACTOR)).rejects.toThrow();
  });

  it('lets only curators change settings, close, reveal and delete; the maker is the first curator', async () => {
    const { workshop } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields({ blind: true, curators: ['m2'] }), ACTOR);
    expect(session).toMatchObject({ curators: [ACTOR, 'm2'], reveal: 'curator', revealedAt: null });
    // m1 scores but is no curator: every settings change is refused and nothing is written.
    await expect(updateSession(db, session.id, { blind: false }, 'm1')).rejects.toMatchObject({ code: 'not-curator', mentorIds: [ACTOR, 'm2'] });
    await expect(closeSession(db, session.id, 'm1')).rejects.toMatchObject({ code: 'not-curator' });
    await expect(revealSession(db, session.id, 'm1')).rejects.toMatchObject({ code: 'not-curator' });
    await expect(deleteSession(db, session.id, 'm1')).rejects.toMatchObject({ code: 'not-curator' });
    expect(await getSession(db, session.id)).toMatchObject({ blind: true, status: 'open', revealedAt: null, updatedBy: ACTOR });
    // A named curator may; the curators cannot all be taken away.
    await updateSession(db, session.id, { curators: ['m2', 'm1'] }, 'm2');
    await expect(updateSession(db, session.id, { curators: [] }, 'm1')).rejects.toMatchObject({ code: 'no-curators' });
    await revealSession(db, session.id, 'm1', 1234);
    expect(await getSession(db, session.id)).toMatchObject({ curators: ['m2', 'm1'], revealedAt: 1234, status: 'open' });
    // Closing keeps the first reveal time; reopening does not hide what was revealed.
    await closeSession(db, session.id, 'm2', 9999);
    await reopenSession(db, session.id, 'm2');
    expect(await getSession(db, session.id)).toMatchObject({ revealedAt: 1234, status: 'open' });
  });

  it('closing a blind session reveals it', async () => {
    const { workshop } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields({ blind: true }), ACTOR);
    await closeSession(db, session.id, ACTOR, 777);
    expect(await getSession(db, session.id)).toMatchObject({ status: 'closed', revealedAt: 777 });
  });

  it('keeps a mentor’s scored submissions in their queue when a mentor joins a split session', async () => {
    const { workshop } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields({ assignment: 'split' }), ACTOR);
    const before = assignQueues(session);
    const m2First = before.get('m2')?.[0] as string;
    // m2 submitted one; m1 has only an empty draft (no work).
    await db.reviews.bulkAdd([
      review(m2First, 'm2', session.id),
      review(before.get('m1')?.[0] as string, 'm1', session.id, { status: 'draft' }),
    ]);
    const next = await updateSession(db, session.id, { mentorIds: ['m3', 'm1', 'm2'] }, ACTOR);
    const after = assignQueues(next);
    expect(after.get('m2')).toContain(m2First);
    expect(next.keptAssignments).toEqual([{ mentorId: 'm2', submissionId: m2First }]);
    // The other three are dealt in turn; everything is still assigned exactly once.
    expect([...after.values()].flat().sort()).toEqual([...session.submissionIds].sort());
    expect(after.get('m3')?.length).toBeGreaterThan(0);
  });

  it('refuses to take out a mentor who has work in the session, and lets one without go', async () => {
    const { workshop } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields(), ACTOR);
    await db.reviews.add(review(session.submissionIds[0] as string, 'm1', session.id, { status: 'draft', scores: { x: { score: 3, note: '' } } }));
    await expect(updateSession(db, session.id, { mentorIds: ['m2'] }, ACTOR)).rejects.toMatchObject({ code: 'mentor-has-work', mentorIds: ['m1'] });
    const next = await updateSession(db, session.id, { mentorIds: ['m1'] }, ACTOR);
    expect(next.mentorIds).toEqual(['m1']);
  });

  it('closes and reopens; deleting can be undone', async () => {
    const { workshop } = await seedWorkshop();
    const session = await createSession(db, workshop.id, fields(), ACTOR);
    await closeSession(db, session.id, ACTOR);
    expect((await getSession(db, session.id))?.status).toBe('closed');
    await reopenSession(db, session.id, ACTOR);
    expect((await getSession(db, session.id))?.status).toBe('open');
    await deleteSession(db, session.id, ACTOR);
    expect(await getSession(db, session.id)).toBeNull();
    expect(await listSessions(db, workshop.id)).toEqual([]);
    await restoreSession(db, session.id, ACTOR);
    expect((await listSessions(db, workshop.id)).map((s) => s.session.id)).toEqual([session.id]);
  });
});

describe('progress and what a blind mentor may see', () => {
  it('counts per mentor what is assigned, submitted, abstained, begun and declared', async () => {
    const { workshop } = await seedWorkshop();
    const made = await createSession(db, workshop.id, fields({ blind: true }), ACTOR);
    const [a, b, c, d] = made.submissionIds as [string, string, string, string];
    await db.sessions.update(made.id, { conflicts: [{ mentorId: 'm2', submissionId: d }] });
    await db.reviews.bulkAdd([
      review(a, 'm1', made.id),
      review(b, 'm1', made.id, { abstained: true }),
      review(c, 'm1', made.id, { status: 'draft' }),
      review(a, 'm2', made.id),
      review(b, 'm2', made.id),
      review(c, 'm2', made.id),
      review(d, 'm2', made.id, { deletedAt: 5 }),
    ]);
    const session = (await getSession(db, made.id))!;
    const progress = sessionProgress(session, await db.reviews.toArray());
    expect(progress.map(({ done: _done, ...p }) => p)).toEqual([
      { mentorId: 'm1', assigned: 4, submitted: 1, abstained: 1, drafts: 1, conflicts: 0, remaining: 2 },
      { mentorId: 'm2', assigned: 3, submitted: 3, abstained: 0, drafts: 0, conflicts: 1, remaining: 0 },
    ]);
    // Blind: m2 finished their queue and may see results; m1 not yet; a curator outside the session may.
    const reviews = await db.reviews.toArray();
    // Blind, revealed by a curator only: m2 finished their queue and still sees nothing; the curator (not scoring) does.
    expect(resultsVisible(session, reviews, 'm2')).toBe(false);
    expect(resultsVisible(session, reviews, 'm1')).toBe(false);
    expect(resultsVisible(session, reviews, ACTOR)).toBe(true);
    expect(resultsVisible(session, reviews, 'someone-else')).toBe(false);
    // With 'own-queue-done', m2 sees once their queue is done; m1 not yet.
    expect(resultsVisible({ ...session, reveal: 'own-queue-done' }, reviews, 'm2')).toBe(true);
    expect(resultsVisible({ ...session, reveal: 'own-queue-done' }, reviews, 'm1')).toBe(false);
    expect(resultsVisible({ ...session, status: 'closed' }, reviews, 'm1')).toBe(true);
    expect(resultsVisible({ ...session, revealedAt: 5 }, reviews, 'm1')).toBe(true);
    expect(resultsVisible({ ...session, blind: false }, reviews, 'm1')).toBe(true);
    expect((await listSessions(db, workshop.id))[0]).toMatchObject({ assigned: 7, done: 5 });
  });

  it('loads the session with its items numbered in session order and its mentors', async () => {
    const { workshop, sari, subs } = await seedWorkshop();
    const m1 = await addMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' }, ACTOR);
    const session = await createSession(db, workshop.id, fields({ mentorIds: [m1.id, 'unknown'] }), ACTOR);
    await db.reviews.add(review(subs.sari1.id, m1.id, session.id));
    await db.reviews.add(review(subs.sari1.id, m1.id, 'another-session'));
    const data = await loadSessionData(db, session.id);
    expect(data?.mentors.map((m) => m.name)).toEqual(['Dewi']);
    expect(data?.items.map((i) => [i.number, i.participant?.business, i.region])).toEqual([
      [1, 'Jamu Darmi', 'Madiun'],
      [2, 'Keripik Sari', 'Malang'],
      [3, 'Keripik Sari', 'Malang'],
      [4, 'Kopi Ijen', 'Jember'],
    ]);
    expect(data?.items[1]?.participant?.id).toBe(sari.id);
    expect(data?.reviews.map((r) => r.sessionId)).toEqual([session.id]);
    expect(await loadSessionData(db, 'missing')).toBeNull();
  });
});

describe('mentors and rubrics for a session', () => {
  it('adds a mentor without switching who is reviewing', async () => {
    const me = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
    const added = await addMentor(db, { name: 'Budi', organisation: 'Dinas Koperasi' }, me.id);
    expect(added).toMatchObject({ name: 'Budi', organisation: 'Dinas Koperasi', updatedBy: me.id });
    expect((await getCurrentMentor(db))?.id).toBe(me.id);
    await expect(addMentor(db, { name: ' ', organisation: '' }, me.id)).rejects.toThrow();
  });

  it('offers the newest published version of each rubric family', async () => {
    const preset = (await db.rubrics.get(RUBRIC))!;
    await db.rubrics.add({ ...preset, id: 'mjc-v2', version: 2 });
    await db.rubrics.add({ ...preset, id: 'mjc-v3', version: 3, status: 'draft' });
    const rubrics = await newestPublishedRubrics(db);
    expect(rubrics.filter((r) => r.familyId === preset.familyId).map((r) => r.id)).toEqual(['mjc-v2']);
    expect(rubrics.length).toBeGreaterThanOrEqual(2);
  });
});
