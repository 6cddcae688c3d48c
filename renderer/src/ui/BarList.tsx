import { useFormat } from '../i18n/format.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The bar's fill (a CSS class); the accent colour when absent. */
  className?: string;
}

const ROW = 26;
const LABEL_WIDTH = 130;
const BAR_WIDTH = 330;
const NUMBER_WIDTH = 70;

/**
 * Counts as labelled horizontal bars to one scale, each with its number. `label`
 * names the whole chart for screen readers and should say the numbers too (or a
 * table beside it does).
 */
export function BarList({ bars, label, className }: { bars: readonly Bar[]; label: string; className?: string }) {
  const format = useFormat();
  const widest = Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH;
  return (
    <figure className={className ? `chart ${className}` : 'chart'}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${bars.length * ROW + 4}`} width="100%" style={{ maxWidth: width }}>
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const length = (bar.value / widest) * BAR_WIDTH;
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="chart-label">
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(length, bar.value > 0 ? 2 : 0)} height={18} rx={2} className={bar.className ?? 'bar-list-bar'} />
              <text x={LABEL_WIDTH + length + 6} y={y + 14} className="chart-value">
                {format.number(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
