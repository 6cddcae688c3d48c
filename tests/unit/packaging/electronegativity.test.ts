import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithAllowList, readAllowList, scanBuiltOutput, type Finding } from '../../../scripts/electronegativity.ts';

/**
 * The Electronegativity step of `npm test` (scripts/electronegativity.ts) on a
 * made-up build output with the mistakes it exists to catch: they must come
 * out as findings the allow-list does not explain, in every kind of file.
 */
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'kemas-electronegativity-test-'));
  await mkdir(join(out, 'main'), { recursive: true });
  await mkdir(join(out, 'preload'), { recursive: true });
  await mkdir(join(out, 'renderer', 'assets'), { recursive: true });
  await writeFile(
    join(out, 'main', 'main.js'),
    [
      'import { BrowserWindow } from "electron";',
      'const careless = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
      'careless.loadURL("app://studio/index.html");',
    ].join('\n'),
  );
  // A sandboxed preload is CommonJS (.cjs), which Electronegativity alone would skip.
  await writeFile(join(out, 'preload', 'preload.cjs'), 'const { shell } = require("electron");\nshell.openExternal(location.hash.slice(1));\n');
  // Class private fields, as in the renderer bundle, which Electronegativity alone cannot walk.
  await writeFile(
    join(out, 'renderer', 'assets', 'index-abc.js'),
    'class Linker { #shell; constructor(s) { this.#shell = s; } go(u) { return this.#shell.openExternal(u); } }\nexport { Linker };\n',
  );
  await writeFile(join(out, 'renderer', 'index.html'), '<!doctype html><title>x</title><script type="module" src="./assets/index-abc.js"></script>');
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('Electronegativity on built output', () => {
  it('flags an unsandboxed window in main and openExternal in a .cjs preload and in a bundle with class private fields', async () => {
    const findings = await scanBuiltOutput(out);
    const at = (id: string, file: string) => findings.filter((f) => f.id === id && f.file === file);
    expect(at('CONTEXT_ISOLATION_JS_CHECK', 'main/main.js')).not.toHaveLength(0);
    expect(at('SANDBOX_JS_CHECK', 'main/main.js')).not.toHaveLength(0);
    expect(at('OPEN_EXTERNAL_JS_CHECK', 'preload/preload.js')).not.toHaveLength(0);
    expect(at('OPEN_EXTERNAL_JS_CHECK', 'renderer/assets/index-abc.js')).not.toHaveLength(0);
    // Without a permission handler or navigation limits anywhere, the whole-app checks speak up too.
    expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(['PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));

    const { unexplained } = compareWithAllowList(findings, await readAllowList());
    expect(unexplained.map((f) => `${f.id} ${f.file}`)).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK main/main.js',
        'SANDBOX_JS_CHECK main/main.js',
        'OPEN_EXTERNAL_JS_CHECK preload/preload.js',
        'OPEN_EXTERNAL_JS_CHECK renderer/assets/index-abc.js',
      ]),
    );
  }, 300_000);

  it('refuses a file it cannot read instead of skipping it', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'kemas-electronegativity-broken-'));
    try {
      await mkdir(join(broken, 'main'));
      await writeFile(join(broken, 'main', 'main.js'), 'const = new BrowserWindow(;');
      await expect(scanBuiltOutput(broken)).rejects.toThrow(/main/);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('compareWithAllowList', () => {
  const finding = (id: string, file: string, sample: string): Finding => ({
    id,
    file,
    line: 1,
    sample,
    severity: 'MEDIUM',
    confidence: 'FIRM',
    description: '',
  });

  it('explains a finding only by id, file and the text of the flagged line, and reports entries that match nothing', () => {
    const allow = [
      { id: 'SANDBOX_JS_CHECK', file: 'main/main.js', match: 'new BrowserWindow(mainWindowOptions(', reason: 'options from a function' },
      { id: 'CSP_GLOBAL_CHECK', file: 'N/A', match: '', reason: 'header' },
      { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/main.js', match: 'isSafeExternalUrl(url)', reason: 'https only' },
    ];
    const ours = finding('SANDBOX_JS_CHECK', 'main/main.js', 'const w = new BrowserWindow(mainWindowOptions(p, s));');
    const another = finding('SANDBOX_JS_CHECK', 'main/main.js', 'const w = new BrowserWindow({ webPreferences: {} });');
    const elsewhere = finding('SANDBOX_JS_CHECK', 'main/other.js', 'const w = new BrowserWindow(mainWindowOptions(p, s));');
    const csp = finding('CSP_GLOBAL_CHECK', 'N/A', '');
    const result = compareWithAllowList([ours, another, elsewhere, csp], allow);
    expect(result.unexplained).toEqual([another, elsewhere]);
    expect(result.stale.map((e) => e.id)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
  });

  it('gives every entry of the real allow-list a reason', async () => {
    const entries = await readAllowList();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
