import type { Dexie as DexieClass } from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/build.ts';
import { startBrowserHost } from '../support/browserHost.ts';
import { launchChromium } from './chromium.ts';
import { round, type Measure } from './measure.ts';

const RECORDS = 10_000;

/**
 * Bulk write and read of participant-shaped records in Chromium's real
 * IndexedDB: Dexie (as the data layer uses it) against raw IndexedDB doing the
 * same work in one transaction, in the same page, in the same run.
 */
export default async function dexieBench(): Promise<Measure[]> {
  const host = await startBrowserHost(4793);
  const browser = await launchChromium();
  try {
    // bypassCSP lets the bench inject Dexie's UMD build into the studio's own origin.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.addScriptTag({ content: readFileSync(join(projectRoot, 'node_modules/dexie/dist/dexie.js'), 'utf8') });
    const result = await page.evaluate(async (count) => {
      const makeRows = (prefix: string) =>
        Array.from({ length: count }, (_, i) => ({
          id: `${prefix}-${i}`,
          workshopId: `w-${i % 4}`,
          createdAt: i,
          updatedAt: i,
          updatedBy: 'bench',
          deletedAt: null,
          business: `Usaha ${i}`,
          owner: 'Pemilik',
          product: 'Keripik tempe',
          category: 'snack',
          city: 'Malang',
          contact: '0812',
          labelFacts: { registrationNumber: 'P-IRT 2063507010123-29', halalCertificate: '', netContent: '100 g', packagingMaterial: 'plastic' },
          packDimensions: { widthMm: 140, heightMm: 220, depthMm: 40 },
        }));

      const { Dexie } = window as unknown as { Dexie: typeof DexieClass };
      const db = new Dexie('bench-dexie');
      db.version(1).stores({ participants: 'id, workshopId, updatedAt' });
      await db.open();
      const participants = db.table('participants');
      const dexieRows = makeRows('d');
      let t = performance.now();
      await participants.bulkPut(dexieRows);
      const dexieWrite = performance.now() - t;
      t = performance.now();
      const all = await participants.toArray();
      const dexieRead = performance.now() - t;
      t = performance.now();
      const one = await participants.where('workshopId').equals('w-1').toArray();
      const dexieQuery = performance.now() - t;
      db.close();
      if (all.length !== count || one.length !== count / 4) throw new Error('Dexie read back the wrong rows');

      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('bench-raw', 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('participants', { keyPath: 'id' });
          store.createIndex('workshopId', 'workshopId');
          store.createIndex('updatedAt', 'updatedAt');
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const request = <T,>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const rawRows = makeRows('r');
      t = performance.now();
      const writeTx = raw.transaction('participants', 'readwrite');
      const store = writeTx.objectStore('participants');
      for (const row of rawRows) store.put(row);
      await done(writeTx);
      const rawWrite = performance.now() - t;
      t = performance.now();
      const rawAll = await request(raw.transaction('participants').objectStore('participants').getAll());
      const rawRead = performance.now() - t;
      t = performance.now();
      const rawOne = await request(raw.transaction('participants').objectStore('participants').index('workshopId').getAll('w-1'));
      const rawQuery = performance.now() - t;
      raw.close();
      if (rawAll.length !== count || rawOne.length !== count / 4) throw new Error('IndexedDB read back the wrong rows');
      return { dexieWrite, dexieRead, dexieQuery, rawWrite, rawRead, rawQuery };
    }, RECORDS);
    await context.close();
    const peer = 'raw IndexedDB';
    return [
      { name: `Dexie bulkPut ${RECORDS} participants`, value: round(result.dexieWrite), unit: 'ms', peer: { name: peer, value: round(result.rawWrite) } },
      { name: `Dexie toArray ${RECORDS} participants`, value: round(result.dexieRead), unit: 'ms', peer: { name: peer, value: round(result.rawRead) } },
      { name: `Dexie index query (${RECORDS / 4} of ${RECORDS})`, value: round(result.dexieQuery), unit: 'ms', peer: { name: peer, value: round(result.rawQuery) } },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
