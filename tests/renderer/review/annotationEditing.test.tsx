import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseProvider } from '#renderer/src/data/DatabaseProvider.tsx';
import { listAnnotations } from '#renderer/src/data/annotationsRepo.ts';
import { openDatabase } from '#renderer/src/data/db.ts';
import { useAnnotationEditing } from '#renderer/src/features/review/useAnnotationEditing.ts';

let counter = 0;

function setUp(onError: (error: unknown) => void = (e) => { throw e; }) {
  const db = openDatabase(`annotation-editing-${++counter}`);
  const wrapper = ({ children }: { children: ReactNode }) => <DatabaseProvider db={db}>{children}</DatabaseProvider>;
  const { result } = renderHook(
    () => useAnnotationEditing({ submissionId: 'sub-1', mentorId: 'mentor-1', faceOrder: () => 0, onError }),
    { wrapper },
  );
  return { db, editing: () => result.current };
}

describe('annotation edits made in quick succession (a slow laptop, before the screen has caught up)', () => {
  it('keeps every change: severity, comment and link asked for one after another all end up stored', async () => {
    const { db, editing } = setUp();
    const pin = (await act(() => editing().create('face-1', { kind: 'pin', at: { x: 10, y: 20 } })))!;
    // The screen has not re-rendered between these: each edit is asked of the same hook state.
    const actions = editing();
    await act(async () => {
      await Promise.all([
        actions.update(pin.id, { severity: 'must-fix' }),
        actions.update(pin.id, { comment: 'Nomor P-IRT belum dicantumkan' }),
        actions.update(pin.id, { link: { to: 'checklist', item: 'registration-number' } }),
      ]);
    });
    const [stored] = await listAnnotations(db, 'sub-1');
    expect(stored).toMatchObject({
      severity: 'must-fix',
      comment: 'Nomor P-IRT belum dicantumkan',
      link: { to: 'checklist', item: 'registration-number' },
    });
  });

  it('numbers two marks made before the list is read back 1 and 2, and undoes the last edit only', async () => {
    const { db, editing } = setUp();
    const actions = editing();
    const [first, second] = await act(() =>
      Promise.all([actions.create('face-1', { kind: 'pin', at: { x: 1, y: 1 } }), actions.create('face-1', { kind: 'pin', at: { x: 2, y: 2 } })]),
    );
    expect([first?.number, second?.number]).toEqual([1, 2]);
    await act(() => editing().update(second!.id, { comment: 'Perbesar logo' }));
    await act(() => editing().undo());
    const stored = await listAnnotations(db, 'sub-1');
    expect(stored.map((a) => [a.number, a.comment])).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });
});

describe('a mark that cannot be stored', () => {
  it('is not made: the mentor is told, create answers nothing, and nothing is stored or undoable', async () => {
    const errors: unknown[] = [];
    const { db, editing } = setUp((error) => errors.push(error));
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(db.annotations, 'bulkPut').mockRejectedValueOnce(full);
    const made = await act(() => editing().create('face-1', { kind: 'pin', at: { x: 10, y: 20 } }));
    expect(made).toBeNull();
    expect(errors).toHaveLength(1);
    expect(await listAnnotations(db, 'sub-1')).toEqual([]);
    expect(editing().canUndo).toBe(false);
    put.mockRestore();
    // Once there is room, the same gesture makes mark 1.
    const again = await act(() => editing().create('face-1', { kind: 'pin', at: { x: 10, y: 20 } }));
    expect(again?.number).toBe(1);
  });
});
