import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ArchiveProgress } from '#shared/bundles/archive.ts';
import { DEFAULT_BACKUP_SETTINGS, type BackupReason, type BackupSettings } from '#shared/contract/backups.ts';
import type { AppInfo } from '#shared/contract/channels.ts';
import { useCommand } from '../../app/commands.ts';
import { getBackupMark, studioFingerprint } from '../../data/backupRepo.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { host } from '../../host/hostClient.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { runBackup, type BackupDone } from './backupRunner.ts';
import { backupErrorText } from './backupText.ts';

/*
 * One backup at a time for the whole app: "Cadangkan sekarang", the automatic backup on the
 * interval (only when something changed since the last one), and the final backup the desktop
 * host asks for on quit. Automatic backups never block work and fail quietly but visibly: a
 * toast and a status line, and a retry at the next interval.
 */

export interface BackupRun {
  reason: BackupReason;
  progress: ArchiveProgress | null;
}

interface BackupContextValue {
  appInfo: AppInfo;
  settings: BackupSettings | null;
  saveSettings(next: BackupSettings): Promise<boolean>;
  running: BackupRun | null;
  /** The last automatic backup failed (cleared by the next success). */
  failed: boolean;
  /** Bumped after every backup written, so lists reload. */
  written: number;
  /** Runs a backup now; resolves with what was written, or null when cancelled or failed (already reported). */
  backupNow(reason: BackupReason): Promise<BackupDone | null>;
  cancel(): void;
}

const BackupContext = createContext<BackupContextValue | null>(null);

export function useBackups(): BackupContextValue {
  const value = useContext(BackupContext);
  if (!value) throw new Error('useBackups outside BackupProvider');
  return value;
}

const MINUTE = 60_000;

/** `enabled` once someone is reviewing on this laptop: before that there is nothing to back up. */
export function BackupProvider({ appInfo, enabled, children }: { appInfo: AppInfo; enabled: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const navigate = useNavigate();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [running, setRunning] = useState<BackupRun | null>(null);
  const [failed, setFailed] = useState(false);
  const [written, setWritten] = useState(0);
  const current = useRef<{ promise: Promise<BackupDone | null>; controller: AbortController } | null>(null);
  const app = useMemo(() => ({ name: appInfo.name, version: appInfo.version }), [appInfo]);

  useEffect(() => {
    void host.call('settings.get', {}).then((r) => setSettings(r.ok ? r.value.backup : DEFAULT_BACKUP_SETTINGS));
  }, []);

  const saveSettings = useCallback(async (next: BackupSettings) => {
    const saved = await host.call('settings.update', { backup: next });
    if (!saved.ok) return false;
    setSettings(saved.value.backup);
    return true;
  }, []);

  const start = useCallback(
    (reason: BackupReason, quiet: boolean): Promise<BackupDone | null> => {
      if (current.current) return current.current.promise;
      const controller = new AbortController();
      setRunning({ reason, progress: null });
      const promise = runBackup(db, reason, {
        app,
        signal: controller.signal,
        onProgress: (progress) => setRunning({ reason, progress }),
      })
        .then((done) => {
          setFailed(false);
          setWritten((n) => n + 1);
          return done;
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) {
            toast({ message: t('backups.cancelled') });
            return null;
          }
          console.error(error);
          if (quiet) {
            setFailed(true);
            toast({ tone: 'error', message: t('backups.autoFailed') });
          } else {
            toast({ tone: 'error', message: t('backups.failed', { reason: backupErrorText(error, t) }) });
          }
          return null;
        })
        .finally(() => {
          current.current = null;
          setRunning(null);
        });
      current.current = { promise, controller };
      return promise;
    },
    [app, db, t, toast],
  );

  /** A backup unless nothing changed since the last one (or the studio is empty); false when it failed. */
  const backupIfChanged = useCallback(
    async (reason: BackupReason): Promise<boolean> => {
      if (current.current) await current.current.promise;
      const [{ fingerprint, empty }, mark] = await Promise.all([studioFingerprint(db), getBackupMark(db)]);
      if (empty || mark?.fingerprint === fingerprint) return true;
      return (await start(reason, true)) !== null;
    },
    [db, start],
  );

  // Automatic backups on the interval while the studio is open.
  const interval = settings?.intervalMinutes ?? 0;
  useEffect(() => {
    if (!enabled || interval <= 0) return;
    const timer = setInterval(() => {
      void backupIfChanged('auto').catch((error: unknown) => console.error(error));
    }, interval * MINUTE);
    return () => clearInterval(timer);
  }, [enabled, interval, backupIfChanged]);

  // The desktop host asks for a final backup before it quits, and waits for the answer.
  useCommand('backup.beforeQuit', () => {
    const work = enabled ? backupIfChanged('quit') : Promise.resolve(true);
    void work.catch(() => false).then((ok) => host.call('backup.quitReady', { ok }));
  });
  useCommand('backup.open', () => void navigate('/backups'));

  const value = useMemo<BackupContextValue>(
    () => ({
      appInfo,
      settings,
      saveSettings,
      running,
      failed,
      written,
      backupNow: (reason) => start(reason, false),
      cancel: () => current.current?.controller.abort(),
    }),
    [appInfo, settings, saveSettings, running, failed, written, start],
  );
  return <BackupContext value={value}>{children}</BackupContext>;
}
