import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FRAME_CONTENT_TYPE } from '#shared/contract/binaryFrame.ts';
import { filterBombSvg } from '../../support/heavyFiles.ts';

/*
 * SIGTERM while a filter bomb is decoding: the browser host used to stop
 * listening and then never exit (libvips' native threads outlived the worker
 * thread). Its workers are processes now; the host kills them and is gone
 * within 5 s, and so are they.
 */

const projectRoot = join(import.meta.dirname, '..', '..', '..');
const linuxOnly = process.platform === 'linux' ? describe : describe.skip;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Processes whose parent is `pid`, with their command line and CPU time so far (in clock ticks). */
async function childrenOf(pid: number): Promise<{ pid: number; command: string; cpuTicks: number }[]> {
  const found = [];
  for (const name of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) !== pid) continue;
    const command = (await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
    found.push({ pid: Number(name), command, cpuTicks: Number(fields[11]) + Number(fields[12]) });
  }
  return found;
}

const alive = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // A zombie has exited; only its parent's bookkeeping is left.
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
};

linuxOnly('the browser host and SIGTERM', () => {
  it('exits within 5 s of SIGTERM while a filter bomb is decoding, and leaves no worker process behind', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kemas-stop-'));
    // A bound far beyond the test: the bomb is still decoding when SIGTERM comes.
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ workerLimits: { fileSeconds: 600, packSeconds: 600, memoryMb: 4096 } }));
    const port = await freePort();
    const host = spawn(process.execPath, [join(projectRoot, 'electron/web/main.ts'), '--port', String(port), '--no-open', '--print-url', '--data-dir', dataDir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        host.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+)/.exec(output);
          if (match) resolve(match[0]);
        });
        host.once('exit', (code) => reject(new Error(`host exited (${code}): ${output}`)));
      });
      const token = new URL(url).searchParams.get('token') as string;
      const answer = fetch(`http://127.0.0.1:${port}/api/ingest.file`, {
        method: 'POST',
        headers: { 'Content-Type': FRAME_CONTENT_TYPE, 'X-Kemas-Token': token },
        body: encodeFrame({ fileName: 'bomba.svg', bytes: filterBombSvg() }) as Uint8Array<ArrayBuffer>,
      }).catch(() => null);

      // Decoding: an ingest worker process of the host has burnt a second of CPU on the bomb.
      let workers: number[] = [];
      await expect
        .poll(
          async () => {
            const children = (await childrenOf(host.pid as number)).filter((c) => c.command.includes('ingestWorker'));
            workers = children.map((c) => c.pid);
            return children.some((c) => c.cpuTicks >= 100);
          },
          { timeout: 30_000, interval: 200 },
        )
        .toBe(true);

      const exited = new Promise<number>((resolve) => host.once('exit', () => resolve(performance.now())));
      const signalled = performance.now();
      host.kill('SIGTERM');
      const exitedAt = await exited;
      expect(exitedAt - signalled).toBeLessThan(5000);
      await answer;
      for (const pid of workers) await expect.poll(() => alive(pid), { timeout: 2000 }).toBe(false);
    } finally {
      if (host.exitCode === null && host.signalCode === null) host.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
