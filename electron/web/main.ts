import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { createHostHandlers, noDialogs } from '../services/hostHandlers.ts';
import { createSettingsService, SETTINGS_STORE_OPTIONS } from '../services/settingsService.ts';
import type { Server } from 'node:http';
import { createWebHost, DEFAULT_PORT, listen, LOOPBACK, type Frontend } from './webHost.ts';
import { availableParallelism } from 'node:os';
import { createIngestPool } from '../services/ingestPool.ts';
import { createPackPool } from '../services/packPool.ts';
import { spawnIngestProcess, spawnPackProcess } from './processWorker.ts';
import { createExportService, defaultExportFolder } from '../services/exportFolder.ts';
import { createFolderGrants } from '../services/folderGrants.ts';
import { openFolderWithSystem } from './folderOpener.ts';
import { createWorkerFaults } from './workerFaults.ts';
import { createBackupService, defaultBackupFolder } from '../services/backupFolder.ts';
import { openLaunchFile, removeLaunchFile, writeLaunchFile } from './launchFile.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

/** The host exits this long after SIGTERM or Ctrl+C at the latest, whatever is still running. */
export const STOP_DEADLINE_MS = 4000;

export interface WebHostArgs {
  port: number;
  open: boolean;
  /** Print the address with its launch token (it is otherwise printed only when no browser could be opened). */
  printUrl: boolean;
  dataDir: string | undefined;
}

export function parseWebHostArgs(argv: readonly string[]): WebHostArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'print-url': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Not a port number: ${values.port}`);
  return { port, open: !values['no-open'], printUrl: values['print-url'], dataDir: values['data-dir'] ?? process.env.KEMAS_DATA_DIR };
}

/** `npm run dev` (scripts/dev.ts): a token kept across restarts, and the page served by Vite with hot reload. */
export interface DevMode {
  token: string;
  /** Made once the server exists (Vite's hot-reload socket shares its port); closed when the host stops. */
  frontend: (server: Server) => Promise<{ handle: Frontend; close: () => Promise<void> }>;
}

/**
 * Starts the browser host and opens the studio the way Jupyter does: through a
 * redirect file only this user can read, so the token never shows in a process
 * listing or on the screen unless asked for (`--print-url`).
 */
export async function startWebHost(args: WebHostArgs, dev?: DevMode): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const store = new Conf({ ...SETTINGS_STORE_OPTIONS, ...(args.dataDir ? { cwd: args.dataDir } : {}) });
  const settings = createSettingsService(store);
  const workerLimits = () => settings.get().workerLimits;
  // Each worker is a child process (processWorker.ts): a job past its bound, or cancelled, is killed for good.
  const spawnIngest = () => spawnIngestProcess(workerLimits().memoryMb);
  const spawnPack = () => spawnPackProcess(workerLimits().memoryMb);
  // End-to-end tests of a killed worker start their own host with KEMAS_FAULTS=1 (workerFaults.ts); never on by default.
  const faults = process.env.KEMAS_FAULTS === '1' ? createWorkerFaults() : null;
  const pool = createIngestPool(faults ? faults.wrap('ingest', spawnIngest) : spawnIngest, availableParallelism(), workerLimits);
  const packs = createPackPool(faults ? faults.wrap('pack', spawnPack) : spawnPack, availableParallelism(), workerLimits);
  // With --data-dir (as in tests) backups stay beside the settings unless KEMAS_BACKUP_DIR says otherwise.
  const backupFolder = process.env.KEMAS_BACKUP_DIR ?? (args.dataDir ? join(args.dataDir, 'Cadangan') : defaultBackupFolder());
  const backups = createBackupService({
    folder: () => settings.get().backup.folder ?? backupFolder,
    defaultFolder: backupFolder,
    keep: () => settings.get().backup.keep,
  });
  // Folders typed in the app and confirmed there (folders.grant), remembered beside the settings;
  // the host's own proposals, and a backup folder set before grants existed, count as granted.
  const grants = createFolderGrants({
    store,
    implicit: () => [defaultExportFolder(), backupFolder, ...(settings.get().backup.folder ? [settings.get().backup.folder as string] : [])],
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
    ingest: (bytes, fileName, limits, jobId) => pool.run(bytes, fileName, limits, jobId),
    pack: (request) => packs.run(request),
    summary: (request) => packs.summary(request),
    cancelJob: (jobId) => pool.cancel(jobId) || packs.cancel(jobId),
    exports: createExportService({ open: openFolderWithSystem, grants }),
    backups,
    grants,
  });
  const token = dev?.token ?? randomBytes(24).toString('hex');
  let frontend: Awaited<ReturnType<DevMode['frontend']>> | null = null;
  const server = createWebHost({
    rendererDir: join(projectRoot, 'out', 'renderer'),
    port: args.port,
    token,
    handlers,
    faults,
    ...(dev ? { frontend: (request, response) => frontend?.handle(request, response) } : {}),
  });
  frontend = dev ? await dev.frontend(server) : null;
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
  const address = `http://${LOOPBACK}:${args.port}/`;
  const url = `${address}?token=${token}`;
  // Beside the host's other state (its settings), readable by this user only.
  const launchFile = await writeLaunchFile(args.dataDir ?? dirname(store.path), args.port, url);
  const printUrl = () => console.log(`Open this address in Chromium, Chrome or Edge:\n\n    ${url}\n`);
  console.log(`Kemas Studio (browser host) is running at ${address}`);
  if (args.printUrl) printUrl();
  if (args.open) {
    console.log(`Opening it in your browser. To open it again later, open this file in the browser:\n\n    ${launchFile}\n`);
    void openLaunchFile(launchFile).then((opened) => {
      if (opened) return;
      console.log('No browser could be opened.');
      if (!args.printUrl) printUrl();
    });
  } else if (!args.printUrl) {
    console.log(`To open the studio, open this file in your browser:\n\n    ${launchFile}\n\n(or start with --print-url to see the address with its token)`);
  }
  console.log('Press Ctrl+C to stop.');
  if (faults) console.log('KEMAS_FAULTS=1: fault injection is on (POST /api/__fault/kill-workers). For tests only.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Worker processes are killed outright: a decode stuck in native code cannot hold the host open.
    pool.close();
    packs.close();
    // Whatever still hangs (a slow disk under a backup write), the host is gone within the deadline.
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    void Promise.allSettled([closed, backups.close(), removeLaunchFile(launchFile), frontend?.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.main) {
  await startWebHost(parseWebHostArgs(process.argv.slice(2)));
}
