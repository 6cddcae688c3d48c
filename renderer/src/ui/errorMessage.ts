import type { TFunction } from 'i18next';
import { RecordNotFoundError } from '../data/records.ts';

/**
 * True for a full disk. IndexedDB reports it as a `QuotaExceededError`
 * DOMException, often inside an AbortError (`inner`, Dexie's wrapping of the
 * transaction's error), and Dexie's bulk and modify errors carry it among
 * their `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, inner, failures } = error as { name?: unknown; inner?: unknown; failures?: unknown };
  if (name === 'QuotaExceededError') return true;
  if (inner !== undefined && inner !== error && isQuotaError(inner, depth + 1)) return true;
  return Array.isArray(failures) && failures.some((failure) => isQuotaError(failure, depth + 1));
}

/** A translated sentence for a failed save; the technical detail goes to the console. */
export function saveErrorMessage(error: unknown, t: TFunction): string {
  console.error(error);
  if (isQuotaError(error)) return t('errors.storageFull');
  if (error instanceof RecordNotFoundError) return t('errors.notFound');
  return t('errors.saveFailed');
}
