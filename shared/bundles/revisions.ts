/**
 * A record's edit history, small enough to travel with it: how many edits each installation (laptop)
 * has made to it, counting the edits it was made from (a version vector). Copies of one record
 * compare by it:
 * - one copy's counts are all ≤ the other's: the other was edited from it (or from a later copy), so
 *   taking it loses nothing, whoever the editors were — never a conflict;
 * - each copy has an edit the other lacks: both laptops changed the record since they last shared it,
 *   a true conflict.
 * Records from before version 3 have no history (`{}`): nothing can be said of them, and the merge
 * falls back to its older reading (different last editors = conflict).
 */
export type Revisions = Readonly<Record<string, number>>;

export const NO_REVISIONS: Revisions = Object.freeze({});

export type RevisionRelation = 'equal' | 'before' | 'after' | 'concurrent' | 'unknown';

const isEmpty = (r: Revisions): boolean => Object.keys(r).length === 0;

/**
 * How copy `a` relates to copy `b`: `before` when b was edited from a (a's counts ≤ b's, one smaller),
 * `after` the reverse, `equal`, `concurrent` (each has an edit the other lacks), or `unknown` when
 * either has no history (written before version 3).
 */
export function relateRevisions(a: Revisions, b: Revisions): RevisionRelation {
  if (isEmpty(a) || isEmpty(b)) return 'unknown';
  let aAhead = false;
  let bAhead = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x > y) aAhead = true;
    else if (y > x) bAhead = true;
  }
  return aAhead && bAhead ? 'concurrent' : aAhead ? 'after' : bAhead ? 'before' : 'equal';
}

/** The history of a copy that has seen both: the larger count per installation (keys sorted). */
export function joinRevisions(a: Revisions, b: Revisions): Revisions {
  const out: Record<string, number> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) out[key] = Math.max(a[key] ?? 0, b[key] ?? 0);
  return out;
}

/** The history after one more edit on `installation`. */
export function bumpRevisions(previous: Revisions | undefined, installation: string): Revisions {
  return joinRevisions(previous ?? NO_REVISIONS, { [installation]: (previous?.[installation] ?? 0) + 1 });
}

export function sameRevisions(a: Revisions, b: Revisions): boolean {
  return relateRevisions(a, b) === 'equal' || (isEmpty(a) && isEmpty(b));
}

/**
 * The edit time of a new edit of a record last edited at `previous`: now, or just after the previous
 * edit when this laptop's clock is behind the one that made it. So an edit is always later than the
 * edit it was made from, and "the newer edit wins" never undoes a later edit made from an earlier one.
 */
export function nextEditTime(previous: number | undefined, now: number): number {
  return previous === undefined || now > previous ? now : previous + 1;
}
