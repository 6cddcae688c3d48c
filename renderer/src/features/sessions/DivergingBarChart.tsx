import { useResultFormats } from './numberFormats.ts';
import styles from './sessions.module.css';

export interface DivergingItem {
  key: string;
  label: string;
  value: number | null;
}

const ROW = 30;
const LABEL_WIDTH = 190;
const HALF = 220;
const VALUE_WIDTH = 70;

/**
 * Bars left or right of zero (e.g. a mentor's leniency, a participant's
 * change between versions), to one symmetric scale; the numbers are written
 * beside the bars and said in the label.
 */
export function DivergingBarChart({
  items,
  label,
  negativeCaption,
  positiveCaption,
}: {
  items: readonly DivergingItem[];
  /** The chart's accessible name; should carry the numbers (the caller formats them). */
  label: string;
  negativeCaption: string;
  positiveCaption: string;
}) {
  const formats = useResultFormats();
  const widest = Math.max(1, ...items.map((i) => Math.abs(i.value ?? 0)));
  // Room for a value beside the longest bar on either side.
  const zero = LABEL_WIDTH + VALUE_WIDTH + HALF;
  const height = items.length * ROW + 30;
  const width = LABEL_WIDTH + 2 * (HALF + VALUE_WIDTH);
  return (
    <figure className="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        <text x={zero - 6} y={12} textAnchor="end" className={styles.chartCaption}>
          {`← ${negativeCaption}`}
        </text>
        <text x={zero + 6} y={12} className={styles.chartCaption}>
          {`${positiveCaption} →`}
        </text>
        {items.map((item, i) => {
          const y = 22 + i * ROW;
          const v = item.value ?? 0;
          const w = (Math.abs(v) / widest) * HALF;
          return (
            <g key={item.key}>
              <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="chart-label">
                {item.label}
              </text>
              {item.value !== null ? (
                <rect x={v < 0 ? zero - w : zero} y={y} width={Math.max(w, 1)} height={18} className={v < 0 ? styles.barNegative : styles.barPositive} />
              ) : null}
              <text x={v < 0 ? zero - w - 6 : zero + w + 6} y={y + 14} textAnchor={v < 0 ? 'end' : 'start'} className="chart-value">
                {formats.signed(item.value)}
              </text>
            </g>
          );
        })}
        <line x1={zero} x2={zero} y1={18} y2={height - 4} className={styles.chartAxis} />
      </svg>
    </figure>
  );
}
