import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { retryableFiles, type ImportProgress } from './importRunner.ts';
import { ImportReportDialog } from './ImportReportDialog.tsx';
import styles from './intake.module.css';

/** "2 minutes", "40 seconds": the ETA in words, in the UI language. */
export function useDuration() {
  const { i18n } = useTranslation();
  return (ms: number) => {
    const seconds = Math.max(1, Math.round(ms / 1000));
    const [value, unit] = seconds < 90 ? [seconds, 'second'] : [Math.round(seconds / 60), 'minute'];
    return new Intl.NumberFormat(i18n.language === 'en' ? 'en-ID' : 'id-ID', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
}

interface ImportPanelProps {
  progress: ImportProgress;
  onCancel: () => void;
  /** Imports again the files that failed for a passing reason. */
  onRetry: () => void;
  onClose: () => void;
}

/** Progress of the running import (count, current file, ETA, Cancel), then its summary, with Retry for what may work again. */
export function ImportPanel({ progress, onCancel, onRetry, onClose }: ImportPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const [reportOpen, setReportOpen] = useState(false);
  const p = progress;
  const retryable = p.finished ? retryableFiles(p).length : 0;
  // Said in the panel too: a full disk concerns more than the files of this import.
  const diskFull = p.finished && p.failures.some((f) => f.reason === 'storage-full');
  const retry = () => {
    setReportOpen(false);
    onRetry();
  };
  const title = p.finished ? (p.cancelled ? t('intake.cancelled') : t('intake.finished')) : t('intake.progressTitle');
  return (
    <section
      className={styles.importPanel}
      aria-labelledby="import-panel-title"
      aria-live="polite"
      // For benchmarks and tests: the figures behind the words.
      data-done={p.done}
      data-total={p.total}
      data-eta-ms={p.etaMs ?? ''}
      data-finished={p.finished}
    >
      <h2 id="import-panel-title">{title}</h2>
      <progress
        max={p.total}
        value={p.done}
        aria-label={t('intake.progressCount', { done: format.number(p.done), total: format.number(p.total) })}
      />
      <p>{t('intake.progressCount', { done: format.number(p.done), total: format.number(p.total) })}</p>
      {!p.finished ? (
        <>
          {p.current ? <p className="import-current">{t('intake.current', { name: p.current })}</p> : null}
          <p className="muted">{p.etaMs === null ? t('intake.etaUnknown') : t('intake.eta', { time: duration(p.etaMs) })}</p>
          {p.cancelled ? <p className="muted">{t('intake.cancelling')}</p> : null}
          <button type="button" className="button button-danger" onClick={onCancel} disabled={p.cancelled}>
            {t('intake.cancel')}
          </button>
        </>
      ) : (
        <>
          <p>
            {t('intake.summary', {
              faces: format.number(p.facesImported),
              duplicates: format.number(p.duplicates.length),
              failed: format.number(p.failures.length),
            })}
          </p>
          {p.unassigned > 0 ? <p>{t('intake.summaryUnassigned', { count: p.unassigned })}</p> : null}
          {diskFull ? <p className="field-error">{t('errors.storageFull')}</p> : null}
          <div className="toolbar">
            <button type="button" className="button button-primary" onClick={() => setReportOpen(true)}>
              {t('intake.showReport')}
            </button>
            {retryable > 0 ? (
              <button type="button" className="button" onClick={retry} title={t('faults.retryImportHint')}>
                {t('faults.retryImport', { count: retryable })}
              </button>
            ) : null}
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
      {reportOpen ? <ImportReportDialog progress={p} onRetry={retryable > 0 ? retry : null} onClose={() => setReportOpen(false)} /> : null}
    </section>
  );
}
