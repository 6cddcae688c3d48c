import { describe, expect, it } from 'vitest';
import { createHistory, invertPatch } from '#shared/annotations/history.ts';
import type { AnnotationPatch } from '#shared/annotations/history.ts';
import { deleteAnnotation, updateAnnotation } from '#shared/annotations/operations.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import { made, T0 } from './fixtures.ts';

/** A tiny store that applies patches the way the data layer does. */
function store() {
  const records = new Map<string, Annotation>();
  return {
    apply(patches: readonly AnnotationPatch[] | null) {
      for (const p of patches ?? []) {
        if (p.after) records.set(p.id, p.after);
        else records.delete(p.id);
      }
    },
    get: (id: string) => records.get(id),
    get size() {
      return records.size;
    },
  };
}

const created = (a: Annotation): AnnotationPatch => ({ id: a.id, before: null, after: a });

describe('undo and redo', () => {
  it('undoing a creation removes the annotation; redoing brings it back', () => {
    const history = createHistory();
    const db = store();
    const pin = made([]);
    db.apply([created(pin)]);
    history.push([created(pin)]);

    expect(history.canUndo()).toBe(true);
    expect(history.canRedo()).toBe(false);
    db.apply(history.undo());
    expect(db.size).toBe(0);
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(true);

    db.apply(history.redo());
    expect(db.get(pin.id)).toEqual(pin);
    expect(history.redo()).toBeNull();
  });

  it('undoes an edit and a deletion back to what the mentor had before', () => {
    const history = createHistory();
    const db = store();
    const pin = made([]);
    db.apply([created(pin)]);
    history.push([created(pin)]);

    const edit = updateAnnotation(pin, { comment: 'Nomor P-IRT belum dicantumkan.', severity: 'must-fix' }, 'mentor-sari', T0 + 1000);
    db.apply([edit.patch!]);
    history.push([edit.patch!]);
    const removal = deleteAnnotation(edit.annotation, 'mentor-sari', T0 + 2000);
    db.apply([removal.patch!]);
    history.push([removal.patch!]);
    expect(db.get(pin.id)!.deletedAt).toBe(T0 + 2000);

    db.apply(history.undo());
    expect(db.get(pin.id)).toEqual(edit.annotation);
    db.apply(history.undo());
    expect(db.get(pin.id)).toEqual(pin);
    db.apply(history.redo());
    db.apply(history.redo());
    expect(db.get(pin.id)).toEqual(removal.annotation);
  });

  it('undoes a group of changes as one action, last change first', () => {
    const a = made([]);
    const moved = updateAnnotation(a, { shape: { kind: 'pin', at: { x: 1, y: 1 } } }, 'mentor-sari', T0 + 1).annotation;
    const movedAgain = updateAnnotation(moved, { shape: { kind: 'pin', at: { x: 2, y: 2 } } }, 'mentor-sari', T0 + 2).annotation;
    const history = createHistory();
    history.push([
      { id: a.id, before: a, after: moved },
      { id: a.id, before: moved, after: movedAgain },
    ]);
    const undo = history.undo()!;
    expect(undo.map((p) => p.after)).toEqual([moved, a]);
    const db = store();
    db.apply([created(movedAgain)]);
    db.apply(undo);
    expect(db.get(a.id)).toEqual(a);
  });

  it('a new action after an undo drops what could have been redone', () => {
    const history = createHistory();
    const [a, b, c] = [made([]), made([]), made([])];
    history.push([created(a)]);
    history.push([created(b)]);
    history.undo();
    history.push([created(c)]);
    expect(history.canRedo()).toBe(false);
    expect(history.redo()).toBeNull();
    expect(history.undo()).toEqual([{ id: c.id, before: c, after: null }]);
    expect(history.undo()).toEqual([{ id: a.id, before: a, after: null }]);
    expect(history.undo()).toBeNull();
  });

  it('forgets the oldest actions beyond its limit', () => {
    const history = createHistory(3);
    const pins = [made([]), made([]), made([]), made([])];
    for (const p of pins) history.push([created(p)]);
    const undone: string[] = [];
    for (let patches = history.undo(); patches; patches = history.undo()) undone.push(patches[0]!.id);
    expect(undone).toEqual([pins[3]!.id, pins[2]!.id, pins[1]!.id]);
  });

  it('keeps 500 actions by default', () => {
    const history = createHistory();
    const pin = made([]);
    for (let i = 0; i < 501; i++) history.push([created(pin)]);
    let count = 0;
    while (history.undo()) count += 1;
    expect(count).toBe(500);
  });

  it('ignores an empty action, and clear forgets everything', () => {
    const history = createHistory();
    history.push([]);
    expect(history.canUndo()).toBe(false);
    history.push([created(made([]))]);
    history.undo();
    history.clear();
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
  });

  it('is not changed by the caller reusing its array', () => {
    const history = createHistory();
    const a = made([]);
    const patches = [created(a)];
    history.push(patches);
    patches.length = 0;
    expect(history.undo()).toHaveLength(1);
  });

  it('refuses a limit that keeps nothing', () => {
    expect(() => createHistory(0)).toThrow(RangeError);
  });
});

describe('invertPatch', () => {
  it('swaps before and after, and twice is the identity', () => {
    const a = made([]);
    const p = created(a);
    expect(invertPatch(p)).toEqual({ id: a.id, before: a, after: null });
    expect(invertPatch(invertPatch(p))).toEqual(p);
  });
});
