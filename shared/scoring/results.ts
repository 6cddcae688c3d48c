import type { Review } from '../domain/review.ts';
import type { Rubric } from '../domain/rubric.ts';
import { aggregateSubmissions, mentorLeniency, normalisePerMentor, rankWithTies, type MentorNormalisation, type ScoreEntry } from './aggregate.ts';
import { ALPHA_BOOTSTRAP, ALPHA_METRICS, alphaWithInterval, iccAll, krippendorffAlpha, type AlphaMetric, type IccForm, type IccValue } from './agreement.ts';
import { compareFractions, fromDecimal, reduce, toNumber, type Fraction } from './exactScore.ts';
import { isOnScale } from './scale.ts';
import { reviewScore } from './score.ts';
import { countedVersion } from './sessionRules.ts';
import { mean, standardDeviation } from './stats.ts';

/** What results need to know about one submission of the session. */
export interface ResultsSubmission {
  id: string;
  participantId: string;
  version: number;
  region: string;
  category: string;
  /** What the caller shows for it: the business name, or "Kiriman 3" while blind. */
  label: string;
}

/** The parts of a review results read; `deletedAt`/`updatedAt` are honoured when given. */
export type ResultsReview = Pick<Review, 'submissionId' | 'mentorId' | 'scores' | 'status' | 'abstained' | 'conflictOfInterest'> & {
  deletedAt?: number | null;
  updatedAt?: number;
  /** While reopened: what was submitted, counted until the revision is sent (`countedVersion`). */
  lastSubmitted?: Review['lastSubmitted'];
  /** Reopened after its mentor had seen the others' scores in a blind session, at this time. */
  revisedAfterRevealAt?: number | null;
};

/** A review of a submission that was reopened after its mentor saw the others' scores. */
export interface RevisionAfterReveal {
  mentorId: string;
  /** When it was reopened for the revision. */
  at: number;
  /** The revision is not sent yet: the version submitted before still counts. */
  pending: boolean;
}

export interface ResultsOptions {
  /** Per-mentor z-scores within the session, mapped back (see `normalisePerMentor`), before the means and ranks. */
  normalise: boolean;
  /** A submission is flagged for discussion when its spread (max − min, 0–100) is above this. */
  flagSpreadAbove: number;
}

export interface SessionResultsInput {
  rubric: Pick<Rubric, 'groups'>;
  reviews: readonly ResultsReview[];
  submissions: readonly ResultsSubmission[];
  /** The session's mentors, in order: the raters (columns) of the agreement matrices. */
  mentorIds: readonly string[];
  options: ResultsOptions;
  /** Bootstrap resamples for alpha's intervals (default ALPHA_BOOTSTRAP.resamples; 0 = no intervals, for tests of other things). */
  alphaResamples?: number;
}

/** One submission's line of the results. */
export interface SubmissionResultRow {
  submission: ResultsSubmission;
  /**
   * Mean 0–100 of the counted reviews (normalised when asked) at SCORE_DECIMALS,
   * computed exactly and rounded once: the value shown, exported and ranked. Null when none.
   */
  mean: number | null;
  /** Counted reviews: submitted, not abstaining, no conflict of interest, complete. */
  n: number;
  /** Sample SD of the counted raw scores; null below two. Raw in the normalised view too, like min, max and spread. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /**
   * Raw max − min of the overall scores, exact, even in the normalised view:
   * normalising cannot make mentors who agree look apart. Null below two
   * counted reviews (no disagreement can be seen).
   */
  spread: number | null;
  /** Spread above the threshold: the mentors should talk about it. */
  flagged: boolean;
  /** Standard competition ranks (1224) by mean, highest first; null without a mean. */
  rank: number | null;
  rankInCategory: number | null;
  rankInRegion: number | null;
  /** Raw mean per criterion on the criterion's own scale (e.g. 1–5; never normalised), null when nobody scored it. */
  criteria: Record<string, number | null>;
  /** Counted reviews "direvisi setelah melihat penilaian lain", by mentor order. */
  revisedAfterReveal: RevisionAfterReveal[];
}

