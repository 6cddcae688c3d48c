import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import {
  adoptBackupMentor,
  getBackupMark,
  openStudioDatabase,
  recreateStudioDatabase,
  setBackupMark,
  studioFingerprint,
} from '../../../renderer/src/data/backupRepo.ts';
import { openDatabase, type KemasDatabase } from '../../../renderer/src/data/db.ts';
import { createMentor, getCurrentMentor, setCurrentMentor } from '../../../renderer/src/data/mentorsRepo.ts';
import { createWorkshop, deleteWorkshop } from '../../../renderer/src/data/workshopsRepo.ts';
import type { BundleManifest } from '../../../shared/bundles/bundleFormat.ts';
import { RECORDS_VERSION } from '../../../shared/migrations/chain.ts';

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
});
