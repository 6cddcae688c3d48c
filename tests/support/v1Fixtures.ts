import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';

/** The frozen fixtures of every shipped records version: tests/fixtures/v<n>/. */
export const FIXTURES_ROOT = join(import.meta.dirname, '..', 'fixtures');
export const FIXTURE_FILES = ['database.json', 'backup.kemas', 'workshop.kemas', 'review.kemas', 'rubric.json'] as const;

export const fixturePath = (version: number, file: (typeof FIXTURE_FILES)[number]): string => join(FIXTURES_ROOT, `v${version}`, file);

export interface DatabaseDump {
  databaseVersion: number;
  stores: Record<string, string>;
  /** Rows per table; `assetBlobs` rows carry `blob: { type, base64 }`. */
  tables: Record<string, Record<string, unknown>[]>;
}

export function readDatabaseDump(version: number): DatabaseDump {
  return JSON.parse(readFileSync(fixturePath(version, 'database.json'), 'utf8')) as DatabaseDump;
}

/** The bytes of a dumped blob row. */
export const dumpedBytes = (row: Record<string, unknown>): Buffer => Buffer.from((row.blob as { base64: string }).base64, 'base64');

/**
 * Puts a dumped database back into IndexedDB as the app that wrote it left it: its own Dexie
 * version and stores, every row as it was (blobs as Blobs). Returns nothing: open it with today's code.
 */
export async function loadDatabaseDump(name: string, dump: DatabaseDump): Promise<void> {
  const db = new Dexie(name);
  db.version(dump.databaseVersion).stores(dump.stores);
  await db.open();
  await db.transaction('rw', Object.keys(dump.tables), async () => {
    for (const [table, rows] of Object.entries(dump.tables)) {
      const stored =
        table === 'assetBlobs'
          ? rows.map((r) => ({ ...r, blob: new Blob([new Uint8Array(dumpedBytes(r))], { type: (r.blob as { type: string }).type }) }))
          : rows;
      await db.table(table).bulkAdd(stored);
    }
  });
  db.close();
}