/** Agreement between mentors over one matrix (submissions × mentors). */
export interface Agreement {
  /** Krippendorff's alpha in `alphaMetric` (ordinal for rubric levels, interval for the 0–100 overall), over submissions with two or more ratings. */
  alpha: number | null;
  alphaMetric: AlphaMetric;
  /** 95 % seeded bootstrap interval of alpha (ALPHA_BOOTSTRAP). */
  alphaLow: number | null;
  alphaHigh: number | null;
  /** Submissions that entered alpha (two or more ratings), mentors among them, and pairable values. */
  alphaUnits: number;
  alphaRaters: number;
  alphaPairable: number;
  /** Alpha in every metric for rubric levels (other metrics null on the interval 0–100 overall). */
  alphaByMetric: Record<AlphaMetric, number | null>;
  /** ICC(2,1): one mentor's score, two-way random, absolute agreement; with McGraw & Wong's 95 % interval. */
  icc: number | null;
  iccLow: number | null;
  iccHigh: number | null;
  /** ICC(2,k): the reliability of the mean of the k mentors, which is what ranks use. */
  iccMean: number | null;
  iccMeanLow: number | null;
  iccMeanHigh: number | null;
  /** All six forms of Shrout & Fleiss. */
  iccForms: Record<IccForm, IccValue | null>;
  /** Submissions and mentors the ICCs were computed on: the submissions every rating mentor scored. */
  iccUnits: number;
  iccRaters: number;
}

export interface CriterionResult extends Agreement {
  criterionId: string;
  groupId: string;
  /** Mean and sample SD of every counted score of the criterion, on its scale (raw, never normalised). */
  mean: number | null;
  sd: number | null;
  n: number;
  scale: { min: number; max: number };
}

export interface MentorResult {
  mentorId: string;
  /** Submitted reviews, abstentions and conflicts included. */
  submitted: number;
  abstained: number;
  conflicts: number;
  /** Reviews whose score counts. */
  counted: number;
  /** Mean raw 0–100 the mentor gave; null when none counts. */
  meanGiven: number | null;
  /** Mean of (their score − the others' mean) on shared submissions, raw 0–100; positive = more lenient. */
  leniency: number | null;
  /** Shared submissions behind the leniency. */
  leniencyN: number;
}

export interface Completeness {
  submissions: number;
  /** Submissions with at least one counted review. */
  scored: number;
  /** Submissions with two or more: agreement and disagreement can only be seen on these. */
  scoredByTwoOrMore: number;
  submittedReviews: number;
  countedReviews: number;
}

export interface SessionResults {
  /** In the order of `input.submissions`. */
  submissions: SubmissionResultRow[];
  /** In rubric order. */
  criteria: CriterionResult[];
  /** Agreement on the overall 0–100 (raw). */
  overall: Agreement;
  /** In the order of `input.mentorIds`. */
  mentors: MentorResult[];
  completeness: Completeness;
  /** What normalising per mentor does (or would do) to each mentor, whether or not the view applies it. */
  normalisation: NormalisationSummary;
  options: ResultsOptions;
}

export interface NormalisationSummary {
  /** In the order of `input.mentorIds`; a mentor with nothing counted is 'too-few' with n 0. */
  mentors: MentorNormalisation[];
  /** Normalised scores outside 0–100, kept as they are (not clamped). */
  outsideRange: number;
}

interface CountedReview {
  submissionIndex: number;
  mentorIndex: number;
  overall: number;
  overallExact: Fraction;
  /** Raw score per criterion index, NaN where missing or off scale. */
  scores: Float64Array;
}

/**
 * A session's results. Only submitted reviews of the given submissions and
 * mentors are read (drafts never count); one review per submission × mentor
 * (the newest when there are more). A review counts when it is not abstaining,
 * not a conflict of interest and complete. With `normalise`, overall scores
 * are z-scored within each mentor and mapped back (`normalisePerMentor`)
 * before the means and ranks. Everything else is raw: spreads, SDs, ranges and
 * disagreement flags (a unanimous submission is never flagged), criterion
 * means, agreement and leniency, since normalising would hide exactly the
 * mentor differences they measure. Means are exact and rounded once
 * (SCORE_DECIMALS); the rest keeps full precision.
 */
