import { useEffect, useRef } from 'react';
import type { Point } from '#shared/annotations/tools.ts';
import type { FabricView } from '../../canvas/fabricView.ts';
import styles from '../workspace/workspace.module.css';

/**
 * Keeps an element laid over the canvas on an image point as the view zooms
 * and pans: it moves itself on every frame, without a React render.
 */
export function useOnImagePoint(view: FabricView | null, point: Point | null, place: (element: HTMLElement, at: Point, zoom: number) => void) {
  const element = useRef<HTMLDivElement & HTMLTextAreaElement>(null);
  const placeRef = useRef(place);
  useEffect(() => {
    placeRef.current = place;
  });
  const x = point?.x;
  const y = point?.y;
  useEffect(() => {
    if (!view || x === undefined || y === undefined) return;
    const update = () => {
      if (element.current) placeRef.current(element.current, view.toScreen({ x, y }), view.getZoom());
    };
    update();
    return view.onFrame(update);
  }, [view, x, y]);
  return element;
}

/** The keyboard cursor: a crosshair at `at` (image pixels), and the first end of a mark under way. */
export function KeyboardCursor({ view, at, anchor, label }: { view: FabricView | null; at: Point; anchor: Point | null; label: string }) {
  const move = (element: HTMLElement, screen: Point) => {
    element.style.transform = `translate(${Math.round(screen.x)}px, ${Math.round(screen.y)}px)`;
  };
  const cross = useOnImagePoint(view, at, move);
  const start = useOnImagePoint(view, anchor, move);
  return (
    <>
      {anchor ? <div ref={start} className={styles.keyboardAnchor} aria-hidden="true" /> : null}
      <div ref={cross} className={styles.keyboardCursor} data-testid="keyboard-cursor" aria-hidden="true" title={label} />
    </>
  );
}
