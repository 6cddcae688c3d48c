import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import styles from './workspace.module.css';

/**
 * A small label on the canvas next to the cursor (a measure's length while it
 * is drawn) or pinned where something happened (the colour the eyedropper
 * took), so the answer shows where the mentor is looking. It follows the
 * pointer by moving itself: the screen does not re-render on every move.
 */
export function CursorReadout({ area, at, children }: { area: RefObject<HTMLElement | null>; at: 'cursor' | { x: number; y: number }; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = area.current;
    const place = (x: number, y: number) => {
      const label = box.current;
      if (!label || !element) return;
      // Beside the cursor, flipped to the other side near the right and bottom edges.
      const width = label.offsetWidth;
      const height = label.offsetHeight;
      const left = x + 16 + width > element.clientWidth ? x - 16 - width : x + 16;
      const top = y + 16 + height > element.clientHeight ? y - 16 - height : y + 16;
      label.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
    };
    if (at !== 'cursor') {
      place(at.x, at.y);
      return;
    }
    if (!element) return;
    const onMove = (event: PointerEvent) => {
      const rect = element.getBoundingClientRect();
      place(event.clientX - rect.left, event.clientY - rect.top);
    };
    const last = lastPointer.get(element);
    if (last) place(last.x, last.y);
    element.addEventListener('pointermove', onMove);
    return () => element.removeEventListener('pointermove', onMove);
  }, [area, at]);
  return (
    <div ref={box} className={styles.cursorReadout} data-testid="cursor-readout">
      {children}
    </div>
  );
}

const lastPointer = new WeakMap<HTMLElement, { x: number; y: number }>();

/** Keeps where the pointer last was over `element` (in its own coordinates), for a readout that appears later. */
export function trackPointer(element: HTMLElement): () => void {
  const onMove = (event: PointerEvent) => {
    const rect = element.getBoundingClientRect();
    lastPointer.set(element, { x: event.clientX - rect.left, y: event.clientY - rect.top });
  };
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerdown', onMove);
  return () => {
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerdown', onMove);
  };
}

/** Where the pointer last was over `element`, if it has been there. */
export function lastPointerIn(element: HTMLElement | null): { x: number; y: number } | null {
  return element ? (lastPointer.get(element) ?? null) : null;
}
