import { useFormat } from '../../i18n/format.ts';
import styles from './sessions.module.css';

/**
 * A progress bar with its numbers beside it: a native <progress> for
 * assistive technology, labelled by the caller.
 */
export function ProgressBar({ value, max, label, text }: { value: number; max: number; label: string; text: string }) {
  const format = useFormat();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className={styles.sessionProgress}>
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
      <span>
        {text} <span className="muted">({percent.format(max > 0 ? value / max : 0)})</span>
      </span>
    </div>
  );
}
