import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import {
  archiveFamily,
  archiveRubric,
  createDraft,
  deleteDraft,
  duplicateRubric,
  ensurePresetRubrics,
  exportRubricFile,
  getRubric,
  importRubricFile,
  latestPublished,
  listPublishedRubrics,
  listRubrics,
  newVersion,
  presetFamilyId,
  presetRubricId,
  publish,
  restoreDraft,
  RubricDraftExistsError,
  RubricPublishError,
  RubricStatusError,
  rubricForWorkshop,
  saveDraft,
  unarchiveFamily,
  unarchiveRubric,
} from '#renderer/src/data/rubricsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { AWARDS_STYLE, MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { setDescriptor, updateGroup } from '#shared/scoring/rubricRules.ts';

let db: KemasDatabase;
let counter = 0;

beforeEach(async () => {
  db = openDatabase(`rubrics-test-${++counter}`);
  await db.open();
  await ensurePresetRubrics(db, 1000);
});
afterEach(async () => {
  await db.delete();
});

const MJC_V1 = presetRubricId(MJC_QUALITY_INNOVATION);
const ACTOR = 'mentor-1';

describe('rubric library', () => {
  it('lists both presets as published families of one version', async () => {
    const families = await listRubrics(db);
    expect(families.map((f) => [f.newest.name.id, f.newest.version, f.newest.status, f.preset])).toEqual([
      ['Gaya Penghargaan Kemasan', 1, 'published', true],
      ['MJC Kualitas & Inovasi Kemasan', 1, 'published', true],
    ]);
    expect(families.every((f) => f.draft === null && !f.archived)).toBe(true);
  });

  it('refuses to save a published version: published is immutable', async () => {
    const v1 = await getRubric(db, MJC_V1);
    if (!v1) throw new Error('no preset');
    const changed = updateGroup(v1, 'mjc-quality', { weight: 70 });
    await expect(saveDraft(db, MJC_V1, changed, ACTOR)).rejects.toBeInstanceOf(RubricStatusError);
    expect((await db.rubrics.get(MJC_V1))?.groups[0]?.weight).toBe(60);
  });

  it('makes version 2 of a published rubric as a draft, edits and publishes it, and keeps version 1 as it was', async () => {
    const { draft, existing } = await newVersion(db, MJC_V1, ACTOR, 2000);
    expect(existing).toBe(false);
    expect(draft).toMatchObject({ familyId: presetFamilyId(MJC_QUALITY_INNOVATION), version: 2, status: 'draft', updatedBy: ACTOR });
    expect(draft.id).not.toBe(MJC_V1);

    // Weights that do not reach 100 cannot be published, and nothing changes.
    let content = updateGroup(draft, 'mjc-quality', { weight: 70 });
    await saveDraft(db, draft.id, content, ACTOR);
    const refused = await publish(db, draft.id, ACTOR).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RubricPublishError);
    expect((refused as RubricPublishError).problems).toEqual([{ code: 'group-weights-sum', value: 110 }]);
    expect((await db.rubrics.get(draft.id))?.status).toBe('draft');

    content = updateGroup(content, 'mjc-innovation', { weight: 30 });
    content = setDescriptor(content, 'mjc-quality-print', 5, 'en', 'Factory-grade print.');
    await saveDraft(db, draft.id, content, ACTOR);
    const published = await publish(db, draft.id, ACTOR);
    expect(published.status).toBe('published');
    await expect(saveDraft(db, draft.id, content, ACTOR)).rejects.toBeInstanceOf(RubricStatusError);

    const v1 = await db.rubrics.get(MJC_V1);
    expect(v1?.status).toBe('published');
    expect(v1?.groups.map((g) => g.weight)).toEqual([60, 40]);
    const v2 = await latestPublished(db, presetFamilyId(MJC_QUALITY_INNOVATION));
    expect(v2?.version).toBe(2);
    expect(v2?.groups.map((g) => g.weight)).toEqual([70, 30]);
    expect(v2?.groups[0]?.criteria[2]?.levels[4]?.descriptor.en).toBe('Factory-grade print.');
    // The workshop default follows the newest published version of the default preset.
    const workshop = await createWorkshop(
      db,
      { name: 'W', region: '', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' },
      ACTOR,
    );
    expect((await rubricForWorkshop(db, workshop.id)).id).toBe(v2?.id);

    const family = (await listRubrics(db)).find((f) => f.familyId === presetFamilyId(MJC_QUALITY_INNOVATION));
    expect(family?.versions.map((r) => [r.version, r.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('has one draft per family: asking again for a new version returns the open draft', async () => {
    const first = await newVersion(db, MJC_V1, ACTOR);
    const second = await newVersion(db, MJC_V1, ACTOR);
    expect(second).toEqual({ draft: first.draft, existing: true });
    expect((await db.rubrics.where('familyId').equals(presetFamilyId(MJC_QUALITY_INNOVATION)).count())).toBe(2);
    await expect(newVersion(db, first.draft.id, ACTOR)).rejects.toBeInstanceOf(RubricStatusError);
  });

  it('deletes a draft with undo, and never reuses its version number', async () => {
    const { draft } = await newVersion(db, MJC_V1, ACTOR);
    await deleteDraft(db, draft.id, ACTOR);
    expect(await getRubric(db, draft.id)).toBeNull();
    expect((await listRubrics(db)).find((f) => f.familyId === draft.familyId)?.draft).toBeNull();
    await restoreDraft(db, draft.id, ACTOR);
    expect((await getRubric(db, draft.id))?.status).toBe('draft');

    await deleteDraft(db, draft.id, ACTOR);
    const next = await newVersion(db, MJC_V1, ACTOR);
    expect(next.draft.version).toBe(3);
    // Undoing the old deletion now would make two drafts in one family.
    await expect(restoreDraft(db, draft.id, ACTOR)).rejects.toBeInstanceOf(RubricDraftExistsError);
    await expect(deleteDraft(db, MJC_V1, ACTOR)).rejects.toBeInstanceOf(RubricStatusError);
  });

  it('archives and unarchives published versions only; archived ones leave the workshop choice', async () => {
    await archiveRubric(db, presetRubricId(AWARDS_STYLE), ACTOR);
    expect((await listPublishedRubrics(db)).map((r) => r.id)).toEqual([MJC_V1]);
    const awards = (await listRubrics(db)).find((f) => f.familyId === presetFamilyId(AWARDS_STYLE));
    expect(awards?.archived).toBe(true);
    expect(awards?.latestPublished).toBeNull();
    await expect(archiveRubric(db, presetRubricId(AWARDS_STYLE), ACTOR)).rejects.toBeInstanceOf(RubricStatusError);
    await unarchiveRubric(db, presetRubricId(AWARDS_STYLE), ACTOR);
    expect((await listPublishedRubrics(db)).map((r) => r.id).sort()).toEqual([MJC_V1, presetRubricId(AWARDS_STYLE)].sort());

    const blank = await createDraft(db, 'blank', ACTOR);
    await expect(archiveRubric(db, blank.id, ACTOR)).rejects.toBeInstanceOf(RubricStatusError);
    // The preset stays archived across restarts: seeding never overwrites a curator's choice.
    await archiveRubric(db, MJC_V1, ACTOR);
    await ensurePresetRubrics(db);
    expect((await db.rubrics.get(MJC_V1))?.status).toBe('archived');
  });

  it('archives a whole family at once and brings it back, leaving its draft alone', async () => {
    const { draft } = await newVersion(db, MJC_V1, ACTOR);
    await publish(db, draft.id, ACTOR);
    const { draft: v3 } = await newVersion(db, MJC_V1, ACTOR);
    const familyId = presetFamilyId(MJC_QUALITY_INNOVATION);
    expect(await archiveFamily(db, familyId, ACTOR)).toBe(2);
    const statuses = async () => (await db.rubrics.where('familyId').equals(familyId).toArray()).map((r) => [r.version, r.status]).sort();
    expect(await statuses()).toEqual([
      [1, 'archived'],
      [2, 'archived'],
      [3, 'draft'],
    ]);
    expect((await listPublishedRubrics(db)).map((r) => r.familyId)).toEqual([presetFamilyId(AWARDS_STYLE)]);
    expect(await unarchiveFamily(db, familyId, ACTOR)).toBe(2);
    expect(await statuses()).toEqual([
      [1, 'published'],
      [2, 'published'],
      [3, 'draft'],
    ]);
    expect(v3.status).toBe('draft');
  });

  it('creates blank drafts that cannot be published until written, and drafts from a preset that can', async () => {
    const blank = await createDraft(db, 'blank', ACTOR);
    expect(blank).toMatchObject({ version: 1, status: 'draft' });
    expect(blank.groups).toHaveLength(1);
    expect(blank.groups[0]?.weight).toBe(100);
    const refused = await publish(db, blank.id, ACTOR).catch((e: unknown) => e);
    expect((refused as RubricPublishError).problems.map((p) => p.code)).toContain('descriptors-empty');

    const fromPreset = await createDraft(db, { preset: AWARDS_STYLE }, ACTOR);
    expect(fromPreset.familyId).not.toBe(presetFamilyId(AWARDS_STYLE));
    expect((await publish(db, fromPreset.id, ACTOR)).status).toBe('published');
  });

  it('duplicates any version into a new family with a new name', async () => {
    const copy = await duplicateRubric(db, MJC_V1, ACTOR, { id: 'MJC (salinan)', en: 'MJC (copy)' });
    expect(copy).toMatchObject({ version: 1, status: 'draft', name: { id: 'MJC (salinan)', en: 'MJC (copy)' } });
    expect(copy.familyId).not.toBe(presetFamilyId(MJC_QUALITY_INNOVATION));
    expect(copy.groups).toEqual((await db.rubrics.get(MJC_V1))?.groups);
    expect(await listRubrics(db)).toHaveLength(3);
  });

  it('exports a version and imports it back as a new draft family with the same content', async () => {
    const { text, rubric } = await exportRubricFile(db, MJC_V1, Date.UTC(2026, 10, 28));
    expect(rubric.id).toBe(MJC_V1);
    const imported = await importRubricFile(db, text, ACTOR);
    if (!imported.ok) throw new Error(imported.problem.code);
    expect(imported.rubric).toMatchObject({ version: 1, status: 'draft', name: rubric.name, groups: rubric.groups });
    expect(imported.rubric.familyId).not.toBe(rubric.familyId);
    expect((await listRubrics(db)).filter((f) => f.newest.name.id === rubric.name.id)).toHaveLength(2);
  });

  it('stores nothing when an import is refused', async () => {
    const newer = JSON.stringify({ format: 'kemas-rubric', formatVersion: 99, exportedAt: '2030-01-01T00:00:00Z', rubric: {} });
    expect(await importRubricFile(db, newer, ACTOR)).toEqual({ ok: false, problem: { code: 'newer-version', version: 99 } });
    expect(await importRubricFile(db, 'not json', ACTOR)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(await db.rubrics.count()).toBe(2);
  });
});
