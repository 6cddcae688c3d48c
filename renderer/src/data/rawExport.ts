import { ZipWriter, type ZipSink } from '#shared/bundles/zipWriter.ts';
import { DATABASE_NAME } from './db.ts';

/*
 * A raw copy of the studio's IndexedDB, for the moment before recovery deletes it: every object
 * store as it is stored, whatever app version wrote it and whether or not today's schemas accept
 * it. Read with the plain IndexedDB API (Dexie would refuse a database it cannot upgrade, and
 * that is exactly the one to copy). A ZIP: `rescue.json` (what it holds), `tables/<store>.json`
 * (the rows; a Blob inside a row becomes `{ "$blob": n }`), `blobs/<n>` (the Blob's bytes, stored).
 */

export const RESCUE_FORMAT = 'kemas-rescue';

export interface RawExportSummary {
  databaseVersion: number;
  /** Rows per object store. */
  tables: Record<string, number>;
  blobs: number;
}

/** The database, opened as it is (no version: no upgrade); null when there is none to copy. */
function openAsIs(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      // No database by that name: do not make one just to copy it.
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (created ? resolve(null) : reject(request.error ?? new Error('IndexedDB open failed')));
    request.onblocked = () => reject(new DOMException('The database is held open elsewhere', 'BlockedError'));
  });
}

function readStore(db: IDBDatabase, store: string): Promise<{ rows: unknown[]; keyPath: string | string[] | null }> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readonly');
    const objectStore = tx.objectStore(store);
    const request = objectStore.getAll();
    request.onsuccess = () => resolve({ rows: request.result, keyPath: objectStore.keyPath });
    request.onerror = () => reject(request.error ?? new Error(`reading ${store} failed`));
  });
}

/** Writes the raw copy of database `name` to `sink` as a ZIP. Resolves null when there is no such database. */
export async function exportRawDatabase(sink: ZipSink, options: { name?: string; now?: Date } = {}): Promise<RawExportSummary | null> {
  const db = await openAsIs(options.name ?? DATABASE_NAME);
  if (db === null) return null;
  try {
    const zip = new ZipWriter(sink, options.now ?? new Date());
    const encoder = new TextEncoder();
    const blobs: Blob[] = [];
    const summary: RawExportSummary = { databaseVersion: db.version, tables: {}, blobs: 0 };
    const keyPaths: Record<string, string | string[] | null> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      const { rows, keyPath } = await readStore(db, store);
      keyPaths[store] = keyPath;
      summary.tables[store] = rows.length;
      const text = JSON.stringify(rows, (_key, value: unknown) => {
        if (value instanceof Blob) {
          blobs.push(value);
          return { $blob: blobs.length - 1, type: value.type, size: value.size };
        }
        return value;
      });
      await zip.add(`tables/${store}.json`, encoder.encode(text), 8);
    }
    for (const [n, blob] of blobs.entries()) await zip.add(`blobs/${n}`, new Uint8Array(await blob.arrayBuffer()), 0);
    summary.blobs = blobs.length;
    const about = { format: RESCUE_FORMAT, database: db.name, ...summary, keyPaths, createdAt: (options.now ?? new Date()).toISOString() };
    await zip.add('rescue.json', encoder.encode(JSON.stringify(about, null, 1)), 8);
    await zip.finish();
    return summary;
  } finally {
    db.close();
  }
}
