import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterProblem, RosterUnusedColumn } from '#shared/intake/roster.ts';
import { useFormat } from '../../i18n/format.ts';
import styles from './roster.module.css';
import { cx } from '../../ui/cx.ts';

/** `0` → `A`, `26` → `AA`: a column as the spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The columns nothing is taken from, each with why and what it holds: nothing is dropped without a word. */
export function UnusedColumns({ columns }: { columns: readonly RosterUnusedColumn[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  return (
    <section className="roster-findings" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('roster.unused.title')} ({format.number(columns.length)})
      </h3>
      {columns.length === 0 ? (
        <p>{t('roster.unused.none')}</p>
      ) : (
        <table className={cx('table', styles.rosterFindingsTable)}>
          <thead>
            <tr>
              <th scope="col">{t('roster.unused.column')}</th>
              <th scope="col">{t('roster.unused.reason')}</th>
              <th scope="col">{t('roster.unused.content')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.index}>
                <th scope="row">
                  {columnLetter(c.index)} · {c.header || t('roster.untitled')}
                </th>
                <td>
                  {c.reason === 'repeats' && c.repeats !== undefined && c.repeatsField
                    ? t('roster.unused.reasons.repeats', { letter: columnLetter(c.repeats), field: t(`roster.fields.${c.repeatsField}`) })
                    : t(`roster.unused.reasons.${c.reason}`)}
                </td>
                <td>
                  {c.filled === 0
                    ? t('roster.unused.empty')
                    : t('roster.unused.filled', { count: c.filled, samples: c.samples.map((s) => `"${s}"`).join(', ') })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every roster problem: the row, the column, the cell as written, and what was done about it. */
export function RosterProblems({ problems }: { problems: readonly RosterProblem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  return (
    <section className="roster-findings" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('roster.problems.title')} ({format.number(problems.length)})
      </h3>
      {problems.length === 0 ? (
        <p>{t('roster.problems.none')}</p>
      ) : (
        <table className={cx('table', styles.rosterFindingsTable)}>
          <thead>
            <tr>
              <th scope="col">{t('intake.rosterRow')}</th>
              <th scope="col">{t('intake.rosterColumn')}</th>
              <th scope="col">{t('roster.problems.value')}</th>
              <th scope="col">{t('intake.rosterProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, i) => (
              <tr key={`${problem.row}-${problem.code}-${i}`}>
                <th scope="row">{format.number(problem.row)}</th>
                <td>{problem.column || t('common.notSet')}</td>
                <td>{problem.value ?? ''}</td>
                <td>
                  {t(`intake.rosterProblems.${problem.code}`, {
                    row: problem.sameAs === undefined ? '' : format.number(problem.sameAs),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
