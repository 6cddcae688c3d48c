import type { BundleTable } from '../bundles/mergeBundle.ts';

/**
 * The tables records are stored in: every table a bundle or backup carries, plus the image rows
 * (`assetBlobs`) and the installation's own facts (`meta`), which only the database holds.
 */
export type StoredTable = BundleTable | 'assetBlobs' | 'meta';

/** A stored record as plain data: what a database row or a bundle's JSON holds. */
export type StoredRecord = Readonly<Record<string, unknown>>;

/**
 * Read-only access to other records while a step runs: the records of the database or file being
 * upgraded, as they were written (so only fields every older version had are safe to read). A
 * record that is not at hand (a review bundle carries no faces, and the studio reading it may not
 * have the face either) is `undefined`; a step must then still give a deterministic answer.
 */
export interface MigrationContext {
  find(table: StoredTable, id: string): StoredRecord | undefined;
}

/** A context with nothing at hand. */
export const NO_CONTEXT: MigrationContext = { find: () => undefined };

/**
 * One pure change to one table's records, from the version before to `version`.
 * `up` never mutates its argument and never throws on a record it does not expect (an
 * unexpected shape is left for the schema check to refuse, with its path); it returns a new
 * record, or the same one when there is nothing to do. A step that looks at other records names
 * their tables in `reads`, so the database upgrade and the file readers gather them first.
 */
export interface MigrationStep {
  table: StoredTable;
  /** What the step does, in a few words (shown in test names). */
  name: string;
  /** Other tables the step reads through its context. */
  reads?: readonly StoredTable[];
  up: (record: StoredRecord, context: MigrationContext) => StoredRecord;
}

/** The steps that take records from `version - 1` to `version`, applied in the order listed. */
export interface MigrationVersion {
  version: number;
  steps: readonly MigrationStep[];
}
