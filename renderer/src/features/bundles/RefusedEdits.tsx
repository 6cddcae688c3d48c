import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../data/archiveRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { refusedText } from './mergeReportCsv.ts';

/**
 * Session edits the merge refused (settings changed by someone who is not the session's curator
 * here): which session, who and when, what they changed and why it was refused. Nothing when none.
 */
export function RefusedEdits({ result }: { result: Pick<ImportPreview, 'refused' | 'names'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (result.refused.length === 0) return null;
  return (
    <section aria-labelledby="bundle-refused-title" data-testid="refused-edits">
      <h3 id="bundle-refused-title">{t('curators.merge.refusedTitle', { count: result.refused.length })}</h3>
      <p className="muted">{t('curators.merge.refusedIntro')}</p>
      <table className="table">
        <caption className="visually-hidden">{t('curators.merge.refusedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('curators.merge.session')}</th>
            <th scope="col">{t('curators.merge.by')}</th>
            <th scope="col">{t('curators.merge.settings')}</th>
            <th scope="col">{t('curators.merge.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {result.refused.map((e) => {
            const text = refusedText(e, result, t);
            return (
              <tr key={`${e.id}:${e.at}`}>
                <th scope="row">{text.session}</th>
                <td>{t('bundles.report.stamp', { who: text.who, when: format.timestamp(e.at) })}</td>
                <td>{text.settings}</td>
                <td>{text.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
