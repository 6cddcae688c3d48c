import { useTranslation } from 'react-i18next';
import type { Rubric } from '#shared/domain/rubric.ts';
import { weightShares } from '#shared/scoring/rubricRules.ts';
import { useFormat } from '../../i18n/format.ts';
import { nameIn } from './rubricText.ts';
import { useShareFormat, WeightChart } from './WeightChart.tsx';
import styles from './rubrics.module.css';
import { cx } from '../../ui/cx.ts';

/** A published or archived version as it is: groups, criteria, scales and both languages' descriptors. */
export function RubricReadOnly({ rubric }: { rubric: Rubric }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const share = useShareFormat();
  const shares = weightShares(rubric);
  return (
    <div className={styles.rubricEditor}>
      <div className={styles.rubricEditorMain}>
        {rubric.groups.map((g, gi) => {
          const groupName = nameIn(g.name, i18n.language) ?? t('rubrics.unnamed');
          const groupShares = shares.groups[gi];
          return (
            <section key={g.id} className={styles.rubricGroup} aria-labelledby={`rubric-g${gi}-heading`}>
              <h2 id={`rubric-g${gi}-heading`}>{t('rubrics.groupHeading', { number: gi + 1, name: groupName })}</h2>
              <p className="muted">
                {t('rubrics.groupWeight')}: {format.number(g.weight)} · {share(groupShares?.share ?? 0)}
              </p>
              {g.criteria.map((c, ci) => {
                const number = `${gi + 1}.${ci + 1}`;
                const name = nameIn(c.name, i18n.language) ?? t('rubrics.unnamed');
                return (
                  <section key={c.id} className={styles.rubricCriterion} aria-labelledby={`rubric-g${gi}c${ci}-heading`}>
                    <h3 id={`rubric-g${gi}c${ci}-heading`}>{t('rubrics.criterionHeading', { number, name })}</h3>
                    <p className="muted">
                      {t('rubrics.criterionWeight')}: {format.number(c.weight)} ·{' '}
                      {t('rubrics.share', { share: share(groupShares?.criteria[ci]?.share ?? 0) })} · {t('rubrics.scaleMin')}{' '}
                      {format.number(c.scale.min)} {t('rubrics.scaleMax')} {format.number(c.scale.max)}, {t('rubrics.scaleStep')}{' '}
                      {format.number(c.scale.step)}
                    </p>
                    <table className={cx('table', styles.rubricLevelsTable)}>
                      <caption className="visually-hidden">{t('rubrics.levelsSummary', { count: c.levels.length })}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className="numeric">
                            {t('rubrics.level')}
                          </th>
                          <th scope="col">{t('rubrics.descriptorId')}</th>
                          <th scope="col">{t('rubrics.descriptorEn')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.levels.map((l) => (
                          <tr key={l.score}>
                            <th scope="row" className="numeric">
                              {format.number(l.score)}
                            </th>
                            <td lang="id">{l.descriptor.id}</td>
                            <td lang="en">{l.descriptor.en}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                );
              })}
            </section>
          );
        })}
      </div>
      <aside className={styles.rubricEditorSide}>
        <WeightChart rubric={rubric} />
      </aside>
    </div>
  );
}
