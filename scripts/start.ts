// `npm start`: builds, then opens the desktop app, or the browser host where Electron cannot run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, projectRoot } from './build.ts';

const electronDir = join(projectRoot, 'node_modules', 'electron');

function installedBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Path of the Electron binary. Electron downloads it on first use; that
 * download is tried once, quietly, and null means it could not be had.
 */
function electronBinary(): string | null {
  const found = installedBinary();
  if (found || !existsSync(join(electronDir, 'install.js'))) return found;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 180_000 });
  return installedBinary();
}

build();
const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [projectRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'The Electron binary is not installed and cannot be downloaded here, so Kemas Studio opens in your browser instead (same studio, same data on this machine).',
  );
  const { parseWebHostArgs, startWebHost } = await import('#electron/web/main.ts');
  await startWebHost(parseWebHostArgs(process.argv.slice(2)));
}
