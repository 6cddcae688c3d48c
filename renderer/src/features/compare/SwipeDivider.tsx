import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import styles from './compare.module.css';

interface Props {
  /** Where the divider stands, in percent of the pane's width from the left. */
  value: number;
  onChange: (value: number) => void;
  /** The names of the faces on each side, for screen readers. */
  left: string;
  right: string;
}

const clamp = (value: number) => Math.min(100, Math.max(0, Math.round(value * 10) / 10));

/**
 * The swipe's vertical divider: A to its left, B to its right. A slider in
 * the WAI-ARIA sense: focusable, arrow keys (Shift for big steps), Home/End,
 * and draggable with the pointer.
 */
export function SwipeDivider({ value, onChange, left, right }: Props) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const element = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);

  const fromPointer = (clientX: number) => {
    const box = element.current?.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) onChange(clamp(((clientX - box.left) / box.width) * 100));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 : 1;
    const next: Record<string, number> = {
      ArrowLeft: value - step,
      ArrowDown: value - step,
      ArrowRight: value + step,
      ArrowUp: value + step,
      PageDown: value - 10,
      PageUp: value + 10,
      Home: 0,
      End: 100,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onChange(clamp(Math.round(target)));
  };

  return (
    <div
      ref={element}
      className={styles.swipeDivider}
      style={{ left: `${value}%` }}
      role="slider"
      tabIndex={0}
      aria-label={t('compare.divider')}
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={t('compare.dividerValue', { percent, left, right })}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        dragging.current = event.pointerId;
        fromPointer(event.clientX);
      }}
      onPointerMove={(event) => {
        if (dragging.current === event.pointerId) fromPointer(event.clientX);
      }}
      onPointerUp={() => {
        dragging.current = null;
      }}
      onPointerCancel={() => {
        dragging.current = null;
      }}
    >
      <span className={styles.swipeGrip} aria-hidden="true">
        ‹›
      </span>
    </div>
  );
}
