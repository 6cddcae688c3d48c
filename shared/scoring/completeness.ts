import type { Review } from '../domain/review.ts';
import type { Rubric } from '../domain/rubric.ts';
import { reviewScore, type ReviewScore } from './score.ts';

/** A review's scores as `reviewScore` takes them. */
export function scoresOf(review: Pick<Review, 'scores'>): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const [criterionId, entry] of Object.entries(review.scores)) scores[criterionId] = entry.score;
  return scores;
}

/** What still stands between a review and its submission. */
export interface Completeness {
  /** True when it may be submitted. */
  complete: boolean;
  /** The mentor abstained or declared a conflict of interest: nothing else is asked. */
  declined: boolean;
  /** Criteria without a valid score, in rubric order. */
  unscored: string[];
  verdictMissing: boolean;
  score: ReviewScore;
}

/**
 * A review is complete when every criterion of its rubric has a score on its
 * scale and a verdict is chosen, or when the mentor abstained or declared a
 * conflict of interest.
 */
export function reviewCompleteness(
  review: Pick<Review, 'scores' | 'verdict' | 'abstained' | 'conflictOfInterest'>,
  rubric: Pick<Rubric, 'groups'>,
): Completeness {
  const score = reviewScore(rubric, scoresOf(review));
  const scoredIds = new Set<string>();
  for (const group of rubric.groups) {
    for (const c of group.criteria) {
      const value = review.scores[c.id]?.score;
      if (value !== null && value !== undefined && !score.invalid.includes(c.id)) scoredIds.add(c.id);
    }
  }
  const unscored = rubric.groups.flatMap((g) => g.criteria.map((c) => c.id)).filter((id) => !scoredIds.has(id));
  const declined = review.abstained || review.conflictOfInterest;
  const verdictMissing = review.verdict === null;
  return { complete: declined || (score.complete && !verdictMissing), declined, unscored, verdictMissing, score };
}
