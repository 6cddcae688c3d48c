import type { Annotation } from '../domain/annotation.ts';
import type { Asset } from '../domain/asset.ts';
import type { LabelChecklist } from '../domain/labelChecklist.ts';
import type { Mentor } from '../domain/mentor.ts';
import type { Participant } from '../domain/participant.ts';
import type { Review } from '../domain/review.ts';
import type { Rubric } from '../domain/rubric.ts';
import type { Submission } from '../domain/submission.ts';
import type { Workshop } from '../domain/workshop.ts';
import type { PackMode } from './packModelSchema.ts';
import type { PackLanguage } from './packText.ts';

/**
 * What the caller gathers from the database for one submission's pack. Pass
 * records as stored (tombstoned ones are skipped here); nothing is fetched later.
 */
export interface PackInput {
  workshop: Pick<Workshop, 'name' | 'region' | 'venue' | 'startDate' | 'endDate'>;
  participant: Pick<Participant, 'business' | 'owner' | 'product' | 'category' | 'city' | 'region' | 'labelFacts' | 'packDimensions'>;
  submission: Pick<Submission, 'id' | 'version' | 'title'>;
  /** The submission's faces (assets), any order: they are sorted by `order`. */
  faces: readonly Pick<Asset, 'id' | 'face' | 'order' | 'metadata' | 'deletedAt' | 'transform'>[];
  /** The submission's annotations, every mentor's. */
  annotations: readonly Annotation[];
  /** The submission's reviews; only submitted ones on `rubric`, not abstained and without a conflict of interest, are scored. */
  reviews: readonly Review[];
  /** The rubric version the reviews used. */
  rubric: Pick<Rubric, 'id' | 'groups'>;
  /** The submission's label checklists (one per mentor). */
  labelChecklists: readonly LabelChecklist[];
  /** The participant's previous reviewed version, when there is one: its reviews and their rubric. */
  previous: {
    submission: Pick<Submission, 'id' | 'version'>;
    reviews: readonly Review[];
    rubric: Pick<Rubric, 'id' | 'groups'>;
  } | null;
  /** Every mentor who may appear (reviews, annotations, checklists); the order here is the order in the pack. */
  mentors: readonly Pick<Mentor, 'id' | 'name' | 'organisation'>[];
  /** When the pack is made (ms): its date, and the year a P-IRT number's expiry is judged by. */
  generatedAt: number;
}

export interface PackOptions {
  language: PackLanguage;
  /** One pack with every mentor's marks and averaged scores, or one mentor's own pack. */
  mode: PackMode;
}
