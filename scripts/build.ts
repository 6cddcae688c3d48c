import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');
const OUTPUTS = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
const SOURCES = ['shared', 'electron', 'renderer', 'assets', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when a build output is missing or older than any source. */
export function buildIsStale(): boolean {
  const outputs = OUTPUTS.map((p) => join(projectRoot, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestSource = Math.max(
    ...SOURCES.map((p) => join(projectRoot, p))
      .filter((p) => existsSync(p))
      .map(newestMtime),
  );
  return newestSource > oldestOutput;
}

/** Builds main, preload and renderer with electron-vite; exits on failure. */
export function build(): void {
  console.log('Building Kemas Studio…');
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function buildIfStale(): void {
  if (buildIsStale()) build();
}
