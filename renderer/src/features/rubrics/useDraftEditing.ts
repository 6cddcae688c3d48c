import { useCallback, useEffect, useRef, useState } from 'react';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { RubricContent } from '#shared/scoring/rubricRules.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { saveDraft } from '../../data/rubricsRepo.ts';
import { recordEdit, redoEdit, startHistory, undoEdit, type Undoable } from './draftHistory.ts';

/** Typing is saved this long after it pauses, well within the half-second autosave promise. */
export const SAVE_DELAY_MS = 250;

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * The draft being edited: every change is applied at once on screen, recorded
 * for undo, and saved shortly after (no Save button). Pending changes are
 * saved at once when the editor closes or the page is hidden.
 */
export function useDraftEditing(rubric: Rubric, actor: string, onError: (error: unknown) => void) {
  const db = useDatabase();
  const [history, setHistory] = useState<Undoable<RubricContent>>(() => startHistory({ name: rubric.name, groups: rubric.groups }));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const historyRef = useRef(history);
  const pending = useRef<RubricContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const rubricId = rubric.id;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const content = pending.current;
    if (!content) return;
    pending.current = null;
    try {
      await saveDraft(db, rubricId, content, actor);
      if (!pending.current) setSaveState('saved');
    } catch (error) {
      setSaveState('failed');
      onErrorRef.current(error);
    }
  }, [db, rubricId, actor]);

  const commit = useCallback(
    (next: Undoable<RubricContent>) => {
      if (next === historyRef.current) return;
      const contentChanged = next.present !== historyRef.current.present;
      historyRef.current = next;
      setHistory(next);
      if (!contentChanged) return;
      pending.current = next.present;
      setSaveState('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  /**
   * Applies an edit. Edits with the same `key` in a quick run (typing in one
   * field) undo as one step; null always makes its own step.
   */
  const apply = useCallback(
    (change: (content: RubricContent) => RubricContent, key: string | null) => {
      const h = historyRef.current;
      commit(recordEdit(h, change(h.present), key, Date.now()));
    },
    [commit],
  );
  const undo = useCallback(() => commit(undoEdit(historyRef.current)), [commit]);
  const redo = useCallback(() => commit(redoEdit(historyRef.current)), [commit]);

  return {
    content: history.present,
    saveState,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    apply,
    undo,
    redo,
    /** Saves what is pending now (before publishing, say); resolves when it is stored. */
    flush,
  };
}
