import styles from './scoring.module.css';
import { cx } from '../../ui/cx.ts';
/** One bar: a label and a value on 0–100, or null when there is nothing to draw yet. */
export interface ScoreBar {
  key: string;
  label: string;
  value: number | null;
  /** Drawn stronger, e.g. the overall score under the group subtotals. */
  emphasis?: boolean;
}

const ROW = 22;
const WIDTH = 320;
const LABEL_WIDTH = 118;
const VALUE_WIDTH = 42;
const TRACK = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/**
 * Horizontal bars on a 0–100 scale as plain SVG. The numbers are in the
 * accessible name (`label`), so a screen reader hears what the bars show.
 */
export function ScoreBars({ bars, label, format, none }: { bars: readonly ScoreBar[]; label: string; format: (value: number) => string; none: string }) {
  const height = bars.length * ROW;
  const clip = (text: string) => (text.length > 18 ? `${text.slice(0, 17)}…` : text);
  return (
    <svg className={styles.scoreBars} role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      {bars.map((bar, i) => {
        const y = i * ROW;
        const width = bar.value === null ? 0 : (Math.max(0, Math.min(100, bar.value)) / 100) * TRACK;
        return (
          <g key={bar.key} className={bar.emphasis ? cx('score-bar', styles.scoreBarEmphasis) : 'score-bar'}>
            <text x={0} y={y + ROW / 2} dominantBaseline="central" className={styles.scoreBarLabel}>
              {clip(bar.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={TRACK} height={ROW - 8} rx={3} className={styles.scoreBarTrack} />
            <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 8} rx={3} className={styles.scoreBarFill} />
            <text x={WIDTH} y={y + ROW / 2} dominantBaseline="central" textAnchor="end" className={styles.scoreBarValue}>
              {bar.value === null ? none : format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
