import type { MigrationVersion, StoredRecord, StoredTable } from './migration.ts';
import { V2 } from './v2.ts';
import { V3 } from './v3.ts';

/**
 * The one migration chain: every change to a stored record's shape since version 1, in order.
 * The Dexie versions (renderer/src/data/db.ts), the bundle and backup reader
 * (shared/bundles/archiveReader.ts) and the rubric file reader (shared/scoring/rubricFile.ts)
 * are all built from it, so a database, a `.kemas` file and a rubric file written by any earlier
 * version read the same way. Append a version here; never edit a shipped one.
 */
export const MIGRATIONS: readonly MigrationVersion[] = [V2, V3];

/** The first version of stored records (the schema the first release shipped). */
export const FIRST_RECORDS_VERSION = 1;

/** The version of records this code writes: the last step's. */
export const RECORDS_VERSION: number = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), FIRST_RECORDS_VERSION);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The versions after `from` whose steps touch `table`, in order. */
export function versionsAfter(from: number): readonly MigrationVersion[] {
  return MIGRATIONS.filter((m) => m.version > from);
}

/** Whether any step after `from` changes `table`'s records. */
export function tableChangesAfter(table: StoredTable, from: number): boolean {
  return versionsAfter(from).some((m) => m.steps.some((s) => s.table === table));
}

/**
 * One record written at version `from`, brought to `RECORDS_VERSION`. Pure. Anything that is not
 * a plain object is returned as it is, for the schema check to refuse with its path.
 */
export function upgradeRecord(table: StoredTable, record: unknown, from: number): unknown {
  return versionsAfter(from).reduce((next, migration) => applyVersion(migration, table, next), record);
}

/** One version's steps for `table` on one record (the Dexie upgrade runs one version at a time). */
export function applyVersion(migration: MigrationVersion, table: StoredTable, record: unknown): unknown {
  if (!isPlainObject(record)) return record;
  let next: StoredRecord = record;
  for (const step of migration.steps) if (step.table === table) next = step.up(next);
  return next;
}

/** The tables a version changes, in the order their first step is listed. */
export function tablesChangedBy(migration: MigrationVersion): StoredTable[] {
  return [...new Set(migration.steps.map((s) => s.table))];
}

/** A table's records written at version `from`, brought to `RECORDS_VERSION`; a non-array is returned as it is. */
export function upgradeRecords(table: StoredTable, records: unknown, from: number): unknown {
  if (!Array.isArray(records) || !tableChangesAfter(table, from)) return records;
  return records.map((r) => upgradeRecord(table, r, from));
}

/** Whether a file or database written at `version` can be read: known, and not from a newer app. */
export function isReadableVersion(version: unknown): version is number {
  return typeof version === 'number' && Number.isInteger(version) && version >= FIRST_RECORDS_VERSION && version <= RECORDS_VERSION;
}
