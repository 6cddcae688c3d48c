import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

// Loading the config (typescript-eslint and all) takes seconds on a busy machine: do it once, before the cases.
beforeAll(async () => {
  await eslint.lintText('', { filePath: join(root, 'renderer/src/features/x.ts') });
}, 120_000);

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The arrows of shared/DESIGN.md: renderer → shared, electron → shared, nothing else.
describe('layer rule', () => {
  it.each([
    ['renderer/src/features/x.ts', "import { startWebHost } from '../../../electron/web/main.ts';"],
    ['renderer/src/features/x.ts', "import { startWebHost } from '#electron/web/main.ts';"],
    ['electron/main/x.ts', "import { App } from '#renderer/src/app/App.tsx';"],
    ['shared/domain/x.ts', "import { createWebHost } from '#electron/web/webHost.ts';"],
    ['shared/domain/x.ts', "import { host } from '#renderer/src/host/hostClient.ts';"],
    ['renderer/src/features/x.ts', "import { app } from 'electron';"],
    ['renderer/src/features/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['renderer/src/features/x.ts', "import sharp from 'sharp';"],
    ['renderer/src/features/x.ts', "import { Dexie } from 'dexie';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/app/App.tsx';"],
    ['electron/services/x.ts', "import { app } from 'electron';"],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs';"],
    ['shared/domain/x.ts', "import { host } from '../../renderer/src/host/hostClient.ts';"],
    ['shared/domain/x.ts', "import { createWebHost } from '../../electron/web/webHost.ts';"],
  ])('refuses a wrong arrow in %s: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/features/x.ts', "import { contract } from '../../../shared/contract/channels.ts';"],
    ['renderer/src/features/x.ts', "import { contract } from '#shared/contract/channels.ts';"],
    ['electron/services/x.ts', "import { contract } from '#shared/contract/channels.ts';"],
    ['renderer/src/data/x.ts', "import { Dexie } from 'dexie';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/web/x.ts', "import { createServer } from 'node:http';"],
    ['shared/domain/x.ts', "import { z } from 'zod';"],
  ])('allows a right arrow in %s: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});

// One door for CSV: renderer/src/ui/csvText.ts escapes formulas; a direct Papa.unparse elsewhere is refused.
describe('CSV door', () => {
  const syntaxErrors = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: join(root, filePath) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const source = "import Papa from 'papaparse';\nexport const csv = Papa.unparse([['=1+1']]);\n";

  it('refuses Papa.unparse outside csvText.ts', async () => {
    expect(await syntaxErrors('renderer/src/features/x.ts', source)).toEqual([expect.stringContaining('csvText')]);
    expect(await syntaxErrors('electron/services/x.ts', source)).toEqual([expect.stringContaining('csvText')]);
  });

  it('allows it in csvText.ts', async () => {
    expect(await syntaxErrors('renderer/src/ui/csvText.ts', source)).toEqual([]);
  });
});
