import type { RecordBase } from '../domain/record.ts';
import { NO_REVISIONS, joinRevisions, relateRevisions, sameRevisions, type Revisions } from './revisions.ts';

/**
 * What happened to one incoming record:
 * - `added`: the studio did not have it;
 * - `updated`: the incoming copy is newer and replaces the local one (a later edit by the same person);
 * - `kept`: the local copy is newer or the very same, and stays;
 * - `conflict`: each side holds an edit the other lacks (their `revisions` histories say both laptops
 *   changed the record since they last shared it), reported as "both changed, newer kept" (`winner`
 *   says which copy stayed) for the curator to read. An edit made on one laptop only, by any number of
 *   people one after the other, is never a conflict. Copies written before records version 3 carry no
 *   history; for them the older reading stands: different last editors = conflict.
 */
export type MergeOutcome = 'added' | 'updated' | 'kept' | 'conflict';

/** The stamp of one side's copy, for the merge report. */
export interface RecordStamp {
  updatedAt: number;
  updatedBy: string;
  deletedAt: number | null;
}

export interface MergeEntry {
  table: string;
  id: string;
  outcome: MergeOutcome;
  /** Which copy the studio holds after the merge. */
  winner: 'local' | 'incoming';
  /** The studio's copy before the merge; null when it had none. */
  local: RecordStamp | null;
  incoming: RecordStamp;
}

export interface MergeResult<R extends RecordBase> {
  /** The records to write: added ones and those where the incoming copy won (sorted by id). */
  merged: R[];
  /** The whole table after the merge: `existing` with `merged` written over it (sorted by id). */
  all: R[];
  /** One entry per distinct incoming id (sorted by id). */
  report: MergeEntry[];
}

/** JSON with object keys sorted, so equal records give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** A copy's history; none for records written before version 3. */
export const revisionsOf = (r: RecordBase): Revisions => (r as { revisions?: Revisions }).revisions ?? NO_REVISIONS;

/** The canonical JSON of a copy's content: everything but its history, which merging joins instead. */
function contentJson(r: RecordBase): string {
  return canonicalJson({ ...r, revisions: undefined });
}

/**
 * A total order on copies of one record: later `updatedAt` first decides; a tie is broken by
 * `updatedBy`, then by the canonical JSON of the record's content (plain code-unit order, no locale).
 * Returns 0 only for copies with identical content (histories aside), so the winner never depends on
 * who merges first. Edit times grow along every history (`nextEditTime`), so a copy edited from
 * another is always the later one.
 */
export function compareCopies(a: RecordBase, b: RecordBase): number {
  return cmp(a.updatedAt, b.updatedAt) || cmp(a.updatedBy, b.updatedBy) || cmp(contentJson(a), contentJson(b));
}

/**
 * Two copies as one: the winner's content (`compareCopies`) with the history of both, so a later merge
 * knows this copy has seen both edits. A semilattice (idempotent, commutative, associative): content by
 * a total order, history by the larger count per laptop. Returns `a` or `b` itself when nothing changes.
 */
export function combineCopies<R extends RecordBase>(a: R, b: R): R {
  const winner = compareCopies(a, b) >= 0 ? a : b;
  const joined = joinRevisions(revisionsOf(a), revisionsOf(b));
  if (sameRevisions(joined, revisionsOf(winner))) return winner;
  return { ...winner, revisions: joined };
}

/** What one incoming copy does to the local one, from their histories (or, without them, their editors). */
function outcomeOf(local: RecordBase, incoming: RecordBase, order: number): MergeOutcome {
  if (order === 0) return 'kept';
  const winner = order > 0 ? 'updated' : 'kept';
  const relation = relateRevisions(revisionsOf(local), revisionsOf(incoming));
  if (relation === 'before' || relation === 'after') return winner;
  if (relation === 'concurrent') return 'conflict';
  // No history on a side (written before version 3), or the same history with different content
  // (an edit that did not count itself): the older reading.
  return incoming.updatedBy !== local.updatedBy ? 'conflict' : winner;
}

const stamp = (r: RecordBase): RecordStamp => ({ updatedAt: r.updatedAt, updatedBy: r.updatedBy, deletedAt: r.deletedAt });

/** One copy per id (duplicates inside one list are combined by the same rule). */
function newestById<R extends RecordBase>(records: readonly R[]): Map<string, R> {
  const byId = new Map<string, R>();
  for (const r of records) {
    const seen = byId.get(r.id);
    byId.set(r.id, seen === undefined ? r : combineCopies(seen, r));
  }
  return byId;
}

const byId = (a: { id: string }, b: { id: string }) => cmp(a.id, b.id);

/**
 * Merges incoming copies of one table into the studio's copies with the stated rule:
 * **the newer edit wins, per record** (`compareCopies`: `updatedAt`, then `updatedBy`, then content),
 * and the kept copy takes the history of both (`combineCopies`). Because that is a semilattice, merging
 * is idempotent (importing a bundle twice changes nothing), commutative and associative (bundles merged
 * in any order give the same table). Histories decide only what the report calls a conflict.
 *
 * Tombstones are ordinary edits: deleting sets `deletedAt` and a new `updatedAt`, so a newer delete
 * wins over an older edit, and an edit made after a delete (an undo, or a restore) wins over the
 * older tombstone. Nothing is ever removed, only written.
 */
export function mergeTable<R extends RecordBase>(existing: readonly R[], incoming: readonly R[], table = ''): MergeResult<R> {
  const local = newestById(existing);
  const report: MergeEntry[] = [];
  const merged: R[] = [];
  for (const inc of newestById(incoming).values()) {
    const loc = local.get(inc.id);
    if (loc === undefined) {
      merged.push(inc);
      report.push({ table, id: inc.id, outcome: 'added', winner: 'incoming', local: null, incoming: stamp(inc) });
      continue;
    }
    const order = compareCopies(inc, loc);
    const winner = order > 0 ? 'incoming' : 'local';
    const next = combineCopies(loc, inc);
    // The local copy stays but learns the other history too (a true conflict it won): written again.
    if (next !== loc) merged.push(next);
    report.push({ table, id: inc.id, outcome: outcomeOf(loc, inc, order), winner, local: stamp(loc), incoming: stamp(inc) });
  }
  const all = new Map(local);
  for (const r of merged) all.set(r.id, r);
  return { merged: merged.sort(byId), all: [...all.values()].sort(byId), report: report.sort(byId) };
}

/** Counts of a report by outcome. */
export function countOutcomes(report: readonly MergeEntry[]): Record<MergeOutcome, number> {
  const counts: Record<MergeOutcome, number> = { added: 0, updated: 0, kept: 0, conflict: 0 };
  for (const e of report) counts[e.outcome] += 1;
  return counts;
}
