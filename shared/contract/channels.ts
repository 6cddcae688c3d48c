import { z } from 'zod';
import { CHANNEL_NAMES, MENU_COMMANDS, type Channel } from './names.ts';
import { DEFAULT_INGEST_LIMITS, ingestLimitsSchema, ingestOutcomeSchema } from '../intake/ingestOutcome.ts';
import { packRenderRequestSchema, packRenderResponseSchema } from './packRender.ts';
import { packSummaryRequestSchema, packSummaryResponseSchema } from './packSummary.ts';
import * as exportFiles from './exportFiles.ts';
import { openedFilesRequestSchema, openedFilesResponseSchema } from './openFiles.ts';
import * as backups from './backups.ts';
import * as jobs from './jobs.ts';
import * as folders from './folders.ts';
import * as handout from './handout.ts';

export type { Channel, MenuCommand } from './names.ts';

/** Languages the UI speaks; Bahasa Indonesia first. */
export const languageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/**
 * Preferences kept by the host (electron-store in Electron, conf in the browser
 * host). Small values only: the domain lives in IndexedDB.
 */
export const settingsSchema = z.object({
  language: languageSchema.default('id'),
  window: windowBoundsSchema.nullable().default(null),
  ingestLimits: ingestLimitsSchema.default(DEFAULT_INGEST_LIMITS),
  backup: backups.backupSettingsSchema.default(backups.DEFAULT_BACKUP_SETTINGS),
  /** Bounds of one worker job (see jobs.ts). */
  workerLimits: jobs.workerLimitsSchema.default(jobs.DEFAULT_WORKER_LIMITS),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    language: languageSchema,
    ingestLimits: ingestLimitsSchema,
    backup: backups.backupSettingsSchema,
    workerLimits: jobs.workerLimitsSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  capabilities: z.object({
    /** The host can show native open/save dialogs that return file paths. */
    nativeDialogs: z.boolean(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const fileFilterSchema = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(30),
});

export const openDialogRequestSchema = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilterSchema).max(20).optional(),
    directory: z.boolean().optional(),
    multiple: z.boolean().optional(),
  })
  .strict();

export const saveDialogRequestSchema = z
  .object({
    title: z.string().max(200).optional(),
    defaultName: z.string().max(255).optional(),
    filters: z.array(fileFilterSchema).max(20).optional(),
  })
  .strict();

export const dialogResponseSchema = z.object({
  canceled: z.boolean(),
  paths: z.array(z.string()),
});
export type DialogResponse = z.infer<typeof dialogResponseSchema>;

const empty = z.object({}).strict();

/** One file for the intake pipeline: its name (for the report) and its bytes, unchanged. */
export const ingestRequestSchema = z
  .object({ fileName: z.string().min(1).max(500), bytes: z.instanceof(Uint8Array), jobId: jobs.jobIdSchema.optional() })
  .strict();

/**
 * The host contract: every call the renderer can make, with the schema of its
 * request and of its response. Both hosts validate requests with these schemas.
 */
export const contract = {
  'app.info': { request: empty, response: appInfoSchema },
  'settings.get': { request: empty, response: settingsSchema },
  'settings.update': { request: settingsPatchSchema, response: settingsSchema },
  'dialog.open': { request: openDialogRequestSchema, response: dialogResponseSchema },
  'dialog.save': { request: saveDialogRequestSchema, response: dialogResponseSchema },
  'ingest.file': { request: ingestRequestSchema, response: ingestOutcomeSchema },
  /** A critique pack's PDF (and ZIP), drawn off the main thread: see packRender.ts. */
  'pack.render': { request: packRenderRequestSchema, response: packRenderResponseSchema },
  /** A scoring session's summary report PDF, drawn in the same pack workers: see packSummary.ts. */
  'pack.summary': { request: packSummaryRequestSchema, response: packSummaryResponseSchema },
  /** Stops a job (a file being read, a pack being drawn) queued or running in a host worker: see jobs.ts. */
  'jobs.cancel': { request: jobs.jobCancelRequestSchema, response: jobs.jobCancelResponseSchema },
  /** Whether the host may write into a folder, and granting it once the person confirmed: see folders.ts. */
  'folders.check': { request: folders.folderRequestSchema, response: folders.folderCheckResponseSchema },
  'folders.grant': { request: folders.folderRequestSchema, response: folders.folderGrantResponseSchema },
  /** Writing a batch of packs into a folder: see exportFiles.ts. */
  'export.folder': { request: empty, response: exportFiles.exportFolderResponseSchema },
  'export.write': { request: exportFiles.exportWriteRequestSchema, response: exportFiles.exportWriteResponseSchema },
  'export.reveal': { request: exportFiles.exportRevealRequestSchema, response: exportFiles.exportRevealResponseSchema },
  'export.exists': { request: exportFiles.exportExistsRequestSchema, response: exportFiles.exportExistsResponseSchema },
  /** `.kemas` files the desktop opened the studio with, drained on each call: see openFiles.ts. */
  'files.opened': { request: openedFilesRequestSchema, response: openedFilesResponseSchema },
  /** Backups in a folder on the host, written in chunks: see backups.ts. */
  'backup.list': { request: empty, response: backups.backupListResponseSchema },
  'backup.checkFolder': { request: backups.backupCheckFolderRequestSchema, response: backups.backupCheckFolderResponseSchema },
  'backup.begin': { request: backups.backupBeginRequestSchema, response: backups.backupBeginResponseSchema },
  'backup.append': { request: backups.backupAppendRequestSchema, response: backups.backupAppendResponseSchema },
  'backup.commit': { request: backups.backupWriteIdRequestSchema, response: backups.backupCommitResponseSchema },
  'backup.abort': { request: backups.backupWriteIdRequestSchema, response: backups.backupAbortResponseSchema },
  'backup.read': { request: backups.backupReadRequestSchema, response: backups.backupReadResponseSchema },
  'backup.delete': { request: backups.backupDeleteRequestSchema, response: backups.backupDeleteResponseSchema },
  'backup.quitReady': { request: backups.backupQuitReadyRequestSchema, response: backups.backupQuitReadyResponseSchema },
  /** Hand-out mode (*Bagikan di ruangan*): packs served to phones on the room's network; see handout.ts. */
  'handout.interfaces': { request: empty, response: handout.handoutInterfacesResponseSchema },
  'handout.prepare': { request: empty, response: handout.handoutPrepareResponseSchema },
  'handout.addPack': { request: handout.handoutAddPackRequestSchema, response: handout.handoutAddPackResponseSchema },
  'handout.start': { request: handout.handoutStartRequestSchema, response: handout.handoutStartResponseSchema },
  'handout.stop': { request: handout.handoutStopRequestSchema, response: handout.handoutStatusSchema },
  'handout.status': { request: empty, response: handout.handoutStatusSchema },
  'handout.sheet': { request: handout.handoutSheetRequestSchema, response: handout.handoutSheetResponseSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export const menuCommandSchema = z.enum(MENU_COMMANDS);
