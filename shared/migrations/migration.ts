import type { BundleTable } from '../bundles/mergeBundle.ts';

/**
 * The tables records are stored in: every table a bundle or backup carries, plus the image rows
 * (`assetBlobs`) and the installation's own facts (`meta`), which only the database holds.
 */
export type StoredTable = BundleTable | 'assetBlobs' | 'meta';

/** A stored record as plain data: what a database row or a bundle's JSON holds. */
export type StoredRecord = Readonly<Record<string, unknown>>;

/**
 * One pure change to one table's records, from the version before to `version`.
 * `up` never mutates its argument and never throws on a record it does not expect (an
 * unexpected shape is left for the schema check to refuse, with its path); it returns a new
 * record, or the same one when there is nothing to do.
 */
export interface MigrationStep {
  table: StoredTable;
  /** What the step does, in a few words (shown in test names). */
  name: string;
  up: (record: StoredRecord) => StoredRecord;
}

/** The steps that take records from `version - 1` to `version`, applied in the order listed. */
export interface MigrationVersion {
  version: number;
  steps: readonly MigrationStep[];
}
