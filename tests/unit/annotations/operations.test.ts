import { describe, expect, it } from 'vitest';
import {
  createAnnotation,
  deleteAnnotation,
  nextNumber,
  renumber,
  restampPatches,
  updateAnnotation,
} from '#shared/annotations/operations.ts';
import type { AnnotationPatch } from '#shared/annotations/history.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import { made, T0 } from './fixtures.ts';

const SARI = 'mentor-sari';
const BUDI = 'mentor-budi';

/** Applies patches to a list the way the data layer would. */
function applied(list: readonly Annotation[], patches: readonly AnnotationPatch[]): Annotation[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  for (const p of patches) if (p.after) byId.set(p.id, p.after);
  return [...byId.values()];
}

describe('creating', () => {
  it('fills in the defaults and stamps who and when', () => {
    const { annotation, patch } = createAnnotation(
      { id: 'a1', assetId: 'front', submissionId: 'sub-1', mentorId: SARI, shape: { kind: 'pin', at: { x: 5, y: 6 } } },
      [],
      T0,
    );
    expect(annotation).toEqual({
      id: 'a1',
      createdAt: T0,
      updatedAt: T0,
      updatedBy: SARI,
      deletedAt: null,
      revisions: {},
      authorKeyId: null,
      assetId: 'front',
      submissionId: 'sub-1',
      mentorId: SARI,
      number: 1,
      shape: { kind: 'pin', at: { x: 5, y: 6 } },
      category: 'other',
      severity: 'suggestion',
      comment: '',
      link: null,
    });
    expect(patch).toEqual({ id: 'a1', before: null, after: annotation });
  });

  it('numbers on from the mentor’s highest live number on the whole submission', () => {
    const one = made([]);
    const two = made([one], { assetId: 'back' });
    expect(two.number).toBe(2);
    const three = made([one, two], { category: 'legibility', severity: 'must-fix', comment: 'Kontras kurang.' });
    expect(three).toMatchObject({ number: 3, category: 'legibility', severity: 'must-fix', comment: 'Kontras kurang.' });
    // Another mentor, or another submission, starts at 1.
    expect(made([one, two, three], { mentorId: BUDI }).number).toBe(1);
    expect(made([one, two, three], { submissionId: 'sub-2' }).number).toBe(1);
    // A deleted annotation's number is free again.
    const deletedThree = deleteAnnotation(three, SARI, T0 + 1).annotation;
    expect(nextNumber([one, two, deletedThree], SARI, 'sub-1')).toBe(3);
  });

  it('refuses a shape that could not be stored', () => {
    expect(() => made([], { shape: { kind: 'pin', at: { x: Number.NaN, y: 0 } } })).toThrow();
  });
});

describe('editing', () => {
  it('changes only what was given and records who changed it', () => {
    const a = made([]);
    const { annotation, patch } = updateAnnotation(a, { comment: 'Perbesar logo.', category: 'brand' }, BUDI, T0 + 500);
    expect(annotation).toEqual({ ...a, comment: 'Perbesar logo.', category: 'brand', updatedAt: T0 + 500, updatedBy: BUDI });
    expect(patch).toEqual({ id: a.id, before: a, after: annotation });
  });

  it('an edit that changes nothing makes no patch (and no undo step)', () => {
    const a = made([], { comment: 'Sudah baik.' });
    const sameShape = JSON.parse(JSON.stringify(a.shape)) as Annotation['shape'];
    const edit = updateAnnotation(a, { comment: 'Sudah baik.', shape: sameShape, link: null, severity: undefined }, SARI, T0 + 1);
    expect(edit).toEqual({ annotation: a, patch: null });
    // Same geometry with keys in another order (as Fabric builds it) is still no change.
    const arrow = made([], { shape: { kind: 'arrow', from: { x: 1, y: 2 }, to: { x: 3, y: 4 } } });
    expect(updateAnnotation(arrow, { shape: { to: { y: 4, x: 3 }, from: { x: 1, y: 2 }, kind: 'arrow' } }, SARI, T0).patch).toBeNull();
  });

  it('links to a checklist item', () => {
    const a = made([]);
    const { annotation } = updateAnnotation(a, { link: { to: 'checklist', item: 'halal-logo' } }, SARI, T0 + 1);
    expect(annotation.link).toEqual({ to: 'checklist', item: 'halal-logo' });
  });

  it('refuses to edit a deleted annotation, and refuses invalid values', () => {
    const a = made([]);
    const gone = deleteAnnotation(a, SARI, T0 + 1).annotation;
    expect(() => updateAnnotation(gone, { comment: 'x' }, SARI, T0 + 2)).toThrow(/deleted/);
    expect(() => updateAnnotation(a, { comment: 'x'.repeat(4001) }, SARI, T0 + 2)).toThrow();
  });
});

