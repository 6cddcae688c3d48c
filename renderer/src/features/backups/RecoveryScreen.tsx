import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupListResponse } from '#shared/contract/backups.ts';
import { applyArchive } from '../../data/archiveRepo.ts';
import { TRANSIENT_FAILURES, adoptBackupMentor, openStudioDatabase, recreateStudioDatabase, type OpenFailure } from '../../data/backupRepo.ts';
import { host } from '../../host/hostClient.ts';
import { useFormat } from '../../i18n/format.ts';
import { readAndCheckBackup, runRescueExport } from './backupRunner.ts';
import { backupErrorText, refusalText } from './backupText.ts';
import { backupTime } from './BackupsScreen.tsx';
import { useJob } from '../../ui/useJob.ts';
import styles from './backups.module.css';
import type { MessageKey } from '#shared/i18n/keys.ts';

/** Where the offer stands; while the restore runs, its step is the job's progress. */
type Stage = 'offer' | 'confirm' | 'done';
type RestoreStep = 'reading' | 'checking' | 'rescuing' | 'deleting' | 'applying';

/** A failure already put in words for the person (a refused backup, a rescue copy that failed). */
class Said extends Error {}

const REASON_KEYS: Record<OpenFailure, MessageKey> = {
  version: 'backups.recovery.versionError',
  upgrade: 'backups.recovery.upgradeError',
  locked: 'backups.recovery.lockedError',
  quota: 'backups.recovery.quotaError',
  other: 'backups.recovery.otherError',
};

/**
 * Shown instead of the studio when its database cannot be opened. A failure that may pass (held
 * by another window, a full disk, the browser's own error) offers to try again and to restart,
 * nothing else: the data is left alone. A lasting one (made by a newer app, or an upgrade that
 * failed) offers the latest backup: checked in full, then the old database copied raw into the
 * backup folder (the screen names the file), and only then deleted and replaced.
 */
export function RecoveryScreen({
  failure,
  detail,
  onReopen = () => window.location.reload(),
}: {
  failure: OpenFailure;
  detail: string;
  /** Starts the studio again (a reload of the page). */
  onReopen?: () => void;
}) {
  const { t } = useTranslation();
  const transient = TRANSIENT_FAILURES.includes(failure);
  return (
    <main id="main" className={styles.recoveryScreen}>
      <h1>{t('backups.recovery.title')}</h1>
      <p>{t(REASON_KEYS[failure])}</p>
      <p className="muted">{t('backups.recovery.detail', { detail })}</p>
      {transient ? <TryAgain onReopen={onReopen} /> : <RestoreLatest onReopen={onReopen} />}
    </main>
  );
}

/** For a failure that may pass: open again (and start the studio when it opens), or restart. */
function TryAgain({ onReopen }: { onReopen: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ trying: boolean; detail: string | null }>({ trying: false, detail: null });

  async function retry() {
    setState({ trying: true, detail: null });
    const opened = await openStudioDatabase();
    if (opened.ok) {
      opened.db.close();
      onReopen();
      return;
    }
    setState({ trying: false, detail: opened.detail });
  }

  return (
    <>
      <p>{t('backups.recovery.transientNote')}</p>
      {state.detail ? <p role="alert">{t('backups.recovery.stillFailing', { detail: state.detail })}</p> : null}
      {state.trying ? <p aria-live="polite">{t('backups.recovery.retrying')}</p> : null}
      <div className="toolbar">
        <button type="button" className="button button-primary" disabled={state.trying} onClick={() => void retry()}>
          {t('backups.recovery.retry')}
        </button>
        <button type="button" className="button" disabled={state.trying} onClick={onReopen}>
          {t('backups.recovery.restart')}
        </button>
      </div>
    </>
  );
}

/** For a lasting failure: the latest backup, restored only after the old database is copied raw. */
function RestoreLatest({ onReopen }: { onReopen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [list, setList] = useState<BackupListResponse | 'failed' | null>(null);
  const [stage, setStage] = useState<Stage>('offer');
  const job = useJob<RestoreStep>();
  const problem = job.state.kind === 'idle' ? job.state.error : null;
  const [rescued, setRescued] = useState<string | null>(null);

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

  // A raw copy is not a backup to restore from.
  const latest: BackupEntry | undefined = list && list !== 'failed' ? list.backups.find((b) => b.reason !== 'rescue') : undefined;
  const folder = list && list !== 'failed' ? list.folder : '';

  async function restore(entry: BackupEntry) {
    // No Cancel: once the old database is being replaced, stopping half-way would help nobody.
    await job.run(
      async (_signal, step) => {
        const { file, check } = await readAndCheckBackup(entry.name, { onPhase: (p) => step(p) });
        if (!check.ok) throw new Said(t('backups.refused', { reason: refusalText(check, t) }));
        // With the backup proved sound, the old database is copied as it is; nothing is deleted unless that copy is on disk.
        step('rescuing');
        try {
          const copy = await runRescueExport();
          setRescued(copy.name);
        } catch (error) {
          throw new Said(t('backups.recovery.rescueFailed', { reason: backupErrorText(error, t) }), { cause: error });
        }
        step('deleting');
        const db = await recreateStudioDatabase();
        step('applying');
        await applyArchive(db, check.archive, file, 'replace');
        await adoptBackupMentor(db, check.archive.manifest);
        db.close();
      },
      {
        initial: 'reading',
        done: () => setStage('done'),
        describe: (error) => (error instanceof Said ? error.message : t('backups.restoreFailed', { reason: backupErrorText(error, t) })),
        failed: () => setStage('offer'),
      },
    );
  }

  const busy = job.running;
  const phase = job.state.kind === 'running' ? job.state.progress : stage;
  const status = {
    reading: t('backups.reading'),
    checking: t('backups.checking'),
    rescuing: t('backups.recovery.rescuing'),
    deleting: t('backups.recovery.deleting'),
    applying: t('backups.applying'),
  } as const;

  return (
    <>
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
            <p role="alert" className={styles.backupRefused}>
              {problem}
            </p>
          ) : null}
          {phase === 'offer' ? (
            <button type="button" className="button button-primary" onClick={() => setStage('confirm')}>
              {t('backups.recovery.restoreLatest')}
            </button>
          ) : phase === 'confirm' ? (
            <div className="toolbar" role="group" aria-label={t('backups.recovery.confirm')}>
              <span>{t('backups.recovery.confirm')}</span>
              <button type="button" className="button" onClick={() => setStage('offer')}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-danger" autoFocus onClick={() => void restore(latest)}>
                {t('backups.replaceConfirmOk')}
              </button>
            </div>
          ) : null}
          {job.state.kind === 'running' && job.state.progress ? <p aria-live="polite">{status[job.state.progress]}</p> : null}
        </section>
      )}
      {rescued ? <p role="status">{t('backups.recovery.rescued', { name: rescued, folder })}</p> : null}
      {phase === 'done' ? (
        <p>
          {t('backups.recovery.done')}{' '}
          <button type="button" className="button button-primary" autoFocus onClick={onReopen}>
            {t('backups.recovery.reopen')}
          </button>
        </p>
      ) : (
        <p>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onReopen}>
            {t('backups.recovery.reload')}
          </button>
        </p>
      )}
    </>
  );
}
