import { useEffect, useLayoutEffect, useRef, useState, type Dispatch, type ReactNode } from 'react';
import type { PaneKey, PaneViewAction } from '#shared/compare/paneViews.ts';
import type { Size, View } from '#shared/compare/viewTransform.ts';
import { CompareCanvas, type CompareLayer } from '../../canvas/compareView.ts';
import styles from './compare.module.css';

/** Arrow keys move the focused pane by this many screen pixels (Shift: four times). */
const KEY_PAN = 40;
const WHEEL_BASE = 0.998;

interface Props {
  pane: PaneKey;
  view: View | null;
  /** Null while the images load. */
  layers: readonly CompareLayer[] | null;
  /** What the pane shows, for screen readers. */
  label: string;
  dispatch: Dispatch<PaneViewAction>;
  /** Shown over the pane instead of an image: loading, or a face that could not be read. */
  message?: string | null;
  /** Drawn over the pane but outside its image role, e.g. the swipe divider. */
  children?: ReactNode;
}

/**
 * One compare pane: a canvas that fills its box, dragged to pan, wheel to
 * zoom around the pointer, arrow keys to pan while focused. The view itself
 * lives in the screen (shared/compare/paneViews.ts) so that a lock can move both.
 */
export function ComparePane({ pane, view, layers, label, dispatch, message = null, children }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const canvasElement = useRef<HTMLCanvasElement>(null);
  const painter = useRef<{ canvas: CompareCanvas; size: Size | null } | null>(null);
  const viewRef = useRef(view);
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    viewRef.current = view;
  });

  // Measure the stage; the view reducer fits or re-centres on a change of size (a fitted pane only
  // past FIT_SLACK, shared/compare/paneViews.ts). The observer's reports are read once per frame:
  // a box that moves and moves back while the layout settles is never seen.
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    let frame: number | null = null;
    const measure = () => {
      frame = null;
      const next = { width: element.clientWidth, height: element.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      setSize((current) => (current?.width === next.width && current.height === next.height ? current : next));
      dispatch({ type: 'resize', pane, size: next });
    };
    measure();
    const observer = new ResizeObserver(() => {
      frame ??= requestAnimationFrame(measure);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [dispatch, pane]);

  // Drawn in the same commit as the labels and sliders, so what is said and what is shown agree.
  useLayoutEffect(() => {
    const element = canvasElement.current;
    const target = surface.current;
    if (!element || !target || !size || !view) return;
    painter.current ??= { canvas: new CompareCanvas(element), size: null };
    const current = painter.current;
    if (current.size !== size) {
      current.canvas.resize(size);
      current.size = size;
    }
    current.canvas.draw(view, layers ?? []);
    if (layers) target.dataset.drawn = 'true';
    else delete target.dataset.drawn;
  }, [view, layers, size]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const element = surface.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const current = viewRef.current;
      if (!current) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = WHEEL_BASE ** (event.deltaY * (event.ctrlKey ? 4 : 1));
      dispatch({ type: 'zoom-at', pane, zoom: current.zoom * factor, around: { x: event.clientX - box.left, y: event.clientY - box.top } });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [dispatch, pane]);

  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  return (
    <div ref={stage} className={styles.compareStage} data-pane={pane}>
      <div
        ref={surface}
        className={styles.compareSurface}
        role="img"
        aria-label={label}
        tabIndex={0}
        onPointerDown={(event) => {
          if (event.button !== 0 && event.button !== 1) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
          event.currentTarget.setAttribute('data-dragging', '');
        }}
        onPointerMove={(event) => {
          const from = drag.current;
          if (!from || from.id !== event.pointerId) return;
          drag.current = { id: from.id, x: event.clientX, y: event.clientY };
          dispatch({ type: 'pan', pane, dx: event.clientX - from.x, dy: event.clientY - from.y });
        }}
        onPointerUp={(event) => {
          drag.current = null;
          event.currentTarget.removeAttribute('data-dragging');
        }}
        onPointerCancel={(event) => {
          drag.current = null;
          event.currentTarget.removeAttribute('data-dragging');
        }}
        onKeyDown={(event) => {
          const step = event.shiftKey ? KEY_PAN * 4 : KEY_PAN;
          const moves: Record<string, [number, number]> = {
            ArrowLeft: [step, 0],
            ArrowRight: [-step, 0],
            ArrowUp: [0, step],
            ArrowDown: [0, -step],
          };
          const move = moves[event.key];
          if (!move || event.ctrlKey || event.metaKey || event.altKey) return;
          event.preventDefault();
          dispatch({ type: 'pan', pane, dx: move[0], dy: move[1] });
        }}
      >
        <canvas ref={canvasElement} />
      </div>
      {message ? <p className={styles.compareMessage}>{message}</p> : null}
      {children}
    </div>
  );
}
