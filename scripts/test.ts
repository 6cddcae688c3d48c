// `npm test`: every check CI runs, in order; stops at the first failure.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build, projectRoot } from './build.ts';

const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);
const steps: [string, string, string[]][] = [
  ['typecheck', process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']],
  ['typecheck shared', process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'shared']],
  ['typecheck electron', process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'electron']],
  ['typecheck renderer', process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'renderer']],
  ['typecheck tests', process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tests']],
  ['lint (layers, hooks, style)', bin('eslint'), ['--max-warnings', '0', '.']],
  ['unit and renderer tests', bin('vitest'), ['run']],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

console.log('\n▶ build');
build();

console.log('\n▶ end-to-end tests (Chromium against the browser host)');
const e2e = spawnSync(bin('playwright'), ['test'], { cwd: projectRoot, stdio: 'inherit' });
if (e2e.status !== 0) {
  console.error('\n✖ end-to-end tests failed');
  process.exit(e2e.status ?? 1);
}
console.log('\n✔ every check passed');
