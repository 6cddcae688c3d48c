import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupListResponse } from '../../../../shared/contract/backups.ts';
import { applyArchive } from '../../data/archiveRepo.ts';
import { adoptBackupMentor, recreateStudioDatabase, type OpenFailure } from '../../data/backupRepo.ts';
import { host } from '../../host/hostClient.ts';
import { useFormat } from '../../i18n/format.ts';
import { readAndCheckBackup } from './backupRunner.ts';
import { backupErrorText, refusalText } from './backupText.ts';
import { backupTime } from './BackupsScreen.tsx';
import './backups.css';

type Phase = 'offer' | 'confirm' | 'reading' | 'checking' | 'deleting' | 'applying' | 'done';

/**
 * Shown instead of the studio when its database cannot be opened (made by a newer app, or an
 * upgrade failed): the latest backup from the backup folder, checked in full first, then the old
 * database deleted and the backup restored into a new one.
 */
export function RecoveryScreen({ failure, detail }: { failure: OpenFailure; detail: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [list, setList] = useState<BackupListResponse | 'failed' | null>(null);
  const [phase, setPhase] = useState<Phase>('offer');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void host.call('backup.list', {}).then((r) => setList(r.ok ? r.value : 'failed'));
  }, []);
  // Nothing to back up while the database cannot open: let the desktop app quit at once.
  useEffect(
    () =>
      host.onMenuCommand((command) => {
        if (command === 'backup.beforeQuit') void host.call('backup.quitReady', { ok: false });
      }),
    [],
  );

  const latest: BackupEntry | undefined = list && list !== 'failed' ? list.backups[0] : undefined;

  async function restore(entry: BackupEntry) {
    setProblem(null);
    try {
      setPhase('reading');
      const { file, check } = await readAndCheckBackup(entry.name, { onPhase: (p) => setPhase(p) });
      if (!check.ok) {
        setProblem(t('backups.refused', { reason: refusalText(check, t) }));
        setPhase('offer');
        return;
      }
      // Only now, with the whole backup proved sound, is the old database given up.
      setPhase('deleting');
      const db = await recreateStudioDatabase();
      setPhase('applying');
      await applyArchive(db, check.archive, file, 'replace');
      await adoptBackupMentor(db, check.archive.manifest);
      db.close();
      setPhase('done');
      window.location.reload();
    } catch (error) {
      console.error(error);
      setProblem(t('backups.restoreFailed', { reason: backupErrorText(error, t) }));
      setPhase('offer');
    }
  }

  const reason = failure === 'version' ? t('backups.recovery.versionError') : failure === 'upgrade' ? t('backups.recovery.upgradeError') : t('backups.recovery.otherError');
  const busy = phase !== 'offer' && phase !== 'confirm';
  const status = {
    reading: t('backups.reading'),
    checking: t('backups.checking'),
    deleting: t('backups.recovery.deleting'),
    applying: t('backups.applying'),
    done: t('backups.recovery.done'),
  } as const;

  return (
    <main id="main" className="recovery-screen">
      <h1>{t('backups.recovery.title')}</h1>
      <p>{reason}</p>
      <p className="muted">{t('backups.recovery.detail', { detail })}</p>
      {list === null ? (
        <p className="muted">{t('backups.listLoading')}</p>
      ) : list === 'failed' ? (
        <p role="alert">{t('backups.listFailed')}</p>
      ) : !latest ? (
        <p>{t('backups.recovery.none', { folder: list.folder })}</p>
      ) : (
        <section aria-labelledby="recovery-latest">
          <h2 id="recovery-latest">{t('backups.recovery.offer', { folder: list.folder })}</h2>
          <p>
            {t('backups.recovery.latest', {
              when: format.timestamp(backupTime(latest)),
              size: format.bytes(latest.bytes),
              reason: t(`backups.reasons.${latest.reason}`),
            })}
          </p>
          <p>{t('backups.recovery.restoreWarning')}</p>
          {problem ? (
            <p role="alert" className="backup-refused">
              {problem}
            </p>
          ) : null}
          {phase === 'offer' ? (
            <button type="button" className="button button-primary" onClick={() => setPhase('confirm')}>
              {t('backups.recovery.restoreLatest')}
            </button>
          ) : phase === 'confirm' ? (
            <div className="toolbar" role="group" aria-label={t('backups.recovery.confirm')}>
              <span>{t('backups.recovery.confirm')}</span>
              <button type="button" className="button" onClick={() => setPhase('offer')}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-danger" autoFocus onClick={() => void restore(latest)}>
                {t('backups.replaceConfirmOk')}
              </button>
            </div>
          ) : null}
          {busy ? <p aria-live="polite">{status[phase]}</p> : null}
        </section>
      )}
      <p>
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => window.location.reload()}>
          {t('backups.recovery.reload')}
        </button>
      </p>
    </main>
  );
}
