import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupTimeOf, type BackupEntry, type BackupListResponse } from '#shared/contract/backups.ts';
import { host } from '../../host/hostClient.ts';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { ProgressBar } from '../sessions/ProgressBar.tsx';
import { useBackups } from './BackupProvider.tsx';
import { BackupSettingsForm } from './BackupSettingsForm.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { StorageStatus } from '../storage/StorageStatus.tsx';
import styles from './backups.module.css';
import { cx } from '../../ui/cx.ts';

/** When a listed backup was made: from its name, else its file time. */
export function backupTime(entry: Pick<BackupEntry, 'name' | 'modifiedAt'>): number {
  return backupTimeOf(entry.name) ?? entry.modifiedAt;
}

const secondsFormats = new Map<string, Intl.DateTimeFormat>();
function withSeconds(locale: string): Intl.DateTimeFormat {
  let made = secondsFormats.get(locale);
  if (!made) secondsFormats.set(locale, (made = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })));
  return made;
}

/** "Cadangan": where backups go and how often, "Cadangkan sekarang", and the backups to restore. */
export function BackupsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { appInfo, running, backupNow, cancel, written } = useBackups();
  const [list, setList] = useState<BackupListResponse | 'failed' | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [deleting, setDeleting] = useState<BackupEntry | null>(null);

  const reload = useCallback(() => {
    void host.call('backup.list', {}).then((r) => setList(r.ok ? r.value : 'failed'));
  }, []);
  useEffect(reload, [reload, written]);

  async function now() {
    const done = await backupNow('manual');
    if (done) toast({ message: t('backups.written', { name: done.name, size: format.bytes(done.bytes) }) });
  }

  async function remove(entry: BackupEntry) {
    setDeleting(null);
    const result = await host.call('backup.delete', { name: entry.name });
    if (result.ok) toast({ message: t('backups.deleted') });
    else toast({ tone: 'error', message: t('backups.failed', { reason: t('backups.errors.unknown') }) });
    reload();
  }

  // Seconds too: two backups in one minute must be told apart.
  const when = (entry: BackupEntry) => withSeconds(format.locale).format(backupTime(entry));
  const progress = running?.progress;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('backups.title')}</h1>
          <p className="lead muted">{t('backups.intro')}</p>
          <p className="muted">{appInfo.host === 'browser' ? t('backups.browserHostNote') : t('backups.desktopNote')}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button button-primary" disabled={running !== null} onClick={() => void now()}>
            {t('backups.backupNow')}
          </button>
        </div>
      </div>

      {running ? (
        <section className={styles.backupRunning} aria-live="polite">
          <p>{t('backups.writing')}</p>
          <ProgressBar
            value={progress?.done ?? 0}
            max={progress?.total ?? 1}
            label={t('backups.writing')}
            text={progress ? t('backups.progress', { done: format.number(progress.done), total: format.number(progress.total) }) : ''}
          />
          <button type="button" className="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </section>
      ) : null}

      <StorageStatus />

      <section aria-labelledby="backup-list-title" className={styles.backupSection}>
        <h2 id="backup-list-title">{t('backups.listTitle')}</h2>
        {list === null ? (
          <p className="muted">{t('backups.listLoading')}</p>
        ) : list === 'failed' ? (
          <p role="alert">{t('backups.listFailed')}</p>
        ) : (
          <>
            <p className={cx('muted', styles.backupFolder)} data-testid="backup-folder">{list.folder}</p>
            {list.backups.length === 0 ? (
              <p>{t('backups.listEmpty')}</p>
            ) : (
              <table className="table backup-table">
                <caption className="visually-hidden">{t('backups.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('backups.columnWhen')}</th>
                    <th scope="col">{t('backups.columnReason')}</th>
                    <th scope="col" className="numeric">
                      {t('backups.columnSize')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.backups.map((entry) => (
                    <tr key={entry.name}>
                      <th scope="row" title={entry.name}>
                        {when(entry)}
                      </th>
                      <td>{t(`backups.reasons.${entry.reason}`)}</td>
                      <td className="numeric">{format.bytes(entry.bytes)}</td>
                      <td>
                        <div className={styles.backupRowActions}>
                        {/* A raw copy made before a recovery is kept, not restored from here. */}
                        {entry.reason === 'rescue' ? null : (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={t('backups.restoreName', { when: when(entry) })}
                            disabled={running !== null}
                            onClick={() => setRestoring(entry)}
                          >
                            {t('backups.restore')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-small button-quiet"
                          aria-label={t('backups.deleteName', { when: when(entry) })}
                          onClick={() => setDeleting(entry)}
                        >
                          {t('backups.delete')}
                        </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      {list && list !== 'failed' ? <BackupSettingsForm defaultFolder={list.defaultFolder} onSaved={reload} /> : null}

      {restoring ? <RestoreDialog entry={restoring} when={when(restoring)} onClose={() => setRestoring(null)} /> : null}
      {deleting ? (
        <Dialog
          title={t('backups.delete')}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-danger" onClick={() => void remove(deleting)}>
                {t('backups.delete')}
              </button>
            </>
          }
        >
          <p>{t('backups.deleteConfirm', { when: when(deleting) })}</p>
        </Dialog>
      ) : null}
    </>
  );
}
