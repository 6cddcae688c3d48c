import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/build.ts';
import { channels } from '#shared/contract/channels.ts';

/** The Electron binary, when this machine has it (it downloads on first use; not possible here). */
function electronBinary(): string | null {
  const dir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the desktop app opens the studio, sandboxed, with exactly the contract on window', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine (it downloads from GitHub): smoke test skipped');
  const app = await electron.launch({ executablePath: binary as string, args: [projectRoot, '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await window.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
    expect(window.url()).toMatch(/^app:\/\/studio\//);
    await expect(window.getByRole('heading', { name: 'Selamat datang di Kemas Studio' })).toBeVisible();
    const exposed = await window.evaluate(() => {
      const host = (window as unknown as { kemasHost: { invoke: Record<string, unknown> } }).kemasHost;
      return {
        channels: Object.keys(host.invoke).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      };
    });
    expect(exposed).toEqual({ channels: [...channels].sort(), hasRequire: false, hasProcess: false });
  } finally {
    await app.close();
  }
});
