import type { TFunction } from 'i18next';
import { RecordNotFoundError } from '../data/records.ts';

/** True for a full disk, which IndexedDB often reports inside an AbortError (`inner`). */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  const inner = (error as { inner?: unknown }).inner;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}

/** A translated sentence for a failed save; the technical detail goes to the console. */
export function saveErrorMessage(error: unknown, t: TFunction): string {
  console.error(error);
  if (isQuotaError(error)) return t('errors.storageFull');
  if (error instanceof RecordNotFoundError) return t('errors.notFound');
  return t('errors.saveFailed');
}
