import type { Review } from '../domain/review.ts';
import type { Rubric } from '../domain/rubric.ts';
import { levelFor, normaliseScore, reviewScore } from '../scoring/score.ts';
import { isOnScale } from '../scoring/scale.ts';
import { mean } from '../scoring/stats.ts';
import { formatMomentTime, formatNumber, formatPercent } from './packFormat.ts';
import type { PackScores, PackVersionChange } from './packModelSchema.ts';
import { fill, PACK_MESSAGES, type PackLanguage } from './packText.ts';

type RubricShape = Pick<Rubric, 'id' | 'groups'>;
type Criterion = Rubric['groups'][number]['criteria'][number];

/**
 * A review as the pack counts it: while it is reopened for a revision, what was
 * submitted (scores, verdict, abstention and conflict; its texts are the ones
 * being edited), as the session's results count it (`countedVersion`).
 */
export function packCountedVersion(review: Review): Review {
  if (review.status !== 'draft' || !review.lastSubmitted) return review;
  const { scores, verdict, abstained, conflictOfInterest } = review.lastSubmitted;
  return { ...review, status: 'submitted', scores, verdict, abstained, conflictOfInterest };
}

/**
 * The reviews that count: live, of this submission, submitted (or reopened,
 * by the version submitted: `packCountedVersion`), on this rubric version,
 * not abstained and without a declared conflict of interest.
 */
export function countedReviews(reviews: readonly Review[], submissionId: string, rubricId: string): Review[] {
  return reviews.map(packCountedVersion).filter(
    (r) =>
      r.deletedAt === null &&
      r.submissionId === submissionId &&
      r.status === 'submitted' &&
      r.rubricId === rubricId &&
      !r.abstained &&
      !r.conflictOfInterest,
  );
}

interface Stats {
  mean: number | null;
  min: number | null;
  max: number | null;
  n: number;
}

