import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistSummary as Summary, LabelItem, StatusCounts } from '#shared/scoring/labelCheck.ts';
import { useFormat } from '../../i18n/format.ts';
import styles from './checklistPanel.module.css';
import { cx } from '../../ui/cx.ts';

const ORDER: readonly (keyof StatusCounts)[] = ['present', 'missing', 'wrong', 'not-applicable', 'unchecked'];

/** Status counts as numbers and as a stacked bar, then what lacks proof and what must be fixed. */
export function ChecklistSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const list = new Intl.ListFormat(format.locale, { type: 'conjunction' });
  const names = (items: readonly LabelItem[]) => list.format(items.map((item) => t(`checklist.items.${item}`)));
  const label = (status: keyof StatusCounts) =>
    status === 'unchecked' ? t('checklistPanel.unchecked') : t(`checklistPanel.status.${status}`);
  const { counts, total } = summary;
  // Where each status's segment starts: the counts before it.
  const starts = ORDER.map((_, i) => ORDER.slice(0, i).reduce((sum, s) => sum + counts[s], 0));
  return (
    <section className={cx(styles.checklistBox, 'checklist-summary')} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('checklistPanel.summary.heading')}</h3>
      <p className="checklist-summary-checked">
        {t('checklistPanel.summary.checked', { checked: format.number(summary.checked), total: format.number(total) })}
      </p>
      <svg
        className={styles.checklistBar}
        viewBox={`0 0 ${total} 1`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('checklistPanel.summary.chart', {
          present: format.number(counts.present),
          missing: format.number(counts.missing),
          wrong: format.number(counts.wrong),
          notApplicable: format.number(counts['not-applicable']),
          unchecked: format.number(counts.unchecked),
        })}
      >
        {ORDER.map((status, i) =>
          counts[status] > 0 ? (
            <rect key={status} className={styles[`checklist-bar-${status}`]} x={starts[i]} y={0} width={counts[status]} height={1} />
          ) : null,
        )}
      </svg>
      <ul className={styles.checklistCounts}>
        {ORDER.map((status) => (
          <li key={status}>
            <span className={cx(styles.checklistSwatch, styles[`checklist-bar-${status}`])} aria-hidden="true" />
            {t('checklistPanel.summary.count', { status: label(status), count: format.number(counts[status]) })}
          </li>
        ))}
      </ul>
      {summary.unproved.length > 0 ? (
        <p className={styles.checklistWarning}>{t('checklistPanel.summary.unproved', { items: names(summary.unproved) })}</p>
      ) : summary.checked > 0 ? (
        <p className="muted">{t('checklistPanel.summary.allProved')}</p>
      ) : null}
      {summary.problems.length > 0 ? (
        <p className={styles.checklistProblems}>{t('checklistPanel.summary.problems', { items: names(summary.problems.map((p) => p.item)) })}</p>
      ) : null}
    </section>
  );
}
