import type { TFunction } from 'i18next';
import { RubricDraftExistsError, RubricStatusError } from '../../data/rubricsRepo.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';

/** A translated sentence for a failed rubric action. */
export function rubricErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof RubricStatusError) {
    console.error(error);
    return error.action === 'save'
      ? t('rubrics.statusError.save')
      : t('rubrics.statusError.other', { status: t(`rubrics.status.${error.status}`) });
  }
  if (error instanceof RubricDraftExistsError) {
    console.error(error);
    return t('rubrics.draftExists', { version: error.draft.version });
  }
  return saveErrorMessage(error, t);
}
