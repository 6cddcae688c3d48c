import { useTranslation } from 'react-i18next';
import { useAssets } from '../../data/hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { FaceTypeSelect } from '../faces/FaceTypeSelect.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import type { ImportProgress } from './importRunner.ts';
import styles from './intake.module.css';

/** Every file that did not come in, each with one translated reason; Retry when some may work again. */
export function ImportReportDialog({ progress, onRetry, onClose }: { progress: ImportProgress; onRetry: (() => void) | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Dialog
      wide
      title={t('intake.reportTitle')}
      onClose={onClose}
      footer={
        <>
          {onRetry ? (
            <button type="button" className="button" onClick={onRetry}>
              {t('faults.retryImport', { count: progress.failures.filter((f) => f.retry).length })}
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </>
      }
    >
      <dl className="facts">
        <div>
          <dt>{t('intake.imported')}</dt>
          <dd>{format.number(progress.facesImported)}</dd>
        </div>
        <div>
          <dt>{t('intake.duplicates')}</dt>
          <dd>{format.number(progress.duplicates.length)}</dd>
        </div>
        <div>
          <dt>{t('intake.failures')}</dt>
          <dd>{format.number(progress.failures.length)}</dd>
        </div>
      </dl>
      <ImportedFaces ids={progress.storedFaces} />
      <h3>{t('intake.failures')}</h3>
      {progress.failures.length === 0 ? (
        <p>{t('intake.noFailures')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('intake.file')}</th>
              <th scope="col">{t('intake.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.failures.map((f) => (
              <tr key={f.path}>
                <td className="file-name">{f.path}</td>
                <td>{t(`intake.reasons.${f.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {progress.duplicates.length > 0 ? (
        <>
          <h3>{t('intake.duplicates')}</h3>
          <ul className={styles.fileList}>
            {progress.duplicates.map((d) => (
              <li key={d} className="file-name">
                {d}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}

/** The faces that came in, each with its type to correct (a wrong guess is fixed here, not hunted down later). */
function ImportedFaces({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const faces = useAssets(ids.slice(0, MAX_LISTED));
  if (!faces || faces.length === 0) return null;
  return (
    <>
      <h3>{t('faceEdit.importedTitle')}</h3>
      <p className="muted">{t('faceEdit.importedIntro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('intake.file')}</th>
            <th scope="col">{t('faceEdit.typeGroup')}</th>
          </tr>
        </thead>
        <tbody>
          {faces.map((face) => {
            const name = face.metadata.pageNumber ? t('faceEdit.filePage', { file: face.fileName, page: face.metadata.pageNumber }) : face.fileName;
            return (
              <tr key={face.id}>
                <td className="file-name">{name}</td>
                <td>
                  <FaceTypeSelect asset={face} label={t('faceEdit.typeOf', { file: name })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ids.length > MAX_LISTED ? <p className="muted">{t('faceEdit.moreImported', { count: ids.length - MAX_LISTED })}</p> : null}
    </>
  );
}

/** Rows the report lists; the rest are corrected from the tray or the face tabs. */
const MAX_LISTED = 200;
