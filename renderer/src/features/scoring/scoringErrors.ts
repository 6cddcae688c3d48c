import type { TFunction } from 'i18next';
import { ReviewStateError } from '../../data/reviewsRepo.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';

/** A translated sentence for a refused or failed review edit. */
export function scoringErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ReviewStateError) return t(`scoring.errors.${error.problem}`);
  return saveErrorMessage(error, t);
}
