import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { exportRawDatabase } from '#renderer/src/data/rawExport.ts';
import { dumpedBytes, loadDatabaseDump, readDatabaseDump } from '../../support/v1Fixtures.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function exported(name: string): Promise<{ summary: Awaited<ReturnType<typeof exportRawDatabase>>; files: Record<string, Uint8Array> }> {
  const chunks: Uint8Array[] = [];
  const summary = await exportRawDatabase((c) => void chunks.push(c.slice()), { name });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { summary, files: bytes.length === 0 ? {} : unzipSync(bytes) };
}
const text = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

describe('the raw copy made before recovery deletes a database', () => {
  it('holds every row of every store and every image byte for byte, even from a database this app cannot open', async () => {
    const name = `raw-export-${Date.now()}`;
    names.push(name);
    const dump = readDatabaseDump(1);
    await loadDatabaseDump(name, dump);
    // A newer app took it to version 100 and added a store of its own.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1000);
      request.onupgradeneeded = () => request.result.createObjectStore('future', { keyPath: 'id' }).put({ id: 'x', shape: 'unknown to us' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error(String(request.error)));
    });

    const { summary, files } = await exported(name);
    expect(summary?.databaseVersion).toBe(1000);
    const about = text(files['rescue.json']) as { format: string; tables: Record<string, number>; blobs: number };
    expect(about.format).toBe('kemas-rescue');
    expect(about.tables.future).toBe(1);
    expect(text(files['tables/future.json'])).toEqual([{ id: 'x', shape: 'unknown to us' }]);
    for (const [table, rows] of Object.entries(dump.tables)) {
      expect(about.tables[table], table).toBe(rows.length);
      if (table === 'assetBlobs') continue;
      const copied = text(files[`tables/${table}.json`]) as unknown[];
      expect(copied, table).toEqual(expect.arrayContaining(rows));
    }
    const blobRows = text(files['tables/assetBlobs.json']) as { id: string; blob: { $blob: number; type: string } }[];
    expect(about.blobs).toBe(dump.tables.assetBlobs!.length);
    for (const row of dump.tables.assetBlobs!) {
      const copy = blobRows.find((r) => r.id === row.id)!;
      expect(copy.blob.type).toBe((row.blob as { type: string }).type);
      expect(Buffer.from(files[`blobs/${copy.blob.$blob}`]!).equals(dumpedBytes(row)), String(row.id)).toBe(true);
    }
  });

  it('makes no database when there is none to copy', async () => {
    const name = `raw-export-missing-${Date.now()}`;
    names.push(name);
    expect((await exported(name)).summary).toBeNull();
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
  });
});
