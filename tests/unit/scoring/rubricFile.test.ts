import { describe, expect, it } from 'vitest';
import { AWARDS_STYLE, instantiateRubric, MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import {
  MAX_RUBRIC_FILE_CHARS,
  RUBRIC_FILE_VERSION,
  parseRubricFile,
  rubricFromFile,
  serializeRubricFile,
  type RubricFile,
} from '#shared/scoring/rubricFile.ts';
import { publishProblems } from '#shared/scoring/rubricRules.ts';

const counter = (prefix = 'id') => {
  let i = 0;
  return () => `${prefix}-${(i += 1)}`;
};

const NOW = Date.UTC(2026, 10, 28, 9, 30);
const mjc = instantiateRubric(MJC_QUALITY_INNOVATION, counter(), 'tester', 0);

function parsed(text: string): RubricFile {
  const result = parseRubricFile(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.file;
}

describe('rubric file', () => {
  it('round-trips a rubric: the same names, weights, scales and descriptors come back', () => {
    const text = serializeRubricFile(mjc, NOW);
    const file = parsed(text);
    expect(file.format).toBe('kemas-rubric');
    expect(file.formatVersion).toBe(RUBRIC_FILE_VERSION);
    expect(file.exportedAt).toBe('2026-11-28T09:30:00.000Z');
    expect(file.rubric.name).toEqual(mjc.name);
    expect(file.rubric.groups).toEqual(mjc.groups);
  });

  it('carries only the content: no record ids, family, version or status', () => {
    const data = JSON.parse(serializeRubricFile({ ...mjc }, NOW)) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['exportedAt', 'format', 'formatVersion', 'rubric']);
    expect(Object.keys(data.rubric as object).sort()).toEqual(['groups', 'name']);
  });

  it('refuses what is not JSON, not a rubric file, or too large', () => {
    expect(parseRubricFile('{"format": "kemas-rubric",')).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseRubricFile('[1, 2]')).toEqual({ ok: false, problem: { code: 'not-rubric-file' } });
    expect(parseRubricFile('{"format": "kemas-bundle", "formatVersion": 1}')).toEqual({ ok: false, problem: { code: 'not-rubric-file' } });
    expect(parseRubricFile(' '.repeat(MAX_RUBRIC_FILE_CHARS + 1))).toEqual({ ok: false, problem: { code: 'too-large' } });
  });

  it('refuses a newer format version before looking at its shape', () => {
    const text = JSON.stringify({ format: 'kemas-rubric', formatVersion: 99, something: 'new' });
    expect(parseRubricFile(text)).toEqual({ ok: false, problem: { code: 'newer-version', version: 99 } });
  });

  it('names the path of the first problem in a broken file', () => {
    const data = JSON.parse(serializeRubricFile(mjc, NOW)) as { rubric: { groups: { criteria: { weight: unknown }[] }[] } };
    (data.rubric.groups[1]?.criteria[2] as { weight: unknown }).weight = 'heavy';
    expect(parseRubricFile(JSON.stringify(data))).toEqual({
      ok: false,
      problem: { code: 'invalid', path: 'rubric.groups[1].criteria[2].weight' },
    });
    expect(parseRubricFile(JSON.stringify({ format: 'kemas-rubric', formatVersion: 0 }))).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'formatVersion' },
    });
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(parseRubricFile(`\uFEFF${serializeRubricFile(mjc, NOW)}`).ok).toBe(true);
  });

  it('imports as a new draft family, version 1, keeping group and criterion ids', () => {
    const file = parsed(serializeRubricFile({ ...mjc, name: mjc.name }, NOW));
    const draft = rubricFromFile(file, counter('new'), 'mentor-1', NOW);
    expect(draft).toMatchObject({ id: 'new-1', familyId: 'new-2', version: 1, status: 'draft', updatedBy: 'mentor-1', deletedAt: null });
    expect(draft.groups.flatMap((g) => g.criteria.map((c) => c.id))).toEqual(mjc.groups.flatMap((g) => g.criteria.map((c) => c.id)));
    expect(publishProblems(draft)).toEqual([]);
  });

  it('gives a fresh id to a group or criterion that repeats an id within the file', () => {
    const awards = instantiateRubric(AWARDS_STYLE, counter(), 'tester', 0);
    const [group] = awards.groups;
    if (!group) throw new Error('no group');
    const twice = { ...awards, groups: [group, { ...group, id: 'awards-innovation' }] };
    const draft = rubricFromFile(parsed(serializeRubricFile(twice, NOW)), counter('new'), 'mentor-1', NOW);
    const ids = draft.groups.flatMap((g) => [g.id, ...g.criteria.map((c) => c.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 5)).toEqual(['awards', 'awards-innovation', 'awards-sustainability-function', 'awards-brand-graphic', 'awards-market-impact']);
    expect(publishProblems(draft).filter((p) => p.code === 'duplicate-id')).toEqual([]);
  });
});
