import { describe, expect, it } from 'vitest';
import type { Review } from '#shared/domain/review.ts';
import { computeSessionResults, type ResultsReview } from '#shared/scoring/results.ts';
import {
  changedSettings,
  countedVersion,
  isCurator,
  mustRecordSeeing,
  othersVisibility,
  othersVisible,
} from '#shared/scoring/sessionRules.ts';
import { scoringSession } from '../../support/scoringSession.ts';

type Seen = Pick<Review, 'mentorId' | 'submissionId' | 'status' | 'deletedAt' | 'sawOthersAt'>;
const done = (mentorId: string, submissionId: string, extra: Partial<Seen> = {}): Seen => ({
  mentorId,
  submissionId,
  status: 'submitted',
  deletedAt: null,
  sawOthersAt: null,
  ...extra,
});

describe('curators', () => {
  it('only the named mentors are curators', () => {
    expect(isCurator(scoringSession(), 'sari')).toBe(true);
    expect(isCurator(scoringSession(), 'dewi')).toBe(false);
    expect(isCurator(scoringSession({ curators: ['sari', 'dewi'] }), 'dewi')).toBe(true);
  });

  it('tells settings from a mentor declaring their own conflict', () => {
    const before = scoringSession();
    expect(changedSettings(before, { ...before, blind: false, updatedAt: 9 })).toEqual(['blind']);
    expect(changedSettings(before, { ...before, mentorIds: ['dewi'], itemTimerMinutes: 5, curators: ['sari', 'budi'] })).toEqual([
      'mentorIds',
      'itemTimerMinutes',
      'curators',
    ]);
    expect(changedSettings(before, { ...before, conflicts: [{ mentorId: 'dewi', submissionId: 'a' }], updatedBy: 'dewi' })).toEqual([]);
    // Key order inside a setting does not matter.
    expect(changedSettings(before, { ...before, filters: { version: 'latest', categories: [], regions: [] } })).toEqual([]);
  });
});

describe('who sees the others in a blind session', () => {
  const allDone = [done('dewi', 'a'), done('dewi', 'b')];

  it('a named session shows everything to everyone', () => {
    expect(othersVisibility(scoringSession({ blind: false }), [], 'anyone')).toBe('named');
  });

  it('by default only a reveal (or closing) shows them to scoring mentors, queue done or not', () => {
    expect(othersVisible(scoringSession(), allDone, 'dewi')).toBe(false);
    expect(othersVisibility(scoringSession({ revealedAt: 5 }), [], 'dewi')).toBe('revealed');
    expect(othersVisibility(scoringSession({ status: 'closed' }), [], 'budi')).toBe('revealed');
  });

  it("with the curator's 'own-queue-done', a mentor sees once every submission of their own queue is sent", () => {
    const s = scoringSession({ reveal: 'own-queue-done' });
    expect(othersVisibility(s, allDone, 'dewi')).toBe('own-queue-done');
    expect(othersVisible(s, [done('dewi', 'a'), done('dewi', 'b', { status: 'draft' })], 'dewi')).toBe(false);
    expect(othersVisible(s, allDone, 'budi')).toBe(false);
    // A split queue: budi's queue is the other half.
    const split = scoringSession({ reveal: 'own-queue-done', assignment: 'split' });
    expect(othersVisible(split, [done('dewi', 'a')], 'dewi')).toBe(true);
  });

  it('a mentor who has seen them keeps seeing them after reopening a review', () => {
    const reopened = [done('dewi', 'a', { sawOthersAt: 10 }), done('dewi', 'b', { status: 'draft', sawOthersAt: 10 })];
    expect(othersVisibility(scoringSession({ reveal: 'own-queue-done' }), reopened, 'dewi')).toBe('seen-before');
  });

  it('a curator who does not score sees them; anyone else who does not score sees nothing', () => {
    expect(othersVisibility(scoringSession(), [], 'sari')).toBe('curator');
    expect(othersVisibility(scoringSession(), [], 'stranger')).toBe('hidden');
    // A curator who also scores is a scoring mentor first.
    expect(othersVisible(scoringSession({ curators: ['dewi'] }), [], 'dewi')).toBe(false);
  });

  it('seeing is recorded for scoring mentors of a blind session, once', () => {
    expect(mustRecordSeeing(scoringSession({ revealedAt: 5 }), [done('dewi', 'a')], 'dewi')).toBe(true);
    expect(mustRecordSeeing(scoringSession({ revealedAt: 5 }), [done('dewi', 'a', { sawOthersAt: 6 })], 'dewi')).toBe(false);
    expect(mustRecordSeeing(scoringSession({ revealedAt: 5 }), [done('dewi', 'a', { sawOthersAt: 6 }), done('dewi', 'b')], 'dewi')).toBe(true);
    expect(mustRecordSeeing(scoringSession({ revealedAt: 5 }), [], 'dewi')).toBe(false);
    expect(mustRecordSeeing(scoringSession({ revealedAt: 5 }), [], 'sari')).toBe(false);
    expect(mustRecordSeeing(scoringSession({ blind: false }), [], 'dewi')).toBe(false);
    expect(mustRecordSeeing(scoringSession(), [done('dewi', 'a')], 'dewi')).toBe(false);
  });
});

