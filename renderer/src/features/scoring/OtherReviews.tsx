import { useTranslation } from 'react-i18next';
import type { Review } from '#shared/domain/review.ts';
import { scoresOf } from '#shared/scoring/completeness.ts';
import { reviewScore, roundForDisplay } from '#shared/scoring/score.ts';
import { useRubricsById } from '../../data/reviewHooks.ts';
import { ScoreBars } from './ScoreBars.tsx';
import styles from './scoring.module.css';

interface Props {
  /** Other mentors' reviews of this submission; null while they are hidden (blind session, not yet submitted). */
  reviews: readonly Review[] | null;
  mentorNames: ReadonlyMap<string, string>;
  formatScore: (value: number) => string;
  /** Why they are hidden, when they are (the session's reveal rule); a general sentence by default. */
  hiddenText?: string;
}

/** Other mentors' submitted scores and verdicts, as a list and as bars. */
export function OtherReviews({ reviews, mentorNames, formatScore, hiddenText }: Props) {
  const { t } = useTranslation();
  const submitted = (reviews ?? []).filter((r) => r.status === 'submitted');
  const rubrics = useRubricsById(submitted.map((r) => r.rubricId));
  if (reviews === null) {
    return (
      <section className={styles.scoringSection} aria-labelledby="others-title">
        <h3 id="others-title">{t('scoring.others')}</h3>
        <p className="muted">{hiddenText ?? t('scoring.othersHidden')}</p>
      </section>
    );
  }
  const rows = submitted.map((r) => {
    const rubric = rubrics?.get(r.rubricId);
    const declined = r.abstained || r.conflictOfInterest;
    const overall = declined || !rubric ? null : roundForDisplay(reviewScore(rubric, scoresOf(r)).overall0to100);
    return { review: r, name: mentorNames.get(r.mentorId) ?? '—', overall, declined };
  });
  const described = rows
    .map((row) => `${row.name} ${row.overall === null ? t('scoring.othersDeclined') : formatScore(row.overall)}`)
    .join('; ');
  return (
    <section className={styles.scoringSection} aria-labelledby="others-title">
      <h3 id="others-title">{t('scoring.others')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('scoring.othersNone')}</p>
      ) : (
        <>
          <ScoreBars
            label={t('scoring.othersChart', { values: described })}
            bars={rows.map((row) => ({ key: row.review.id, label: row.name, value: row.overall }))}
            format={formatScore}
            none="—"
          />
          <ul className={styles.otherReviews}>
            {rows.map((row) => (
              <li key={row.review.id}>
                <strong>{row.name}</strong>:{' '}
                {row.declined
                  ? t(row.review.abstained ? 'scoring.status.abstained' : 'scoring.status.conflict')
                  : `${row.overall === null ? '—' : formatScore(row.overall)} · ${row.review.verdict ? t(`scoring.verdicts.${row.review.verdict}`) : '—'}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
