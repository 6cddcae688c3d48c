// One builder of a scoring session record for unit tests (session rules, merges, the data layer): every
// field version 3 requires, checked by the schema, so a new required field fails here once, not in each test.
import { scoringSessionSchema, type ScoringSession } from '#shared/domain/session.ts';

/**
 * A blind, open "Final" session of Dewi and Budi over submissions a and b, Sari its only curator,
 * revealed by the curator only; `overrides` replace any field.
 */
export function scoringSession(overrides: Partial<ScoringSession> = {}): ScoringSession {
  return scoringSessionSchema.parse({
    id: 's',
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'sari',
    deletedAt: null,
    revisions: {},
    workshopId: 'w',
    name: 'Final',
    rubricId: 'r',
    mentorIds: ['dewi', 'budi'],
    filters: { regions: [], categories: [], version: 'latest' },
    submissionIds: ['a', 'b'],
    assignment: 'all-score-all',
    blind: true,
    conflicts: [],
    status: 'open',
    keptAssignments: [],
    itemTimerMinutes: null,
    curators: ['sari'],
    reveal: 'curator',
    revealedAt: null,
    ...overrides,
  });
}
