import { z } from 'zod';
import { bilingualSchema } from '../domain/record.ts';
import { FIRST_RECORDS_VERSION, RECORDS_VERSION, upgradeRecord } from '../migrations/chain.ts';
import { rubricGroupSchema, rubricSchema, type Rubric } from '../domain/rubric.ts';
import type { RubricContent } from './rubricRules.ts';

/**
 * The JSON file a rubric travels in between laptops:
 * `{ format: 'kemas-rubric', formatVersion, exportedAt, rubric: { name, groups } }`.
 * Only the content travels; ids of records, families, versions and status
 * belong to the laptop that made them, and an import always starts a new draft.
 */
export const RUBRIC_FILE_FORMAT = 'kemas-rubric';
/**
 * The version of the rubric inside (shared/migrations/chain.ts): an older file's rubric runs
 * through the chain's `rubrics` steps before its schema check; a newer file is refused.
 */
export const RUBRIC_FILE_VERSION = RECORDS_VERSION;

/** Larger than any real rubric by far (the MJC preset is ~25 kB); refuses a size bomb before parsing. */
export const MAX_RUBRIC_FILE_CHARS = 2_000_000;

export const rubricFileSchema = z.object({
  format: z.literal(RUBRIC_FILE_FORMAT),
  formatVersion: z.number().int().min(FIRST_RECORDS_VERSION).max(RUBRIC_FILE_VERSION),
  /** ISO 8601 time of the export, for people reading the file. */
  exportedAt: z.iso.datetime({ offset: true }),
  rubric: z.object({ name: bilingualSchema, groups: z.array(rubricGroupSchema) }),
});
export type RubricFile = z.infer<typeof rubricFileSchema>;

/** Why a file cannot be imported; the UI translates the code. */
export type RubricFileProblem =
  | { code: 'too-large' }
  | { code: 'not-json' }
  | { code: 'not-rubric-file' }
  /** Made by a newer Kemas Studio: the app needs an update to read it. */
  | { code: 'newer-version'; version: number }
  /** Looks like a rubric file but breaks the format; `path` names the first problem, e.g. `rubric.groups[0].weight`. */
  | { code: 'invalid'; path: string };

export type RubricFileResult = { ok: true; file: RubricFile } | { ok: false; problem: RubricFileProblem };

/** The file for a rubric, as an object. */
export function toRubricFile(rubric: RubricContent, now: number): RubricFile {
  return rubricFileSchema.parse({
    format: RUBRIC_FILE_FORMAT,
    formatVersion: RUBRIC_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    rubric: { name: rubric.name, groups: rubric.groups },
  });
}

/** The file's text: indented JSON, so it reads and diffs well. */
export function serializeRubricFile(rubric: RubricContent, now: number): string {
  return `${JSON.stringify(toRubricFile(rubric, now), null, 2)}\n`;
}

/** `rubric.groups[0].criteria[2].weight` from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text || '(file)';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a rubric file. The checks go from coarse to fine so each refusal says
 * the most useful thing: too large, not JSON, not a Kemas rubric file, made by
 * a newer app (checked before the shape, which a newer format may change),
 * then the shape with the path of its first problem.
 */
export function parseRubricFile(text: string): RubricFileResult {
  if (text.length > MAX_RUBRIC_FILE_CHARS) return { ok: false, problem: { code: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  if (!isRecord(data) || data.format !== RUBRIC_FILE_FORMAT) return { ok: false, problem: { code: 'not-rubric-file' } };
  const version = data.formatVersion;
  if (typeof version === 'number' && Number.isFinite(version) && version > RUBRIC_FILE_VERSION) {
    return { ok: false, problem: { code: 'newer-version', version } };
  }
  // An older file's rubric content is upgraded as a rubric record is (its steps touch only what they change).
  const upgraded = typeof version === 'number' ? { ...data, rubric: upgradeRecord('rubrics', data.rubric, version) } : data;
  const parsed = rubricFileSchema.safeParse(upgraded);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: { code: 'invalid', path: pathText(first?.path ?? []) } };
  }
  return { ok: true, file: parsed.data };
}

/**
 * A draft (version 1 of a new family) from a file's rubric. The rubric and its
 * family get fresh ids; group and criterion ids are kept so scores line up with
 * the rubric the file came from, except where the file repeats an id, which
 * then gets a fresh one (every id is unique within a rubric).
 */
export function rubricFromFile(file: RubricFile, newId: () => string, actor: string, now: number): Rubric {
  const seen = new Set<string>();
  const unique = (id: string) => {
    let next = id;
    while (seen.has(next)) next = newId();
    seen.add(next);
    return next;
  };
  return rubricSchema.parse({
    id: newId(),
    familyId: newId(),
    createdAt: now,
    updatedAt: now,
    updatedBy: actor,
    deletedAt: null,
    revisions: {},
    version: 1,
    status: 'draft',
    name: { ...file.rubric.name },
    groups: file.rubric.groups.map((g) => ({
      ...g,
      id: unique(g.id),
      name: { ...g.name },
      criteria: g.criteria.map((c) => ({
        ...c,
        id: unique(c.id),
        name: { ...c.name },
        scale: { ...c.scale },
        levels: c.levels.map((l) => ({ score: l.score, descriptor: { ...l.descriptor } })),
      })),
    })),
  });
}