describe('a review reopened for a revision', () => {
  const levels = [1, 2, 3, 4, 5].map((score) => ({ score, descriptor: { id: `L${score}`, en: `L${score}` } }));
  const rubric = {
    groups: [{ id: 'g', name: { id: 'G', en: 'G' }, weight: 100, criteria: [{ id: 'c', name: { id: 'c', en: 'c' }, weight: 1, scale: { min: 1, max: 5, step: 1 }, levels }] }],
  };
  const sub = (id: string) => ({ id, participantId: `p-${id}`, version: 1, region: 'Malang', category: 'snack', label: id });
  const r = (submissionId: string, mentorId: string, score: number, extra: Partial<ResultsReview> = {}): ResultsReview => ({
    submissionId,
    mentorId,
    scores: { c: { score, note: '' } },
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    ...extra,
  });
  const results = (reviews: ResultsReview[]) =>
    computeSessionResults({
      rubric,
      reviews,
      submissions: [sub('a'), sub('b')],
      mentorIds: ['dewi', 'budi'],
      options: { normalise: false, flagSpreadAbove: 20 },
      alphaResamples: 0,
    });

  it('counts as it was submitted until the revision is sent, and is listed as revised after seeing the others', () => {
    const reopened = r('a', 'dewi', 1, {
      status: 'draft',
      lastSubmitted: { scores: { c: { score: 5, note: '' } }, verdict: null, abstained: false, conflictOfInterest: false, submittedAt: 3 },
      revisedAfterRevealAt: 777,
    });
    expect(countedVersion(reopened)).toMatchObject({ status: 'submitted', scores: { c: { score: 5, note: '' } } });
    const out = results([reopened, r('a', 'budi', 3), r('b', 'dewi', 2)]);
    const a = out.submissions.find((s) => s.submission.id === 'a');
    // 5 (as submitted, 100) and 3 (50): mean 75, both counted, not the draft's 1.
    expect(a).toMatchObject({ n: 2, mean: 75 });
    expect(a?.revisedAfterReveal).toEqual([{ mentorId: 'dewi', at: 777, pending: true }]);
    expect(out.completeness.countedReviews).toBe(3);
    // Sent: counts with its new scores, still marked.
    const sent = results([r('a', 'dewi', 1, { revisedAfterRevealAt: 777 }), r('a', 'budi', 3)]);
    expect(sent.submissions.find((s) => s.submission.id === 'a')).toMatchObject({ n: 2, mean: 25, revisedAfterReveal: [{ mentorId: 'dewi', at: 777, pending: false }] });
    // A plain draft never counts.
    expect(results([r('a', 'dewi', 1, { status: 'draft' })]).submissions[0]?.n).toBe(0);
  });
});
