import { rubricSchema, type Rubric } from '#shared/domain/rubric.ts';
import { SYSTEM_ACTOR, type Bilingual } from '#shared/domain/record.ts';
import { instantiateRubric, MJC_QUALITY_INNOVATION, RUBRIC_PRESETS, type RubricTemplate } from '#shared/scoring/presets.ts';
import { parseRubricFile, rubricFromFile, serializeRubricFile, type RubricFileProblem } from '#shared/scoring/rubricFile.ts';
import { blankRubricContent, publishProblems, type PublishProblem, type RubricContent } from '#shared/scoring/rubricRules.ts';
import type { KemasDatabase } from './db.ts';
import { writeVerbatim } from './editHistory.ts';
import { isLive, newRecordBase, RecordNotFoundError, setTombstone, touched } from './records.ts';

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
  await db.transaction('rw', db.rubrics, async (tx) => {
    // The same shipped record on every laptop, not an edit made here: no history to count.
    writeVerbatim(tx);
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

// --- The rubric library: families of versions, drafts and their life cycle.

/** Thrown when an action does not fit the rubric's status, e.g. saving a published version (published versions are immutable). */
export class RubricStatusError extends Error {
  readonly rubricId: string;
  readonly status: Rubric['status'];
  readonly action: 'save' | 'publish' | 'archive' | 'unarchive' | 'delete' | 'restore' | 'new-version';
  constructor(rubricId: string, status: Rubric['status'], action: RubricStatusError['action']) {
    super(`Rubric ${rubricId} is ${status}: cannot ${action}`);
    this.name = 'RubricStatusError';
    this.rubricId = rubricId;
    this.status = status;
    this.action = action;
  }
}

/** Thrown by `publish` when the draft is not ready; `problems` says what to fix. */
export class RubricPublishError extends Error {
  readonly problems: PublishProblem[];
  constructor(problems: PublishProblem[]) {
    super(`Rubric cannot be published: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'RubricPublishError';
    this.problems = problems;
  }
}

/** Thrown when restoring a deleted draft while its family already has another draft. */
export class RubricDraftExistsError extends Error {
  readonly draft: Rubric;
  constructor(draft: Rubric) {
    super(`Rubric family ${draft.familyId} already has draft ${draft.id}`);
    this.name = 'RubricDraftExistsError';
    this.draft = draft;
  }
}

/** The versions of one rubric, as the library lists them. */
export interface RubricFamily {
  familyId: string;
  /** Live versions, newest first. */
  versions: Rubric[];
  /** The newest live version; its name names the family. */
  newest: Rubric;
  /** The family's draft, if one is being edited (there is at most one). */
  draft: Rubric | null;
  /** The newest published (not archived) version: what a workshop would pick. */
  latestPublished: Rubric | null;
  /** Every live version is archived. */
  archived: boolean;
  /** Shipped with the app (see `ensurePresetRubrics`). */
  preset: boolean;
}

async function liveRubric(db: KemasDatabase, id: string): Promise<Rubric> {
  const rubric = await db.rubrics.get(id);
  if (!isLive(rubric)) throw new RecordNotFoundError('Rubric', id);
  return rubric;
}

async function familyDraft(db: KemasDatabase, familyId: string): Promise<Rubric | null> {
  const versions = await db.rubrics.where('familyId').equals(familyId).toArray();
  return versions.find((r) => r.deletedAt === null && r.status === 'draft') ?? null;
}

/** Every live rubric grouped into families, sorted by the newest version's Indonesian name. */
export async function listRubrics(db: KemasDatabase): Promise<RubricFamily[]> {
  const all = (await db.rubrics.toArray()).filter((r) => r.deletedAt === null);
  const byFamily = new Map<string, Rubric[]>();
  for (const r of all) {
    const list = byFamily.get(r.familyId);
    if (list) list.push(r);
    else byFamily.set(r.familyId, [r]);
  }
  const families = [...byFamily].map(([familyId, versions]): RubricFamily => {
    versions.sort((a, b) => b.version - a.version);
    const newest = versions[0] as Rubric;
    return {
      familyId,
      versions,
      newest,
      draft: versions.find((r) => r.status === 'draft') ?? null,
      latestPublished: versions.find((r) => r.status === 'published') ?? null,
      archived: versions.every((r) => r.status === 'archived'),
      preset: familyId.startsWith('preset:'),
    };
  });
  return families.sort((a, b) => a.newest.name.id.localeCompare(b.newest.name.id, 'id') || a.familyId.localeCompare(b.familyId));
}

/** Published (not archived) live versions, the ones a workshop may choose; newest version first within a family. */
export async function listPublishedRubrics(db: KemasDatabase): Promise<Rubric[]> {
  const families = await listRubrics(db);
  return families.flatMap((f) => f.versions.filter((r) => r.status === 'published'));
}

/** Live published rubrics, newest version of each family, by name: what a session can use. */
export async function newestPublishedRubrics(db: KemasDatabase): Promise<Rubric[]> {
  const newest = new Map<string, Rubric>();
  for (const r of await db.rubrics.toArray()) {
    if (r.deletedAt !== null || r.status !== 'published') continue;
    const current = newest.get(r.familyId);
    if (!current || r.version > current.version) newest.set(r.familyId, r);
  }
  return [...newest.values()].sort((a, b) => a.name.id.localeCompare(b.name.id, 'id'));
}

function storedDraft(content: RubricContent, familyId: string, version: number, actor: string, now: number): Rubric {
  return rubricSchema.parse({
    ...newRecordBase(actor, now),
    familyId,
    version,
    status: 'draft',
    name: content.name,
    groups: content.groups,
  });
}

/** A new family's first draft: blank (one group, one criterion) or a copy of a shipped preset. */
export async function createDraft(
  db: KemasDatabase,
  source: { preset: RubricTemplate } | 'blank',
  actor: string,
  now: number = Date.now(),
): Promise<Rubric> {
  const rubric =
    source === 'blank'
      ? storedDraft(blankRubricContent(crypto.randomUUID(), crypto.randomUUID()), crypto.randomUUID(), 1, actor, now)
      : instantiateRubric(source.preset, () => crypto.randomUUID(), actor, now);
  await db.rubrics.add(rubric);
  return rubric;
}

/**
 * Saves a draft's content. Only drafts are writable: a published or archived
 * version refuses with `RubricStatusError` (make a new version instead).
 */
export async function saveDraft(db: KemasDatabase, id: string, content: RubricContent, actor: string, now: number = Date.now()): Promise<Rubric> {
  return db.transaction('rw', db.rubrics, async () => {
    const existing = await liveRubric(db, id);
    if (existing.status !== 'draft') throw new RubricStatusError(id, existing.status, 'save');
    const next = rubricSchema.parse({ ...existing, name: content.name, groups: content.groups, ...touched(actor, now) });
    await db.rubrics.put(next);
    return next;
  });
}

/** Publishes a draft once `publishProblems` finds nothing; from then on the version never changes. */
export async function publish(db: KemasDatabase, id: string, actor: string, now: number = Date.now()): Promise<Rubric> {
  return db.transaction('rw', db.rubrics, async () => {
    const existing = await liveRubric(db, id);
    if (existing.status !== 'draft') throw new RubricStatusError(id, existing.status, 'publish');
    const problems = publishProblems(existing);
    if (problems.length > 0) throw new RubricPublishError(problems);
    const next: Rubric = { ...existing, status: 'published', ...touched(actor, now) };
    await db.rubrics.put(next);
    return next;
  });
}

/**
 * A draft of the next version in the same family, copied from a published or
 * archived version. A family has one draft at a time: if it has one already,
 * that draft is returned (`existing: true`) and nothing is made.
 */
export async function newVersion(
  db: KemasDatabase,
  id: string,
  actor: string,
  now: number = Date.now(),
): Promise<{ draft: Rubric; existing: boolean }> {
  return db.transaction('rw', db.rubrics, async () => {
    const source = await liveRubric(db, id);
    if (source.status === 'draft') throw new RubricStatusError(id, source.status, 'new-version');
    const family = await db.rubrics.where('familyId').equals(source.familyId).toArray();
    const open = family.find((r) => r.deletedAt === null && r.status === 'draft');
    if (open) return { draft: open, existing: true };
    // Deleted versions count too: a number once used is never reused for different content.
    const version = Math.max(...family.map((r) => r.version)) + 1;
    const draft = storedDraft(source, source.familyId, version, actor, now);
    await db.rubrics.add(draft);
    return { draft, existing: false };
  });
}

/** A copy of any version as the first draft of a new family; `name` replaces the name (e.g. "… (salinan)"). */
export async function duplicateRubric(db: KemasDatabase, id: string, actor: string, name?: Bilingual, now: number = Date.now()): Promise<Rubric> {
  const source = await liveRubric(db, id);
  const draft = storedDraft({ name: name ?? source.name, groups: source.groups }, crypto.randomUUID(), 1, actor, now);
  await db.rubrics.add(draft);
  return draft;
}

async function setStatus(
  db: KemasDatabase,
  id: string,
  from: Rubric['status'],
  to: Rubric['status'],
  action: RubricStatusError['action'],
  actor: string,
): Promise<Rubric> {
  return db.transaction('rw', db.rubrics, async () => {
    const existing = await liveRubric(db, id);
    if (existing.status !== from) throw new RubricStatusError(id, existing.status, action);
    const next: Rubric = { ...existing, status: to, ...touched(actor) };
    await db.rubrics.put(next);
    return next;
  });
}

/** Retires a published version from the workshop choice; its content stays as it was, for the reviews pinned to it. */
export function archiveRubric(db: KemasDatabase, id: string, actor: string): Promise<Rubric> {
  return setStatus(db, id, 'published', 'archived', 'archive', actor);
}

export function unarchiveRubric(db: KemasDatabase, id: string, actor: string): Promise<Rubric> {
  return setStatus(db, id, 'archived', 'published', 'unarchive', actor);
}

/**
 * Archives every published version of a family at once (the library's
 * "archive" retires the rubric as a whole); returns how many changed.
 * Drafts are left alone.
 */
export async function archiveFamily(db: KemasDatabase, familyId: string, actor: string): Promise<number> {
  return setFamilyStatus(db, familyId, 'published', 'archived', actor);
}

/** Undoes `archiveFamily`: every archived version of the family is published again. */
export async function unarchiveFamily(db: KemasDatabase, familyId: string, actor: string): Promise<number> {
  return setFamilyStatus(db, familyId, 'archived', 'published', actor);
}

async function setFamilyStatus(db: KemasDatabase, familyId: string, from: Rubric['status'], to: Rubric['status'], actor: string): Promise<number> {
  return db.transaction('rw', db.rubrics, async () => {
    const versions = await db.rubrics.where('familyId').equals(familyId).toArray();
    const changing = versions.filter((r) => r.deletedAt === null && r.status === from);
    const stamp = touched(actor);
    await db.rubrics.bulkPut(changing.map((r) => ({ ...r, status: to, ...stamp })));
    return changing.length;
  });
}

/** Deletes a draft (a tombstone, so Undo can bring it back). Published versions are never deleted: reviews point at them. */
export async function deleteDraft(db: KemasDatabase, id: string, actor: string): Promise<void> {
  await db.transaction('rw', db.rubrics, async () => {
    const existing = await liveRubric(db, id);
    if (existing.status !== 'draft') throw new RubricStatusError(id, existing.status, 'delete');
    await setTombstone(db.rubrics, 'Rubric', id, Date.now(), actor);
  });
}

/** Undoes `deleteDraft`, unless the family has started another draft meanwhile (`RubricDraftExistsError`). */
export async function restoreDraft(db: KemasDatabase, id: string, actor: string): Promise<void> {
  await db.transaction('rw', db.rubrics, async () => {
    const existing = await db.rubrics.get(id);
    if (!existing) throw new RecordNotFoundError('Rubric', id);
    if (existing.status !== 'draft') throw new RubricStatusError(id, existing.status, 'restore');
    const other = await familyDraft(db, existing.familyId);
    if (other && other.id !== id) throw new RubricDraftExistsError(other);
    await setTombstone(db.rubrics, 'Rubric', id, null, actor);
  });
}

/**
 * Imports a rubric file's text as the first draft of a new family, or says
 * why it cannot (`problem`, translated by the UI). Nothing is stored on refusal.
 */
export async function importRubricFile(
  db: KemasDatabase,
  text: string,
  actor: string,
  now: number = Date.now(),
): Promise<{ ok: true; rubric: Rubric } | { ok: false; problem: RubricFileProblem }> {
  const parsed = parseRubricFile(text);
  if (!parsed.ok) return parsed;
  const rubric = rubricFromFile(parsed.file, () => crypto.randomUUID(), actor, now);
  await db.rubrics.add(rubric);
  return { ok: true, rubric };
}

/** The file text of a version (any status), and the version, whose name and number make a file name. */
export async function exportRubricFile(db: KemasDatabase, id: string, now: number = Date.now()): Promise<{ rubric: Rubric; text: string }> {
  const rubric = await liveRubric(db, id);
  return { rubric, text: serializeRubricFile(rubric, now) };
}
