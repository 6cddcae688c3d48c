import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, projectRoot } from '../../scripts/build.ts';

export interface RunningHost {
  /** The printed address, with its launch token. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface BrowserHostOptions {
  /** Extra environment for the host process, e.g. `{ KEMAS_FAULTS: '1' }` for a host a fault test may break. */
  env?: Readonly<Record<string, string>>;
}

/**
 * Starts the browser host as a person does (`npm run web -- --no-open --print-url`), with
 * its settings in a throwaway folder, and resolves with the printed address.
 */
export async function startBrowserHost(port: number, options: BrowserHostOptions = {}): Promise<RunningHost> {
  buildIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'kemas-host-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, 'electron/web/main.ts'), '--port', String(port), '--no-open', '--print-url', '--data-dir', dataDir],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Browser host exited (${code}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
