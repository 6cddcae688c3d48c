import type { KemasDatabase } from '#renderer/src/data/db.ts';
import { addMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createParticipant } from '#renderer/src/data/participantsRepo.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { createSession, type NewSessionFields } from '#renderer/src/data/sessionsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import type { ParticipantFields } from '#shared/domain/participant.ts';
import type { Review } from '#shared/domain/review.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import { submissionSchema } from '#shared/domain/submission.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';

export const RUBRIC_ID = presetRubricId(MJC_QUALITY_INNOVATION);

const participant = (workshopId: string, business: string, category: ParticipantFields['category'], region: string): ParticipantFields => ({
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

export interface SessionFixture {
  workshopId: string;
  budi: Mentor;
  /** Submission ids: Keripik v1, Keripik v2, Kopi v1 (workshop order). */
  submissionIds: { keripik1: string; keripik2: string; kopi1: string };
}

/** A Malang workshop: Keripik Sari (snack, versions 1 and 2) and Kopi Ijen (beverage, Jember); Budi as a second mentor. */
export async function seedWorkshop(db: KemasDatabase, me: Mentor): Promise<SessionFixture> {
  await ensurePresetRubrics(db);
  const workshop = await createWorkshop(db, { name: 'Workshop Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, me.id);
  const keripik = await createParticipant(db, participant(workshop.id, 'Keripik Sari', 'snack', ''), me.id);
  const kopi = await createParticipant(db, participant(workshop.id, 'Kopi Ijen', 'beverage', 'Jember'), me.id);
  const now = Date.now();
  const add = async (participantId: string, version: number) => {
    const id = `${participantId}-v${version}`;
    await db.submissions.add(
      submissionSchema.parse({
        id,
        createdAt: now,
        updatedAt: now,
        updatedBy: me.id,
        deletedAt: null,
        revisions: {},
        workshopId: workshop.id,
        participantId,
        version,
        title: 'Produk',
        submittedAt: now,
        note: '',
      }),
    );
    return id;
  };
  const submissionIds = { keripik1: await add(keripik.id, 1), keripik2: await add(keripik.id, 2), kopi1: await add(kopi.id, 1) };
  const budi = await addMentor(db, { name: 'Budi Santoso', organisation: 'Dinas Koperasi' }, me.id);
  return { workshopId: workshop.id, budi, submissionIds };
}

export async function seedSession(
  db: KemasDatabase,
  me: Mentor,
  fixture: SessionFixture,
  patch: Partial<NewSessionFields> = {},
): Promise<ScoringSession> {
  return createSession(
    db,
    fixture.workshopId,
    {
      name: 'Sesi uji',
      rubricId: RUBRIC_ID,
      mentorIds: [me.id, fixture.budi.id],
      filters: { regions: [], categories: [], version: 'all' },
      assignment: 'all-score-all',
      blind: false,
      itemTimerMinutes: null,
      ...patch,
    },
    me.id,
  );
}

/** A submitted review giving every criterion of the MJC rubric `level` (overall = (level − 1) × 25). */
export async function submitReview(db: KemasDatabase, session: ScoringSession, submissionId: string, mentorId: string, level: number): Promise<void> {
  const rubric = await db.rubrics.get(session.rubricId);
  if (!rubric) throw new Error('rubric missing');
  const scores = Object.fromEntries(rubric.groups.flatMap((g) => g.criteria.map((c) => [c.id, { score: level, note: '' }])));
  const review: Review = {
    id: `${submissionId}-${mentorId}`,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    rubricId: rubric.id,
    sessionId: session.id,
    scores,
    verdict: 'minor-revision',
    strengths: [],
    mustFix: [],
    suggestions: [],
    timeSpentMs: 1000,
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    sawOthersAt: null,
    revisedAfterRevealAt: null,
    lastSubmitted: null,
  };
  await db.reviews.put(review);
}
