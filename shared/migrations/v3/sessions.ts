import type { MigrationStep, StoredRecord } from '../migration.ts';

/*
 * Version 3, sessions' curators and blind reveals (issue 16 items 2 and 3).
 *
 * Sessions gain `curators`, `reveal` and `revealedAt`; reviews gain `sawOthersAt`,
 * `revisedAfterRevealAt` and `lastSubmitted`. An older record gets what it meant before:
 *
 * - curators: a record names no creator (only its last editor, `updatedBy`), and before version 3
 *   every mentor could change any session. Rather than guess one creator, the session's last editor
 *   (unless the studio itself) and its listed mentors become its curators, so nobody who could run it
 *   is locked out; a curator can take the others off.
 * - reveal: 'own-queue-done', how blind sessions behaved (a mentor saw the results once their queue was
 *   done, or when the session was closed). revealedAt: null (nobody revealed anything by hand; closing
 *   still reveals).
 * - reviews: nothing was recorded about seeing the others or revising after it (null), and no review was
 *   reopened with a kept copy (null).
 */

const withDefault = (record: StoredRecord, field: string, fallback: unknown): StoredRecord =>
  record[field] === undefined ? { ...record, [field]: fallback } : record;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : []);

/** The last editor (unless 'system') and the listed mentors, in that order, without repeats. */
function curatorsOf(session: StoredRecord): StoredRecord {
  if (session.curators !== undefined) return session;
  const editor = typeof session.updatedBy === 'string' && session.updatedBy !== 'system' && session.updatedBy !== '' ? [session.updatedBy] : [];
  const curators = [...new Set([...editor, ...strings(session.mentorIds)])];
  // An odd record with neither is left without the field for the schema check to refuse with its path.
  return curators.length === 0 ? session : { ...session, curators };
}

export const SESSION_STEPS: MigrationStep[] = [
  { table: 'sessions', name: "curators are the session's last editor and its mentors", up: curatorsOf },
  { table: 'sessions', name: "reveal is 'own-queue-done', as blind sessions behaved", up: (s) => withDefault(s, 'reveal', 'own-queue-done') },
  { table: 'sessions', name: 'revealedAt is null (nothing revealed by hand)', up: (s) => withDefault(s, 'revealedAt', null) },
  { table: 'reviews', name: 'sawOthersAt is null (not recorded)', up: (r) => withDefault(r, 'sawOthersAt', null) },
  { table: 'reviews', name: 'revisedAfterRevealAt is null (not recorded)', up: (r) => withDefault(r, 'revisedAfterRevealAt', null) },
  { table: 'reviews', name: 'lastSubmitted is null (no kept copy)', up: (r) => withDefault(r, 'lastSubmitted', null) },
];
