// Electronegativity (Doyensec's Electron security linter) on the built output,
// offline: `node scripts/electronegativity.ts [outDir]`, a step of `npm test`.
// Every finding must be fixed or explained in tests/packaging/electronegativity-allow.json;
// an explanation that no longer matches a finding fails too, so the list stays true.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { transformWithOxc } from 'vite';

const projectRoot = join(import.meta.dirname, '..');
export const ALLOW_LIST_PATH = join(projectRoot, 'tests', 'packaging', 'electronegativity-allow.json');

/**
 * Checks that need the network: AVAILABLE_SECURITY_FIXES downloads Electron's
 * release list. The Electron version check reads package.json only and stays on.
 */
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface Finding {
  id: string;
  /** Relative to the scanned folder, e.g. `main/main.js`; `N/A` for whole-app checks. */
  file: string;
  line: number;
  /** The flagged line of code (empty for whole-app checks). */
  sample: string;
  severity: string;
  confidence: string;
  description: string;
}

export interface AllowEntry {
  id: string;
  file: string;
  /** Text the flagged line must contain ('' for whole-app checks). */
  match: string;
  reason: string;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  sample?: string;
  severity: { name: string };
  confidence: { name: string };
  description: string;
}

interface RunResult {
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RunResult>;

/**
 * Loads Electronegativity's runner with its translations read from its own
 * folder: the stock loader first fetches them from the internet.
 */
function loadRunner(): Runner {
  const require = createRequire(import.meta.url);
  const pkgRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const i18nPath = pkgRequire.resolve('./locales/i18n.js');
  const i18n = pkgRequire('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  const offlineI18n = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const cached = { id: i18nPath, filename: i18nPath, loaded: true, exports: { __esModule: true, default: offlineI18n } };
  require.cache[i18nPath] = cached as unknown as NodeJS.Module;
  // runner.js sets module.exports to the run function itself.
  return pkgRequire('./runner.js') as Runner;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * A copy of the built output Electronegativity can read whole: it skips `.cjs`
 * and `.mjs` (the sandboxed preload is `.cjs`), and its scope analysis stops
 * at class private fields (the renderer bundle has them). So scripts are named
 * `.js` and their syntax (not their calls or strings) is lowered to ES2019.
 */
export async function prepareScanCopy(outDir: string, packageJsonPath: string, dest: string): Promise<void> {
  for (const file of await listFiles(outDir)) {
    const rel = relative(outDir, file);
    const ext = extname(file);
    if (ext === '.map') continue;
    if (['.js', '.cjs', '.mjs'].includes(ext)) {
      const target = join(dest, rel.slice(0, -ext.length) + '.js');
      await mkdir(dirname(target), { recursive: true });
      const lowered = await transformWithOxc(await readFile(file, 'utf8'), file, { target: 'es2019', sourcemap: false });
      await writeFile(target, lowered.code);
    } else if (['.html', '.htm', '.json'].includes(ext)) {
      const target = join(dest, rel);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(file, target);
    }
  }
  // The Electron version and Electron's command-line switches are read from package.json.
  await copyFile(packageJsonPath, join(dest, 'package.json'));
}

/** Runs every offline check on a built output folder; a file it cannot parse is an error, never skipped. */
export async function scanBuiltOutput(outDir: string, packageJsonPath = join(projectRoot, 'package.json')): Promise<Finding[]> {
  const scanDir = await mkdtemp(join(tmpdir(), 'kemas-electronegativity-'));
  try {
    await prepareScanCopy(outDir, packageJsonPath, scanDir);
    const run = loadRunner();
    const result = await run(
      { input: scanDir, customScan: [], excludeFromScan: NETWORK_CHECKS, isRelative: true, isVerbose: false, parserPlugins: [] },
      false,
    );
    const unread = result.errors.filter((e) => !e.tolerable);
    if (unread.length > 0) {
      throw new Error(`Electronegativity could not read: ${unread.map((e) => `${relative(scanDir, e.file)} (${e.message})`).join('; ')}`);
    }
    return result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.split('\\').join('/'),
      line: issue.location.line,
      sample: (issue.sample ?? '').trim(),
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
    }));
  } finally {
    await rm(scanDir, { recursive: true, force: true });
  }
}

function allows(entry: AllowEntry, finding: Finding): boolean {
  return entry.id === finding.id && entry.file === finding.file && finding.sample.includes(entry.match);
}

/** Findings no entry explains, and entries that explain no finding any more. */
export function compareWithAllowList(
  findings: readonly Finding[],
  allowList: readonly AllowEntry[],
): { unexplained: Finding[]; stale: AllowEntry[] } {
  return {
    unexplained: findings.filter((f) => !allowList.some((entry) => allows(entry, f))),
    stale: allowList.filter((entry) => !findings.some((f) => allows(entry, f))),
  };
}

export async function readAllowList(path = ALLOW_LIST_PATH): Promise<AllowEntry[]> {
  const entries = JSON.parse(await readFile(path, 'utf8')) as AllowEntry[];
  for (const entry of entries) {
    if (!entry.id || typeof entry.file !== 'string' || typeof entry.match !== 'string' || !entry.reason?.trim()) {
      throw new Error(`${path}: every entry needs id, file, match and a reason (${JSON.stringify(entry)})`);
    }
  }
  return entries;
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? join(projectRoot, 'out');
  const findings = await scanBuiltOutput(outDir);
  const allowList = await readAllowList();
  const { unexplained, stale } = compareWithAllowList(findings, allowList);
  for (const f of findings) {
    const explained = !unexplained.includes(f);
    console.log(`${explained ? '  explained' : '✖ finding  '} ${f.id} ${f.severity}/${f.confidence} ${f.file}:${f.line} ${f.sample.slice(0, 120)}`);
  }
  for (const entry of stale) console.log(`✖ stale allow-list entry: ${entry.id} ${entry.file} "${entry.match}" matches no finding`);
  if (unexplained.length > 0 || stale.length > 0) {
    console.error(
      `\nElectronegativity: ${unexplained.length} unexplained finding(s), ${stale.length} stale explanation(s). ` +
        `Fix the code, or explain the finding in ${relative(projectRoot, ALLOW_LIST_PATH)}.`,
    );
    process.exit(1);
  }
  console.log(`Electronegativity: ${findings.length} finding(s), all explained in ${relative(projectRoot, ALLOW_LIST_PATH)}.`);
}

if (import.meta.main) await main();
