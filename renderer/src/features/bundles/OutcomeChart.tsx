import { useTranslation } from 'react-i18next';
import type { MergeOutcome } from '#shared/bundles/mergeRecords.ts';
import { useFormat } from '../../i18n/format.ts';
import { BarList } from '../../ui/BarList.tsx';

const OUTCOMES: readonly MergeOutcome[] = ['added', 'updated', 'kept', 'conflict'];

/** Records added, updated, kept and in conflict as bars to one scale; the label says the same numbers. */
export function OutcomeChart({ counts }: { counts: Record<MergeOutcome, number> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = OUTCOMES.map((o) => t('bundles.report.chartItem', { outcome: t(`bundles.outcomes.${o}`), count: format.number(counts[o]) })).join('; ');
  return (
    <BarList
      className="bundle-chart"
      label={t('bundles.report.chartLabel', { summary })}
      bars={OUTCOMES.map((o) => ({ key: o, label: t(`bundles.outcomes.${o}`), value: counts[o], className: `bundle-bar bundle-bar-${o}` }))}
    />
  );
}
