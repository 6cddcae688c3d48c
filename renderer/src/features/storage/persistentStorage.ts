/*
 * Persistent storage: until the browser grants it, Chromium keeps the studio's IndexedDB "best
 * effort" and may evict it when the disk runs low, which would lose the only copy of a mentor's
 * work. The studio asks at start (first run included) until it is granted; the answer and the
 * room left are shown in Pengaturan and on the Cadangan screen.
 */

/** The parts of `navigator.storage` the studio uses (absent in old or locked-down browsers). */
export type StorageManagerLike = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

export interface StorageState {
  /** null: the browser does not say. */
  persisted: boolean | null;
  /** Bytes the origin uses and may use; null when the browser does not say. */
  usage: number | null;
  quota: number | null;
}

const defaultStorage = (): StorageManagerLike | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);

export async function readStorageState(storage: StorageManagerLike | undefined = defaultStorage()): Promise<StorageState> {
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => null),
    storage.estimate().catch(() => null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/**
 * Asks for persistent storage unless it is granted already. Resolves the answer: true granted,
 * false refused, null when the browser cannot say. Never throws: the studio works either way.
 */
export async function askPersistentStorage(storage: StorageManagerLike | undefined = defaultStorage()): Promise<boolean | null> {
  if (!storage) return null;
  try {
    if (await storage.persisted()) return true;
    const granted = await storage.persist();
    performance.mark('kemas:storage-persist-asked');
    return granted;
  } catch {
    return null;
  }
}
