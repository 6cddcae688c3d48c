import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../scripts/build.ts';

/** A port nobody is listening on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let child: ChildProcess | null = null;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'kemas-dev-'));

/** Resolves once the output holds `pattern` `times` times (a state the host prints), or fails when the process ends first. */
function printed(pattern: RegExp, times = 1): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const all = [...output.matchAll(new RegExp(pattern.source, 'g'))];
      if (all.length >= times) {
        child?.stdout?.off('data', check);
        resolve(all[times - 1]!);
      }
    };
    child?.stdout?.on('data', check);
    child?.once('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${output}`)));
    check();
  });
}

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    // The whole group: the watcher and the host it runs.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the page through Vite on the host’s own port, answers the API, and restarts the host on a change to its code', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [join(projectRoot, 'scripts/dev.ts'), '--port', String(port), '--print-url', '--data-dir', dataDir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [url] = await printed(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/);

    // The launch link trades the token for the session cookie, as in `npm run web`.
    const launch = await fetch(url!, { redirect: 'manual' });
    expect(launch.status).toBe(303);
    const cookie = launch.headers.get('set-cookie')!.split(';')[0]!;
    const base = `http://127.0.0.1:${port}`;

    // The page comes from Vite: its hot-reload client and React Fast Refresh are in it.
    const page = await (await fetch(`${base}/`, { headers: { cookie } })).text();
    expect(page).toContain('/@vite/client');
    expect(page).toContain('/@react-refresh');
    expect(page).toContain('<div id="root"></div>');
    // A renderer module, compiled from source on request.
    const module = await fetch(`${base}/src/main.tsx`, { headers: { cookie } });
    expect(module.status).toBe(200);
    expect(await module.text()).toMatch(/import .*react/);

    // The host contract on the same origin, token checked as always.
    const info = await fetch(`${base}/api/app.info`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(await info.json()).toMatchObject({ ok: true, value: { host: 'browser' } });
    expect((await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);
    // fetch cannot set Host: a rebinding name is sent by hand.
    const foreign = await new Promise<number>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      }).on('error', reject),
    );
    expect(foreign).toBe(403);

    // A change to host code restarts the host; the page's cookie still works afterwards.
    const touched = join(projectRoot, 'electron/web/folderOpener.ts');
    const before = statSync(touched);
    utimesSync(touched, before.atime, new Date());
    try {
      await printed(/is running at/, 2);
    } finally {
      utimesSync(touched, before.atime, before.mtime);
    }
    expect(output).toMatch(/Restarting/);
    const again = await fetch(`${base}/api/app.info`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(200);
  }, 180_000);
});
