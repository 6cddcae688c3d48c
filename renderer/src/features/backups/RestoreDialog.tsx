import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ArchiveProgress, CheckedArchive } from '#shared/bundles/archive.ts';
import type { BackupEntry } from '#shared/contract/backups.ts';
import { applyArchive, previewImport, type ImportPreview } from '../../data/archiveRepo.ts';
import { adoptBackupMentor } from '../../data/backupRepo.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { useJob } from '../../ui/useJob.ts';
import { ProgressBar } from '../sessions/ProgressBar.tsx';
import { BackupContents } from './BackupContents.tsx';
import { readAndCheckBackup } from './backupRunner.ts';
import { backupErrorText, refusalText } from './backupText.ts';
import styles from './backups.module.css';

/** How far reading and checking the backup got. */
type Loading = { kind: 'reading' | 'checking'; progress: ArchiveProgress | null };

type Step =
  | { kind: 'loading' }
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
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const job = useJob<Loading>();
  const { run, cancel } = job;

  useEffect(() => {
    void run(
      async (signal, report) => {
        const { file, check } = await readAndCheckBackup(entry.name, { signal, onPhase: (kind, progress) => report({ kind, progress }) });
        return check.ok ? { file, check, merge: await previewImport(db, check.archive) } : { file, check, merge: null };
      },
      {
        initial: { kind: 'reading', progress: null },
        done: ({ file, check, merge }) =>
          setStep(
            check.ok && merge
              ? { kind: 'preview', archive: check.archive, file, merge }
              : { kind: 'refused', message: t('backups.refused', { reason: check.ok ? '' : refusalText(check, t) }) },
          ),
        failed: (error) => setStep({ kind: 'refused', message: t('backups.restoreFailed', { reason: backupErrorText(error, t) }) }),
      },
    );
    return cancel;
  }, [db, entry.name, t, run, cancel]);

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

  const busy = step.kind === 'loading' || step.kind === 'applying';
  const loading: Loading = job.state.kind === 'running' ? (job.state.progress ?? { kind: 'reading', progress: null }) : { kind: 'checking', progress: null };
  const close = () => {
    cancel();
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
      {step.kind === 'loading' ? (
        <div aria-live="polite">
          <p>{loading.kind === 'reading' ? t('backups.reading') : t('backups.checking')}</p>
          <ProgressBar
            value={loading.progress?.done ?? 0}
            max={loading.progress?.total ?? 1}
            label={loading.kind === 'reading' ? t('backups.reading') : t('backups.checking')}
            text={loading.progress ? `${format.bytes(loading.progress.done)} / ${format.bytes(loading.progress.total)}` : ''}
          />
        </div>
      ) : step.kind === 'refused' ? (
        <p role="alert" className={styles.backupRefused}>
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
          <ul className={styles.backupChoices}>
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
