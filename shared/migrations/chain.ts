import { NO_CONTEXT, type MigrationContext, type MigrationVersion, type StoredRecord, type StoredTable } from './migration.ts';
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
export function upgradeRecord(table: StoredTable, record: unknown, from: number, context: MigrationContext = NO_CONTEXT): unknown {
  return versionsAfter(from).reduce((next, migration) => applyVersion(migration, table, next, context), record);
}

/** One version's steps for `table` on one record (the Dexie upgrade runs one version at a time). */
export function applyVersion(migration: MigrationVersion, table: StoredTable, record: unknown, context: MigrationContext = NO_CONTEXT): unknown {
  if (!isPlainObject(record)) return record;
  let next: StoredRecord = record;
  for (const step of migration.steps) if (step.table === table) next = step.up(next, context);
  return next;
}

/** The other tables a version's steps for `table` read (see `MigrationStep.reads`). */
export function tablesReadBy(migration: MigrationVersion, table?: StoredTable): StoredTable[] {
  return [...new Set(migration.steps.filter((s) => table === undefined || s.table === table).flatMap((s) => s.reads ?? []))];
}

/** Whether any step after `from` reads `table` through its context. */
export function tableReadAfter(table: StoredTable, from: number): boolean {
  return versionsAfter(from).some((m) => tablesReadBy(m).includes(table));
}

/**
 * A context over lists of records (a file's tables, or rows read from the database), each looked up
 * by `id`; `fallback` answers for records the lists lack.
 */
export function contextOf(tables: Partial<Record<StoredTable, readonly unknown[]>>, fallback: MigrationContext = NO_CONTEXT): MigrationContext {
  const indexes = new Map<StoredTable, Map<string, StoredRecord>>();
  const index = (table: StoredTable): Map<string, StoredRecord> => {
    let byId = indexes.get(table);
    if (byId === undefined) {
      byId = new Map();
      for (const row of tables[table] ?? []) if (isPlainObject(row) && typeof row.id === 'string') byId.set(row.id, row);
      indexes.set(table, byId);
    }
    return byId;
  };
  return { find: (table, id) => index(table).get(id) ?? fallback.find(table, id) };
}

/** The tables a version changes, in the order their first step is listed. */
export function tablesChangedBy(migration: MigrationVersion): StoredTable[] {
  return [...new Set(migration.steps.map((s) => s.table))];
}

/** A table's records written at version `from`, brought to `RECORDS_VERSION`; a non-array is returned as it is. */
export function upgradeRecords(table: StoredTable, records: unknown, from: number, context: MigrationContext = NO_CONTEXT): unknown {
  if (!Array.isArray(records) || !tableChangesAfter(table, from)) return records;
  return records.map((r) => upgradeRecord(table, r, from, context));
}

/** Whether a file or database written at `version` can be read: known, and not from a newer app. */
export function isReadableVersion(version: unknown): version is number {
  return typeof version === 'number' && Number.isInteger(version) && version >= FIRST_RECORDS_VERSION && version <= RECORDS_VERSION;
}
