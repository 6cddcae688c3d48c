import type { Bilingual } from '../domain/record.ts';
import type { Rubric } from '../domain/rubric.ts';
import { scaleLevels, type Scale } from './scale.ts';
import { checkWeights, WEIGHT_PROBLEMS, type WeightProblem } from './weights.ts';

/** What a curator edits in a rubric: everything but the record fields, family, version and status. */
export type RubricContent = Pick<Rubric, 'name' | 'groups'>;
export type RubricGroup = Rubric['groups'][number];
export type RubricCriterion = RubricGroup['criteria'][number];
export type RubricLevel = RubricCriterion['levels'][number];
export type RubricLanguage = keyof Bilingual;

const LANGUAGES: readonly RubricLanguage[] = ['id', 'en'];

/** Codes for what stops a rubric from being published: the weight checks, plus text a reader needs. */
export const PUBLISH_PROBLEMS = [
  ...WEIGHT_PROBLEMS,
  'rubric-name-empty',
  'group-name-empty',
  'criterion-name-empty',
  'descriptors-empty',
] as const;
export type PublishProblemCode = (typeof PUBLISH_PROBLEMS)[number];

/**
 * One problem. `languages` says which translations of a name are missing;
 * for 'descriptors-empty', `value` counts the empty descriptors of the criterion
 * (each level counts once per language).
 */
export interface PublishProblem extends Omit<WeightProblem, 'code'> {
  code: PublishProblemCode;
  languages?: RubricLanguage[];
}

const missingLanguages = (text: Bilingual): RubricLanguage[] => LANGUAGES.filter((l) => text[l].trim() === '');

/**
 * Everything that must be fixed before `rubric` can be published, in the order
 * a reader meets it (rubric name, then group by group). Empty means publishable.
 * Weights, scales, levels and ids are checked by `checkWeights`; on top of
 * that every name and every level descriptor must be written in both languages.
 */
export function publishProblems(rubric: RubricContent): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const missingName = missingLanguages(rubric.name);
  if (missingName.length > 0) problems.push({ code: 'rubric-name-empty', languages: missingName });
  for (const group of rubric.groups) {
    const missing = missingLanguages(group.name);
    if (missing.length > 0) problems.push({ code: 'group-name-empty', groupId: group.id, languages: missing });
    for (const c of group.criteria) {
      const where = { groupId: group.id, criterionId: c.id };
      const missingC = missingLanguages(c.name);
      if (missingC.length > 0) problems.push({ code: 'criterion-name-empty', ...where, languages: missingC });
      const empty = c.levels.reduce((n, l) => n + missingLanguages(l.descriptor).length, 0);
      if (empty > 0) problems.push({ code: 'descriptors-empty', ...where, value: empty });
    }
  }
  return [...problems, ...checkWeights(rubric)];
}

/** Tolerance when matching a stored level to a scale step (see `scaleLevels`). */
const SAME_LEVEL = 1e-9;

/**
 * A criterion with a new scale. When the scale is sane the levels become
 * exactly its steps, lowest first, and each keeps the descriptor it had for
 * that score (new steps get empty descriptors). An insane scale (e.g. max
 * below min while the curator is still typing) is stored as it is, levels
 * untouched, so nothing is lost until the scale makes sense again.
 */
export function changeScale(criterion: RubricCriterion, scale: Scale): RubricCriterion {
  const steps = scaleLevels(scale);
  if (!steps) return { ...criterion, scale: { ...scale } };
  const levels = steps.map((score) => {
    const kept = criterion.levels.find((l) => Math.abs(l.score - score) < SAME_LEVEL);
    return { score, descriptor: kept ? { ...kept.descriptor } : { id: '', en: '' } };
  });
  return { ...criterion, scale: { ...scale }, levels };
}

/** Descriptors with text that `changeScale` would drop, so the editor can say what an undo brings back. */
export function descriptorsLostByScale(criterion: RubricCriterion, scale: Scale): number {
  const steps = scaleLevels(scale);
  if (!steps) return 0;
  return criterion.levels.filter(
    (l) => !steps.some((s) => Math.abs(s - l.score) < SAME_LEVEL) && (l.descriptor.id.trim() !== '' || l.descriptor.en.trim() !== ''),
  ).length;
}

