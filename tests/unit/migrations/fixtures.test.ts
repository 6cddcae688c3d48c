import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { applyArchive, checkBundleFile } from '#renderer/src/data/archiveRepo.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { getCurrentMentor } from '#renderer/src/data/mentorsRepo.ts';
import { importRubricFile } from '#renderer/src/data/rubricsRepo.ts';
import { loadSessionData } from '#renderer/src/data/sessionsRepo.ts';
import type { CheckedArchive } from '#shared/bundles/archive.ts';
import { BUNDLE_TABLES, type BundleTable } from '#shared/bundles/mergeBundle.ts';
import { RECORD_SCHEMAS } from '#shared/bundles/recordSchemas.ts';
import { FIRST_RECORDS_VERSION, RECORDS_VERSION, contextOf, upgradeRecord } from '#shared/migrations/chain.ts';
import type { MigrationContext } from '#shared/migrations/migration.ts';
import type { StoredTable } from '#shared/migrations/migration.ts';
import { parseRubricFile } from '#shared/scoring/rubricFile.ts';
import { FIXTURE_FILES, dumpedBytes, fixturePath, loadDatabaseDump, readDatabaseDump } from '../../support/v1Fixtures.ts';

/*
 * Every shipped records version has a folder of frozen files, written once by that version's
 * code (tests/fixtures/v<n>/README.md says how). Today's code must open each with every record
 * and every value: the values the old version wrote, upgraded by the migration chain, nothing lost.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const freshName = () => {
  const name = `fixture-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
};

const SHIPPED = Array.from({ length: RECORDS_VERSION - FIRST_RECORDS_VERSION }, (_, i) => FIRST_RECORDS_VERSION + i);

/** Compares by id: what the old version wrote, brought through the chain, against what today's code holds. */
function expectSameRecords(table: StoredTable, written: readonly Record<string, unknown>[], read: readonly unknown[], from: number, context: MigrationContext) {
  const key = table === 'meta' ? 'key' : 'id';
  // Since version 3 the studio stores its installation id in meta on first open (edit histories count per installation).
  if (table === 'meta') read = read.filter((r) => (r as { key?: unknown }).key !== 'installationId');
  const byKey = new Map(read.map((r) => [(r as Record<string, unknown>)[key], r]));
  expect(read.length, table).toBe(written.length);
  for (const old of written) {
    const got = byKey.get(old[key]);
    expect(got, `${table} ${String(old[key])}`).toEqual(upgradeRecord(table, old, from, context));
    // Independent of the chain: every value the old version wrote is still there. (A future step that
    // renames or reshapes a field states its exception here, with its reason.)
    expect(got, `${table} ${String(old[key])}`).toMatchObject(old);
  }
}

