import { useTranslation } from 'react-i18next';
import { useResultFormats } from './numberFormats.ts';
import styles from './sessions.module.css';

export interface RankingBar {
  key: string;
  rank: number | null;
  label: string;
  mean: number;
  min: number | null;
  max: number | null;
  flagged: boolean;
}

const ROW = 28;
const LABEL_WIDTH = 320;
const BAR_WIDTH = 440;
const VALUE_WIDTH = 80;
/** Labels longer than this are cut with an ellipsis (the full text is in the table and the chart's label). */
const MAX_LABEL = 44;

const fit = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/**
 * Mean 0–100 per submission, best first, on a fixed 0–100 scale, with a
 * whisker from the lowest to the highest mentor's score; flagged submissions
 * are marked. Its label reads the ranking out.
 */
export function RankingChart({ bars, title }: { bars: readonly RankingBar[]; title: string }) {
  const { t } = useTranslation();
  const formats = useResultFormats();
  const x = (v: number) => LABEL_WIDTH + (Math.min(100, Math.max(0, v)) / 100) * BAR_WIDTH;
  const height = bars.length * ROW + 24;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const summary = bars
    .map((b) => t('sessions.results.rankingItem', { rank: formats.integer(b.rank), label: b.label, mean: formats.score(b.mean) }))
    .join('; ');
  return (
    <figure className="chart">
      <figcaption>
        {title} <span className={styles.chartNote}>{t('sessions.results.rankingLegend')}</span>
      </figcaption>
      <svg role="img" aria-label={t('sessions.results.rankingChartLabel', { title, summary })} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 18} className={styles.chartGrid} />
            <text x={x(tick)} y={height - 4} textAnchor="middle" className={styles.chartTick}>
              {tick}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          return (
            <g key={b.key}>
              <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="chart-label">
                {fit(`${formats.integer(b.rank)}. ${b.label}`)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={x(b.mean) - LABEL_WIDTH} height={18} className={b.flagged ? styles.barFlagged : styles.barScore} />
              {b.min !== null && b.max !== null && b.max > b.min ? (
                <g className={styles.chartWhisker}>
                  <line x1={x(b.min)} x2={x(b.max)} y1={y + 9} y2={y + 9} />
                  <line x1={x(b.min)} x2={x(b.min)} y1={y + 4} y2={y + 14} />
                  <line x1={x(b.max)} x2={x(b.max)} y1={y + 4} y2={y + 14} />
                </g>
              ) : null}
              <text x={x(Math.max(b.mean, b.max ?? b.mean)) + 6} y={y + 14} className="chart-value">
                {b.flagged ? `${formats.score(b.mean)} ⚑` : formats.score(b.mean)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
