import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, projectRoot } from '../../scripts/build.ts';

export const E2E_PORT = 4791;

/**
 * Starts the browser host the way a person does (`npm run web -- --no-open`),
 * with its settings in a throwaway folder, and hands the printed address
 * (with its launch token) to the tests.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  buildIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'kemas-e2e-'));
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'electron/web/main.ts'), '--port', String(E2E_PORT), '--no-open', '--data-dir', dataDir],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Browser host exited (${code}):\n${output}`)));
  });
  process.env.KEMAS_URL = url;
  process.env.KEMAS_DATA_DIR = dataDir;
  return async () => {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
