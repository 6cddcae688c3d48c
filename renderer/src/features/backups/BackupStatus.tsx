import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useBackupMark } from '../../data/backupHooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBackups } from './BackupProvider.tsx';
import styles from './backups.module.css';
import { cx } from '../../ui/cx.ts';

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "Cadangan terakhir: 14.32" in the header: unobtrusive, and the way to the Cadangan screen. */
export function BackupStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const { running, failed } = useBackups();
  const mark = useBackupMark();
  let text: string;
  if (running) text = t('backups.status.running');
  else if (failed) text = t('backups.status.failed');
  else if (!mark) text = t('backups.status.never');
  else {
    const at = new Date(mark.at);
    const time = sameDay(at, new Date())
      ? new Intl.DateTimeFormat(format.locale, { hour: '2-digit', minute: '2-digit' }).format(at)
      : format.timestamp(mark.at);
    text = t('backups.status.last', { time });
  }
  return (
    <NavLink to="/backups" className={failed && !running ? cx(styles.backupStatus, styles.backupStatusFailed) : styles.backupStatus} aria-keyshortcuts="c">
      {text}
    </NavLink>
  );
}
