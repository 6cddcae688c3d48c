import { describe, expect, it } from 'vitest';
import { COALESCE_MS, recordEdit, redoEdit, startHistory, undoEdit } from '#renderer/src/features/rubrics/draftHistory.ts';

describe('rubric editor history', () => {
  it('undoes typing in one field as one step, but separate fields and pauses as separate steps', () => {
    let h = startHistory('');
    h = recordEdit(h, 'K', 'name', 0);
    h = recordEdit(h, 'Ku', 'name', 100);
    h = recordEdit(h, 'Kua', 'name', 200);
    h = recordEdit(h, 'Kua!', 'weight', 300);
    h = recordEdit(h, 'Kua!?', 'weight', 300 + COALESCE_MS + 1);
    expect(h.past).toEqual(['', 'Kua', 'Kua!']);
    h = undoEdit(h);
    expect(h.present).toBe('Kua!');
    h = undoEdit(h);
    expect(h.present).toBe('Kua');
    h = undoEdit(h);
    expect(h.present).toBe('');
    expect(undoEdit(h)).toBe(h);
  });

  it('redoes what was undone until a new edit, which drops the redo branch', () => {
    let h = startHistory(1);
    h = recordEdit(h, 2, null, 0);
    h = recordEdit(h, 3, null, 0);
    h = undoEdit(undoEdit(h));
    expect(h.present).toBe(1);
    h = redoEdit(h);
    expect(h.present).toBe(2);
    h = recordEdit(h, 5, null, 0);
    expect(h.future).toEqual([]);
    expect(redoEdit(h)).toBe(h);
  });

  it('never coalesces right after an undo, so the undone step is not overwritten', () => {
    let h = startHistory('a');
    h = recordEdit(h, 'ab', 'f', 0);
    h = undoEdit(h);
    h = recordEdit(h, 'ac', 'f', 10);
    expect(h.past).toEqual(['a']);
    expect(undoEdit(h).present).toBe('a');
  });

  it('keeps at most the limit of steps, forgetting the oldest', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 10; i += 1) h = recordEdit(h, i, null, 0, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });
});
