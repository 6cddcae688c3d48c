import { describe, expect, it } from 'vitest';
import { rubricSchema } from '#shared/domain/rubric.ts';
import { AWARDS_STYLE, instantiateRubric, MJC_QUALITY_INNOVATION, RUBRIC_PRESETS } from '#shared/scoring/presets.ts';
import { checkWeights } from '#shared/scoring/weights.ts';

const counter = () => {
  let i = 0;
  return () => `id-${(i += 1)}`;
};

describe('rubric presets', () => {
  it('MJC has Kualitas 60 and Inovasi 40 with five criteria each, in the order the brief names them', () => {
    const [quality, innovation] = MJC_QUALITY_INNOVATION.groups;
    expect(quality?.name.id).toBe('Kualitas');
    expect(quality?.weight).toBe(60);
    expect(innovation?.name.id).toBe('Inovasi');
    expect(innovation?.weight).toBe(40);
    expect(quality?.criteria.map((c) => c.id)).toEqual([
      'mjc-quality-label',
      'mjc-quality-legibility',
      'mjc-quality-print',
      'mjc-quality-function',
      'mjc-quality-brand',
    ]);
    expect(innovation?.criteria.map((c) => c.id)).toEqual([
      'mjc-innovation-originality',
      'mjc-innovation-appeal',
      'mjc-innovation-sustainability',
      'mjc-innovation-local',
      'mjc-innovation-market',
    ]);
  });

  it('the awards-style rubric has four criteria out of 5', () => {
    const criteria = AWARDS_STYLE.groups.flatMap((g) => g.criteria);
    expect(criteria).toHaveLength(4);
    for (const c of criteria) expect(c.scale).toEqual({ min: 1, max: 5, step: 1 });
  });

  it.each(RUBRIC_PRESETS.map((p) => [p.id, p] as const))('%s: every level has a distinct descriptor in both languages, and weights check out', (_, preset) => {
    expect(checkWeights(preset)).toEqual([]);
    const all = preset.groups.flatMap((g) => g.criteria);
    const ids = new Set([...preset.groups.map((g) => g.id), ...all.map((c) => c.id)]);
    expect(ids.size).toBe(preset.groups.length + all.length);
    for (const c of all) {
      expect(c.levels.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
      for (const l of c.levels) {
        expect(l.descriptor.id.length).toBeGreaterThan(20);
        expect(l.descriptor.en.length).toBeGreaterThan(20);
        expect(l.descriptor.id).not.toBe(l.descriptor.en);
      }
      expect(new Set(c.levels.map((l) => l.descriptor.id)).size).toBe(5);
      expect(new Set(c.levels.map((l) => l.descriptor.en)).size).toBe(5);
    }
  });

  it('instantiates a valid draft version 1 with fresh rubric ids and the stable criterion ids', () => {
    const rubric = instantiateRubric(MJC_QUALITY_INNOVATION, counter(), 'mentor-1', 1_700_000_000_000);
    expect(rubricSchema.safeParse(rubric).success).toBe(true);
    expect(rubric).toMatchObject({ id: 'id-1', familyId: 'id-2', version: 1, status: 'draft', updatedBy: 'mentor-1', deletedAt: null });
    expect(rubric.groups[0]?.criteria[0]?.id).toBe('mjc-quality-label');
    rubric.groups[0]!.criteria[0]!.levels[0]!.descriptor.id = 'changed';
    expect(MJC_QUALITY_INNOVATION.groups[0]?.criteria[0]?.levels[0]?.descriptor.id).not.toBe('changed');
  });

  it('refuses a template the schema rejects', () => {
    const broken = { ...AWARDS_STYLE, groups: [{ ...AWARDS_STYLE.groups[0]!, weight: -1 }] };
    expect(() => instantiateRubric(broken, counter(), 'system', 0)).toThrow();
  });
});
