import type { Rubric } from '../domain/rubric.ts';
import { scaleLevels } from './scale.ts';

/** Codes for what is wrong with a rubric's weights or scales; the UI translates them. */
export const WEIGHT_PROBLEMS = [
  'no-groups',
  'group-weights-sum',
  'group-weight-negative',
  'group-empty',
  'criterion-weight-not-positive',
  'scale-invalid',
  'levels-count',
  'levels-off-scale',
  'duplicate-id',
] as const;
export type WeightProblemCode = (typeof WEIGHT_PROBLEMS)[number];

/** One problem, pointing at the group and/or criterion it concerns; `value` carries e.g. the actual sum. */
export interface WeightProblem {
  code: WeightProblemCode;
  groupId?: string;
  criterionId?: string;
  value?: number;
}

type RubricShape = Pick<Rubric, 'groups'>;

/** Tolerance when checking that group weights sum to 100 (typed decimals like 33.3 + 33.3 + 33.4). */
const SUM_TOLERANCE = 1e-6;

/**
 * Problems that stop a rubric from scoring fairly: group weights must sum to
 * 100; criterion weights must be positive (they are normalised within their
 * group, so they need not sum to anything); each scale must be sane; each
 * criterion needs exactly one descriptor per scale level, matching the levels.
 * An empty list means the rubric can be published.
 */
export function checkWeights(rubric: RubricShape): WeightProblem[] {
  const problems: WeightProblem[] = [];
  if (rubric.groups.length === 0) return [{ code: 'no-groups' }];

  const seen = new Set<string>();
  const noteId = (id: string, where: Omit<WeightProblem, 'code'>) => {
    if (seen.has(id)) problems.push({ code: 'duplicate-id', ...where });
    seen.add(id);
  };

  let sum = 0;
  for (const group of rubric.groups) {
    noteId(group.id, { groupId: group.id });
    if (!(group.weight >= 0)) problems.push({ code: 'group-weight-negative', groupId: group.id, value: group.weight });
    sum += group.weight;
    if (group.criteria.length === 0) problems.push({ code: 'group-empty', groupId: group.id });
    for (const c of group.criteria) {
      const where = { groupId: group.id, criterionId: c.id };
      noteId(c.id, where);
      if (!(c.weight > 0)) problems.push({ code: 'criterion-weight-not-positive', ...where, value: c.weight });
      const levels = scaleLevels(c.scale);
      if (!levels) {
        problems.push({ code: 'scale-invalid', ...where });
        continue;
      }
      if (c.levels.length !== levels.length) {
        problems.push({ code: 'levels-count', ...where, value: c.levels.length });
        continue;
      }
      const sorted = [...c.levels].map((l) => l.score).sort((a, b) => a - b);
      if (sorted.some((s, i) => Math.abs(s - (levels[i] ?? Number.NaN)) > 1e-9)) {
        problems.push({ code: 'levels-off-scale', ...where });
      }
    }
  }
  if (!(Math.abs(sum - 100) <= SUM_TOLERANCE)) problems.push({ code: 'group-weights-sum', value: sum });
  return problems;
}
