import { useEffect, useRef, useState } from 'react';

/** Typing is saved this long after it pauses: within the half second autosave promise, without a write per key. */
export const TEXT_SAVE_DELAY_MS = 300;

/**
 * A text field's value that saves itself: shortly after typing pauses, on
 * blur, and when the field goes away. A change from outside (another tab,
 * undo) shows unless the mentor is in the middle of typing.
 */
export function useCoalescedText(stored: string, save: (text: string) => void) {
  const [value, setValue] = useState(stored);
  const [seen, setSeen] = useState(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  if (stored !== seen) {
    setSeen(stored);
    if (pending.current === null) setValue(stored);
  }

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    pending.current = null;
    if (text !== null && text !== stored) saveRef.current(text);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => () => flushRef.current(), []);

  return {
    value,
    type(text: string) {
      setValue(text);
      pending.current = text;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flushRef.current(), TEXT_SAVE_DELAY_MS);
    },
    flush,
  };
}
