import type { App } from 'electron';
import { bundlePathsFromArgv, type PendingFiles } from '../services/openFiles.ts';

export interface OpenedFileHooks {
  /** Brings the studio's window to the front (opening one if there is none and the app is ready). */
  show(): void;
  /** Tells the renderer that files wait: it then calls `files.opened`. */
  announce(): void;
}

/**
 * The `.kemas` file association, wired before `ready` (macOS sends
 * `open-file` for the file that launched the app before it is ready). Paths
 * come from the first launch's command line (Windows, Linux), from a second
 * launch while the studio runs (the single-instance lock hands its command
 * line over) and from macOS's `open-file`. Resolves once the first launch's
 * paths are queued.
 */
export function watchOpenedFiles(
  app: Pick<App, 'on'>,
  launch: { argv: readonly string[]; cwd: string },
  pending: PendingFiles,
  hooks: OpenedFileHooks,
): Promise<void> {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void pending.add([path]).then((count) => {
      if (count === 0) return;
      hooks.show();
      hooks.announce();
    });
  });
  app.on('second-instance', (_event, commandLine, workingDirectory) => {
    hooks.show();
    void pending.add(bundlePathsFromArgv(commandLine.slice(1), workingDirectory)).then((count) => {
      if (count > 0) hooks.announce();
    });
  });
  return pending.add(bundlePathsFromArgv(launch.argv.slice(1), launch.cwd)).then(() => undefined);
}
