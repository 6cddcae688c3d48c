import type { Annotation } from '../domain/annotation.ts';

/**
 * One annotation's change: the record before and after. `before: null` is a
 * creation. Deletions are tombstones (`after.deletedAt` set), so `after: null`
 * only appears in the inverse of a creation, i.e. when undoing it.
 */
export interface AnnotationPatch {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
}

/**
 * Undo/redo as a stack of small patch groups (one group per user action),
 * never snapshots of the canvas.
 */
export interface History {
  /** Records one user action; an empty group is ignored. Drops whatever could have been redone. */
  push(patches: AnnotationPatch[]): void;
  /** The patches that undo the last action (apply them in order), or null when there is nothing to undo. */
  undo(): AnnotationPatch[] | null;
  /** The patches of the action just undone, to apply again, or null when there is nothing to redo. */
  redo(): AnnotationPatch[] | null;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
}

export const DEFAULT_HISTORY_LIMIT = 500;

/** The patch that takes `after` back to `before`. */
export function invertPatch(p: AnnotationPatch): AnnotationPatch {
  return { id: p.id, before: p.after, after: p.before };
}

/** `limit` is the number of actions kept; the oldest are forgotten first. */
export function createHistory(limit: number = DEFAULT_HISTORY_LIMIT): History {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`History limit must be a whole number ≥ 1, got ${limit}`);
  // done[0..cursor) can be undone; done[cursor..) can be redone.
  let done: AnnotationPatch[][] = [];
  let cursor = 0;
  return {
    push(patches) {
      if (patches.length === 0) return;
      done = done.slice(0, cursor);
      // A copy, so a caller reusing its array cannot rewrite history.
      done.push([...patches]);
      if (done.length > limit) done = done.slice(done.length - limit);
      cursor = done.length;
    },
    undo() {
      const group = done[cursor - 1];
      if (!group) return null;
      cursor -= 1;
      // Reverse order: the last change made is the first taken back.
      return group.map(invertPatch).reverse();
    },
    redo() {
      const group = done[cursor];
      if (!group) return null;
      cursor += 1;
      return [...group];
    },
    canUndo: () => cursor > 0,
    canRedo: () => cursor < done.length,
    clear() {
      done = [];
      cursor = 0;
    },
  };
}