describe('frozen fixtures of every shipped version', () => {
  it('has a complete fixture folder for every version before the current one', () => {
    expect(SHIPPED.length).toBeGreaterThan(0);
    for (const version of SHIPPED) {
      for (const file of FIXTURE_FILES) expect(existsSync(fixturePath(version, file)), `tests/fixtures/v${version}/${file}`).toBe(true);
    }
  });

  describe.each(SHIPPED)('version %i', (version) => {
    const dump = readDatabaseDump(version);
    // What a step may read (a text mark's face): the studio the old version wrote.
    const context = contextOf(dump.tables as Partial<Record<StoredTable, unknown[]>>);

    it('was written by that version, with a few hundred records in every table', () => {
      expect(dump.databaseVersion).toBe(version);
      for (const [table, rows] of Object.entries(dump.tables)) expect(rows.length, table).toBeGreaterThan(0);
      expect(Object.values(dump.tables).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(300);
    });

    it('its database opens with today\'s code: every record kept with its values, every image byte for byte', async () => {
      const name = freshName();
      await loadDatabaseDump(name, dump);
      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(RECORDS_VERSION);
      for (const [table, rows] of Object.entries(dump.tables)) {
        if (table === 'assetBlobs') continue;
        const read = await db.table(table).toArray();
        expectSameRecords(table as StoredTable, rows, read, version, context);
        if ((BUNDLE_TABLES as readonly string[]).includes(table)) {
          const schema = RECORD_SCHEMAS[table as BundleTable];
          for (const record of read) expect(schema.safeParse(record).error, `${table} ${String(record.id)}`).toBeUndefined();
        }
      }
      const blobs = await db.assetBlobs.toArray();
      expect(blobs.length).toBe(dump.tables.assetBlobs!.length);
      const byId = new Map(blobs.map((b) => [b.id, b]));
      for (const row of dump.tables.assetBlobs!) {
        const stored = byId.get(row.id as string)!;
        expect({ assetId: stored.assetId, kind: stored.kind, type: stored.blob.type }).toEqual({ assetId: row.assetId, kind: row.kind, type: (row.blob as { type: string }).type });
        expect(Buffer.from(await stored.blob.arrayBuffer()).equals(dumpedBytes(row)), String(row.id)).toBe(true);
      }
      // The app works on it: who reviews, and a session's queue with its submissions.
      expect((await getCurrentMentor(db))?.id).toBe(dump.tables.meta!.find((m) => m.key === 'currentMentorId')?.value);
      for (const session of dump.tables.sessions!) {
        const data = await loadSessionData(db, session.id as string);
        expect(data?.items.length, String(session.name)).toBe((session.submissionIds as string[]).length);
      }
      db.close();
    });

    async function checked(file: 'backup.kemas' | 'workshop.kemas' | 'review.kemas', studio?: KemasDatabase): Promise<{ archive: CheckedArchive; blob: Blob }> {
      const blob = new Blob([readFileSync(fixturePath(version, file))]);
      const result = await checkBundleFile(blob, studio === undefined ? {} : { studio });
      if (!result.ok) throw new Error(`${file} refused: ${result.problem} ${result.path ?? ''} ${result.detail ?? ''}`);
      expect(result.archive.manifest.formatVersion).toBe(version);
      return { archive: result.archive, blob };
    }

    it('its backup restores into an empty studio with every record and image', async () => {
      const { archive, blob } = await checked('backup.kemas');
      expect(archive.manifest.kind).toBe('backup');
      for (const table of BUNDLE_TABLES) expectSameRecords(table, dump.tables[table] ?? [], archive.records[table] ?? [], version, context);
      const db = openDatabase(freshName());
      await db.open();
      await applyArchive(db, archive, blob, 'replace');
      for (const table of BUNDLE_TABLES) expectSameRecords(table, dump.tables[table] ?? [], await db.table(table).toArray(), version, context);
      expect(await db.assetBlobs.count()).toBe(dump.tables.assetBlobs!.length);
      for (const row of dump.tables.assetBlobs!) {
        const stored = await db.assetBlobs.get(row.id as string);
        expect(Buffer.from(await stored!.blob.arrayBuffer()).equals(dumpedBytes(row)), String(row.id)).toBe(true);
      }
      db.close();
    });

    it('its workshop and review bundles merge into an empty studio with their records', async () => {
      const db: KemasDatabase = openDatabase(freshName());
      await db.open();
      for (const file of ['workshop.kemas', 'review.kemas'] as const) {
        // The review file carries no faces: its text marks find theirs in the studio the workshop file filled.
        const { archive, blob } = await checked(file, db);
        await applyArchive(db, archive, blob, 'merge');
        for (const table of BUNDLE_TABLES) {
          const carried = archive.records[table] ?? [];
          const byId = new Map(dump.tables[table]?.map((r) => [r.id, r]));
          for (const record of carried) {
            // Each record in the bundle is the studio's record of that time, upgraded.
            expect(record, `${file} ${table} ${record.id}`).toEqual(upgradeRecord(table, byId.get(record.id), version, context));
            expect(record, `${file} ${table} ${record.id}`).toMatchObject(byId.get(record.id)!);
            expect(await db.table(table).get(record.id), `${file} ${table} ${record.id}`).toEqual(record);
          }
        }
      }
      expect(await db.reviews.count()).toBeGreaterThan(0);
      expect(await db.assets.count()).toBeGreaterThan(0);
      db.close();
    });

    it('its rubric file imports as a draft with the same groups, criteria and descriptors', async () => {
      const text = readFileSync(fixturePath(version, 'rubric.json'), 'utf8');
      const parsed = parseRubricFile(text);
      if (!parsed.ok) throw new Error(`rubric.json refused: ${JSON.stringify(parsed.problem)}`);
      const written = JSON.parse(text) as { formatVersion: number; rubric: Record<string, unknown> };
      expect(written.formatVersion).toBe(version);
      expect(parsed.file.rubric).toEqual(upgradeRecord('rubrics', written.rubric, version));
      const db = openDatabase(freshName());
      await db.open();
      const imported = await importRubricFile(db, text, 'm');
      if (!imported.ok) throw new Error('not imported');
      expect(imported.rubric.groups).toEqual(parsed.file.rubric.groups);
      db.close();
    });
  });
});
