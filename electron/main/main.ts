import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createIngestPool } from '../services/ingestPool.ts';
import { createExportService, defaultExportFolder } from '../services/exportFolder.ts';
import { createFolderGrants } from '../services/folderGrants.ts';
import { grantQuestion } from './grantQuestion.ts';
import { createBackupService, defaultBackupFolder } from '../services/backupFolder.ts';
import { createQuitBackup, type QuitBackup } from './quitBackup.ts';
import { createPackPool, type PackReply, type PackTask } from '../services/packPool.ts';
import { spawnUtilityWorker } from './utilityWorker.ts';
import Store from 'electron-store';
import type { MenuCommand } from '#shared/contract/channels.ts';
import { createHostHandlers, type Dialogs } from '../services/hostHandlers.ts';
import { createSettingsService, SETTINGS_STORE_OPTIONS } from '../services/settingsService.ts';
import { APP_ENTRY_URL } from './appOrigin.ts';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './appProtocol.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { hardenContents, hardenSession, isSafeExternalUrl } from './security.ts';
import { mainWindowOptions } from './windowOptions.ts';
import { restorableBounds } from './windowState.ts';
import { MENU_COMMAND_EVENT } from '../preload/ipcChannelName.ts';
import { createPendingFiles } from '../services/openFiles.ts';
import { watchOpenedFiles } from './fileAssociation.ts';
import { createHandoutService } from '../services/handout/handoutService.ts';

// Must happen before `ready`: IndexedDB needs a standard, secure scheme.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever its window options say.
app.enableSandbox();

const outDir = join(import.meta.dirname, '..');
const rendererDir = join(outDir, 'renderer');
const preloadPath = join(outDir, 'preload', 'preload.cjs');
const ingestWorkerPath = join(outDir, 'main', 'ingestWorker.js');
const packWorkerPath = join(outDir, 'main', 'packWorker.js');

let mainWindow: BrowserWindow | null = null;
/** Opens the window once the app is ready (set by start). */
let openWindow: (() => void) | null = null;
/** `.kemas` files the desktop opened the studio with, until the renderer asks (`files.opened`). */
const pendingFiles = createPendingFiles();

function showWindow(): void {
  if (!mainWindow) return void openWindow?.();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}
let quitBackup: QuitBackup | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (its command line) or macOS's open-file focuses the studio and offers the bundles.
  void watchOpenedFiles(app, { argv: process.argv, cwd: process.cwd() }, pendingFiles, {
    show: showWindow,
    announce: () => mainWindow?.webContents.send(MENU_COMMAND_EVENT, 'bundle.openPending'),
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, (url) => (isSafeExternalUrl(url) ? shell.openExternal(url) : Promise.resolve())),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}

function start(): void {
  const store = new Store(SETTINGS_STORE_OPTIONS);
  const settings = createSettingsService(store);
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);

  const backupFolder = process.env.KEMAS_BACKUP_DIR ?? defaultBackupFolder(homedir());
  // Folders chosen in the native folder dialog, or allowed in the host's own question, remembered in electron-store.
  const grants = createFolderGrants({
    store,
    implicit: () => [defaultExportFolder(homedir()), backupFolder, ...(settings.get().backup.folder ? [settings.get().backup.folder as string] : [])],
  });

  const dialogs: Dialogs = {
    async open(request) {
      const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = [
        request.directory ? 'openDirectory' : 'openFile',
      ];
      if (request.multiple) properties.push('multiSelections');
      const options = { title: request.title, filters: request.filters, properties };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      // A folder the person picked in the system's own dialog is theirs to write into.
      if (request.directory && !result.canceled) for (const path of result.filePaths) await grants.grant(path);
      return { canceled: result.canceled, paths: result.filePaths };
    },
    async save(request) {
      const options = { title: request.title, defaultPath: request.defaultName, filters: request.filters };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return { canceled: result.canceled || !result.filePath, paths: result.filePath ? [result.filePath] : [] };
    },
  };

  // Every job is bounded (a setting); a worker past its bound, or cancelled, is killed and replaced.
  const workerLimits = () => settings.get().workerLimits;
  const pool = createIngestPool(
    () => spawnUtilityWorker(ingestWorkerPath, 'Kemas Studio image worker', workerLimits().memoryMb),
    availableParallelism(),
    workerLimits,
  );
  const packs = createPackPool(
    () => spawnUtilityWorker<PackTask, PackReply>(packWorkerPath, 'Kemas Studio pack worker', workerLimits().memoryMb),
    availableParallelism(),
    workerLimits,
  );
  const backups = createBackupService({
    folder: () => settings.get().backup.folder ?? backupFolder,
    defaultFolder: backupFolder,
    keep: () => settings.get().backup.keep,
  });
  // Hand-out mode: off until the mentor starts it; a small file server in main (no drawing: the sheet is drawn by the pack workers).
  const handout = createHandoutService();
  app.on('will-quit', () => {
    pool.close();
    packs.close();
    void backups.close();
    void handout.close();
  });
  // A final backup before quitting: the renderer is asked, and answers on 'backup.quitReady'.
  const quit = createQuitBackup({
    ask: () => {
      const contents = mainWindow?.webContents;
      if (!contents || contents.isCrashed?.()) return false;
      contents.send(MENU_COMMAND_EVENT, 'backup.beforeQuit' satisfies MenuCommand);
      return true;
    },
    quit: () => app.quit(),
  });
  quitBackup = quit;
  app.on('before-quit', (event) => quit.intercept(event));

  const baseHandlers = createHostHandlers({
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
      capabilities: { nativeDialogs: true },
    },
    settings,
    dialogs,
    ingest: (bytes, fileName, limits, jobId) => pool.run(bytes, fileName, limits, jobId),
    pack: (request) => packs.run(request),
    summary: (request) => packs.summary(request),
    cancelJob: (jobId) => pool.cancel(jobId) || packs.cancel(jobId),
    // shell.openPath answers '' on success, else why it could not open the folder.
    exports: createExportService({ open: async (folder) => (await shell.openPath(folder)) === '', grants }),
    openedFiles: () => pendingFiles.drain(),
    backups,
    grants,
    handout: { service: handout, sheet: (job, jobId) => packs.sheet(job, jobId) },
    // A typed folder: the person is asked in a native box the renderer cannot answer for them.
    confirmGrant: async (folder) => {
      const question = grantQuestion(settings.get().language, folder);
      const result = mainWindow ? await dialog.showMessageBox(mainWindow, question) : await dialog.showMessageBox(question);
      return result.response === 0;
    },
  });
  registerIpc(ipcMain, {
    ...baseHandlers,
    // The menu speaks the UI language: rebuild it when the language changes.
    'settings.update': async (patch) => {
      const next = await baseHandlers['settings.update'](patch);
      buildMenu(next.language);
      return next;
    },
    'backup.quitReady': async () => {
      quit.ready();
      return {};
    },
  });

  const send = (command: MenuCommand) => mainWindow?.webContents.send(MENU_COMMAND_EVENT, command);
  const buildMenu = (language: 'id' | 'en') =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, send, process.platform === 'darwin')));
  buildMenu(settings.get().language);

  openWindow = () => createWindow(settings);
  createWindow(settings);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(settings);
  });
}

function createWindow(settings: ReturnType<typeof createSettingsService>): void {
  const saved = restorableBounds(
    settings.get().window,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(preloadPath, saved));
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    // Closing the last window quits on Windows and Linux: hold it for the final backup first.
    if (process.platform !== 'darwin') quitBackup?.intercept(event);
    settings.saveWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}