export function computeSessionResults(input: SessionResultsInput): SessionResults {
  const { rubric, submissions, mentorIds, options } = input;
  const bootstrap = { seed: ALPHA_BOOTSTRAP.seed, resamples: input.alphaResamples ?? ALPHA_BOOTSTRAP.resamples };
  const criteria = rubric.groups.flatMap((g) => g.criteria.map((c) => ({ ...c, groupId: g.id })));
  const submissionIndex = new Map(submissions.map((s, i) => [s.id, i]));
  const mentorIndex = new Map(mentorIds.map((m, i) => [m, i]));

  // The newest submitted review per submission × mentor; a reopened one counts as it was submitted.
  const chosen = new Map<string, ResultsReview>();
  const pending = new Set<string>();
  for (const stored of input.reviews) {
    const review = countedVersion(stored);
    if (review !== stored) pending.add(`${review.submissionId}\u0000${review.mentorId}`);
    if (review.status !== 'submitted' || (review.deletedAt ?? null) !== null) continue;
    if (!submissionIndex.has(review.submissionId) || !mentorIndex.has(review.mentorId)) continue;
    const key = `${review.submissionId}\u0000${review.mentorId}`;
    const previous = chosen.get(key);
    if (!previous || (review.updatedAt ?? 0) >= (previous.updatedAt ?? 0)) chosen.set(key, review);
  }

  const mentorStats = mentorIds.map((mentorId) => ({ mentorId, submitted: 0, abstained: 0, conflicts: 0 }));
  const counted: CountedReview[] = [];
  for (const review of chosen.values()) {
    const m = mentorIndex.get(review.mentorId) as number;
    const stats = mentorStats[m] as (typeof mentorStats)[number];
    stats.submitted += 1;
    if (review.abstained) stats.abstained += 1;
    if (review.conflictOfInterest) stats.conflicts += 1;
    if (review.abstained || review.conflictOfInterest) continue;
    // Only the rubric's criteria matter; reading just those keeps this loop cheap.
    const flat: Record<string, number | null> = {};
    const scores = new Float64Array(criteria.length);
    for (let k = 0; k < criteria.length; k += 1) {
      const c = criteria[k] as (typeof criteria)[number];
      const raw = review.scores[c.id]?.score ?? null;
      flat[c.id] = raw;
      scores[k] = raw !== null && isOnScale(c.scale, raw) ? raw : Number.NaN;
    }
    const { overall0to100: overall, overallExact } = reviewScore(rubric, flat);
    if (overall === null || overallExact === null) continue;
    counted.push({ submissionIndex: submissionIndex.get(review.submissionId) as number, mentorIndex: m, overall, overallExact, scores });
  }

  // A fixed order makes the sums, and so every last digit, independent of the order reviews came in.
  counted.sort((a, b) => a.submissionIndex - b.submissionIndex || a.mentorIndex - b.mentorIndex);

  // Overall: mean, spread and rank per submission (aggregate.ts), after normalising when asked.
  const overallEntries: ScoreEntry[] = counted.map((r) => ({
    submissionId: submissions[r.submissionIndex]?.id as string,
    mentorId: mentorIds[r.mentorIndex] as string,
    score: r.overall,
    exact: r.overallExact,
  }));
  // Every submission appears, scored or not, so unscored ones get a row (mean null).
  const placeholders: ScoreEntry[] = submissions.map((s) => ({ submissionId: s.id, mentorId: '', score: null }));
  // Spread, SD and range are always raw (what the mentors gave); only the mean and rank follow the view.
  const raw = aggregateSubmissions([...placeholders, ...overallEntries]);
  const shown = options.normalise ? aggregateSubmissions([...placeholders, ...overallEntries], { normalise: true }) : raw;
  const rawBySubmission = new Map(raw.map((a) => [a.submissionId, a]));
  const bySubmission = new Map(shown.map((a) => [a.submissionId, a]));
  const plan = normalisePerMentor(overallEntries);
  const planByMentor = new Map(plan.mentors.map((m) => [m.mentorId, m]));

  // Per criterion and submission: the raw mean on the criterion's scale (normalising is for the overall ranking only).
  const criterionMeans = criteria.map((_, k) => {
    const sums = new Map<string, { sum: number; n: number }>();
    for (const r of counted) {
      const value = r.scores[k] as number;
      if (Number.isNaN(value)) continue;
      const id = submissions[r.submissionIndex]?.id as string;
      const acc = sums.get(id) ?? { sum: 0, n: 0 };
      acc.sum += value;
      acc.n += 1;
      sums.set(id, acc);
    }
    return new Map([...sums].map(([id, acc]) => [id, acc.sum / acc.n]));
  });

  // Raw spread per submission, exact: flags compare it with the threshold, whatever the view shows.
  const rawRange = new Map<number, { min: Fraction; max: Fraction; n: number }>();
  for (const r of counted) {
    const range = rawRange.get(r.submissionIndex);
    if (!range) rawRange.set(r.submissionIndex, { min: r.overallExact, max: r.overallExact, n: 1 });
    else {
      if (compareFractions(r.overallExact, range.min) < 0) range.min = r.overallExact;
      if (compareFractions(r.overallExact, range.max) > 0) range.max = r.overallExact;
      range.n += 1;
    }
  }
  const threshold = fromDecimal(options.flagSpreadAbove);

  // Counted reviews their mentors reopened after seeing the others (blind sessions): listed, never dropped.
  const revisions = new Map<string, RevisionAfterReveal[]>();
  for (const [key, review] of [...chosen].sort((a, b) => (mentorIndex.get(a[1].mentorId) ?? 0) - (mentorIndex.get(b[1].mentorId) ?? 0))) {
    if (review.revisedAfterRevealAt === undefined || review.revisedAfterRevealAt === null) continue;
    const list = revisions.get(review.submissionId) ?? [];
    list.push({ mentorId: review.mentorId, at: review.revisedAfterRevealAt, pending: pending.has(key) });
    revisions.set(review.submissionId, list);
  }
  const rows: SubmissionResultRow[] = submissions.map((submission, index) => {
    const a = bySubmission.get(submission.id);
    const r = rawBySubmission.get(submission.id);
    const n = r?.n ?? 0;
    const range = rawRange.get(index);
    const spreadExact = range && range.n >= 2 ? reduce({ num: range.max.num * range.min.den - range.min.num * range.max.den, den: range.max.den * range.min.den }) : null;
    const spread = spreadExact === null ? null : toNumber(spreadExact);
    const perCriterion: Record<string, number | null> = {};
    criteria.forEach((c, k) => {
      perCriterion[c.id] = criterionMeans[k]?.get(submission.id) ?? null;
    });
    return {
      submission,
      mean: a?.mean ?? null,
      n,
      sd: r?.sd ?? null,
      min: r?.min ?? null,
      max: r?.max ?? null,
      spread,
      flagged: spreadExact !== null && compareFractions(spreadExact, threshold) > 0,
      rank: a?.rank ?? null,
      rankInCategory: null,
      rankInRegion: null,
      criteria: perCriterion,
      revisedAfterReveal: revisions.get(submission.id) ?? [],
    };
  });
  rankWithin(rows, (r) => r.submission.category, (r, rank) => (r.rankInCategory = rank));
  rankWithin(rows, (r) => r.submission.region, (r, rank) => (r.rankInRegion = rank));

  // Agreement: submissions × mentors matrices of raw values.
  const emptyMatrix = () => submissions.map(() => new Array<number | null>(mentorIds.length).fill(null));
  const overallMatrix = emptyMatrix();
  for (const r of counted) (overallMatrix[r.submissionIndex] as (number | null)[])[r.mentorIndex] = r.overall;
  const criterionResults: CriterionResult[] = criteria.map((c, k) => {
    const matrix = emptyMatrix();
    const values: number[] = [];
    for (const r of counted) {
      const raw = r.scores[k] as number;
      if (Number.isNaN(raw)) continue;
      (matrix[r.submissionIndex] as (number | null)[])[r.mentorIndex] = raw;
      values.push(raw);
    }
    return {
      criterionId: c.id,
      groupId: c.groupId,
      mean: values.length > 0 ? mean(values) : null,
      sd: standardDeviation(values, true),
      n: values.length,
      scale: { min: c.scale.min, max: c.scale.max },
      ...agreementOf(matrix, 'ordinal', bootstrap),
    };
  });

  const leniency = new Map(mentorLeniency(overallEntries).map((l) => [l.mentorId, l] as const));
  const givenByMentor = mentorIds.map(() => [] as number[]);
  for (const r of counted) givenByMentor[r.mentorIndex]?.push(r.overall);
  const mentors: MentorResult[] = mentorStats.map((stats, m) => {
    const given = givenByMentor[m] as number[];
    const l = leniency.get(stats.mentorId);
    return {
      ...stats,
      counted: given.length,
      meanGiven: given.length > 0 ? mean(given) : null,
      leniency: l?.leniency ?? null,
      leniencyN: l?.n ?? 0,
    };
  });

  return {
    submissions: rows,
    criteria: criterionResults,
    overall: agreementOf(overallMatrix, 'interval', bootstrap),
    mentors,
    completeness: {
      submissions: submissions.length,
      scored: rows.filter((r) => r.n >= 1).length,
      scoredByTwoOrMore: rows.filter((r) => r.n >= 2).length,
      submittedReviews: chosen.size,
      countedReviews: counted.length,
    },
    normalisation: {
      mentors: mentorIds.map((mentorId) => planByMentor.get(mentorId) ?? { mentorId, status: 'too-few', n: 0, mean: null, sd: null }),
      outsideRange: plan.outsideRange,
    },
    options: { ...options },
  };
}

