import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { RevisionAfterReveal, SubmissionResultRow } from '#shared/scoring/results.ts';
import { useResultFormats } from './numberFormats.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

export type RankScope = 'overall' | 'category' | 'region';

export function rankIn(row: SubmissionResultRow, scope: RankScope): number | null {
  return scope === 'overall' ? row.rank : scope === 'category' ? row.rankInCategory : row.rankInRegion;
}

/**
 * Whether a scroll box is wider inside than it shows, and whether more lies to its right: the table's
 * cue that it scrolls sideways (a hint and a shade at the right edge), kept true on resize and scroll.
 */
function useSidewaysScroll() {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState({ overflowing: false, moreRight: false });
  const measure = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    const overflowing = box.scrollWidth > box.clientWidth + 1;
    const moreRight = overflowing && box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
    setState((old) => (old.overflowing === overflowing && old.moreRight === moreRight ? old : { overflowing, moreRight }));
  }, []);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [measure]);
  return { ref, measure, ...state };
}

/** The results, one row per submission, in the order given (the caller sorts by the rank scope). */
export function ResultsTable({
  rows,
  rubric,
  scope,
  categoryName,
  revisionText,
}: {
  rows: readonly SubmissionResultRow[];
  rubric: Pick<Rubric, 'groups'>;
  scope: RankScope;
  categoryName: (code: string) => string;
  /** A review revised after its mentor saw the others, in words with who and when. */
  revisionText: (revision: RevisionAfterReveal) => string;
}) {
  const { t, i18n } = useTranslation();
  const formats = useResultFormats();
  const criteria = rubric.groups.flatMap((g) => g.criteria);
  const name = (n: { id: string; en: string }) => (i18n.language === 'en' ? n.en : n.id);
  const hintId = useId();
  const scroll = useSidewaysScroll();
  return (
    <>
      {scroll.overflowing ? (
        <p id={hintId} className="field-hint" data-testid="results-scroll-hint">
          {t('sessions.results.tableScrollHint')}
        </p>
      ) : null}
      <div className={styles.resultsScrollFrame} data-more-right={scroll.moreRight}>
        <div
          ref={scroll.ref}
          className={styles.tableScroll}
          role="region"
          aria-label={t('sessions.results.tableCaption')}
          aria-describedby={scroll.overflowing ? hintId : undefined}
          tabIndex={0}
          onScroll={scroll.measure}
        >
          <table className={cx('table', styles.resultsTable)}>
            <caption className="visually-hidden">{t('sessions.results.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className={cx('numeric', styles.resultsStickyRank)}>
                  {t(`sessions.results.rankScopes.${scope}`)}
                </th>
                <th scope="col" className={styles.resultsStickyName}>
                  {t('sessions.results.submission')}
                </th>
                <th scope="col">{t('sessions.results.category')}</th>
                <th scope="col">{t('sessions.results.region')}</th>
                <th scope="col" className="numeric">
                  {t('sessions.results.mean')}
                </th>
                <th scope="col" className="numeric">
                  {t('sessions.results.n')}
                </th>
                <th scope="col" className="numeric">
                  {t('sessions.results.sd')}
                </th>
                <th scope="col" className="numeric">
                  {t('sessions.results.range')}
                </th>
                <th scope="col">{t('sessions.results.flag')}</th>
                {criteria.map((c) => (
                  <th key={c.id} scope="col" className={cx('numeric', styles.resultsCriterionHead)} title={name(c.name)}>
                    {name(c.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.submission.id} className={r.flagged ? styles.rowFlagged : undefined}>
                  <td className={cx('numeric', styles.resultsStickyRank)}>{formats.integer(rankIn(r, scope))}</td>
                  <th scope="row" className={styles.resultsStickyName}>
                    {t('sessions.itemLabel', { business: r.submission.label, version: r.submission.version })}
                  </th>
                  <td>{categoryName(r.submission.category)}</td>
                  <td>{r.submission.region || t('common.notSet')}</td>
                  <td className="numeric">
                    <strong>{formats.score(r.mean)}</strong>
                  </td>
                  <td className="numeric">{formats.integer(r.n)}</td>
                  <td className="numeric">{formats.score(r.sd)}</td>
                  <td className="numeric">{r.min !== null && r.max !== null ? `${formats.score(r.min)}–${formats.score(r.max)}` : formats.score(null)}</td>
                  <td>
                    {r.flagged ? <span className={styles.flag}>{t('sessions.results.flagged')}</span> : null}
                    {r.revisedAfterReveal.length > 0 ? (
                      <ul className={styles.revisedList}>
                        {r.revisedAfterReveal.map((revision) => (
                          <li key={revision.mentorId} className={styles.revisedMark}>
                            {revisionText(revision)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  {criteria.map((c) => (
                    <td key={c.id} className="numeric">
                      {formats.score(r.criteria[c.id] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
