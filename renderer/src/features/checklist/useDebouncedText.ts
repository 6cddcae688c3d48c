import { useEffect, useRef, useState } from 'react';

/** Saves typing shortly after it pauses (well within the half-second autosave promise). */
export const TEXT_SAVE_DELAY_MS = 300;

/**
 * A text field's local value, saved `TEXT_SAVE_DELAY_MS` after typing pauses,
 * at once on blur, and on unmount, so nothing typed is lost. A stored value
 * changed from outside (undo, another tab) replaces the text unless the user
 * is mid-edit.
 */
export function useDebouncedText(stored: string, save: (text: string) => void) {
  const [text, setText] = useState(stored);
  const [seen, setSeen] = useState(stored);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const storedRef = useRef(stored);
  storedRef.current = stored;

  if (stored !== seen) {
    setSeen(stored);
    if (pending.current === null) setText(stored);
  }

  const flush = useRef(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    pending.current = null;
    if (value !== null && value !== storedRef.current) saveRef.current(value);
  }).current;

  useEffect(() => flush, [flush]);

  const change = (value: string) => {
    setText(value);
    pending.current = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
  };
  return { text, change, flush };
}
