import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_SIDE_WIDTH, maxSideWidth, type SidePanel } from './sidePanelLayout.ts';
import styles from './workspace.module.css';

/**
 * The edge between canvas and side panel: drag it, or focus it and use the
 * arrows (Shift for bigger steps), Home and End; Enter hides the panel.
 */
export function SidePanelSplitter({ panel, controls }: { panel: SidePanel; controls: string }) {
  const { t } = useTranslation();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onKey = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 64 : 16;
    const next =
      event.key === 'ArrowLeft' ? panel.width + step
      : event.key === 'ArrowRight' ? panel.width - step
      : event.key === 'Home' ? maxSideWidth(window.innerWidth)
      : event.key === 'End' ? MIN_SIDE_WIDTH
      : null;
    if (next !== null) {
      event.preventDefault();
      event.stopPropagation();
      panel.setWidth(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      panel.toggle();
    }
  };
  const onDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: panel.width };
  };
  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // The panel is on the right: dragging left widens it.
    panel.setWidth(drag.current.width + drag.current.x - event.clientX);
  };
  const onUp = () => {
    drag.current = null;
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('workspace.resizeSide')}
      aria-controls={controls}
      aria-valuenow={panel.width}
      aria-valuemin={MIN_SIDE_WIDTH}
      aria-valuemax={maxSideWidth(window.innerWidth)}
      className={styles.sideSplitter}
      onKeyDown={onKey}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    />
  );
}
