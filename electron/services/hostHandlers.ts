import type { AppInfo, DialogResponse } from '#shared/contract/channels.ts';
import { UnsupportedError, type Handlers } from '#shared/contract/dispatch.ts';
import type { SettingsService } from './settingsService.ts';
import type { IngestLimits, IngestOutcome } from '#shared/intake/ingestOutcome.ts';
import type { z } from 'zod';
import type { openDialogRequestSchema, saveDialogRequestSchema } from '#shared/contract/channels.ts';
import type { PackRenderRequest, PackRenderResponse } from '#shared/contract/packRender.ts';
import type { PackSummaryRequest, PackSummaryResponse } from '#shared/contract/packSummary.ts';
import type { ExportService } from './exportFolder.ts';
import type { OpenedFilesResponse } from '#shared/contract/openFiles.ts';
import type { BackupService } from './backupFolder.ts';
import type { FolderGrants } from './folderGrants.ts';
import { exportFolderSchema } from '#shared/contract/exportFiles.ts';
import type { HandoutSheetJob } from '#shared/contract/handout.ts';
import type { HandoutService } from './handout/handoutService.ts';

export interface Dialogs {
  open(request: z.output<typeof openDialogRequestSchema>): Promise<DialogResponse>;
  save(request: z.output<typeof saveDialogRequestSchema>): Promise<DialogResponse>;
}

/** For hosts without native dialogs: the renderer falls back to its own file pickers. */
export const noDialogs: Dialogs = {
  open: () => Promise.reject(new UnsupportedError('This host has no native open dialog')),
  save: () => Promise.reject(new UnsupportedError('This host has no native save dialog')),
};

/** Runs one file through the intake pipeline, off the main thread (see ingestPool.ts). */
export type IngestRunner = (bytes: Uint8Array, fileName: string, limits: IngestLimits, jobId?: string) => Promise<IngestOutcome>;

/** Draws a critique pack (PDF, and ZIP when asked), off the main thread (see packPool.ts). */
export type PackRunner = (request: PackRenderRequest) => Promise<PackRenderResponse>;

/** Draws a scoring session's summary report PDF, in the same pack workers (see packPool.ts). */
export type SummaryRunner = (request: PackSummaryRequest) => Promise<PackSummaryResponse>;

/** Draws a hand-out's sheet of QR cards, in the pack workers (see packPool.ts). */
export type SheetRunner = (job: HandoutSheetJob, jobId?: string) => Promise<PackSummaryResponse>;

export interface HostServices {
  appInfo: AppInfo;
  settings: SettingsService;
  dialogs: Dialogs;
  ingest: IngestRunner;
  pack: PackRunner;
  summary: SummaryRunner;
  /** Stops a queued or running worker job by the id its request carried; false when there is none (see jobs.ts). */
  cancelJob?: (jobId: string) => boolean;
  /** Writes exported files into a folder; absent on a host without a file system of its own. */
  exports?: ExportService;
  /** Drains the `.kemas` files the desktop opened the studio with; absent where there is no desktop (browser host). */
  openedFiles?: () => Promise<OpenedFilesResponse>;
  /** Backups in a folder on the host (see backupFolder.ts); absent on a host without a file system of its own. */
  backups?: BackupService;
  /** The folders the person granted (folderGrants.ts); with exports or backups, always there. */
  grants?: FolderGrants;
  /**
   * Grants a folder once the person confirmed it. The browser host grants what the app confirmed;
   * the desktop asks the person itself (a native question) and may answer false.
   */
  confirmGrant?: (folder: string) => Promise<boolean>;
  /** Hand-out mode (handout/handoutService.ts) and the pack workers that draw its sheet of QR cards; absent where the host cannot serve a network. */
  handout?: { service: HandoutService; sheet: SheetRunner };
}

function handoutOf(services: HostServices): { service: HandoutService; sheet: SheetRunner } {
  if (!services.handout) throw new UnsupportedError('This host cannot hand out packs');
  return services.handout;
}

function exportsOf(services: HostServices): ExportService {
  if (!services.exports) throw new UnsupportedError('This host cannot write export folders');
  return services.exports;
}

