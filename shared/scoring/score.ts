import type { Bilingual } from '../domain/record.ts';
import type { Rubric } from '../domain/rubric.ts';
import { exactScorer, toNumber, type ExactScorer, type Fraction } from './exactScore.ts';
import { isOnScale, type Scale } from './scale.ts';

/** The parts of a criterion scoring needs. */
export interface ScoredCriterion {
  id: string;
  weight: number;
  scale: Scale;
  levels: readonly { score: number; descriptor: Bilingual }[];
}

/** One group's subtotal: weighted mean of its scored criteria, 0–100; null when none is scored. */
export interface GroupScore {
  groupId: string;
  subtotal0to100: number | null;
  scored: number;
  total: number;
}

/** A review's score at full precision; round only for display (`roundForDisplay`). */
export interface ReviewScore {
  /**
   * The weighted overall 0–100, null until every criterion is scored. Computed
   * exactly (`exactScore.ts`): the same score is always the same double.
   */
  overall0to100: number | null;
  /** The overall as an exact fraction (numerator over the rubric's common denominator). */
  overallExact: Fraction | null;
  /** The overall over the criteria scored so far (weights renormalised), null when nothing is scored. */
  partial0to100: number | null;
  groups: GroupScore[];
  complete: boolean;
  /** Criteria whose score is not a level of their scale; they count as unscored. */
  invalid: string[];
}

/** A criterion's score mapped to 0–1 on its scale (min → 0, max → 1). */
export function normaliseScore(scale: Scale, score: number): number {
  return (score - scale.min) / (scale.max - scale.min);
}

/**
 * Scores a review against a rubric. Each criterion's score is normalised to 0–1
 * on its scale and weighted within its group by weight ÷ the group's weight sum;
 * groups are weighted by weight ÷ the sum of group weights and scaled to 0–100.
 * Missing, null or off-scale scores count as unscored.
 */
export function reviewScore(rubric: Pick<Rubric, 'groups'>, scores: Readonly<Record<string, number | null | undefined>>): ReviewScore {
  const scorer = scorerFor(rubric);
  const invalid: string[] = [];
  const groups: GroupScore[] = [];
  let complete = rubric.groups.length > 0;
  let fullWeight = 0;
  let partialSum = 0;
  let partialWeight = 0;
  const groupWeightSum = rubric.groups.reduce((s, g) => s + g.weight, 0);

  for (const group of rubric.groups) {
    const critWeightSum = group.criteria.reduce((s, c) => s + c.weight, 0);
    let sum = 0;
    let weight = 0;
    let scored = 0;
    for (const c of group.criteria) {
      const raw = scores[c.id];
      if (raw === null || raw === undefined) {
        complete = false;
        continue;
      }
      if (!isOnScale(c.scale, raw)) {
        invalid.push(c.id);
        complete = false;
        continue;
      }
      scored += 1;
      sum += c.weight * normaliseScore(c.scale, raw);
      weight += c.weight;
    }
    if (group.criteria.length === 0) complete = false;
    const subtotal = weight > 0 ? sum / weight : null;
    // A whole group's subtotal is exact, like the overall; a partial one is a live preview.
    const groupIndex = groups.length;
    const exactGroup = scored === group.criteria.length && weight > 0 ? scorer.group(groupIndex, scores) : null;
    const subtotal0to100 =
      exactGroup !== null ? toNumber({ num: exactGroup, den: scorer.groupDenominators[groupIndex] as bigint }) : subtotal === null ? null : subtotal * 100;
    groups.push({ groupId: group.id, subtotal0to100, scored, total: group.criteria.length });
    if (groupWeightSum > 0 && critWeightSum > 0) {
      const gw = group.weight / groupWeightSum;
      // The full overall is exact (scorer.overall); here only whether any weight is there.
      fullWeight += gw;
      // Partial: the group's mean over what is scored, then groups with something scored renormalised.
      if (subtotal !== null) {
        partialSum += gw * subtotal;
        partialWeight += gw;
      }
    }
  }
  const numerator = complete && fullWeight > 0 ? scorer.overall(scores) : null;
  const overallExact = numerator === null ? null : { num: numerator, den: scorer.denominator };
  const partial = partialWeight > 0 ? (partialSum / partialWeight) * 100 : null;
  return { overall0to100: overallExact === null ? null : toNumber(overallExact), overallExact, partial0to100: partial, groups, complete, invalid };
}

// Compiling a rubric is a few BigInt steps; a session's results score every review against the same one.
// The signature guards against a groups array edited in place after it was compiled.
const scorers = new WeakMap<object, { signature: string; scorer: ExactScorer }>();

const signatureOf = (rubric: Pick<Rubric, 'groups'>) =>
  rubric.groups.map((g) => `${g.weight}[${g.criteria.map((c) => `${c.id}:${c.weight}:${c.scale.min}:${c.scale.max}:${c.scale.step}`).join(',')}]`).join('|');

/** The rubric's exact scorer, compiled once per groups array (and again if that array was edited in place). */
export function scorerFor(rubric: Pick<Rubric, 'groups'>): ExactScorer {
  const signature = signatureOf(rubric);
  const cached = scorers.get(rubric.groups);
  if (cached && cached.signature === signature) return cached.scorer;
  const scorer = exactScorer(rubric);
  scorers.set(rubric.groups, { signature, scorer });
  return scorer;
}

/**
 * The level descriptor reached by `score`: the highest level whose score is at
 * most `score`. Null when the score is below the lowest level or there are none.
 */
export function levelFor(criterion: Pick<ScoredCriterion, 'levels'>, score: number): { score: number; descriptor: Bilingual } | null {
  let best: { score: number; descriptor: Bilingual } | null = null;
  for (const level of criterion.levels) {
    if (level.score <= score + 1e-9 && (best === null || level.score > best.score)) best = level;
  }
  return best;
}

/** One decimal for display (e.g. 73.333… → 73.3); null stays null. Never feed the result back into the maths. */
export function roundForDisplay(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}
