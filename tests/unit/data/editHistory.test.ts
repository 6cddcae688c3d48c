import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { installationId, writeVerbatim } from '#renderer/src/data/editHistory.ts';
import { ensureOwnKey } from '#renderer/src/data/mentorKeysRepo.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { getOrCreateDraft, recordSawOthers, setScore } from '#renderer/src/data/reviewsRepo.ts';
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
    // Below the counting middleware: the reads it makes of reviews to count a write.
    let countingReads = 0;
    db.use({
      stack: 'dbcore',
      name: 'spy',
      level: 5,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'reviews' ? table : { ...table, getMany: (req) => (countingReads++, table.getMany(req)) };
        },
      }),
    });
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
    // The keystroke path hands over what it counted: no second read to count it again.
    expect(countingReads).toBe(0);
    await db.reviews.put({ ...stored, timeSpentMs: 5 });
    expect(countingReads).toBe(1);
  });

  it('counts a review written any other way too (put, bulkPut, update, modify, another repository), and a merge as it came', async () => {
    db = openDatabase(`edits-${crypto.randomUUID()}`);
    await db.open();
    await ensurePresetRubrics(db);
    const me = installationId(db);
    const rubricId = presetRubricId(MJC_QUALITY_INNOVATION);
    const draft = await getOrCreateDraft(db, { submissionId: 's1', mentorId: 'm-dewi', sessionId: 'session-1', rubricId });
    const count = async () => (await db.reviews.get(draft.id))!.revisions[me];
    expect(await count()).toBe(1);
    let before = (await db.reviews.get(draft.id))!;
    // Straight writes, as a future repository might make them: each is one more edit, later than the last.
    await db.reviews.put({ ...before, timeSpentMs: 1000, updatedAt: before.updatedAt - 60_000 });
    expect(await count()).toBe(2);
    expect((await db.reviews.get(draft.id))!.updatedAt).toBeGreaterThan(before.updatedAt);
    before = (await db.reviews.get(draft.id))!;
    await db.reviews.bulkPut([{ ...before, timeSpentMs: 2000 }]);
    expect(await count()).toBe(3);
    await db.reviews.update(draft.id, { timeSpentMs: 3000 });
    expect(await count()).toBe(4);
    await db.reviews.where('sessionId').equals('session-1').modify({ timeSpentMs: 4000 });
    expect(await count()).toBe(5);
    // Seeing the others' scores is an edit of every review of the mentor in the session.
    expect(await recordSawOthers(db, 'session-1', 'm-dewi', Date.now())).toBe(1);
    expect(await count()).toBe(6);
    // A brand-new review written straight in counts its first edit.
    await db.reviews.add({ ...before, id: 'straight', revisions: {} });
    expect((await db.reviews.get('straight'))!.revisions).toEqual({ [me]: 1 });
    // Merged or restored records are written as they came.
    const merged = { ...before, id: 'merged', revisions: { 'other-laptop': 7 }, updatedAt: 5 };
    await db.transaction('rw', db.reviews, async (tx) => {
      writeVerbatim(tx);
      await db.reviews.bulkPut([merged]);
    });
    expect(await db.reviews.get('merged')).toMatchObject({ revisions: { 'other-laptop': 7 }, updatedAt: 5 });
  });
});
