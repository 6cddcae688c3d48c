import { Dexie } from 'dexie';
import type { BundleManifest } from '#shared/bundles/bundleFormat.ts';
import { BUNDLE_TABLES } from '#shared/bundles/mergeBundle.ts';
import { DATABASE_NAME, openDatabase, type KemasDatabase } from './db.ts';
import { getCurrentMentor, setCurrentMentor } from './mentorsRepo.ts';
import { isLive } from './records.ts';

/*
 * What backups need of the database beyond the archive repository: whether anything changed
 * since the last backup, remembering that backup, who reviews after a restore, and a fresh start
 * when the stored database cannot be opened at all.
 */

const MARK_KEY = 'backup.last';

/** The last backup this studio made: when, and the fingerprint of the data it held. */
export interface BackupMark {
  at: number;
  fingerprint: string;
}

/**
 * A short text that changes whenever any record is added, edited or deleted: per table the count
 * and the newest `updatedAt` (deletes are tombstones, so they move `updatedAt` too), and the number
 * of stored images. Cheap: counts and one index key per table. `empty` when there is no record at
 * all (a fresh install: nothing to back up).
 */
export async function studioFingerprint(db: KemasDatabase): Promise<{ fingerprint: string; empty: boolean }> {
  const parts: string[] = [];
  let records = 0;
  await db.transaction('r', [...BUNDLE_TABLES.map((t) => db.table(t)), db.assetBlobs], async () => {
    for (const table of BUNDLE_TABLES) {
      const rows = db.table(table);
      const [count, newest] = await Promise.all([rows.count(), rows.orderBy('updatedAt').lastKey()]);
      records += count;
      parts.push(`${table}:${count}:${String(newest ?? '')}`);
    }
    parts.push(`blobs:${await db.assetBlobs.count()}`);
  });
  return { fingerprint: parts.join('|'), empty: records === 0 };
}

export async function getBackupMark(db: KemasDatabase): Promise<BackupMark | null> {
  const row = await db.meta.get(MARK_KEY);
  const value = row?.value as Partial<BackupMark> | undefined;
  return typeof value?.at === 'number' && typeof value.fingerprint === 'string' ? { at: value.at, fingerprint: value.fingerprint } : null;
}

export async function setBackupMark(db: KemasDatabase, mark: BackupMark): Promise<void> {
  await db.meta.put({ key: MARK_KEY, value: mark });
}

/**
 * After a restore: when the mentor reviewing on this laptop is not in the restored data, the
 * person who made the backup reviews here (it was their studio). Returns whether it changed.
 */
export async function adoptBackupMentor(db: KemasDatabase, manifest: BundleManifest): Promise<boolean> {
  if (await getCurrentMentor(db)) return false;
  const mentor = await db.mentors.get(manifest.createdBy.id);
  if (!isLive(mentor)) return false;
  await setCurrentMentor(db, mentor.id);
  return true;
}

/**
 * Why the database would not open, as the recovery screen explains it. Only 'version' (made by a
 * newer app) and 'upgrade' (this app cannot upgrade it) are lasting: the rest may pass (another
 * window holds it, the disk is full, the browser failed for its own reasons) and never lead to
 * deleting anything.
 */
export type OpenFailure = 'version' | 'upgrade' | 'locked' | 'quota' | 'other';

/** Failures that may pass by themselves: the screen offers to try again and to restart, never a restore. */
export const TRANSIENT_FAILURES: readonly OpenFailure[] = ['locked', 'quota', 'other'];

/** The failure kind of an error from opening the database (Dexie wraps the browser's in `inner`). */
export function openFailureOf(error: unknown): OpenFailure {
  const names: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { inner?: unknown }).inner, depth += 1) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
  }
  if (names.includes('VersionError')) return 'version';
  if (names.includes('UpgradeError')) return 'upgrade';
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.some((n) => n === 'BlockedError' || n === 'InvalidStateError' || n === 'TimeoutError')) return 'locked';
  return 'other';
}

/**
 * Opens the studio database now (Dexie opens lazily otherwise) and says why it cannot. Dexie
 * opens a database a newer app made (it sidesteps the VersionError) and would let this older code
 * read data shaped for a newer schema: that counts as a failure here too.
 */
export async function openStudioDatabase(
  name: string = DATABASE_NAME,
): Promise<{ ok: true; db: KemasDatabase } | { ok: false; failure: OpenFailure; detail: string }> {
  const db = openDatabase(name);
  const declared = db.verno;
  try {
    await db.open();
  } catch (error) {
    db.close();
    return { ok: false, failure: openFailureOf(error), detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  // Native versions are Dexie versions × 10 (+1 for Dexie's own schema patches).
  const installed = Math.floor(db.backendDB().version / 10);
  if (installed > declared) {
    db.close();
    return { ok: false, failure: 'version', detail: `VersionError: the stored database is version ${installed}, this app knows up to ${declared}` };
  }
  return { ok: true, db };
}

/**
 * Deletes the stored database (it could not be opened) and opens a new, empty one. Only the
 * recovery screen calls it, and only after the raw copy (`runRescueExport`) is in the backup folder.
 */
export async function recreateStudioDatabase(name: string = DATABASE_NAME): Promise<KemasDatabase> {
  await Dexie.delete(name);
  const db = openDatabase(name);
  await db.open();
  return db;
}