function statsOf(values: readonly number[]): Stats {
  if (values.length === 0) return { mean: null, min: null, max: null, n: 0 };
  return { mean: mean(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** A criterion's scores over the reviews (scores off its scale count as unscored, as in `reviewScore`). */
export function criterionStats(reviews: readonly Review[], criterion: Pick<Criterion, 'id' | 'scale'>): Stats {
  const values: number[] = [];
  for (const r of reviews) {
    const score = r.scores[criterion.id]?.score;
    if (typeof score === 'number' && isOnScale(criterion.scale, score)) values.push(score);
  }
  return statsOf(values);
}

const scoresOf = (review: Review) => Object.fromEntries(Object.entries(review.scores).map(([id, s]) => [id, s.score]));

/** Each review's overall 0–100 (the partial score when a submitted review left criteria unscored). */
function overallStats(rubric: RubricShape, reviews: readonly Review[]): Stats & { partial: boolean } {
  let partial = false;
  const values: number[] = [];
  for (const r of reviews) {
    const s = reviewScore(rubric, scoresOf(r));
    const value = s.overall0to100 ?? s.partial0to100;
    if (value === null) continue;
    if (s.overall0to100 === null) partial = true;
    values.push(value);
  }
  return { ...statsOf(values), partial };
}

function rangeText(stats: Stats, language: PackLanguage, digits: number): string | null {
  if (stats.n < 2 || stats.min === null || stats.max === null || stats.min === stats.max) return null;
  return fill(PACK_MESSAGES[language].scores.range, { min: formatNumber(stats.min, language, digits), max: formatNumber(stats.max, language, digits) });
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * The scores table: per criterion the mean of the counted reviews (one in a
 * per-mentor pack), its range, the level descriptor reached and the mentors'
 * notes; group subtotals; the overall; and the radar chart's axes.
 */
export function packScores(
  rubric: RubricShape,
  reviews: readonly Review[],
  mentorName: (mentorId: string) => string,
  language: PackLanguage,
): PackScores {
  const text = PACK_MESSAGES[language].scores;
  const named = new Set(reviews.map((r) => r.mentorId)).size > 1;
  const groupWeightSum = rubric.groups.reduce((s, g) => s + g.weight, 0);

  const groups = rubric.groups.map((group) => {
    const criterionWeightSum = group.criteria.reduce((s, c) => s + c.weight, 0);
    const groupShare = groupWeightSum > 0 ? group.weight / groupWeightSum : null;
    const criteria = group.criteria.map((criterion) => {
      const stats = criterionStats(reviews, criterion);
      const level = stats.mean === null ? null : levelFor(criterion, stats.mean);
      const descriptor = level?.descriptor[language].trim() ?? '';
      const share = groupShare !== null && criterionWeightSum > 0 ? groupShare * (criterion.weight / criterionWeightSum) : null;
      const notes = reviews.flatMap((r) => {
        const note = r.scores[criterion.id]?.note.trim() ?? '';
        if (!note) return [];
        return [named ? fill(text.noteBy, { mentor: mentorName(r.mentorId), note }) : fill(text.note, { note })];
      });
      return {
        criterionId: criterion.id,
        name: criterion.name[language].trim() || criterion.name.id,
        weightText: share === null ? PACK_MESSAGES[language].noneGiven : formatPercent(share, language),
        scale: { min: criterion.scale.min, max: criterion.scale.max },
        score: stats.mean,
        scoreText:
          stats.mean === null
            ? text.notScored
            : fill(text.scoreOf, { score: formatNumber(stats.mean, language), max: formatNumber(criterion.scale.max, language) }),
        min: stats.min,
        max: stats.max,
        rangeText: rangeText(stats, language, 1),
        levelText: descriptor ? fill(text.level, { descriptor }) : null,
        notes,
      };
    });
    const subtotals: number[] = [];
    for (const r of reviews) {
      const value = reviewScore({ groups: [group] }, scoresOf(r)).groups[0]?.subtotal0to100;
      if (typeof value === 'number') subtotals.push(value);
    }
    const subtotal = statsOf(subtotals);
    const name = group.name[language].trim() || group.name.id;
    return {
      groupId: group.id,
      name,
      weightText: groupShare === null ? PACK_MESSAGES[language].noneGiven : formatPercent(groupShare, language),
      subtotal: subtotal.mean,
      subtotalText: subtotal.mean === null ? text.notScored : fill(text.subtotalValue, { score: formatNumber(subtotal.mean, language) }),
      subtotalLabel: fill(text.subtotal, { group: name }),
      rangeText: rangeText(subtotal, language, 1),
      criteria,
    };
  });

  const overall = overallStats(rubric, reviews);
  const allCriteria = rubric.groups.flatMap((g) => g.criteria);
  const scales = new Set(allCriteria.map((c) => `${c.scale.min}:${c.scale.max}`));
  const first = allCriteria[0];
  const intro = [
    scales.size === 1 && first
      ? fill(text.intro, { min: formatNumber(first.scale.min, language), max: formatNumber(first.scale.max, language) })
      : text.introMixed,
    text.weightNote,
  ];
  if (named) intro.push(fill(text.combinedNote, { count: new Set(reviews.map((r) => r.mentorId)).size }));
  if (overall.partial) intro.push(text.partial);
  // A review reopened after its mentor saw the others (blind sessions) is marked, as in the session's results.
  for (const r of reviews) {
    if (r.revisedAfterRevealAt === null) continue;
    const when = formatMomentTime(r.revisedAfterRevealAt, language);
    intro.push(fill(r.lastSubmitted !== null ? text.revisedPending : text.revised, { mentor: mentorName(r.mentorId), when }));
  }

  const rows = groups.flatMap((g) => g.criteria);
  const axes = allCriteria.map((criterion, i) => {
    const row = rows[i] as (typeof rows)[number];
    const at = (v: number | null) => (v === null ? null : clamp01(normaliseScore(criterion.scale, v)));
    return { label: row.name, value: at(row.score), min: named ? at(row.min) : null, max: named ? at(row.max) : null };
  });
  const values = rows.map((r) => `${r.name} ${r.score === null ? text.notScored : formatNumber(r.score, language)}`).join('; ');

  return {
    available: reviews.length > 0,
    mentorsCounted: new Set(reviews.map((r) => r.mentorId)).size,
    intro,
    groups,
    overall: {
      value: overall.mean,
      text: overall.mean === null ? text.notScored : fill(text.subtotalValue, { score: formatNumber(overall.mean, language) }),
      rangeText: rangeText(overall, language, 1),
      partial: overall.partial,
    },
    radar: { alt: fill(text.chartAlt, { values }), axes, showsSpread: named },
  };
}

/** The overall mean 0–100 of reviews on a rubric (for the cover and the version change). */
export function overallMean(rubric: RubricShape, reviews: readonly Review[]): number | null {
  return overallStats(rubric, reviews).mean;
}

/* ---------------------------------------------------------------------------
 * Change from the previous version
 * ------------------------------------------------------------------------ */

function direction(change: number | null, language: PackLanguage): 'up' | 'down' | 'same' | null {
  if (change === null) return null;
  // What the reader sees decides: a change shown as "0" is no change.
  if (formatNumber(Math.abs(change), language) === formatNumber(0, language)) return 'same';
  return change > 0 ? 'up' : 'down';
}

function versionRow(name: string, scale: { min: number; max: number }, before: number | null, after: number | null, language: PackLanguage) {
  const text = PACK_MESSAGES[language].versions;
  const change = before === null || after === null ? null : after - before;
  const dir = direction(change, language);
  const amount = change === null ? '' : formatNumber(Math.abs(change), language);
  return {
    name,
    scale,
    before,
    after,
    change,
    beforeText: formatNumber(before, language),
    afterText: formatNumber(after, language),
    changeText: dir === null ? text.notComparable : dir === 'same' ? text.same : fill(text[dir], { change: amount }),
    direction: dir,
  };
}

/**
 * The change per criterion (and overall) from the previous reviewed version to
 * this one. A criterion is compared when the previous rubric has it (same id,
 * else the same Indonesian name) on the same scale. In a per-mentor pack the
 * same mentor's previous review is used when there is one.
 */
export function packVersionChange(
  current: { version: number; rubric: RubricShape; reviews: readonly Review[] },
  previous: { version: number; rubric: RubricShape; reviews: readonly Review[] },
  mentorId: string | null,
  language: PackLanguage,
): PackVersionChange | null {
  if (current.reviews.length === 0 || previous.reviews.length === 0) return null;
  const own = mentorId === null ? [] : previous.reviews.filter((r) => r.mentorId === mentorId);
  const basis = own.length > 0 ? 'same-mentor' : 'all-mentors';
  const before = own.length > 0 ? own : previous.reviews;
  const previousCriteria = previous.rubric.groups.flatMap((g) => g.criteria);
  const text = PACK_MESSAGES[language].versions;
  const rows = current.rubric.groups.flatMap((g) =>
    g.criteria.map((criterion) => {
      const match =
        previousCriteria.find((c) => c.id === criterion.id) ??
        previousCriteria.find((c) => c.name.id.trim().toLowerCase() === criterion.name.id.trim().toLowerCase());
      const sameScale = match && match.scale.min === criterion.scale.min && match.scale.max === criterion.scale.max;
      const was = sameScale ? criterionStats(before, match).mean : null;
      const now = criterionStats(current.reviews, criterion).mean;
      return versionRow(criterion.name[language].trim() || criterion.name.id, { min: criterion.scale.min, max: criterion.scale.max }, was, now, language);
    }),
  );
  const from = { from: previous.version, to: current.version };
  return {
    fromVersion: previous.version,
    toVersion: current.version,
    title: fill(text.title, from),
    intro: fill(basis === 'same-mentor' ? text.introSameMentor : text.intro, from),
    beforeHeading: fill(text.before, { version: previous.version }),
    afterHeading: fill(text.after, { version: current.version }),
    basis,
    overall: versionRow(text.overall, { min: 0, max: 100 }, overallMean(previous.rubric, before), overallMean(current.rubric, current.reviews), language),
    rows,
    chartAlt: fill(text.chartAlt, from),
  };
}
