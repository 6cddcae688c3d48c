import { useTranslation } from 'react-i18next';
import { weightShares, type RubricContent } from '#shared/scoring/rubricRules.ts';
import { useFormat } from '../../i18n/format.ts';
import { nameIn } from './rubricText.ts';
import styles from './rubrics.module.css';

const WIDTH = 320;
const ROW = 30;
const BAR = 9;

/** "18,5 %": a share of the 0–100 total. */
export function useShareFormat(): (share: number) => string {
  const format = useFormat();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  return (share) => percent.format(share / 100);
}

/**
 * Each group's and criterion's share of the 0–100 score as horizontal bars on
 * one 0–100 % axis, so a curator sees at a glance what a weight change did.
 * The whole chart is one image with every share in its label.
 */
export function WeightChart({ rubric }: { rubric: RubricContent }) {
  const { t, i18n } = useTranslation();
  const share = useShareFormat();
  const shares = weightShares(rubric);
  const rows: { key: string; label: string; share: number; group: boolean }[] = [];
  shares.groups.forEach((g, gi) => {
    const group = rubric.groups[gi];
    rows.push({ key: g.groupId, label: (group && nameIn(group.name, i18n.language)) ?? t('rubrics.groupRefUnnamed', { number: gi + 1 }), share: g.share, group: true });
    g.criteria.forEach((c, ci) => {
      const criterion = group?.criteria[ci];
      const label = (criterion && nameIn(criterion.name, i18n.language)) ?? t('rubrics.criterionRefUnnamed', { number: `${gi + 1}.${ci + 1}` });
      rows.push({ key: `${g.groupId}/${c.criterionId}`, label, share: c.share, group: false });
    });
  });
  const height = rows.length * ROW + 4;
  const label = t('rubrics.chartLabel', {
    items: rows.map((r) => t('rubrics.chartItem', { name: r.label, share: share(r.share) })).join('; '),
  });
  return (
    <figure className={styles.weightChart}>
      <figcaption>{t('rubrics.chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={label}>
        {rows.map((r, i) => {
          const y = i * ROW;
          const indent = r.group ? 0 : 12;
          const barWidth = Math.max(0, Math.min(100, r.share)) * ((WIDTH - indent) / 100);
          return (
            <g key={r.key} transform={`translate(${indent} ${y})`}>
              <text x="0" y="12" className={r.group ? styles.weightChartGroup : 'weight-chart-criterion'}>
                {r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label}
              </text>
              <text x={WIDTH - indent} y="12" textAnchor="end" className={styles.weightChartValue}>
                {share(r.share)}
              </text>
              <rect x="0" y="16" width={WIDTH - indent} height={BAR} className={styles.weightChartTrack} />
              <rect x="0" y="16" width={barWidth} height={BAR} className={r.group ? styles.weightChartBarGroup : styles.weightChartBar} />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