describe('deleting', () => {
  it('leaves a tombstone that travels in bundles', () => {
    const a = made([]);
    const { annotation, patch } = deleteAnnotation(a, BUDI, T0 + 9);
    expect(annotation).toEqual({ ...a, deletedAt: T0 + 9, updatedAt: T0 + 9, updatedBy: BUDI });
    expect(patch).toEqual({ id: a.id, before: a, after: annotation });
    expect(deleteAnnotation(annotation, BUDI, T0 + 10)).toEqual({ annotation, patch: null });
  });
});

describe('renumbering', () => {
  const faces = ['front', 'back', 'left'];
  const faceOrder = (assetId: string) => faces.indexOf(assetId);

  it('numbers front before back, and top-to-bottom, left-to-right within a face', () => {
    let list: Annotation[] = [];
    const add = (assetId: string, x: number, y: number) => {
      const a = made(list, { assetId, shape: { kind: 'pin', at: { x, y } } });
      list = [...list, a];
      return a;
    };
    const backTop = add('back', 50, 10);
    const frontLow = add('front', 10, 900);
    const frontTopRight = add('front', 800, 100);
    const frontTopLeft = add('front', 100, 100);
    const patches = renumber(list, faceOrder, SARI, T0 + 5);
    const numbers = new Map(applied(list, patches).map((a) => [a.id, a.number]));
    expect(numbers.get(frontTopLeft.id)).toBe(1);
    expect(numbers.get(frontTopRight.id)).toBe(2);
    expect(numbers.get(frontLow.id)).toBe(3);
    expect(numbers.get(backTop.id)).toBe(4);
    for (const p of patches) expect(p.after).toMatchObject({ updatedAt: T0 + 5, updatedBy: SARI });
  });

  it('closes the gap left by a deletion, touching only what changes', () => {
    const one = made([], { shape: { kind: 'pin', at: { x: 0, y: 0 } } });
    const two = made([one], { shape: { kind: 'pin', at: { x: 0, y: 100 } } });
    const three = made([one, two], { shape: { kind: 'pin', at: { x: 0, y: 200 } } });
    const deletedTwo = deleteAnnotation(two, SARI, T0 + 1).annotation;
    const patches = renumber([one, deletedTwo, three], faceOrder, SARI, T0 + 2);
    expect(patches).toEqual([{ id: three.id, before: three, after: { ...three, number: 2, updatedAt: T0 + 2, updatedBy: SARI } }]);
    expect(renumber(applied([one, deletedTwo, three], patches), faceOrder, SARI, T0 + 3)).toEqual([]);
  });

  it('places each badge by its anchor: a rectangle by its top-left, an arrow by its tail', () => {
    const pin = made([], { shape: { kind: 'pin', at: { x: 0, y: 300 } } });
    const arrow = made([pin], { shape: { kind: 'arrow', from: { x: 500, y: 50 }, to: { x: 0, y: 800 } } });
    const rect = made([pin, arrow], { shape: { kind: 'rect', x: 600, y: 40, width: 400, height: 400 } });
    const result = applied([pin, arrow, rect], renumber([pin, arrow, rect], faceOrder, SARI, T0 + 1));
    expect(result.map((a) => a.number)).toEqual([3, 2, 1]);
  });

  it('numbers each mentor’s annotations on their own', () => {
    const sari = made([], { shape: { kind: 'pin', at: { x: 0, y: 500 } } });
    const budi1 = made([], { mentorId: BUDI, shape: { kind: 'pin', at: { x: 0, y: 300 } } });
    const budi2 = made([budi1], { mentorId: BUDI, shape: { kind: 'pin', at: { x: 0, y: 100 } } });
    const result = applied([sari, budi1, budi2], renumber([sari, budi1, budi2], faceOrder, SARI, T0 + 1));
    expect(result.map((a) => [a.mentorId, a.number])).toEqual([
      [SARI, 1],
      [BUDI, 2],
      [BUDI, 1],
    ]);
  });
});

describe('replaying undo and redo', () => {
  it('stamps restored content as a new edit, and undoing a creation leaves a tombstone', () => {
    const a = made([]);
    const edited = updateAnnotation(a, { comment: 'Perbesar.' }, SARI, T0 + 10).annotation;
    const [restore, uncreate] = restampPatches(
      [
        { id: a.id, before: edited, after: a },
        { id: a.id, before: a, after: null },
      ],
      BUDI,
      T0 + 20,
    );
    expect(restore!.after).toEqual({ ...a, updatedAt: T0 + 20, updatedBy: BUDI });
    expect(uncreate!.after).toEqual({ ...a, deletedAt: T0 + 20, updatedAt: T0 + 20, updatedBy: BUDI });
  });
});
