import { useCallback, useRef, useState } from 'react';
import type { Annotation } from '../../../../shared/domain/annotation.ts';
import { createHistory, type AnnotationPatch } from '../../../../shared/annotations/history.ts';
import {
  createAnnotation,
  deleteAnnotation,
  renumber,
  restampPatches,
  updateAnnotation,
  type AnnotationChanges,
} from '../../../../shared/annotations/operations.ts';
import type { AnnotationShape } from '../../../../shared/annotations/tools.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { saveAnnotations } from '../../data/annotationsRepo.ts';

type Changes = AnnotationChanges;

/**
 * Every annotation edit of one mentor on one submission: each is saved at
 * once and recorded as a small patch, so undo and redo replay patches, never
 * canvas snapshots.
 */
export function useAnnotationEditing(options: {
  submissionId: string;
  mentorId: string;
  all: readonly Annotation[];
  faceOrder: (assetId: string) => number;
  onError: (error: unknown) => void;
}) {
  const db = useDatabase();
  const history = useRef(createHistory());
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const { submissionId, mentorId, all, faceOrder, onError } = options;

  const write = useCallback(
    async (patches: readonly AnnotationPatch[], record: boolean) => {
      if (patches.length === 0) return;
      // Undo and redo are new edits for merging purposes: they carry the time they happened.
      const written = record ? patches : restampPatches(patches, mentorId, Date.now());
      try {
        await saveAnnotations(
          db,
          written.flatMap((p) => (p.after ? [p.after] : [])),
        );
        if (record) history.current.push([...patches]);
      } catch (error) {
        onError(error);
      }
      setCanUndo(history.current.canUndo());
      setCanRedo(history.current.canRedo());
    },
    [db, mentorId, onError],
  );

  const mine = all.filter((a) => a.mentorId === mentorId);
  const byId = (id: string) => all.find((a) => a.id === id);

  return {
    canUndo,
    canRedo,
    async create(assetId: string, shape: AnnotationShape, defaults?: Partial<Pick<Annotation, 'category' | 'severity' | 'comment'>>) {
      const { annotation, patch } = createAnnotation(
        { id: crypto.randomUUID(), assetId, submissionId, mentorId, shape, ...defaults },
        mine,
        Date.now(),
      );
      await write([patch], true);
      return annotation;
    },
    async update(id: string, changes: Changes) {
      const current = byId(id);
      if (!current) return;
      const { patch } = updateAnnotation(current, changes, mentorId, Date.now());
      if (patch) await write([patch], true);
    },
    async remove(id: string) {
      const current = byId(id);
      if (!current) return;
      const { patch } = deleteAnnotation(current, mentorId, Date.now());
      if (patch) await write([patch], true);
    },
    async renumber() {
      await write(renumber(mine, faceOrder, mentorId, Date.now()), true);
    },
    async undo() {
      const patches = history.current.undo();
      if (patches) await write(patches, false);
    },
    async redo() {
      const patches = history.current.redo();
      if (patches) await write(patches, false);
    },
  };
}
