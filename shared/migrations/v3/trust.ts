import type { MigrationStep, StoredRecord, StoredTable } from '../migration.ts';

/**
 * Records version 3, merges and signed work (issue 16, items 7 and 8):
 * - every record gets `revisions`, its edit history per installation (shared/bundles/revisions.ts):
 *   `{}` for a record written before, which says "history unknown" (merges then read conflicts the
 *   old way, by last editor);
 * - reviews, annotations and label checklists get `authorKeyId`, the key of the mentor who wrote
 *   them: null before (no keys existed);
 * - the new `mentorKeys` table has no older records.
 */

/** Every table that held records before version 3 (a bundle table; not the image rows nor `meta`). */
const TABLES_WITH_HISTORY = [
  'mentors',
  'workshops',
  'participants',
  'submissions',
  'assets',
  'rubrics',
  'sessions',
  'reviews',
  'annotations',
  'labelChecklists',
  'commentSnippets',
] as const satisfies readonly StoredTable[];

const AUTHORED = ['reviews', 'annotations', 'labelChecklists'] as const satisfies readonly StoredTable[];

/**
 * Adds `field` to a stored record that lacks it. Only records (with an `id`): the rubric file reader
 * runs the rubric steps on a file's bare `{ name, groups }`, which has no history to give.
 */
const withField =
  (field: string, value: unknown) =>
  (record: StoredRecord): StoredRecord =>
    field in record || !('id' in record) ? record : { ...record, [field]: value };

export const TRUST_STEPS: MigrationStep[] = [
  ...TABLES_WITH_HISTORY.map(
    (table): MigrationStep => ({ table, name: `${table}: an empty edit history (revisions {})`, up: withField('revisions', {}) }),
  ),
  ...AUTHORED.map((table): MigrationStep => ({ table, name: `${table}: no author key (authorKeyId null)`, up: withField('authorKeyId', null) })),
];