export const DEFAULT_SCALE: Scale = { min: 1, max: 5, step: 1 };

/** A new criterion: no name yet, weight 1, a 1–5 scale with empty descriptors. */
export function blankCriterion(id: string, scale: Scale = DEFAULT_SCALE): RubricCriterion {
  return changeScale({ id, name: { id: '', en: '' }, weight: 1, scale: { ...scale }, levels: [] }, scale);
}

/** A new group with one blank criterion; its weight is what is left to reach 100 (never below 0). */
export function blankGroup(id: string, criterionId: string, weight: number): RubricGroup {
  return { id, name: { id: '', en: '' }, weight, criteria: [blankCriterion(criterionId)] };
}

/** A blank rubric: one group weighing 100 with one criterion, nothing named yet. */
export function blankRubricContent(groupId: string, criterionId: string): RubricContent {
  return { name: { id: '', en: '' }, groups: [blankGroup(groupId, criterionId, 100)] };
}

/** What the group weights still need to reach 100, never below 0. */
export function remainingGroupWeight(rubric: RubricContent): number {
  const used = rubric.groups.reduce((s, g) => s + (Number.isFinite(g.weight) ? g.weight : 0), 0);
  return Math.max(0, Math.round((100 - used) * 1e6) / 1e6);
}

// --- Pure edits. Each returns a new rubric and shares what it did not change,
// so an undo history of whole contents costs only the changed path per step.

function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || to < 0 || to >= items.length || delta === 0) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function setRubricName(rubric: RubricContent, language: RubricLanguage, text: string): RubricContent {
  return { ...rubric, name: { ...rubric.name, [language]: text } };
}

/** Appends a group (see `blankGroup`) that takes the weight still missing from 100. */
export function addGroup(rubric: RubricContent, groupId: string, criterionId: string): RubricContent {
  return { ...rubric, groups: [...rubric.groups, blankGroup(groupId, criterionId, remainingGroupWeight(rubric))] };
}

export function removeGroup(rubric: RubricContent, groupId: string): RubricContent {
  return { ...rubric, groups: rubric.groups.filter((g) => g.id !== groupId) };
}

/** Moves a group up (delta −1) or down (+1); at either end it stays. */
export function moveGroup(rubric: RubricContent, groupId: string, delta: number): RubricContent {
  return { ...rubric, groups: moveItem(rubric.groups, rubric.groups.findIndex((g) => g.id === groupId), delta) };
}

export function updateGroup(
  rubric: RubricContent,
  groupId: string,
  change: { name?: Partial<Bilingual>; weight?: number },
): RubricContent {
  return {
    ...rubric,
    groups: rubric.groups.map((g) =>
      g.id === groupId
        ? { ...g, ...(change.name ? { name: { ...g.name, ...change.name } } : {}), ...(change.weight !== undefined ? { weight: change.weight } : {}) }
        : g,
    ),
  };
}

function mapCriterion(rubric: RubricContent, criterionId: string, f: (c: RubricCriterion) => RubricCriterion): RubricContent {
  return {
    ...rubric,
    groups: rubric.groups.map((g) =>
      g.criteria.some((c) => c.id === criterionId) ? { ...g, criteria: g.criteria.map((c) => (c.id === criterionId ? f(c) : c)) } : g,
    ),
  };
}

export function addCriterion(rubric: RubricContent, groupId: string, criterionId: string): RubricContent {
  return {
    ...rubric,
    groups: rubric.groups.map((g) => (g.id === groupId ? { ...g, criteria: [...g.criteria, blankCriterion(criterionId)] } : g)),
  };
}

export function removeCriterion(rubric: RubricContent, criterionId: string): RubricContent {
  return {
    ...rubric,
    groups: rubric.groups.map((g) =>
      g.criteria.some((c) => c.id === criterionId) ? { ...g, criteria: g.criteria.filter((c) => c.id !== criterionId) } : g,
    ),
  };
}

