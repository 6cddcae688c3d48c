import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportPreview } from '../../data/archiveRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { downloadBlob } from '../../ui/download.ts';
import { safeFileName } from '#shared/files/safeFileName.ts';
import { mergeReportCsv, stampText } from './mergeReportCsv.ts';
import { OutcomeChart } from './OutcomeChart.tsx';
import { recordLabel } from './recordLabel.ts';
import { RefusedEdits } from './RefusedEdits.tsx';
import styles from './bundles.module.css';
import { cx } from '../../ui/cx.ts';

const OUTCOMES = ['added', 'updated', 'kept', 'conflict'] as const;

/** Per kind of record: how many the bundle holds and what merging does (or did) with them, as a table and a chart. */
export function OutcomeTable({ preview, caption }: { preview: ImportPreview; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <table className={cx('table', styles.bundleOutcomes)}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bundles.report.table')}</th>
            <th scope="col" className="numeric">
              {t('bundles.report.inBundle')}
            </th>
            {OUTCOMES.map((o) => (
              <th key={o} scope="col" className="numeric">
                {t(`bundles.outcomes.${o}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.tables.map((row) => (
            <tr key={row.table}>
              <th scope="row">{t(`bundles.tables.${row.table}`)}</th>
              <td className="numeric">{format.number(row.records)}</td>
              {OUTCOMES.map((o) => (
                <td key={o} className="numeric">
                  {format.number(row.counts[o])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('bundles.report.total')}</th>
            <td className="numeric">{format.number(preview.tables.reduce((sum, r) => sum + r.records, 0))}</td>
            {OUTCOMES.map((o) => (
              <td key={o} className="numeric">
                {format.number(preview.counts[o])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      {preview.images.total > 0 ? (
        <p>{t('bundles.report.images', { added: format.number(preview.images.added), total: format.number(preview.images.total) })}</p>
      ) : null}
      <OutcomeChart counts={preview.counts} />
    </>
  );
}

/** The records both laptops changed: the one kept and the other, whose edits and when. */
export function ConflictList({ result }: { result: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const conflicts = result.report.filter((e) => e.outcome === 'conflict');
  const side = (which: 'local' | 'incoming') => (which === 'local' ? t('bundles.report.thisStudio') : t('bundles.report.bundle'));
  return (
    <section aria-labelledby="bundle-conflicts-title">
      <h3 id="bundle-conflicts-title">{t('bundles.report.conflictsTitle', { count: conflicts.length })}</h3>
      {conflicts.length === 0 ? (
        <p className="muted">{t('bundles.report.noConflicts')}</p>
      ) : (
        <>
          <p className="muted">{t('bundles.report.conflictsIntro')}</p>
          <table className={cx('table', styles.bundleConflicts)}>
            <caption className="visually-hidden">{t('bundles.report.conflictsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bundles.report.record')}</th>
                <th scope="col">{t('bundles.report.kept')}</th>
                <th scope="col">{t('bundles.report.other')}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((e) => {
                const kept = e.winner === 'local' ? e.local : e.incoming;
                const other = e.winner === 'local' ? e.incoming : e.local;
                const loser = e.winner === 'local' ? 'incoming' : 'local';
                return (
                  <tr key={`${e.table}:${e.id}`}>
                    <th scope="row">{recordLabel(e, result.names, t, i18n.language)}</th>
                    <td>{kept ? t('bundles.report.side', { stamp: stampText(kept, result, t, format.timestamp), side: side(e.winner) }) : null}</td>
                    <td>{other ? t('bundles.report.side', { stamp: stampText(other, result, t, format.timestamp), side: side(loser) }) : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** After the merge: what happened per kind of record, the conflicts, and the whole report as CSV. */
export function MergeReport({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  function exportCsv() {
    const text = mergeReportCsv(result, t, i18n.language, format.timestamp);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), safeFileName(t('bundles.report.csvName', { file: fileName.replace(/\.kemas$/i, '') }), 'csv'));
  }
  return (
    <div className="bundle-report">
      {result.unchanged ? (
        <p role="status" className="notice">
          {t('bundles.report.unchanged')}
        </p>
      ) : null}
      <OutcomeTable preview={result} caption={t('bundles.report.caption')} />
      <ConflictList result={result} />
      <RefusedEdits result={result} />
      <button type="button" className="button" onClick={exportCsv}>
        {t('bundles.report.exportCsv')}
      </button>
    </div>
  );
}
