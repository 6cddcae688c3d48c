import { spawn } from 'node:child_process';
import type { FolderOpener } from '../services/exportFolder.ts';

/**
 * Opens a folder in the system's file manager from the browser host: `open`
 * on macOS, `explorer` on Windows, `xdg-open` elsewhere, started detached so
 * it outlives nothing of ours. False when there is no such program, or when
 * KEMAS_NO_REVEAL is set (end-to-end tests must not open windows on the
 * machine running them).
 */
export const openFolderWithSystem: FolderOpener = (folder) => {
  if (process.env.KEMAS_NO_REVEAL) return Promise.resolve(false);
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  return new Promise((resolve) => {
    const child = spawn(opener, [folder], { detached: true, stdio: 'ignore' });
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
    child.once('error', () => resolve(false));
  });
};
