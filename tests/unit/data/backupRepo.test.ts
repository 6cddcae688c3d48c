import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import {
  TRANSIENT_FAILURES,
  adoptBackupMentor,
  openFailureOf,
  getBackupMark,
  openStudioDatabase,
  recreateStudioDatabase,
  setBackupMark,
  studioFingerprint,
} from '#renderer/src/data/backupRepo.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { createMentor, getCurrentMentor, setCurrentMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createWorkshop, deleteWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import type { BundleManifest } from '#shared/bundles/bundleFormat.ts';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';

let counter = 0;
const names: string[] = [];
const freshName = () => {
  const name = `backup-repo-test-${++counter}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function studio(): Promise<KemasDatabase> {
  const db = openDatabase(freshName());
  await db.open();
  return db;
}

/** Opens IndexedDB directly, as another app version would. */
function rawOpen(name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

const manifestBy = (id: string, name: string) => ({ createdBy: { id, name } }) as unknown as BundleManifest;

describe('backup data layer', () => {
  it('changes the fingerprint on every add, edit and delete, and says when the studio is empty', async () => {
    const db = await studio();
    const empty = await studioFingerprint(db);
    expect(empty.empty).toBe(true);
    const mentor = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
    const withMentor = await studioFingerprint(db);
    expect(withMentor.empty).toBe(false);
    expect(withMentor.fingerprint).not.toBe(empty.fingerprint);
    // Reading changes nothing.
    expect((await studioFingerprint(db)).fingerprint).toBe(withMentor.fingerprint);
    const workshop = await createWorkshop(db, { name: 'Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, mentor.id);
    const added = await studioFingerprint(db);
    expect(added.fingerprint).not.toBe(withMentor.fingerprint);
    await new Promise((r) => setTimeout(r, 2));
    await deleteWorkshop(db, workshop.id, mentor.id);
    expect((await studioFingerprint(db)).fingerprint).not.toBe(added.fingerprint);
  });

  it('remembers the last backup', async () => {
    const db = await studio();
    expect(await getBackupMark(db)).toBeNull();
    await setBackupMark(db, { at: 1_764_340_000_000, fingerprint: 'x' });
    expect(await getBackupMark(db)).toEqual({ at: 1_764_340_000_000, fingerprint: 'x' });
  });

  it('after a restore, makes the backup’s author the reviewer when the current one is gone', async () => {
    const db = await studio();
    const dewi = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
    expect(await adoptBackupMentor(db, manifestBy(dewi.id, 'Dewi'))).toBe(false);
    await setCurrentMentor(db, '00000000-0000-4000-8000-000000000000');
    expect(await getCurrentMentor(db)).toBeNull();
    expect(await adoptBackupMentor(db, manifestBy(dewi.id, 'Dewi'))).toBe(true);
    expect((await getCurrentMentor(db))?.name).toBe('Dewi');
    // An author the data does not hold changes nothing.
    await setCurrentMentor(db, '00000000-0000-4000-8000-000000000000');
    expect(await adoptBackupMentor(db, manifestBy('11111111-1111-4111-8111-111111111111', 'Budi'))).toBe(false);
  });

  it('opens a healthy database, and refuses one a newer app made (Dexie would open it)', async () => {
    const name = freshName();
    const healthy = await openStudioDatabase(name);
    expect(healthy.ok).toBe(true);
    if (healthy.ok) healthy.db.close();
    await rawOpen(name, 1000);
    const newer = await openStudioDatabase(name);
    expect(newer).toMatchObject({ ok: false, failure: 'version' });
    // Recreating gives an empty, working studio at this app's version.
    const db = await recreateStudioDatabase(name);
    expect(db.backendDB().version).toBe(RECORDS_VERSION * 10);
    expect(await db.workshops.count()).toBe(0);
    db.close();
  });

  it('reports an upgrade that cannot be done (a table whose key changed) as an upgrade failure', async () => {
    const name = freshName();
    await rawOpen(name, 5, (raw) => {
      raw.createObjectStore('workshops', { keyPath: 'uuid' });
    });
    expect(await openStudioDatabase(name)).toMatchObject({ ok: false, failure: 'upgrade' });
  });

  it.each([
    ['quota', 'QuotaExceededError'],
    ['locked', 'InvalidStateError'],
    ['locked', 'BlockedError'],
    ['other', 'UnknownError'],
  ] as const)('reports a browser %s failure (%s) as one that may pass, which never leads to deleting', async (failure, errorName) => {
    const name = freshName();
    const healthy = await openStudioDatabase(name);
    if (healthy.ok) {
      await createMentor(healthy.db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
      healthy.db.close();
    }
    // The browser refuses the open with its own error, as Chromium does when the disk is full or another process holds the files.
    const factory = indexedDB;
    const realOpen = factory.open.bind(factory);
    factory.open = () => {
      const request = { error: new DOMException('simulated', errorName) } as unknown as IDBOpenDBRequest;
      const event = { type: 'error', target: request, preventDefault() {}, stopPropagation() {} };
      setTimeout(() => request.onerror?.(event as never), 0);
      return request;
    };
    try {
      const opened = await openStudioDatabase(name);
      expect(opened).toMatchObject({ ok: false, failure });
      expect(TRANSIENT_FAILURES).toContain(failure);
    } finally {
      factory.open = realOpen;
    }
    // Nothing was touched: it opens with its data once the cause passes.
    const again = await openStudioDatabase(name);
    if (!again.ok) throw new Error(again.detail);
    expect(await again.db.mentors.count()).toBe(1);
    again.db.close();
  });

  it('names lasting failures apart from passing ones, Dexie-wrapped or not', () => {
    const wrapped = (inner: string) => Object.assign(new Error('open failed'), { name: 'OpenFailedError', inner: { name: inner } });
    expect(openFailureOf(wrapped('VersionError'))).toBe('version');
    expect(openFailureOf(Object.assign(new Error('x'), { name: 'UpgradeError' }))).toBe('upgrade');
    expect(openFailureOf(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).toBe('quota');
    expect(openFailureOf(wrapped('InvalidStateError'))).toBe('locked');
    expect(openFailureOf(new Error('what'))).toBe('other');
    expect(openFailureOf('not even an error')).toBe('other');
    expect(TRANSIENT_FAILURES).not.toContain('version');
    expect(TRANSIENT_FAILURES).not.toContain('upgrade');
  });
});
