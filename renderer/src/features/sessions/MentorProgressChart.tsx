import { useTranslation } from 'react-i18next';
import type { MentorProgress } from '../../data/sessionsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import styles from './sessions.module.css';

const ROW = 34;
const LABEL_WIDTH = 170;
const BAR_WIDTH = 420;
const NUMBER_WIDTH = 90;

/**
 * Each mentor's queue as a stacked bar (submitted, abstained, begun, left),
 * bars to one scale so longer queues look longer. The table beside it holds
 * the same numbers for screen readers; the chart says them in its label.
 */
export function MentorProgressChart({ progress, names }: { progress: readonly MentorProgress[]; names: (mentorId: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const widest = Math.max(1, ...progress.map((p) => p.assigned));
  const scale = (n: number) => (n / widest) * BAR_WIDTH;
  const summary = progress
    .map((p) => t('sessions.dashboard.chartItem', { name: names(p.mentorId), done: format.number(p.assigned - p.remaining), total: format.number(p.assigned) }))
    .join('; ');
  const height = progress.length * ROW + 28;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={t('sessions.dashboard.chartLabel', { summary })}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH }}
      >
        {progress.map((p, i) => {
          const y = i * ROW + 6;
          const parts = [
            { n: p.submitted, className: styles.barSubmitted },
            { n: p.abstained, className: styles.barAbstained },
            { n: p.drafts, className: styles.barDraft },
          ];
          let x = LABEL_WIDTH;
          return (
            <g key={p.mentorId}>
              <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" className="chart-label">
                {names(p.mentorId)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={scale(p.assigned)} height={20} className={styles.barLeft} />
              {parts.map((part) => {
                const w = scale(part.n);
                const rect = <rect key={part.className} x={x} y={y} width={w} height={20} className={part.className} />;
                x += w;
                return rect;
              })}
              <text x={LABEL_WIDTH + scale(p.assigned) + 6} y={y + 15} className="chart-value">
                {`${format.number(p.assigned - p.remaining)}/${format.number(p.assigned)}`}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_WIDTH}, ${progress.length * ROW + 8})`} className={styles.chartLegend}>
          {[
            [styles.barSubmitted, t('sessions.dashboard.submitted')],
            [styles.barAbstained, t('sessions.dashboard.abstained')],
            [styles.barDraft, t('sessions.dashboard.drafts')],
            [styles.barLeft, t('sessions.dashboard.remaining')],
          ].map(([className, text], i) => (
            <g key={className} transform={`translate(${i * 110}, 0)`}>
              <rect width={12} height={12} className={className} />
              <text x={16} y={11}>
                {text}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
