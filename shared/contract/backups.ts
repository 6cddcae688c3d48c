import { z } from 'zod';
import { exportFolderSchema } from './exportFiles.ts';

/*
 * The `backup.*` channels: `.kemas` backups (kind 'backup') written into one folder on the host,
 * in chunks (the browser host takes at most 300 MB per request), listed, read back in byte
 * ranges for a restore, and deleted. The renderer never names a path: only the folder (a
 * setting) and file names the host listed, checked against one strict pattern.
 */

const MB = 1024 * 1024;

/** Largest chunk in one `backup.append` or `backup.read`: far under the browser host's frame limit. */
export const BACKUP_CHUNK_MAX_BYTES = 32 * MB;

/**
 * Why a file was written: automatic, manual, the last one on quit, or a raw copy of a database
 * that could not be opened, made before recovery replaced it (a rescue file is not a `.kemas`
 * archive and is never restored from the list; rotation never deletes it).
 */
export const BACKUP_REASONS = ['auto', 'manual', 'quit', 'rescue'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * `kemas-cadangan-20261128-143205-manual.kemas` (host-local time), with `-2`, `-3`… when two
 * backups fall in the same second. Nothing else is ever read, written or deleted by name.
 */
export const BACKUP_NAME_PATTERN = /^kemas-cadangan-(\d{8})-(\d{6})-(auto|manual|quit|rescue)(?:-([2-9]|[1-9]\d))?\.kemas$/;

export function isBackupName(name: string): boolean {
  return BACKUP_NAME_PATTERN.test(name);
}

/** The reason a backup name carries, or null for a name that is not a backup's. */
export function backupReasonOf(name: string): BackupReason | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  return match ? (match[3] as BackupReason) : null;
}

export const backupNameSchema = z.string().max(80).refine(isBackupName, 'not a backup file name');

/** Backup preferences, kept with the host's settings. */
export const backupSettingsSchema = z
  .object({
    /** Absolute folder; null means the host's default (`~/Kemas Studio/Cadangan`). */
    folder: exportFolderSchema.nullable(),
    /** Minutes between automatic backups while the studio is open; 0 turns them off. */
    intervalMinutes: z.number().int().min(0).max(24 * 60),
    /** Automatic backups kept; older ones are deleted (manual and on-quit backups never are). */
    keep: z.number().int().min(1).max(100),
  })
  .strict();
export type BackupSettings = z.output<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, intervalMinutes: 30, keep: 10 };

export const backupEntrySchema = z.object({
  name: backupNameSchema,
  bytes: z.number().int().nonnegative(),
  /** Last modification, ms since the epoch. */
  modifiedAt: z.number(),
  reason: z.enum(BACKUP_REASONS),
});
export type BackupEntry = z.output<typeof backupEntrySchema>;

export const backupListResponseSchema = z.object({
  /** The folder in use (the setting, or the default). */
  folder: z.string(),
  defaultFolder: z.string(),
  /** Newest first. */
  backups: z.array(backupEntrySchema),
});
export type BackupListResponse = z.output<typeof backupListResponseSchema>;

export const backupCheckFolderRequestSchema = z.object({ folder: z.string().max(1000) }).strict();
export const backupCheckFolderResponseSchema = z.union([
  z.object({ writable: z.literal(true), folder: z.string() }).strict(),
  z.object({ writable: z.literal(false), reason: z.enum(['not-absolute', 'not-folder', 'not-writable']) }).strict(),
]);
export type BackupCheckFolderResponse = z.output<typeof backupCheckFolderResponseSchema>;

const writeIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const backupBeginRequestSchema = z.object({ reason: z.enum(BACKUP_REASONS) }).strict();
export const backupBeginResponseSchema = z.object({ writeId: writeIdSchema });

export const backupAppendRequestSchema = z
  .object({
    writeId: writeIdSchema,
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength > 0 && b.byteLength <= BACKUP_CHUNK_MAX_BYTES, `1 to ${BACKUP_CHUNK_MAX_BYTES} bytes`),
  })
  .strict();
/** Bytes written so far. */
export const backupAppendResponseSchema = z.object({ bytes: z.number().int().nonnegative() });

export const backupWriteIdRequestSchema = z.object({ writeId: writeIdSchema }).strict();
export const backupCommitResponseSchema = z.object({
  name: backupNameSchema,
  bytes: z.number().int().nonnegative(),
  /** Older automatic backups deleted by rotation. */
  removed: z.array(z.string()),
});
export type BackupCommitResponse = z.output<typeof backupCommitResponseSchema>;
export const backupAbortResponseSchema = z.object({ aborted: z.boolean() });

export const backupReadRequestSchema = z
  .object({
    name: backupNameSchema,
    offset: z.number().int().nonnegative(),
    length: z.number().int().min(1).max(BACKUP_CHUNK_MAX_BYTES),
  })
  .strict();
/** Fewer bytes than asked only at the end of the file. */
export const backupReadResponseSchema = z.object({ bytes: z.instanceof(Uint8Array), size: z.number().int().nonnegative() });

export const backupDeleteRequestSchema = z.object({ name: backupNameSchema }).strict();
export const backupDeleteResponseSchema = z.object({ deleted: z.boolean() });

/** The renderer's answer to the host's 'backup.beforeQuit' push: the final backup is done (or failed). */
export const backupQuitReadyRequestSchema = z.object({ ok: z.boolean() }).strict();
export const backupQuitReadyResponseSchema = z.object({}).strict();

/** When a backup was made, from its name (host-local time), as ms since the epoch; null for other names. */
export function backupTimeOf(name: string): number | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (!match) return null;
  const [date, time] = [match[1] ?? '', match[2] ?? ''];
  const part = (text: string, from: number, length: number) => Number(text.slice(from, from + length));
  return new Date(part(date, 0, 4), part(date, 4, 2) - 1, part(date, 6, 2), part(time, 0, 2), part(time, 2, 2), part(time, 4, 2)).getTime();
}