/** Ranks rows with ties within each group (category, region), by the rows' mean. */
function rankWithin(
  rows: SubmissionResultRow[],
  groupOf: (row: SubmissionResultRow) => string,
  set: (row: SubmissionResultRow, rank: number | null) => void,
): void {
  const groups = new Map<string, SubmissionResultRow[]>();
  for (const row of rows) {
    const key = groupOf(row);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const ranked = rankWithTies(list.map((row) => ({ row, value: row.mean })));
    for (const r of ranked) set(r.row, r.rank);
  }
}

/**
 * Alpha over the whole matrix (it allows missing values), with its bootstrap
 * interval; the ICCs need complete data, so they are taken over the mentors
 * who rated anything and the submissions all of them rated.
 */
function agreementOf(matrix: readonly (readonly (number | null)[])[], metric: AlphaMetric, bootstrap: { seed: number; resamples: number } = ALPHA_BOOTSTRAP): Agreement {
  const columns = matrix.length === 0 ? [] : (matrix[0] as readonly (number | null)[]).map((_, j) => j).filter((j) => matrix.some((row) => row[j] !== null));
  const complete = matrix.filter((row) => columns.every((j) => row[j] !== null)).map((row) => columns.map((j) => row[j] as number));
  const iccs = iccAll(columns.length >= 2 ? complete : []);
  const alpha = alphaWithInterval(matrix, metric, bootstrap);
  // The other metrics only where values are levels (few distinct values); on a 0–100 score only interval makes sense.
  const byMetric = Object.fromEntries(
    ALPHA_METRICS.map((m) => [m, m === metric ? alpha.alpha : metric === 'interval' ? null : krippendorffAlpha(matrix, m)]),
  ) as Record<AlphaMetric, number | null>;
  const single = iccs.forms['2,1'];
  const mean = iccs.forms['2,k'];
  return {
    alpha: alpha.alpha,
    alphaMetric: metric,
    alphaLow: alpha.low,
    alphaHigh: alpha.high,
    alphaUnits: alpha.units,
    alphaRaters: alpha.raters,
    alphaPairable: alpha.pairable,
    alphaByMetric: byMetric,
    icc: single?.icc ?? null,
    iccLow: single?.low ?? null,
    iccHigh: single?.high ?? null,
    iccMean: mean?.icc ?? null,
    iccMeanLow: mean?.low ?? null,
    iccMeanHigh: mean?.high ?? null,
    iccForms: iccs.forms,
    iccUnits: columns.length >= 2 ? complete.length : 0,
    iccRaters: columns.length >= 2 ? columns.length : 0,
  };
}

