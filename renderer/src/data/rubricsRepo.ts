import type { Rubric } from '../../../shared/domain/rubric.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/record.ts';
import { instantiateRubric, MJC_QUALITY_INNOVATION, RUBRIC_PRESETS, type RubricTemplate } from '../../../shared/scoring/presets.ts';
import type { KemasDatabase } from './db.ts';
import { isLive } from './records.ts';

/**
 * Preset rubrics get ids derived from the preset, not random ones, so the same
 * preset seeded on two laptops is one record when their bundles merge.
 */
export function presetRubricId(template: Pick<RubricTemplate, 'id'>): string {
  return `preset:${template.id}:v1`;
}

export function presetFamilyId(template: Pick<RubricTemplate, 'id'>): string {
  return `preset:${template.id}`;
}

/** The rubric a workshop uses when it names none. */
export const DEFAULT_PRESET = MJC_QUALITY_INNOVATION;

/**
 * Adds the shipped presets, published, unless they are already stored (even
 * archived or deleted: a curator's choice is never undone by a restart).
 */
export async function ensurePresetRubrics(db: KemasDatabase, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.rubrics, async () => {
    for (const template of RUBRIC_PRESETS) {
      const id = presetRubricId(template);
      if (await db.rubrics.get(id)) continue;
      const ids = [id, presetFamilyId(template)];
      const rubric = instantiateRubric(template, () => ids.shift() as string, SYSTEM_ACTOR, now);
      await db.rubrics.add({ ...rubric, status: 'published' });
    }
  });
}

/** A live rubric by id, or null. Deleted rubrics stay readable through `db.rubrics.get` for reviews pinned to them. */
export async function getRubric(db: KemasDatabase, id: string): Promise<Rubric | null> {
  const rubric = await db.rubrics.get(id);
  return isLive(rubric) ? rubric : null;
}

/** The newest published version in a rubric family, or null. */
export async function latestPublished(db: KemasDatabase, familyId: string): Promise<Rubric | null> {
  const versions = await db.rubrics.where('familyId').equals(familyId).toArray();
  const published = versions.filter((r) => r.deletedAt === null && r.status === 'published');
  published.sort((a, b) => b.version - a.version);
  return published[0] ?? null;
}

/**
 * The rubric new reviews in a workshop use: the workshop's own choice when it
 * is still live, else the newest published version of the default preset.
 * Reviews already made keep the rubric id they were made with.
 */
export async function rubricForWorkshop(db: KemasDatabase, workshopId: string): Promise<Rubric> {
  const workshop = await db.workshops.get(workshopId);
  if (workshop?.rubricId) {
    const chosen = await getRubric(db, workshop.rubricId);
    if (chosen) return chosen;
  }
  await ensurePresetRubrics(db);
  const fallback =
    (await latestPublished(db, presetFamilyId(DEFAULT_PRESET))) ?? (await db.rubrics.get(presetRubricId(DEFAULT_PRESET)));
  if (!fallback) throw new Error('default rubric missing');
  return fallback;
}
