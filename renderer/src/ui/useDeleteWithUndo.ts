import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorMessage } from './errorMessage.ts';
import { useToast } from './Toasts.tsx';

/** One deletion that can be taken back: how to do it, how to undo it, and what to say. */
export interface UndoableDeletion {
  remove(): Promise<void>;
  restore(): Promise<void>;
  /** Said after the deletion, beside the Undo button. */
  deleted: string;
  /** Said after Undo. */
  restored: string;
  /** Runs once the deletion is saved (e.g. leave the deleted record's screen). */
  then?: () => void;
  /** Translates a failure; the generic save message when not given. */
  errorMessage?: (error: unknown) => string;
}

/**
 * Deletion with an Undo toast, the studio's one way to delete: records are
 * tombstoned, so Undo brings them back as they were. A failure on either side
 * is shown as a translated error and nothing else changes.
 */
export function useDeleteWithUndo(): (deletion: UndoableDeletion) => Promise<void> {
  const { t } = useTranslation();
  const toast = useToast();
  return useCallback(
    async ({ remove, restore, deleted, restored, then, errorMessage }: UndoableDeletion) => {
      const fail = (error: unknown) => toast({ tone: 'error', message: errorMessage ? errorMessage(error) : saveErrorMessage(error, t) });
      try {
        await remove();
      } catch (error) {
        fail(error);
        return;
      }
      then?.();
      toast({
        message: deleted,
        undo: async () => {
          try {
            await restore();
            toast({ message: restored });
          } catch (error) {
            fail(error);
          }
        },
      });
    },
    [t, toast],
  );
}
