import { useTranslation } from 'react-i18next';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { VersionChange } from '#shared/scoring/results.ts';
import { DivergingBarChart } from './DivergingBarChart.tsx';
import { useResultFormats } from './numberFormats.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

/**
 * The effect of mentoring: for each participant with two or more reviewed
 * versions, the change from the first to the latest, overall (chart and
 * table) and per criterion, with each step between versions.
 */
export function VersionChangesSection({ changes, rubric }: { changes: readonly VersionChange[]; rubric: Pick<Rubric, 'groups'> }) {
  const { t, i18n } = useTranslation();
  const formats = useResultFormats();
  const criteria = rubric.groups.flatMap((g) => g.criteria);
  const name = (n: { id: string; en: string }) => (i18n.language === 'en' ? n.en : n.id);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('sessions.results.versions')}</h2>
      {changes.length === 0 ? (
        <p className="muted">{t('sessions.results.versionsNone')}</p>
      ) : (
        <>
          <DivergingBarChart
            label={t('sessions.results.versionsChartLabel', {
              summary: changes.map((c) => `${c.label} ${formats.signed(c.total.overall)}`).join('; '),
            })}
            negativeCaption={t('sessions.results.worse')}
            positiveCaption={t('sessions.results.better')}
            items={changes.map((c) => ({ key: c.participantId, label: c.label, value: c.total.overall }))}
          />
          <div className={styles.tableScroll} role="region" aria-label={t('sessions.results.versionsTable')} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('sessions.results.versionsTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.results.participant')}</th>
                  <th scope="col">{t('sessions.results.versionsCompared')}</th>
                  <th scope="col" className="numeric">
                    {t('sessions.results.overallChange')}
                  </th>
                  {criteria.map((c) => (
                    <th key={c.id} scope="col" className={cx('numeric', styles.resultsCriterionHead)} title={name(c.name)}>
                      {name(c.name)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.participantId}>
                    <th scope="row">{c.label}</th>
                    <td>
                      {c.versions.map((v) => t('sessions.results.versionShort', { n: v })).join(' → ')}
                      {c.steps.length > 1 ? (
                        <span className="muted">
                          {' '}
                          ({c.steps.map((s) => formats.signed(s.overall)).join(', ')})
                        </span>
                      ) : null}
                    </td>
                    <td className="numeric">
                      <strong>{formats.signed(c.total.overall)}</strong>
                    </td>
                    {criteria.map((cr) => (
                      <td key={cr.id} className="numeric">
                        {formats.signed(c.total.criteria[cr.id] ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
