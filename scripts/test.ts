// `npm test`: every check CI runs, in order; stops at the first failure and
// ends with one summary line of all tests run ("N passed, N failed, N skipped").
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, projectRoot } from './build.ts';

const reports = join(projectRoot, '.cache', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);
const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    summarise();
    process.exit(result.status ?? 1);
  }
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function readCounts(): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const v = JSON.parse(readFileSync(join(reports, 'vitest.json'), 'utf8'));
    counts.passed += v.numPassedTests;
    counts.failed += v.numFailedTests;
    counts.skipped += v.numPendingTests + v.numTodoTests;
  } catch {
    // not run yet
  }
  try {
    const p = JSON.parse(readFileSync(join(reports, 'playwright.json'), 'utf8'));
    counts.passed += p.stats.expected + p.stats.flaky;
    counts.failed += p.stats.unexpected;
    counts.skipped += p.stats.skipped;
  } catch {
    // not run yet
  }
  return counts;
}

function summarise(): void {
  const c = readCounts();
  console.log(`\ntests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}

for (const project of ['tsconfig.json', 'shared', 'electron', 'renderer', 'tests']) {
  run(`typecheck ${project}`, process.execPath, [tsc, '-p', project]);
}
run('lint (layers, hooks, style)', bin('eslint'), ['--max-warnings', '0', '.']);
run('unit and renderer tests (Vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, 'vitest.json')}`,
]);
console.log('\n▶ build');
build();
// Offline (network checks off); findings must be fixed or explained in tests/packaging/electronegativity-allow.json.
run('Electronegativity (Electron security checks) on the built output', process.execPath, [join(projectRoot, 'scripts', 'electronegativity.ts')]);
run('end-to-end tests (Playwright, Chromium against the browser host)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json'),
});
summarise();