/**
 * Moves a criterion up (−1) or down (+1) within its group; past the group's
 * first or last place it moves into the previous or next group (to its end or
 * start), so any order can be reached with two keys. At the rubric's ends it stays.
 */
export function moveCriterion(rubric: RubricContent, criterionId: string, delta: -1 | 1): RubricContent {
  const gi = rubric.groups.findIndex((g) => g.criteria.some((c) => c.id === criterionId));
  const group = rubric.groups[gi];
  if (!group) return rubric;
  const ci = group.criteria.findIndex((c) => c.id === criterionId);
  const target = ci + delta;
  if (target >= 0 && target < group.criteria.length) {
    return { ...rubric, groups: rubric.groups.map((g, i) => (i === gi ? { ...g, criteria: moveItem(g.criteria, ci, delta) } : g)) };
  }
  const neighbour = rubric.groups[gi + delta];
  if (!neighbour) return rubric;
  const criterion = group.criteria[ci] as RubricCriterion;
  return {
    ...rubric,
    groups: rubric.groups.map((g, i) => {
      if (i === gi) return { ...g, criteria: g.criteria.filter((c) => c.id !== criterionId) };
      if (i === gi + delta) return { ...g, criteria: delta < 0 ? [...g.criteria, criterion] : [criterion, ...g.criteria] };
      return g;
    }),
  };
}

export function updateCriterion(
  rubric: RubricContent,
  criterionId: string,
  change: { name?: Partial<Bilingual>; weight?: number },
): RubricContent {
  return mapCriterion(rubric, criterionId, (c) => ({
    ...c,
    ...(change.name ? { name: { ...c.name, ...change.name } } : {}),
    ...(change.weight !== undefined ? { weight: change.weight } : {}),
  }));
}

/** Changes a criterion's scale; see `changeScale` for what happens to its levels. */
export function setCriterionScale(rubric: RubricContent, criterionId: string, scale: Scale): RubricContent {
  return mapCriterion(rubric, criterionId, (c) => changeScale(c, scale));
}

/** Sets one level's descriptor in one language; an unknown score changes nothing. */
export function setDescriptor(rubric: RubricContent, criterionId: string, score: number, language: RubricLanguage, text: string): RubricContent {
  return mapCriterion(rubric, criterionId, (c) => ({
    ...c,
    levels: c.levels.map((l) => (Math.abs(l.score - score) < SAME_LEVEL ? { ...l, descriptor: { ...l.descriptor, [language]: text } } : l)),
  }));
}

/** Each group's and criterion's share of the 0–100 total, as scoring weighs them (see `reviewScore`). */
export interface WeightShares {
  groups: { groupId: string; share: number; criteria: { criterionId: string; share: number }[] }[];
}

/**
 * Shares as `reviewScore` uses them: a group weighs its weight ÷ the sum of
 * group weights, a criterion its weight ÷ its group's criterion weight sum,
 * times its group's share. Non-positive or missing sums give 0 shares.
 */
export function weightShares(rubric: Pick<RubricContent, 'groups'>): WeightShares {
  const finite = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
  const groupSum = rubric.groups.reduce((s, g) => s + finite(g.weight), 0);
  return {
    groups: rubric.groups.map((g) => {
      const share = groupSum > 0 ? (finite(g.weight) / groupSum) * 100 : 0;
      const critSum = g.criteria.reduce((s, c) => s + finite(c.weight), 0);
      return {
        groupId: g.id,
        share,
        criteria: g.criteria.map((c) => ({ criterionId: c.id, share: critSum > 0 ? (finite(c.weight) / critSum) * share : 0 })),
      };
    }),
  };
}

/** The sum of the group weights as typed (the weight check wants 100). */
export function groupWeightSum(rubric: Pick<RubricContent, 'groups'>): number {
  return rubric.groups.reduce((s, g) => s + g.weight, 0);
}
