// `npm run bench`: runs every tests/bench/*.bench.ts, prints a table, writes tests/bench/results.json
// (ignored by git, so branches never fight over it).
//   npm run bench -- library     only the benches whose file name contains "library"
//   npm run bench -- --compare   each measure beside the committed tests/bench/baseline.json
//   npm run bench -- --baseline  also write the results into baseline.json, on purpose, to commit
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Bench, Measure } from '../tests/bench/measure.ts';
import { projectRoot } from './build.ts';

const benchDir = join(projectRoot, 'tests', 'bench');
const args = process.argv.slice(2);
const compare = args.includes('--compare');
const saveBaseline = args.includes('--baseline');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: (Measure & { bench: string })[] = [];
for (const file of files) {
  const bench = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`running ${bench}… `);
  const started = performance.now();
  const run = ((await import(join(benchDir, file))) as { default: Bench }).default;
  const measures = await run();
  results.push(...measures.map((m) => ({ bench, ...m })));
  console.log(`${Math.round(performance.now() - started)} ms`);
}

type Result = Measure & { bench: string };
const baselineFile = join(benchDir, 'baseline.json');
const readResults = (file: string): Result[] =>
  existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { results?: Result[] }).results ?? []) : [];
const baseline = compare ? readResults(baselineFile) : [];
const key = (r: Result) => `${r.bench}\u0000${r.name}`;
const baselineByKey = new Map(baseline.map((r) => [key(r), r]));

/** "+12 %" from the baseline, or "new" for a measure the baseline does not have. */
function change(r: Result): string {
  const before = baselineByKey.get(key(r));
  if (!before || before.unit !== r.unit) return 'new';
  if (before.value === 0) return r.value === 0 ? '±0 %' : 'was 0';
  const percent = Math.round(((r.value - before.value) / Math.abs(before.value)) * 100);
  return `${before.value} ${r.unit} (${percent > 0 ? '+' : percent === 0 ? '±' : ''}${percent} %)`;
}

const rows = results.map((r) => [
  r.bench,
  r.name,
  `${r.value} ${r.unit}`,
  ...(compare ? [change(r)] : []),
  r.peer ? `${r.peer.value} ${r.unit} (${r.peer.name})` : '',
  r.goal ?? '',
]);
const header = ['bench', 'measure', 'value', ...(compare ? ['baseline'] : []), 'peer, same run', 'goal'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));
if (compare) {
  // Measures of the benches that ran (all of them, unfiltered) that the baseline has and this run did not give.
  const ranBench = (bench: string) => only.length === 0 || only.some((o) => `${bench}.bench.ts`.includes(o));
  const gone = baseline.filter((b) => ranBench(b.bench) && !results.some((r) => key(r) === key(b)));
  if (gone.length > 0) console.log(`\nin the baseline but not measured now: ${gone.map((b) => `${b.bench} / ${b.name}`).join('; ')}`);
}

// A filtered run (`npm run bench -- library`) replaces only the benches it ran.
function write(file: string, name: string): void {
  const ran = new Set(results.map((r) => r.bench));
  const kept = only.length > 0 ? readResults(file).filter((r) => !ran.has(r.bench)) : [];
  const output = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, arch: process.arch, cores: availableParallelism() },
    results: [...kept, ...results],
  };
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`wrote tests/bench/${name} (${results.length} measures)`);
}
console.log('');
write(join(benchDir, 'results.json'), 'results.json');
if (saveBaseline) write(baselineFile, 'baseline.json');