/** Agreement where nothing could be measured (e.g. a criterion nobody scored). */
export function emptyAgreement(metric: AlphaMetric): Agreement {
  return agreementOf([], metric);
}

/**
 * The plain-words reading of an agreement figure, judged on the lower bound
 * of its 95 % interval: "good" only when even the pessimistic end is good.
 * Null when there is no interval (too few submissions to say).
 */
export function alphaReadingOf(a: Pick<Agreement, 'alphaLow'>): 'good' | 'tentative' | 'low' | null {
  return alphaReading(a.alphaLow);
}

/** The ICC reading (Koo & Li) of the ICC(2,1) interval's lower bound: one mentor's score. */
export function iccReadingOf(a: Pick<Agreement, 'iccLow' | 'iccHigh'>): 'excellent' | 'good' | 'moderate' | 'poor' | null {
  // An interval with an upper bound but none below is unbounded below: as poor as it gets.
  return a.iccLow === null && a.iccHigh !== null ? 'poor' : iccReading(a.iccLow);
}

/** The ICC reading of the ICC(2,k) interval's lower bound: how far the mean of the mentors, which ranks use, can be trusted. */
export function iccMeanReadingOf(a: Pick<Agreement, 'iccMeanLow' | 'iccMeanHigh'>): 'excellent' | 'good' | 'moderate' | 'poor' | null {
  return a.iccMeanLow === null && a.iccMeanHigh !== null ? 'poor' : iccReading(a.iccMeanLow);
}

