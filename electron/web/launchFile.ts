import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * Opening the browser without putting the token where other local users can
 * read it, as Jupyter does (`jpserver-<pid>-open.html`): the address with its
 * token goes into an HTML file only this user can read (0600, in a folder
 * only this user can enter), and the system opener is given the file's path.
 * A `ps` listing then shows a file name, never the token.
 */

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The redirect page: a meta refresh and a script that replace it with `url`, and a link for a browser that does neither. */
export function launchPage(url: string): string {
  const href = escapeHtml(url);
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="1;url=${href}">
<title>Kemas Studio</title>
</head>
<body>
<p>Membuka Kemas Studio… Bila tidak terbuka, <a href="${href}">klik di sini</a>.</p>
<p lang="en">Opening Kemas Studio… If it does not open, <a href="${href}">click here</a>.</p>
<script>window.location.replace(${JSON.stringify(url).replace(/</g, '\\u003c')});</script>
</body>
</html>
`;
}

/** Writes the redirect page for this launch as `<dir>/kemas-<port>-open.html`, readable by this user only; resolves with its path. */
export async function writeLaunchFile(dir: string, port: number, url: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `kemas-${port}-open.html`);
  // A file left by a launch that was killed: replaced, never written through (it could be a link).
  await rm(path, { force: true });
  await writeFile(path, launchPage(url), { mode: 0o600, flag: 'wx' });
  return path;
}

export async function removeLaunchFile(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => {});
}

/** The program that opens a file with the system's default browser. */
export function systemOpener(platform: NodeJS.Platform = process.platform): string {
  return platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open';
}

/**
 * Opens `filePath` with the system opener. Resolves false when there is no
 * opener or it says it could not open the file (xdg-open exits non-zero when no
 * browser is set up), true once it is on its way.
 */
export function openLaunchFile(filePath: string, opener: string = systemOpener()): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(opener, [filePath], { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0 || (process.platform === 'win32' && code === 1)));
    child.unref();
  });
}
