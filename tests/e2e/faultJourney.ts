import { expect, type CDPSession, type Page } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../support/browserHost.ts';
import { E2E_PORT } from './globalSetup.ts';
import { studioOrigin } from './studio.ts';

/*
 * Helpers of the fault tests (faults.spec.ts): a browser host of their own
 * whose workers can be stopped on purpose, and a full disk made with
 * Chromium's quota override.
 */

/**
 * A browser host started with KEMAS_FAULTS=1, never the shared one: its pool
 * workers can be stopped through `POST /api/__fault/kill-workers`. Its port is
 * the run's port + 100, so parallel checkouts keep apart as their ports do.
 */
export function startFaultHost(): Promise<RunningHost> {
  return startBrowserHost(E2E_PORT + 100, { env: { KEMAS_FAULTS: '1', KEMAS_NO_REVEAL: '1' } });
}

/**
 * Stops the `pool`'s worker busy with `fileName` (or any busy one) as a crash
 * would; when none is busy yet, the next one is stopped the moment it gets
 * its job. Returns what the host did.
 */
export async function killWorkers(host: RunningHost, pool: 'ingest' | 'pack', fileName?: string): Promise<{ killed: number; armed: boolean }> {
  const url = new URL(host.url);
  const response = await fetch(new URL('/api/__fault/kill-workers', url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kemas-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify({ pool, ...(fileName ? { fileName } : {}) }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { killed: number; armed: boolean };
}

/**
 * A small disk for the studio's origin (Chromium's quota override). Set before
 * the studio first opens its database: Chromium reads the quota when it opens
 * an origin's IndexedDB, so an override made later is not seen by that database.
 */
export async function limitDisk(page: Page, bytes = 40_000_000): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: studioOrigin(), quotaSize: bytes });
  return cdp;
}

const FILLER_DATABASE = 'kemas-fault-filler';

/**
 * Fills what is left of the quota with another database of the same origin,
 * as other files filling the disk would: afterwards every write that grows
 * the studio's storage fails with QuotaExceededError.
 */
export async function fillDisk(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('filler');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    let key = 0;
    // Random bytes: IndexedDB compresses, so zeros would take no room.
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8]) {
      for (;;) {
        const value = new Uint8Array(size);
        // getRandomValues fills at most 64 KiB at a time.
        for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(value.subarray(at, at + 65_536));
        const stored = await new Promise<boolean>((resolve) => {
          const tx = db.transaction('filler', 'readwrite');
          tx.objectStore('filler').put(value, key++);
          tx.oncomplete = () => resolve(true);
          tx.onabort = () => resolve(false);
        });
        if (!stored) break;
      }
    }
    db.close();
  }, FILLER_DATABASE);
}

/** Room on the disk again: the filler is deleted and the quota override lifted. */
export async function freeDisk(page: Page, cdp: CDPSession): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const deleting = indexedDB.deleteDatabase(name);
        deleting.onsuccess = () => resolve();
        deleting.onerror = () => reject(deleting.error);
      }),
    FILLER_DATABASE,
  );
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: studioOrigin() });
}
