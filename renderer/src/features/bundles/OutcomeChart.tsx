import { useTranslation } from 'react-i18next';
import type { MergeOutcome } from '../../../../shared/bundles/mergeRecords.ts';
import { useFormat } from '../../i18n/format.ts';

const OUTCOMES: readonly MergeOutcome[] = ['added', 'updated', 'kept', 'conflict'];
const ROW = 30;
const LABEL_WIDTH = 120;
const BAR_WIDTH = 360;
const NUMBER_WIDTH = 80;

/** Records added, updated, kept and in conflict as bars to one scale; the label says the same numbers. */
export function OutcomeChart({ counts }: { counts: Record<MergeOutcome, number> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const widest = Math.max(1, ...OUTCOMES.map((o) => counts[o]));
  const summary = OUTCOMES.map((o) => t('bundles.report.chartItem', { outcome: t(`bundles.outcomes.${o}`), count: format.number(counts[o]) })).join('; ');
  const height = OUTCOMES.length * ROW + 4;
  return (
    <figure className="chart bundle-chart">
      <svg
        role="img"
        aria-label={t('bundles.report.chartLabel', { summary })}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH }}
      >
        {OUTCOMES.map((outcome, i) => {
          const y = i * ROW + 4;
          const width = (counts[outcome] / widest) * BAR_WIDTH;
          return (
            <g key={outcome}>
              <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" className="chart-label">
                {t(`bundles.outcomes.${outcome}`)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(width, counts[outcome] > 0 ? 2 : 0)} height={20} className={`bundle-bar bundle-bar-${outcome}`} />
              <text x={LABEL_WIDTH + width + 6} y={y + 15} className="chart-value">
                {format.number(counts[outcome])}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
