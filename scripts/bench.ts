// `npm run bench`: runs every tests/bench/*.bench.ts, prints a table, writes tests/bench/results.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Bench, Measure } from '../tests/bench/measure.ts';
import { projectRoot } from './build.ts';

const benchDir = join(projectRoot, 'tests', 'bench');
const only = process.argv.slice(2);
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

const rows = results.map((r) => [
  r.bench,
  r.name,
  `${r.value} ${r.unit}`,
  r.peer ? `${r.peer.value} ${r.unit} (${r.peer.name})` : '',
  r.goal ?? '',
]);
const header = ['bench', 'measure', 'value', 'peer, same run', 'goal'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));

// A filtered run (`npm run bench -- library`) replaces only the benches it ran.
const resultsFile = join(benchDir, 'results.json');
const ran = new Set(results.map((r) => r.bench));
let kept: (Measure & { bench: string })[] = [];
if (only.length > 0 && existsSync(resultsFile)) {
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as { results?: (Measure & { bench: string })[] };
  kept = (previous.results ?? []).filter((r) => !ran.has(r.bench));
}
const output = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, platform: process.platform, arch: process.arch, cores: availableParallelism() },
  results: [...kept, ...results],
};
writeFileSync(resultsFile, `${JSON.stringify(output, null, 2)}\n`);
console.log(`\nwrote tests/bench/results.json (${results.length} measures)`);
