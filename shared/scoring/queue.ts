import type { ScoringSession } from '../domain/session.ts';

/** What the session filters need to know about one submission. */
export interface QueueCandidate {
  submissionId: string;
  /** The participant's region, or the workshop's when the participant has none. */
  region: string;
  category: string;
  version: number;
  /** True for the participant's newest live version. */
  isLatest: boolean;
}

/** The submissions a session's filters select, in the order given. */
export function selectSubmissions(filters: ScoringSession['filters'], candidates: readonly QueueCandidate[]): string[] {
  const regions = new Set(filters.regions);
  const categories = new Set(filters.categories);
  return candidates
    .filter((c) => regions.size === 0 || regions.has(c.region))
    .filter((c) => categories.size === 0 || categories.has(c.category))
    .filter((c) => (filters.version === 'all' ? true : filters.version === 'latest' ? c.isLatest : c.version === filters.version))
    .map((c) => c.submissionId);
}

type AssignmentInput = Pick<ScoringSession, 'mentorIds' | 'assignment' | 'conflicts' | 'submissionIds'> &
  Partial<Pick<ScoringSession, 'keptAssignments'>>;

/**
 * Each mentor's queue. With 'all-score-all' every mentor gets every submission;
 * with 'split' submission i goes to mentor i mod m, or, when that mentor
 * declared a conflict, to the next mentor in turn who did not. A conflicted
 * pair is never assigned, so a submission every mentor declared is in no queue.
 * Declaring a conflict moves only that one submission: the others keep their
 * mentor, so work already done stays where it is. With 'split', a submission in
 * `keptAssignments` (work a mentor did before the mentors or the assignment
 * changed) stays with that mentor while they are in the session, and the
 * others are dealt in turn (i counts only those).
 */
export function assignQueues(session: AssignmentInput): Map<string, string[]> {
  const conflicted = new Set(session.conflicts.map((c) => `${c.mentorId}\u0000${c.submissionId}`));
  const free = (mentorId: string, submissionId: string) => !conflicted.has(`${mentorId}\u0000${submissionId}`);
  const queues = new Map<string, string[]>(session.mentorIds.map((m) => [m, []]));
  const m = session.mentorIds.length;
  // Keepers per submission, conflicted ones included, so that a keeper's later
  // conflict moves that submission alone (to the next mentor in turn).
  const kept = new Map<string, string[]>();
  for (const k of session.keptAssignments ?? []) {
    if (!queues.has(k.mentorId)) continue;
    const keepers = kept.get(k.submissionId) ?? [];
    if (!keepers.includes(k.mentorId)) keepers.push(k.mentorId);
    kept.set(k.submissionId, keepers);
  }
  let i = 0;
  for (const submissionId of session.submissionIds) {
    if (session.assignment === 'all-score-all') {
      for (const mentorId of session.mentorIds) if (free(mentorId, submissionId)) queues.get(mentorId)?.push(submissionId);
      continue;
    }
    const keepers = kept.get(submissionId);
    if (keepers) {
      const staying = keepers.filter((mentorId) => free(mentorId, submissionId));
      for (const mentorId of staying) queues.get(mentorId)?.push(submissionId);
      if (staying.length === 0) dealInTurn(submissionId, session.mentorIds.indexOf(keepers[0] as string) + 1);
      continue;
    }
    dealInTurn(submissionId, i);
    i += 1;
  }
  return queues;

  function dealInTurn(submissionId: string, i: number): void {
    for (let k = 0; k < m; k++) {
      const mentorId = session.mentorIds[(i + k) % m] as string;
      if (free(mentorId, submissionId)) {
        queues.get(mentorId)?.push(submissionId);
        return;
      }
    }
  }
}

/**
 * The next submission in `queue` not yet in `done`, looking forward from
 * `after` and wrapping round; from the start when `after` is null or not in
 * the queue. Null when everything is done.
 */
export function nextUnscored(queue: readonly string[], done: ReadonlySet<string>, after: string | null = null): string | null {
  const start = after === null ? -1 : queue.indexOf(after);
  for (let k = 1; k <= queue.length; k++) {
    const id = queue[(start + k + queue.length) % queue.length] as string;
    if (id !== after && !done.has(id)) return id;
  }
  return null;
}

/** The neighbour of `current` in `queue` (previous/next), or null at either end. */
export function neighbour(queue: readonly string[], current: string, step: -1 | 1): string | null {
  const i = queue.indexOf(current);
  if (i < 0) return null;
  return queue[i + step] ?? null;
}

/**
 * The number a blind session shows instead of the participant's name: the
 * submission's place in the session (1-based), the same for every mentor.
 */
export function blindNumber(session: Pick<ScoringSession, 'submissionIds'>, submissionId: string): number | null {
  const i = session.submissionIds.indexOf(submissionId);
  return i < 0 ? null : i + 1;
}
