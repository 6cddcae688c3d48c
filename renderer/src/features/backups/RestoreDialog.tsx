import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ArchiveProgress, CheckedArchive } from '../../../../shared/bundles/archive.ts';
import type { BackupEntry } from '../../../../shared/contract/backups.ts';
import { applyArchive, previewImport, type ImportPreview } from '../../data/archiveRepo.ts';
import { adoptBackupMentor } from '../../data/backupRepo.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { ProgressBar } from '../sessions/ProgressBar.tsx';
import { BackupContents } from './BackupContents.tsx';
import { readAndCheckBackup } from './backupRunner.ts';
import { backupErrorText, refusalText } from './backupText.ts';

type Step =
  | { kind: 'reading'; progress: ArchiveProgress | null }
  | { kind: 'checking'; progress: ArchiveProgress | null }
  | { kind: 'refused'; message: string }
  | { kind: 'preview'; archive: CheckedArchive; file: Blob; merge: ImportPreview }
  | { kind: 'confirm-replace'; archive: CheckedArchive; file: Blob; merge: ImportPreview }
  | { kind: 'applying' };

/**
 * Restoring one backup: read it from the host and check all of it (checksums, records) → show
 * what it holds → replace the studio's data (after a clear confirmation) or merge it in.
 * Nothing is written before the whole file passed the check.
 */
export function RestoreDialog({ entry, when, onClose }: { entry: BackupEntry; when: string; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const format = useFormat();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ kind: 'reading', progress: null });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    void (async () => {
      try {
        const { file, check } = await readAndCheckBackup(entry.name, {
          signal: abort.signal,
          onPhase: (kind, progress) => setStep(kind === 'reading' ? { kind, progress } : { kind, progress }),
        });
        if (!check.ok) {
          setStep({ kind: 'refused', message: t('backups.refused', { reason: refusalText(check, t) }) });
          return;
        }
        const merge = await previewImport(db, check.archive);
        if (!abort.signal.aborted) setStep({ kind: 'preview', archive: check.archive, file, merge });
      } catch (error) {
        if (abort.signal.aborted) return;
        console.error(error);
        setStep({ kind: 'refused', message: t('backups.restoreFailed', { reason: backupErrorText(error, t) }) });
      }
    })();
    return () => abort.abort();
  }, [db, entry.name, t]);

  async function apply(archive: CheckedArchive, file: Blob, mode: 'merge' | 'replace') {
    setStep({ kind: 'applying' });
    try {
      const result = await applyArchive(db, archive, file, mode);
      await adoptBackupMentor(db, archive.manifest);
      const records = result.tables.reduce((n, table) => n + table.records, 0);
      toast({ message: t('backups.restored', { count: format.number(records), images: format.number(result.images.total) }) });
      onClose();
      void navigate('/');
    } catch (error) {
      console.error(error);
      setStep({ kind: 'refused', message: t('backups.restoreFailed', { reason: backupErrorText(error, t) }) });
    }
  }

  const busy = step.kind === 'reading' || step.kind === 'checking' || step.kind === 'applying';
  const close = () => {
    controller.current?.abort();
    if (step.kind !== 'applying') onClose();
  };

  return (
    <Dialog
      title={step.kind === 'confirm-replace' ? t('backups.replaceConfirmTitle') : `${t('backups.restoreTitle')}: ${when}`}
      onClose={close}
      wide
      footer={
        step.kind === 'preview' ? (
          <>
            <button type="button" className="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button" onClick={() => void apply(step.archive, step.file, 'merge')}>
              {t('backups.merge')}
            </button>
            <button type="button" className="button button-danger" onClick={() => setStep({ ...step, kind: 'confirm-replace' })}>
              {t('backups.replace')}
            </button>
          </>
        ) : step.kind === 'confirm-replace' ? (
          <>
            <button type="button" className="button" onClick={() => setStep({ ...step, kind: 'preview' })}>
              {t('common.back')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void apply(step.archive, step.file, 'replace')}>
              {t('backups.replaceConfirmOk')}
            </button>
          </>
        ) : step.kind === 'applying' ? null : (
          <button type="button" className="button" onClick={close}>
            {busy ? t('common.cancel') : t('common.close')}
          </button>
        )
      }
    >
      {step.kind === 'reading' || step.kind === 'checking' ? (
        <div aria-live="polite">
          <p>{step.kind === 'reading' ? t('backups.reading') : t('backups.checking')}</p>
          <ProgressBar
            value={step.progress?.done ?? 0}
            max={step.progress?.total ?? 1}
            label={step.kind === 'reading' ? t('backups.reading') : t('backups.checking')}
            text={step.progress ? `${format.bytes(step.progress.done)} / ${format.bytes(step.progress.total)}` : ''}
          />
        </div>
      ) : step.kind === 'refused' ? (
        <p role="alert" className="backup-refused">
          {step.message}
        </p>
      ) : step.kind === 'applying' ? (
        <p aria-live="polite">{t('backups.applying')}</p>
      ) : step.kind === 'confirm-replace' ? (
        <p>{t('backups.replaceConfirm', { when })}</p>
      ) : (
        <>
          <h3>{t('backups.previewTitle')}</h3>
          <BackupContents archive={step.archive} />
          <p className="muted">
            {t('backups.previewMerge', {
              added: format.number(step.merge.counts.added),
              updated: format.number(step.merge.counts.updated),
              kept: format.number(step.merge.counts.kept),
              conflicts: format.number(step.merge.counts.conflict),
            })}
          </p>
          <ul className="backup-choices">
            <li>
              <strong>{t('backups.replace')}</strong>: {t('backups.replaceHint')}
            </li>
            <li>
              <strong>{t('backups.merge')}</strong>: {t('backups.mergeHint')}
            </li>
          </ul>
        </>
      )}
    </Dialog>
  );
}
