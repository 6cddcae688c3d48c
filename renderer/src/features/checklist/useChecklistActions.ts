import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistEntry, LabelItem, LabelItemStatus } from '#shared/scoring/labelCheck.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import {
  linkAnnotation,
  markNotApplicable,
  restoreItems,
  setItemNote,
  setItemStatus,
  setRegistrationOnLabel,
  unlinkAnnotation,
  type ChecklistKey,
} from '../../data/labelChecklistsRepo.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';

/** The panel's edits, each saved at once; a failed save says why in a toast and loses nothing else. */
export function useChecklistActions({ submissionId, mentorId }: ChecklistKey) {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      try {
        await work();
        return true;
      } catch (error) {
        toast({ tone: 'error', message: saveErrorMessage(error, t) });
        return false;
      }
    },
    [toast, t],
  );
  return useMemo(() => {
    const key = { submissionId, mentorId };
    return {
      setStatus: (item: LabelItem, status: LabelItemStatus) => run(() => setItemStatus(db, key, item, status)),
      setNote: (item: LabelItem, note: string) => run(() => setItemNote(db, key, item, note)),
      link: (item: LabelItem, annotationId: string | null) =>
        run(() => (annotationId ? linkAnnotation(db, key, item, annotationId) : unlinkAnnotation(db, key, item))),
      setOnLabel: (written: string) => run(() => setRegistrationOnLabel(db, key, written)),
      markNotApplicable: (items: readonly LabelItem[]) => run(() => markNotApplicable(db, key, items)),
      restore: (before: Partial<Record<LabelItem, ChecklistEntry | null>>) => run(() => restoreItems(db, key, before)),
    };
  }, [db, submissionId, mentorId, run]);
}

export type ChecklistActions = ReturnType<typeof useChecklistActions>;
