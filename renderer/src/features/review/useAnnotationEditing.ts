import { useCallback, useRef, useState } from 'react';
import type { Annotation } from '#shared/domain/annotation.ts';
import { createHistory, type AnnotationPatch } from '#shared/annotations/history.ts';
import {
  createAnnotation,
  deleteAnnotation,
  renumber,
  restampPatches,
  updateAnnotation,
  type AnnotationChanges,
} from '#shared/annotations/operations.ts';
import type { AnnotationShape } from '#shared/annotations/tools.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { listAllAnnotations, saveAnnotations } from '../../data/annotationsRepo.ts';

type Changes = AnnotationChanges;

/**
 * Every annotation edit of one mentor on one submission: each is saved at
 * once and recorded as a small patch, so undo and redo replay patches, never
 * canvas snapshots.
 *
 * Edits run one after another, and each starts from the record as stored, not
 * from what the screen last showed: a severity click, a comment saved on blur
 * and a link chosen in quick succession on a slow laptop would otherwise each
 * be computed from the same old record, and the last write would undo the
 * others.
 */
export function useAnnotationEditing(options: {
  submissionId: string;
  mentorId: string;
  faceOrder: (assetId: string) => number;
  onError: (error: unknown) => void;
}) {
  const db = useDatabase();
  const history = useRef(createHistory());
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const { submissionId, mentorId, faceOrder, onError } = options;
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /** Runs `job` after every edit asked for before it has been written. */
  const inTurn = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const write = useCallback(
    /** Stores the patches; false when they could not be stored (the mentor has been told through `onError`). */
    async (patches: readonly AnnotationPatch[], record: boolean): Promise<boolean> => {
      if (patches.length === 0) return true;
      let saved = false;
      // Undo and redo are new edits for merging purposes: they carry the time they happened.
      const written = record ? patches : restampPatches(patches, mentorId, Date.now());
      try {
        await saveAnnotations(
          db,
          written.flatMap((p) => (p.after ? [p.after] : [])),
        );
        if (record) history.current.push([...patches]);
        saved = true;
      } catch (error) {
        onError(error);
      }
      setCanUndo(history.current.canUndo());
      setCanRedo(history.current.canRedo());
      return saved;
    },
    [db, mentorId, onError],
  );

  /** This mentor's annotations of the submission as stored now, tombstones included (numbering needs them). */
  const mine = async () => (await listAllAnnotations(db, submissionId)).filter((a) => a.mentorId === mentorId);
  const stored = (id: string) => db.annotations.get(id);

  return {
    canUndo,
    canRedo,
    create(assetId: string, shape: AnnotationShape, defaults?: Partial<Pick<Annotation, 'category' | 'severity' | 'comment'>>) {
      return inTurn(async () => {
        const { annotation, patch } = createAnnotation(
          { id: crypto.randomUUID(), assetId, submissionId, mentorId, shape, ...defaults },
          await mine(),
          Date.now(),
        );
        // A mark that could not be stored is not made: nothing may show what is not stored.
        return (await write([patch], true)) ? annotation : null;
      });
    },
    /** `changes` may be worked out from the record as stored when the edit's turn comes (a step of a move from the keyboard). */
    update(id: string, changes: Changes | ((current: Annotation) => Changes | null)) {
      return inTurn(async () => {
        const current = await stored(id);
        if (!current) return;
        const wanted = typeof changes === 'function' ? changes(current) : changes;
        if (!wanted) return;
        const { patch } = updateAnnotation(current, wanted, mentorId, Date.now());
        if (patch) await write([patch], true);
      });
    },
    remove(id: string) {
      return inTurn(async () => {
        const current = await stored(id);
        if (!current) return;
        const { patch } = deleteAnnotation(current, mentorId, Date.now());
        if (patch) await write([patch], true);
      });
    },
    renumber() {
      return inTurn(async () => write(renumber(await mine(), faceOrder, mentorId, Date.now()), true));
    },
    undo() {
      return inTurn(async () => {
        const patches = history.current.undo();
        if (patches) await write(patches, false);
      });
    },
    redo() {
      return inTurn(async () => {
        const patches = history.current.redo();
        if (patches) await write(patches, false);
      });
    },
  };
}
