import type { ResultsReview, ResultsSubmission } from '#shared/scoring/results.ts';
import { computeSessionResults } from '#shared/scoring/results.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import { median, percentile, round, type Measure } from './measure.ts';

const SUBMISSIONS = 300;
const MENTORS = 6;
const CRITERIA_PER_GROUP = 6;
const WARM_UP = 1;
const RUNS = 8;

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/** Two groups of six 1–5 criteria: twelve, like a full MJC rubric with two extra criteria. */
function benchRubric(): Pick<Rubric, 'groups'> {
  const levels = [1, 2, 3, 4, 5].map((score) => ({ score, descriptor: { id: `L${score}`, en: `L${score}` } }));
  const group = (id: string, weight: number) => ({
    id,
    name: { id, en: id },
    weight,
    criteria: Array.from({ length: CRITERIA_PER_GROUP }, (_, i) => ({
      id: `${id}-c${i}`,
      name: { id: `${id} ${i}`, en: `${id} ${i}` },
      weight: 10 + i,
      scale: { min: 1, max: 5, step: 1 },
      levels,
    })),
  });
  return { groups: [group('quality', 60), group('innovation', 40)] };
}

/**
 * A full session: every mentor scores every submission (all score all), each
 * mentor with their own leniency, each submission with its own quality, plus
 * noise, so agreement and normalisation have real work to do.
 */
function benchSession() {
  const rand = seeded(20261128);
  const rubric = benchRubric();
  const criterionIds = rubric.groups.flatMap((g) => g.criteria.map((c) => c.id));
  const regions = ['Bojonegoro', 'Malang', 'Jember', 'Madiun'];
  const categories = ['food', 'beverage', 'snack', 'herbal', 'spice', 'craft'];
  const submissions: ResultsSubmission[] = Array.from({ length: SUBMISSIONS }, (_, i) => ({
    id: `s${i}`,
    participantId: `p${Math.floor(i / 2)}`,
    version: (i % 2) + 1,
    region: regions[i % regions.length] as string,
    category: categories[Math.floor(rand() * categories.length)] as string,
    label: `Usaha ${i}`,
  }));
  const mentorIds = Array.from({ length: MENTORS }, (_, j) => `m${j}`);
  const leniency = mentorIds.map(() => rand() * 1.2 - 0.6);
  const reviews: ResultsReview[] = [];
  for (const s of submissions) {
    const quality = 1 + rand() * 4;
    mentorIds.forEach((mentorId, j) => {
      const scores: ResultsReview['scores'] = {};
      for (const id of criterionIds) {
        const value = Math.round(quality + (leniency[j] as number) + (rand() - 0.5) * 1.5);
        scores[id] = { score: Math.min(5, Math.max(1, value)), note: '' };
      }
      reviews.push({ submissionId: s.id, mentorId, scores, status: 'submitted', abstained: false, conflictOfInterest: false });
    });
  }
  return { rubric, submissions, mentorIds, reviews };
}

/**
 * computeSessionResults with normalisation and agreement (alpha in its metric with a 1,000-resample
 * bootstrap interval for the overall and each criterion, all six ICCs with intervals), 300 submissions ×
 * 6 mentors × 12 criteria: what the results worker does each time the tab's options change.
 */
export default async function resultsBench(): Promise<Measure[]> {
  const session = benchSession();
  const run = () => computeSessionResults({ ...session, options: { normalise: true, flagSpreadAbove: 20 } });
  for (let i = 0; i < WARM_UP; i += 1) run();
  const times: number[] = [];
  let check = run();
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    check = run();
    times.push(performance.now() - t);
  }
  // The work was real: every submission is ranked and agreement is defined.
  if (check.submissions.some((r) => r.rank === null) || check.overall.alphaLow === null || check.overall.iccMeanLow === null || check.criteria.some((c) => c.alphaLow === null)) {
    throw new Error('results bench: the computation did not produce full results');
  }
  const label = `${SUBMISSIONS} submissions × ${MENTORS} mentors × ${CRITERIA_PER_GROUP * 2} criteria`;
  return [
    { name: `session results with intervals, median (${label})`, value: round(median(times), 2), unit: 'ms', goal: '< 1000' },
    { name: `session results with intervals, p95 (${label})`, value: round(percentile(times, 95), 2), unit: 'ms', goal: '< 1000' },
  ];
}
