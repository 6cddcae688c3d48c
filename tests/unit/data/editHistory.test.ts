import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { installationId } from '#renderer/src/data/editHistory.ts';
import { ensureOwnKey } from '#renderer/src/data/mentorKeysRepo.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { getOrCreateDraft, setScore } from '#renderer/src/data/reviewsRepo.ts';
import { createWorkshop, updateWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';

let db: KemasDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

const fields = { name: 'Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' };

describe('the data layer counts every local edit', () => {
  it('counts edits by any mentor on this laptop, each later than the one before, and keeps the installation id', async () => {
    db = openDatabase(`edits-${crypto.randomUUID()}`);
    await db.open();
    const me = installationId(db);
    const made = await createWorkshop(db, fields, 'dewi');
    expect((await db.workshops.get(made.id))?.revisions).toEqual({ [me]: 1 });
    // A copy from a laptop whose clock ran ahead: the next edit here still comes after it.
    await db.workshops.update(made.id, { updatedAt: Date.now() + 3_600_000 });
    const ahead = (await db.workshops.get(made.id))!.updatedAt;
    await updateWorkshop(db, made.id, { ...fields, venue: 'Aula' }, 'budi');
    const after = (await db.workshops.get(made.id))!;
    expect(after.revisions).toEqual({ [me]: 3 });
    expect(after.updatedAt).toBeGreaterThan(ahead);
    expect((await db.meta.get('installationId'))?.value).toBe(me);
  });

  it('counts review edits in the repository and records the author’s key; shipped presets carry no history', async () => {
    db = openDatabase(`edits-${crypto.randomUUID()}`);
    await db.open();
    await ensurePresetRubrics(db);
    const rubricId = presetRubricId(MJC_QUALITY_INNOVATION);
    expect((await db.rubrics.get(rubricId))?.revisions).toEqual({});
    const key = await ensureOwnKey(db, 'm-dewi');
    const draft = await getOrCreateDraft(db, { submissionId: 's1', mentorId: 'm-dewi', sessionId: null, rubricId });
    const criterion = MJC_QUALITY_INNOVATION.groups[0]!.criteria[0]!.id;
    await setScore(db, draft.id, criterion, 4, 'm-dewi');
    const stored = (await db.reviews.get(draft.id))!;
    expect(stored.revisions).toEqual({ [installationId(db)]: 2 });
    expect(stored.authorKeyId).toBe(key?.id);
  });
});
