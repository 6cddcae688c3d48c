import type { RecordBase } from '#shared/domain/record.ts';

/** Base fields of a record created now by `actor`. */
export function newRecordBase(actor: string, now: number = Date.now()): RecordBase {
  // The data layer counts the edit in `revisions` as it writes (editHistory.ts).
  return { id: crypto.randomUUID(), createdAt: now, updatedAt: now, updatedBy: actor, deletedAt: null, revisions: {} };
}

/** Fields that mark an edit by `actor`; merges between laptops compare `updatedAt`. */
export function touched(actor: string, now: number = Date.now()): Pick<RecordBase, 'updatedAt' | 'updatedBy'> {
  return { updatedAt: now, updatedBy: actor };
}

export function isLive<T extends { deletedAt: number | null }>(record: T | undefined): record is T {
  return record !== undefined && record.deletedAt === null;
}

/** Thrown when a record the UI refers to is gone (deleted on another tab, say). */
export class RecordNotFoundError extends Error {
  constructor(kind: string, id: string) {
    super(`${kind} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}

interface TombstoneTable {
  update(id: string, changes: { deletedAt: number | null; updatedAt: number; updatedBy: string }): Promise<number>;
}

/**
 * Sets or clears a record's tombstone. Deletion is a mark, not a removal, so
 * undo works and the deletion can travel to other laptops.
 */
export async function setTombstone(
  table: TombstoneTable,
  kind: string,
  id: string,
  deletedAt: number | null,
  actor: string,
): Promise<void> {
  const changed = await table.update(id, { deletedAt, ...touched(actor) });
  if (changed === 0) throw new RecordNotFoundError(kind, id);
}
