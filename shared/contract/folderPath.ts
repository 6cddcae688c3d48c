/*
 * The folder a person typed, as the host will resolve it: `.` and `..` taken
 * away, repeated separators joined, no trailing separator. The dialog shows
 * this before it starts, so what it says is where the files go.
 * Pure, so both sides agree; links on disk are the host's to resolve.
 */

const WINDOWS = /^([A-Za-z]:)[\\/]|^\\\\/;

/**
 * `/home/sari//Ekspor/./a/../b/` → `/home/sari/Ekspor/b`;
 * `C:/Users\\sari\\..\\Ekspor` → `C:\Users\Ekspor`;
 * `\\\\server\\share\\x` keeps its server and share.
 * A `..` never climbs above the root (the drive, or the share).
 * Relative input is returned trimmed and otherwise untouched: the schema refuses it.
 */
export function normaliseFolder(input: string): string {
  const folder = input.trim();
  const windows = WINDOWS.exec(folder);
  if (!windows && !folder.startsWith('/')) return folder;
  const separator = windows ? '\\' : '/';
  const parts = folder.split(windows ? /[\\/]+/ : /\/+/);
  let root: string;
  if (!windows) {
    root = '/';
    parts.shift();
  } else if (windows[1]) {
    root = `${windows[1]}\\`;
    parts.shift();
  } else {
    // UNC: `\\server\share` is the root.
    const [, server = '', share = ''] = parts;
    root = `\\\\${server}\\${share}\\`;
    parts.splice(0, 3);
  }
  const kept: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') kept.pop();
    else kept.push(part);
  }
  const joined = root + kept.join(separator);
  return kept.length === 0 && root.length > 1 && windows && !windows[1] ? joined.slice(0, -1) : joined;
}
