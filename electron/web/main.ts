import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { createHostHandlers, noDialogs } from '../services/hostHandlers.ts';
import { createSettingsService, SETTINGS_STORE_OPTIONS } from '../services/settingsService.ts';
import { createWebHost, DEFAULT_PORT, listen, LOOPBACK } from './webHost.ts';
import { availableParallelism } from 'node:os';
import { createIngestPool } from '../services/ingestPool.ts';
import { createPackPool } from '../services/packPool.ts';
import { spawnPackThreadWorker, spawnThreadWorker } from './threadWorker.ts';
import { createExportService } from '../services/exportFolder.ts';
import { openFolderWithSystem } from './folderOpener.ts';
import { createWorkerFaults } from './workerFaults.ts';
import { createBackupService, defaultBackupFolder } from '../services/backupFolder.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

export interface WebHostArgs {
  port: number;
  open: boolean;
  dataDir: string | undefined;
}

export function parseWebHostArgs(argv: readonly string[]): WebHostArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Not a port number: ${values.port}`);
  return { port, open: !values['no-open'], dataDir: values['data-dir'] ?? process.env.KEMAS_DATA_DIR };
}

function openInBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('No system browser found: open the address above yourself.'));
  child.unref();
}

/** Starts the browser host and prints the address to open, Jupyter-style. */
export async function startWebHost(args: WebHostArgs): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const store = new Conf({ ...SETTINGS_STORE_OPTIONS, ...(args.dataDir ? { cwd: args.dataDir } : {}) });
  // End-to-end tests of a killed worker start their own host with KEMAS_FAULTS=1 (workerFaults.ts); never on by default.
  const faults = process.env.KEMAS_FAULTS === '1' ? createWorkerFaults() : null;
  const pool = createIngestPool(faults ? faults.wrap('ingest', spawnThreadWorker) : spawnThreadWorker, availableParallelism());
  const packs = createPackPool(faults ? faults.wrap('pack', spawnPackThreadWorker) : spawnPackThreadWorker, availableParallelism());
  const settings = createSettingsService(store);
  // With --data-dir (as in tests) backups stay beside the settings unless KEMAS_BACKUP_DIR says otherwise.
  const backupFolder = process.env.KEMAS_BACKUP_DIR ?? (args.dataDir ? join(args.dataDir, 'Cadangan') : defaultBackupFolder());
  const backups = createBackupService({
    folder: () => settings.get().backup.folder ?? backupFolder,
    defaultFolder: backupFolder,
    keep: () => settings.get().backup.keep,
  });
  const handlers = createHostHandlers({
    appInfo: {
      name: 'Kemas Studio',
      version: pkg.version,
      host: 'browser',
      platform: process.platform,
      capabilities: { nativeDialogs: false },
    },
    settings,
    dialogs: noDialogs,
    ingest: (bytes, fileName, limits) => pool.run(bytes, fileName, limits),
    pack: (request) => packs.run(request),
    summary: (request) => packs.summary(request),
    exports: createExportService({ open: openFolderWithSystem }),
    backups,
  });
  const token = randomBytes(24).toString('hex');
  const server = createWebHost({ rendererDir: join(projectRoot, 'out', 'renderer'), port: args.port, token, handlers, faults });
  try {
    await listen(server, args.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(`Port ${args.port} is in use: is Kemas Studio already running? Use --port N for another port.`);
      process.exit(1);
    }
    throw error;
  }
  const url = `http://${LOOPBACK}:${args.port}/?token=${token}`;
  console.log(`Kemas Studio (browser host) is running. Open this address in Chromium, Chrome or Edge:\n\n    ${url}\n`);
  console.log('Press Ctrl+C to stop.');
  if (faults) console.log('KEMAS_FAULTS=1: fault injection is on (POST /api/__fault/kill-workers). For tests only.');
  if (args.open) openInBrowser(url);
  const stop = () => {
    pool.close();
    packs.close();
    void backups.close();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.main) {
  await startWebHost(parseWebHostArgs(process.argv.slice(2)));
}
