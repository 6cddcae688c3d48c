// A scoring session as the curator's summary report sees it: a workshop, a session, the MJC rubric, mentors
// with their own leniency, submissions across regions and categories (some participants with two or three
// versions), and the results computed from their reviews. Shared by the report's model and PDF tests.
import type { ScoringSession } from '#shared/domain/session.ts';
import type { SummaryInput } from '#shared/pack/summaryModel.ts';
import { computeSessionResults, versionChanges, type ResultsReview, type ResultsSubmission } from '#shared/scoring/results.ts';
import { mjcRubric, NOW } from './packFixture.ts';

export const SUMMARY_MENTORS = [
  { id: 'm-rina', name: 'Rina Prasetyo', organisation: 'Rumah Kurasi' },
  { id: 'm-andres', name: 'Andrés Nuñez-Kurniawan', organisation: 'Asosiasi Desainer Kemasan' },
  { id: 'm-dewi', name: 'Dewi Lestari', organisation: 'Politeknik Negeri Malang' },
];

const REGIONS = ['Malang', 'Jember', 'Bojonegoro', 'Madiun'];
const CATEGORIES = ['snack', 'beverage', 'food', 'herbal', 'spice', 'craft'];
const BUSINESSES = ['Keripik Tempe Bu Sari', 'Kopi Lereng Arjuno', 'Sambal Bu Tini', 'Jamu Sehat Mbok Darmi', 'Dodol Apel Batu', 'Tas Anyaman Pandan'];

export interface SummaryFixtureOptions {
  /** Submissions in the session (default 12). */
  submissions?: number;
  /** Every third participant has this many versions in the session (default 2). */
  versions?: number;
  normalise?: boolean;
  flagSpreadAbove?: number;
  status?: ScoringSession['status'];
  /** Rina's reviews of the first `pending` submissions are still drafts (default 0). */
  pending?: number;
  seed?: number;
  /**
   * Reviews reopened after their mentor saw the others: Andrés's of s2 revised and sent again
   * (REVISED_AT), Dewi's of s4 reopened and not sent yet (REOPENED_AT, its submitted version counts).
   */
  revised?: boolean;
}

/** 27 November 2026 10.32 WIB. */
export const REVISED_AT = Date.UTC(2026, 10, 27, 3, 32);
/** 27 November 2026 14.05 WIB. */
export const REOPENED_AT = Date.UTC(2026, 10, 27, 7, 5);

function seeded(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/**
 * A session whose every mentor scores every submission (one mentor abstains
 * once, so counts differ), quality rising with each version so improvement
 * shows; mentor 2 is lenient, mentor 3 strict.
 */
export function summaryInput(options: SummaryFixtureOptions = {}): SummaryInput {
  const count = options.submissions ?? 12;
  const versions = options.versions ?? 2;
  const rand = seeded(options.seed ?? 20261128);
  const rubric = mjcRubric();
  const criteria = rubric.groups.flatMap((g) => g.criteria);
  const submissions: ResultsSubmission[] = [];
  for (let p = 0; submissions.length < count; p += 1) {
    const n = p % 3 === 0 ? versions : 1;
    for (let v = 1; v <= n && submissions.length < count; v += 1) {
      submissions.push({
        id: `s${submissions.length + 1}`,
        participantId: `p${p + 1}`,
        version: v,
        region: p === 5 ? '' : (REGIONS[p % REGIONS.length] as string),
        category: CATEGORIES[p % CATEGORIES.length] as string,
        label: p < BUSINESSES.length ? (BUSINESSES[p] as string) : `UMKM Binaan ${p + 1}`,
      });
    }
  }
  const leniency = [0, 0.4, -0.3];
  const reviews: ResultsReview[] = [];
  for (const s of submissions) {
    const quality = 1.6 + rand() * 2.4 + (s.version - 1) * 0.6;
    SUMMARY_MENTORS.forEach((mentor, j) => {
      const scores: ResultsReview['scores'] = {};
      for (const c of criteria) {
        const value = Math.round(quality + (leniency[j] as number) + (rand() - 0.5) * 1.2);
        scores[c.id] = { score: Math.min(5, Math.max(1, value)), note: '' };
      }
      const abstained = s.id === 's3' && j === 2;
      const draft = j === 0 && submissions.indexOf(s) < (options.pending ?? 0);
      const review: ResultsReview = { submissionId: s.id, mentorId: mentor.id, scores, status: draft ? 'draft' : 'submitted', abstained, conflictOfInterest: false };
      if (options.revised && s.id === 's2' && mentor.id === 'm-andres') review.revisedAfterRevealAt = REVISED_AT;
      if (options.revised && s.id === 's4' && mentor.id === 'm-dewi') {
        Object.assign(review, {
          status: 'draft',
          revisedAfterRevealAt: REOPENED_AT,
          lastSubmitted: { scores, verdict: null, abstained, conflictOfInterest: false, submittedAt: REOPENED_AT - 60_000 },
        });
      }
      reviews.push(review);
    });
  }
  const session = {
    name: 'Kurasi Akhir Batch 2',
    blind: true,
    assignment: 'all-score-all' as const,
    status: options.status ?? ('closed' as const),
    mentorIds: SUMMARY_MENTORS.map((m) => m.id),
    submissionIds: submissions.map((s) => s.id),
    conflicts: [],
  };
  const results = computeSessionResults({
    rubric,
    reviews,
    submissions,
    mentorIds: session.mentorIds,
    options: { normalise: options.normalise ?? false, flagSpreadAbove: options.flagSpreadAbove ?? 20 },
    // Fewer bootstrap resamples than the studio's 1,000: the report's tests read the intervals, not their precision.
    alphaResamples: 200,
  });
  return {
    workshop: { name: 'Pendampingan Kemasan MJC Malang', region: 'Malang', venue: 'Gedung Bakorwil III, Malang', startDate: '2026-11-12', endDate: '2026-11-14' },
    session,
    rubric,
    results,
    changes: versionChanges(results),
    mentors: SUMMARY_MENTORS,
    generatedAt: NOW,
  };
}