/** Krippendorff's reading of alpha: ≥ 0.8 good, ≥ 0.667 tentative conclusions only, below that low. */
export function alphaReading(alpha: number | null): 'good' | 'tentative' | 'low' | null {
  if (alpha === null) return null;
  return alpha >= 0.8 ? 'good' : alpha >= 0.667 ? 'tentative' : 'low';
}

/** Koo & Li (2016) reading of an ICC: ≥ 0.9 excellent, ≥ 0.75 good, ≥ 0.5 moderate, below that poor. */
export function iccReading(icc: number | null): 'excellent' | 'good' | 'moderate' | 'poor' | null {
  if (icc === null) return null;
  return icc >= 0.9 ? 'excellent' : icc >= 0.75 ? 'good' : icc >= 0.5 ? 'moderate' : 'poor';
}

/** The change from one reviewed version to a later one; positive = better. */
export interface VersionStep {
  fromVersion: number;
  toVersion: number;
  fromSubmissionId: string;
  toSubmissionId: string;
  /** Change of the mean 0–100. */
  overall: number;
  /** Change of each criterion's mean on its scale; null where either version has no mean. */
  criteria: Record<string, number | null>;
}

/** One participant's change over the versions reviewed in the session (the effect of mentoring). */
export interface VersionChange {
  participantId: string;
  /** The latest reviewed version's label. */
  label: string;
  /** Reviewed versions (with a mean), ascending. */
  versions: number[];
  /** First reviewed → latest reviewed. */
  total: VersionStep;
  /** Each reviewed version → the next reviewed one. */
  steps: VersionStep[];
}

/**
 * For each participant with two or more reviewed versions (a mean), the change
 * per criterion and overall from the first to the latest reviewed version and
 * between consecutive ones. Participants in order of first appearance.
 */
export function versionChanges(results: Pick<SessionResults, 'submissions' | 'criteria'>): VersionChange[] {
  const byParticipant = new Map<string, SubmissionResultRow[]>();
  for (const row of results.submissions) {
    if (row.mean === null) continue;
    const list = byParticipant.get(row.submission.participantId) ?? [];
    list.push(row);
    byParticipant.set(row.submission.participantId, list);
  }
  const criterionIds = results.criteria.map((c) => c.criterionId);
  const step = (from: SubmissionResultRow, to: SubmissionResultRow): VersionStep => {
    const criteria: Record<string, number | null> = {};
    for (const id of criterionIds) {
      const a = from.criteria[id] ?? null;
      const b = to.criteria[id] ?? null;
      criteria[id] = a === null || b === null ? null : b - a;
    }
    return {
      fromVersion: from.submission.version,
      toVersion: to.submission.version,
      fromSubmissionId: from.submission.id,
      toSubmissionId: to.submission.id,
      overall: (to.mean as number) - (from.mean as number),
      criteria,
    };
  };
  const changes: VersionChange[] = [];
  for (const [participantId, list] of byParticipant) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.submission.version - b.submission.version);
    const first = sorted[0] as SubmissionResultRow;
    const latest = sorted[sorted.length - 1] as SubmissionResultRow;
    changes.push({
      participantId,
      label: latest.submission.label,
      versions: sorted.map((r) => r.submission.version),
      total: step(first, latest),
      steps: sorted.slice(1).map((to, i) => step(sorted[i] as SubmissionResultRow, to)),
    });
  }
  return changes;
}
