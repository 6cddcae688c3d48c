/*
 * A final backup before the desktop app quits. Quitting (the menu, Cmd+Q, or closing the
 * last window on Windows and Linux) is held once: the renderer is asked for a backup
 * ('backup.beforeQuit') and answers 'backup.quitReady' when it is written, or failed, or had
 * nothing new. The app then quits; it never waits longer than `timeoutMs`.
 */

/** What this needs of an Electron event: just the way to hold it. */
interface Preventable {
  preventDefault(): void;
}

export interface QuitBackupOptions {
  /** Asks the renderer for a final backup; false when there is no renderer to ask. */
  ask: () => boolean;
  /** Quits for real (app.quit()). */
  quit: () => void;
  timeoutMs?: number;
}

export interface QuitBackup {
  /** For 'before-quit' and the main window's 'close': holds the first one while the backup runs. */
  intercept(event: Preventable): void;
  /** The renderer's answer: quit now. */
  ready(): void;
}

export const QUIT_BACKUP_TIMEOUT_MS = 20_000;

export function createQuitBackup(options: QuitBackupOptions): QuitBackup {
  let state: 'idle' | 'waiting' | 'done' = 'idle';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = () => {
    if (state !== 'waiting') return;
    clearTimeout(timer);
    state = 'done';
    options.quit();
  };

  return {
    intercept(event) {
      if (state === 'done') return;
      if (state === 'waiting') {
        // A second quit while the backup runs: keep waiting, the timeout still bounds it.
        event.preventDefault();
        return;
      }
      if (!options.ask()) {
        state = 'done';
        return;
      }
      event.preventDefault();
      state = 'waiting';
      timer = setTimeout(finish, options.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS);
    },
    ready: finish,
  };
}