function grantsOf(services: HostServices): FolderGrants {
  if (!services.grants) throw new UnsupportedError('This host writes no folders');
  return services.grants;
}

/** Where the next backup goes: the setting, else the host's default (answered by backup.list). */
async function requireBackupFolderGranted(services: HostServices): Promise<void> {
  const folder = services.settings.get().backup.folder;
  if (folder !== null) await grantsOf(services).require(folder);
}

function backupsOf(services: HostServices): BackupService {
  if (!services.backups) throw new UnsupportedError('This host cannot keep backups');
  return services.backups;
}

/** The contract's handlers, built from services that never import 'electron'. */
export function createHostHandlers(services: HostServices): Handlers {
  return {
    'app.info': async () => services.appInfo,
    'settings.get': async () => services.settings.get(),
    'settings.update': async (patch) => {
      // A backup folder is one more place the host writes: only a granted one.
      if (patch.backup?.folder) await grantsOf(services).require(patch.backup.folder);
      return services.settings.update(patch);
    },
    'dialog.open': (request) => services.dialogs.open(request),
    'dialog.save': (request) => services.dialogs.save(request),
    'ingest.file': (request) =>
      services.ingest(request.bytes, request.fileName, services.settings.get().ingestLimits, request.jobId),
    'pack.render': (request) => services.pack(request),
    'pack.summary': (request) => services.summary(request),
    'jobs.cancel': async (request) => ({ cancelled: services.cancelJob?.(request.jobId) ?? false }),
    'export.folder': async () => ({ folder: exportsOf(services).defaultFolder() }),
    'export.write': (request) => exportsOf(services).write(request),
    'export.reveal': (request) => exportsOf(services).reveal(request.folder),
    'export.exists': async (request) => ({ exists: await exportsOf(services).exists(request) }),
    'files.opened': async () => (services.openedFiles ? services.openedFiles() : { files: [], refused: [] }),
    'backup.list': () => backupsOf(services).list(),
    'backup.checkFolder': async (request) => {
      // A relative path is answered by the check itself ('relative'); anything it could write must be granted.
      if (exportFolderSchema.safeParse(request.folder).success) await grantsOf(services).require(request.folder);
      return backupsOf(services).checkFolder(request.folder);
    },
    'backup.begin': async (request) => {
      await requireBackupFolderGranted(services);
      return backupsOf(services).begin(request.reason);
    },
    'folders.check': async (request) => ({
      ...(await grantsOf(services).check(request.folder)),
      confirmedBy: services.confirmGrant ? 'host' : 'app',
    }),
    'folders.grant': async (request) => {
      const grants = grantsOf(services);
      const folder = await grants.resolve(request.folder);
      if (services.confirmGrant && !(await services.confirmGrant(folder))) return { folder, granted: false };
      return { folder: await grants.grant(folder), granted: true };
    },
    'backup.append': (request) => backupsOf(services).append(request.writeId, request.bytes),
    'backup.commit': (request) => backupsOf(services).commit(request.writeId),
    'backup.abort': (request) => backupsOf(services).abort(request.writeId),
    'backup.read': (request) => backupsOf(services).read(request.name, request.offset, request.length),
    'backup.delete': (request) => backupsOf(services).delete(request.name),
    // Only the desktop host waits for a final backup on quit (electron/main/quitBackup.ts replaces this).
    'backup.quitReady': async () => ({}),
    'handout.interfaces': async () => ({ interfaces: handoutOf(services).service.interfaces() }),
    'handout.prepare': () => handoutOf(services).service.prepare(),
    'handout.addPack': (request) => handoutOf(services).service.addPack(request),
    'handout.start': (request) => handoutOf(services).service.start(request),
    'handout.stop': (request) => handoutOf(services).service.stop(request.handoutId),
    'handout.status': async () => handoutOf(services).service.status(),
    'handout.sheet': async (request) => {
      const { service, sheet } = handoutOf(services);
      return sheet(service.sheetJob(request.handoutId, request.language), request.jobId);
    },
  };
}
