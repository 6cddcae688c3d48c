/**
 * Undo and redo for the rubric editor. Each entry is a whole rubric content,
 * but edits are structure-sharing (see shared/scoring/rubricRules.ts), so an
 * entry costs only the path it changed. Typing in one field is one step: edits
 * with the same key within COALESCE_MS replace the newest entry instead of
 * adding one.
 */
export interface Undoable<T> {
  present: T;
  past: readonly T[];
  future: readonly T[];
  /** Key and time of the newest recorded edit, for coalescing; null after undo or redo. */
  lastKey: string | null;
  lastAt: number;
}

export const COALESCE_MS = 1500;
export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): Undoable<T> {
  return { present, past: [], future: [], lastKey: null, lastAt: 0 };
}

/** Records `next` as the newest state; a null key never coalesces. Clears what could be redone. */
export function recordEdit<T>(h: Undoable<T>, next: T, key: string | null, now: number, limit: number = HISTORY_LIMIT): Undoable<T> {
  if (next === h.present) return h;
  const coalesce = key !== null && key === h.lastKey && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-limit);
  return { present: next, past, future: [], lastKey: key, lastAt: now };
}

export function undoEdit<T>(h: Undoable<T>): Undoable<T> {
  const previous = h.past[h.past.length - 1];
  if (h.past.length === 0) return h;
  return { present: previous as T, past: h.past.slice(0, -1), future: [h.present, ...h.future], lastKey: null, lastAt: 0 };
}

export function redoEdit<T>(h: Undoable<T>): Undoable<T> {
  if (h.future.length === 0) return h;
  const [next, ...rest] = h.future;
  return { present: next as T, past: [...h.past, h.present], future: rest, lastKey: null, lastAt: 0 };
}
