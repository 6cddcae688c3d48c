import { reduce, roundFraction, type Fraction } from './exactScore.ts';
import { mean, standardDeviation } from './stats.ts';

/**
 * Submission means are shown, exported and ranked at this many decimals. The
 * mean is rounded once, here, and everything after (ranks in the UI, CSV, XLSX,
 * PDF and charts) reads that one value: two means shown alike rank alike.
 */
export const SCORE_DECIMALS = 1;

/** A floating-point mean (e.g. a normalised one) at SCORE_DECIMALS, halves away from zero. */
export function roundScore(value: number): number {
  const factor = 10 ** SCORE_DECIMALS;
  // 1e-9 absorbs float noise so 44.45 computed as 44.449999999 still rounds like 44.45.
  const scaled = Math.abs(value) * factor;
  const r = (Math.sign(value) * Math.round(scaled + 1e-9)) / factor;
  return Object.is(r, -0) ? 0 : r;
}

/** An exact mean at SCORE_DECIMALS: the one rounding of a raw score. */
export function roundExactScore(value: Fraction): number {
  return Number(roundFraction(value, SCORE_DECIMALS)) / 10 ** SCORE_DECIMALS;
}

/** The exact mean of fractions (all non-null). */
export function meanOfFractions(values: readonly Fraction[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (const v of values) {
    if (v.den === den) num += v.num;
    else {
      num = num * v.den + v.num * den;
      den *= v.den;
    }
  }
  return reduce({ num, den: den * BigInt(values.length) });
}

/** One mentor's overall score (0–100) for one submission; abstentions and nulls are left out. */
export interface ScoreEntry {
  submissionId: string;
  mentorId: string;
  score: number | null;
  /** The same score as an exact fraction (raw scores): means are then exact before their one rounding. */
  exact?: Fraction | null;
  abstained?: boolean;
}

/** Per-submission result: mean of counted reviews, spread, and rank. */
export interface SubmissionResult {
  submissionId: string;
  /** The mean at SCORE_DECIMALS (exact before rounding when every entry is); what is shown and ranked. */
  mean: number | null;
  /** Reviews counted (not abstaining, with a score). */
  n: number;
  /** Sample SD (n − 1) of the counted scores; null when fewer than two. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Standard competition rank (1224) by mean, highest first; null when there is no mean. */
  rank: number | null;
}

const counted = (e: ScoreEntry): e is ScoreEntry & { score: number } =>
  !e.abstained && e.score !== null && Number.isFinite(e.score);

/** A mentor needs this many scored submissions to be normalised: z-scores of one or two scores say nothing. */
export const MIN_SCORES_TO_NORMALISE = 3;

/** What normalising did to one mentor's scores, and why. */
export type NormalisationStatus = 'normalised' | 'too-few' | 'no-spread';

export interface MentorNormalisation {
  mentorId: string;
  status: NormalisationStatus;
  /** Counted scores of the mentor. */
  n: number;
  /** Mean and population SD of the mentor's counted scores (null when none). */
  mean: number | null;
  sd: number | null;
}

export interface Normalised {
  entries: ScoreEntry[];
  /** Per mentor, in order of first appearance. */
  mentors: MentorNormalisation[];
  /** Pooled mean and population SD of all counted scores: where z-scores are mapped back to. */
  pooledMean: number | null;
  pooledSd: number | null;
  /** Normalised scores that fell outside 0–100 and were kept as they are (never clamped). */
  outsideRange: number;
}

/**
 * Per-mentor z-score normalisation, mapped back onto the pooled scale: for a
 * mentor with at least MIN_SCORES_TO_NORMALISE counted scores that vary,
 * score′ = pooledMean + z × pooledSD, with z taken within the mentor's counted
 * scores (population SD) and the pooled mean and SD over all counted scores.
 * A mentor with fewer scores ('too-few') or all scores alike ('no-spread') is
 * left raw, and says so; resetting them to the pooled mean would invent a
 * score (a lone 20 became 71.43). Nothing is clamped: a normalised score may
 * leave 0–100, and `outsideRange` counts those. Order within a mentor is kept.
 * Entries not counted pass through unchanged.
 */
export function normalisePerMentor(entries: readonly ScoreEntry[]): Normalised {
  const all = entries.filter(counted).map((e) => e.score);
  const byMentor = new Map<string, number[]>();
  for (const e of entries) {
    if (!counted(e)) continue;
    const list = byMentor.get(e.mentorId) ?? [];
    list.push(e.score);
    byMentor.set(e.mentorId, list);
  }
  const pooledMean = all.length > 0 ? mean(all) : null;
  const pooledSd = standardDeviation(all, false);
  const mentors: MentorNormalisation[] = [...byMentor].map(([mentorId, xs]) => {
    const sd = standardDeviation(xs, false) ?? 0;
    const status: NormalisationStatus = xs.length < MIN_SCORES_TO_NORMALISE ? 'too-few' : sd > 1e-9 ? 'normalised' : 'no-spread';
    return { mentorId, status, n: xs.length, mean: mean(xs), sd };
  });
  const byId = new Map(mentors.map((m) => [m.mentorId, m]));
  let outsideRange = 0;
  const out = entries.map((e) => {
    const m = byId.get(e.mentorId);
    if (!counted(e) || !m || m.status !== 'normalised' || pooledMean === null || pooledSd === null) return { ...e };
    const score = pooledMean + ((e.score - (m.mean as number)) / (m.sd as number)) * pooledSd;
    if (score < 0 || score > 100) outsideRange += 1;
    return { ...e, score, exact: null };
  });
  return { entries: out, mentors, pooledMean, pooledSd, outsideRange };
}

/**
 * Standard competition ranking ("1224"): equal values share the best rank and
 * the next rank skips. Highest first unless `ascending`. Null values get rank
 * null. Output is in input order.
 */
export function rankWithTies<T extends { value: number | null }>(items: readonly T[], ascending = false): (T & { rank: number | null })[] {
  const order = items
    .map((item, index) => ({ index, value: item.value }))
    .filter((x): x is { index: number; value: number } => x.value !== null && Number.isFinite(x.value))
    .sort((a, b) => (ascending ? a.value - b.value : b.value - a.value));
  const ranks = new Map<number, number>();
  order.forEach((x, i) => {
    const prev = order[i - 1];
    const prevRank = prev ? ranks.get(prev.index) : undefined;
    ranks.set(x.index, prev && prev.value === x.value && prevRank !== undefined ? prevRank : i + 1);
  });
  return items.map((item, index) => ({ ...item, rank: ranks.get(index) ?? null }));
}

/**
 * Results per submission: the mean of non-abstaining reviews (optionally after
 * `normalisePerMentor`) rounded once to SCORE_DECIMALS, the spread (sample SD,
 * min–max) and the standard competition rank of that rounded mean.
 * Submissions are listed in order of first appearance.
 */
export function aggregateSubmissions(entries: readonly ScoreEntry[], options: { normalise?: boolean } = {}): SubmissionResult[] {
  const used = options.normalise ? normalisePerMentor(entries).entries : entries;
  const bySubmission = new Map<string, { xs: number[]; exact: (Fraction | null | undefined)[] }>();
  for (const e of used) {
    const list = bySubmission.get(e.submissionId) ?? { xs: [], exact: [] };
    if (counted(e)) {
      list.xs.push(e.score);
      list.exact.push(e.exact);
    }
    bySubmission.set(e.submissionId, list);
  }
  const meanOf = (xs: number[], exact: (Fraction | null | undefined)[]): number | null => {
    if (xs.length === 0) return null;
    const fractions = exact.filter((f): f is Fraction => f !== null && f !== undefined);
    return fractions.length === xs.length ? roundExactScore(meanOfFractions(fractions)) : roundScore(mean(xs));
  };
  const rows = [...bySubmission].map(([submissionId, { xs, exact }]) => ({
    submissionId,
    value: meanOf(xs, exact),
    n: xs.length,
    sd: standardDeviation(xs, true),
    min: xs.length > 0 ? Math.min(...xs) : null,
    max: xs.length > 0 ? Math.max(...xs) : null,
  }));
  return rankWithTies(rows).map(({ value, ...rest }) => ({ ...rest, mean: value }));
}

/**
 * Each mentor's leniency: the mean, over the submissions they scored, of their
 * score minus the mean of the other mentors' counted scores for that submission
 * (submissions nobody else scored are skipped). Positive means more lenient.
 */
export function mentorLeniency(entries: readonly ScoreEntry[]): { mentorId: string; leniency: number | null; n: number }[] {
  const bySubmission = new Map<string, (ScoreEntry & { score: number })[]>();
  for (const e of entries) {
    if (!counted(e)) continue;
    const list = bySubmission.get(e.submissionId) ?? [];
    list.push(e);
    bySubmission.set(e.submissionId, list);
  }
  const diffs = new Map<string, number[]>();
  for (const e of entries) if (counted(e) && !diffs.has(e.mentorId)) diffs.set(e.mentorId, []);
  for (const list of bySubmission.values()) {
    for (const e of list) {
      const others = list.filter((o) => o.mentorId !== e.mentorId).map((o) => o.score);
      if (others.length > 0) diffs.get(e.mentorId)?.push(e.score - mean(others));
    }
  }
  return [...diffs].map(([mentorId, ds]) => ({ mentorId, leniency: ds.length > 0 ? mean(ds) : null, n: ds.length }));
}
