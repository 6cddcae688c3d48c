import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchPage, writeLaunchFile } from '#electron/web/launchFile.ts';

/*
 * The browser host opens the studio as Jupyter does: the address with its
 * token goes into a redirect file only this user can read, and the browser is
 * started on that file's path. These tests start the real host (as `npm run
 * web` does) with a stand-in `xdg-open` first on PATH that notes what it was
 * given, and look at every process's arguments for the token.
 */

const projectRoot = join(import.meta.dirname, '..', '..', '..');
const running: ChildProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function folder(prefix: string): Promise<string> {
  const made = await mkdtemp(join(tmpdir(), prefix));
  folders.push(made);
  return made;
}

/** A stand-in `xdg-open` that writes its arguments and the opened file's text to `log`, then exits with `code`. */
async function fakeOpener(code: number): Promise<{ bin: string; log: string }> {
  const bin = await folder('kemas-opener-');
  const log = join(bin, 'opened.txt');
  const script = `#!/bin/sh\nprintf '%s\\n' "$@" > "${log}.args"\ncat "$1" > "${log}.tmp" 2>/dev/null; mv "${log}.tmp" "${log}" 2>/dev/null\nexit ${code}\n`;
  await writeFile(join(bin, 'xdg-open'), script);
  await chmod(join(bin, 'xdg-open'), 0o755);
  return { bin, log };
}

interface Started {
  child: ChildProcess;
  dataDir: string;
  output: () => string;
  /** Resolves once the output holds `text`. */
  waitFor: (text: string | RegExp) => Promise<void>;
}

async function startHost(args: string[], pathPrefix: string | null): Promise<Started> {
  const dataDir = await folder('kemas-launch-');
  const port = await freePort();
  const env = { ...process.env, KEMAS_NO_REVEAL: '1', PATH: pathPrefix ? `${pathPrefix}${delimiter}${process.env.PATH}` : process.env.PATH };
  const child = spawn(process.execPath, [join(projectRoot, 'electron/web/main.ts'), '--port', String(port), '--data-dir', dataDir, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  running.push(child);
  let output = '';
  const waiters: { test: string | RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of [...waiters]) {
      if (typeof w.test === 'string' ? output.includes(w.test) : w.test.test(output)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    child,
    dataDir,
    output: () => output,
    waitFor: (test) =>
      new Promise<void>((resolve, reject) => {
        if (typeof test === 'string' ? output.includes(test) : test.test(output)) return resolve();
        waiters.push({ test, resolve });
        child.once('exit', (code) => reject(new Error(`host exited (${code}) before saying ${String(test)}:\n${output}`)));
      }),
  };
}

/** Command lines of every process this user can see. */
async function everyCommandLine(): Promise<string[]> {
  const lines: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const line = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (line) lines.push(line.replaceAll('\0', ' '));
  }
  return lines;
}

async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** Resolves once `path` exists. The watcher starts before the first look, so a file made in between is not missed. */
async function waitForFile(path: string): Promise<void> {
  const { existsSync, watch } = await import('node:fs');
  await new Promise<void>((resolve, reject) => {
    const watcher = watch(join(path, '..'), () => {
      if (existsSync(path)) done();
    });
    const done = () => {
      watcher.close();
      resolve();
    };
    watcher.on('error', reject);
    if (existsSync(path)) done();
  });
}

const linuxOnly = process.platform === 'linux' ? describe : describe.skip;

describe('the redirect page', () => {
  it('sends the browser on to the address, and escapes it', () => {
    const page = launchPage('http://127.0.0.1:4781/?token=abc&x="<script>');
    expect(page).toContain('http-equiv="refresh" content="1;url=http://127.0.0.1:4781/?token=abc&amp;x=&quot;&lt;script&gt;"');
    expect(page).not.toContain('"<script>');
    expect(page).toContain('window.location.replace("http://127.0.0.1:4781/?token=abc&x=\\"\\u003cscript>")');
  });

  it('is written readable by its owner only, and replaces a leftover file instead of writing through it', async () => {
    const dir = await folder('kemas-page-');
    const leftover = join(dir, 'kemas-4781-open.html');
    await writeFile(leftover, 'old', { mode: 0o644 });
    const path = await writeLaunchFile(dir, 4781, 'http://127.0.0.1:4781/?token=f00d');
    expect(path).toBe(leftover);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toContain('token=f00d');
  });
});

linuxOnly('launching the browser host', () => {
  it('opens the browser on a 0600 redirect file: the token is in no process\'s arguments and not printed', async () => {
    const opener = await fakeOpener(0);
    const host = await startHost([], opener.bin);
    await host.waitFor('Press Ctrl+C to stop.');
    await waitForFile(opener.log);

    const args = (await readFile(`${opener.log}.args`, 'utf8')).trim();
    expect(args).toMatch(/kemas-\d+-open\.html$/);
    expect((await stat(args)).mode & 0o777).toBe(0o600);
    const page = await readFile(opener.log, 'utf8');
    const token = /token=([0-9a-f]{48})/.exec(page)?.[1];
    expect(token).toBeDefined();

    expect(host.output()).not.toContain(token as string);
    expect(host.output()).toContain('is running at http://127.0.0.1:');
    const lines = await everyCommandLine();
    expect(lines.filter((line) => line.includes(token as string))).toEqual([]);

    // Stopping removes the redirect file.
    const exited = new Promise((resolve) => host.child.once('exit', resolve));
    host.child.kill('SIGTERM');
    await exited;
    expect(await fileExists(args)).toBe(false);
  }, 30_000);

  it('prints the address with its token when no browser can be opened', async () => {
    const opener = await fakeOpener(3);
    const host = await startHost([], opener.bin);
    await host.waitFor(/No browser could be opened\.\s+Open this address[^\n]*\n\n\s+http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}/);
  }, 30_000);

  it('prints the address only when asked (--print-url); with --no-open it names the redirect file instead', async () => {
    const asked = await startHost(['--no-open', '--print-url'], null);
    await asked.waitFor('Press Ctrl+C to stop.');
    expect(asked.output()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}/);

    const quiet = await startHost(['--no-open'], null);
    await quiet.waitFor('Press Ctrl+C to stop.');
    expect(quiet.output()).not.toMatch(/token=/);
    const file = /(\S+kemas-\d+-open\.html)/.exec(quiet.output())?.[1] as string;
    expect(file.startsWith(quiet.dataDir)).toBe(true);
    expect(await readFile(file, 'utf8')).toMatch(/token=[0-9a-f]{48}/);
  }, 30_000);
});
