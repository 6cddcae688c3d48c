import type { MigrationStep, MigrationVersion, StoredRecord } from './migration.ts';

/*
 * Version 2: the fields that went into records while version 1 was current, without a schema
 * version of their own. The first studio (and every bundle, backup and rubric file it wrote) may
 * lack them; today's code read them as optional or with a zod default. From version 2 on every
 * stored record carries them, with the value that meant "absent" before.
 *
 * To add a v2 change for a table: append a step below (one entry, its own small function), and
 * a test in tests/unit/migrations/. Nothing else changes: the Dexie version, the bundle, backup and
 * rubric readers all run this list.
 */

/** A field's value, or `fallback` when the record lacks it. */
const withDefault = (record: StoredRecord, field: string, fallback: unknown): StoredRecord =>
  record[field] === undefined ? { ...record, [field]: fallback } : record;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Label-checklist items became a partial record (e83d618): an unchecked item is an absent key.
 * Drop keys whose value is missing (`null`/`undefined`), which meant "not checked".
 */
function itemsWithoutEmptyKeys(record: StoredRecord): StoredRecord {
  const items = record.items;
  if (!isPlainObject(items)) return record;
  const kept = Object.entries(items).filter(([, value]) => value !== null && value !== undefined);
  return kept.length === Object.keys(items).length ? record : { ...record, items: Object.fromEntries(kept) };
}

const steps: MigrationStep[] = [
  {
    table: 'participants',
    name: "region is '' when the participant's is the workshop's",
    up: (p) => withDefault(p, 'region', ''),
  },
  {
    table: 'sessions',
    name: 'keptAssignments is [] when no mentor kept work',
    up: (s) => withDefault(s, 'keptAssignments', []),
  },
  {
    table: 'sessions',
    name: 'itemTimerMinutes is null when there is no timer',
    up: (s) => withDefault(s, 'itemTimerMinutes', null),
  },
  {
    table: 'labelChecklists',
    name: "registrationOnLabel is '' when the number was not read",
    up: (c) => withDefault(c, 'registrationOnLabel', ''),
  },
  {
    table: 'labelChecklists',
    name: 'unchecked items are absent keys',
    up: itemsWithoutEmptyKeys,
  },
];

export const V2: MigrationVersion = { version: 2, steps };
