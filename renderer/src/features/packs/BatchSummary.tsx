import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { host } from '../../host/hostClient.ts';
import { useFormat } from '../../i18n/format.ts';
import type { BatchFailure, BatchItem, BatchReport } from './batchExport.ts';
import styles from './packs.module.css';

/** What a batch export did: counts, what failed and why, and the way to the folder. */
export function BatchSummary({ report, itemName, onClose }: { report: BatchReport; itemName: (item: BatchItem) => string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const ids = useId();
  const [revealMessage, setRevealMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The summary replaces the progress panel: keyboard focus moves to it.
  useEffect(() => heading.current?.focus(), []);

  async function reveal() {
    const result = await host.call('export.reveal', { folder: report.folder });
    if (!result.ok) setRevealMessage(t('batch.revealFailed'));
    else if (result.value.opened) setRevealMessage(null);
    else setRevealMessage(t(result.value.reason === 'missing' ? 'batch.revealMissing' : 'batch.revealUnavailable', { folder: report.folder }));
  }

  const reason = (f: BatchFailure) =>
    f.reason === 'worker-stopped'
      ? t('faults.batchWorkerStopped')
      : f.reason === 'too-heavy'
        ? t('bounds.batchTooHeavy')
        : t(`batch.failures.${f.reason}`, { face: f.face ? t(`faces.${f.face}`).toLocaleLowerCase(i18n.language) : '?' });
  const counts = [
    { key: 'written', text: t('batch.summaryWritten', { count: format.number(report.written.length) }), shown: true },
    { key: 'replaced', text: t('batch.summaryReplaced', { count: format.number(report.replaced.length) }), shown: report.replaced.length > 0 },
    { key: 'kept', text: t('batch.summaryKept', { count: format.number(report.keptExisting.length) }), shown: report.keptExisting.length > 0 },
    { key: 'failed', text: t('batch.summaryFailed', { count: format.number(report.failed.length) }), shown: report.failed.length > 0 },
    { key: 'notReached', text: t('batch.summaryNotReached', { count: format.number(report.notReached) }), shown: report.notReached > 0 },
  ].filter((c) => c.shown);
  const title = report.ending === 'cancelled' ? t('batch.cancelledTitle') : report.ending === 'stopped' ? t('batch.stoppedTitle') : t('batch.doneTitle');

  return (
    <section className={styles.batchSummary} aria-labelledby={`${ids}-summary`}>
      <h3 id={`${ids}-summary`} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <ul className={styles.batchCounts}>
        {counts.map((c) => (
          <li key={c.key}>{c.text}</li>
        ))}
      </ul>
      <p className={styles.batchFolderPath}>{t('batch.summaryFolder', { folder: report.folder })}</p>
      {report.failed.length > 0 ? (
        <div className="notice" role="note" aria-labelledby={`${ids}-failures`}>
          <h4 id={`${ids}-failures`}>{t('batch.failuresTitle')}</h4>
          <ul className={styles.packWarnings}>
            {report.failed.map((f) => (
              <li key={f.item.relativePath}>{t('batch.failure', { item: itemName(f.item), reason: reason(f) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {revealMessage ? (
        <p className="muted" role="status">
          {revealMessage}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => void reveal()}>
          {t('batch.reveal')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
