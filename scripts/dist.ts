// `npm run dist [-- electron-builder options]`: builds the installers for this
// machine's platform (or the ones named, e.g. `-- --linux --win`) into dist/.
// Needs internet: electron-builder downloads Electron and the installer tools.
// Electronegativity runs first; a finding that is not explained stops the build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build, projectRoot } from './build.ts';

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

build();
run([join(projectRoot, 'scripts', 'electronegativity.ts')]);
run([join(projectRoot, 'node_modules', 'electron-builder', 'cli.js'), '--publish', 'never', ...process.argv.slice(2)]);
