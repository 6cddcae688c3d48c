import { BACKUP_CHUNK_MAX_BYTES, type BackupReason } from '#shared/contract/backups.ts';
import type { Channel, RequestOf, ResponseOf } from '#shared/contract/channels.ts';
import type { HostErrorCode } from '#shared/contract/result.ts';
import { checkArchive, type ArchiveCheck, type ArchiveProgress } from '#shared/bundles/archive.ts';
import { blobSource, streamArchive } from '../../data/archiveRepo.ts';
import { getBackupMark, setBackupMark, studioFingerprint } from '../../data/backupRepo.ts';
import type { KemasDatabase } from '../../data/db.ts';
import { host } from '../../host/hostClient.ts';
import { blobParts } from '../../data/blobParts.ts';
import { exportRawDatabase, type RawExportSummary } from '../../data/rawExport.ts';

/*
 * Making a backup and reading one back, over the host's `backup.*` channels. The archive is
 * streamed out of IndexedDB and sent in chunks of at most 8 MB (the browser host takes 300 MB per
 * request, and smaller chunks keep memory flat); a failure or Cancel aborts the host's write, which
 * leaves no file behind.
 */

/** Chunks sent to the host: big enough to be few, small enough to keep memory flat. */
const SEND_BYTES = 8 * 1024 * 1024;

/** A host call that failed; `code` picks the translated message. */
export class BackupHostError extends Error {
  readonly code: HostErrorCode;
  constructor(code: HostErrorCode, message: string) {
    super(message);
    this.name = 'BackupHostError';
    this.code = code;
  }
}

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await host.call(channel, request);
  if (!result.ok) throw new BackupHostError(result.error.code, result.error.message);
  return result.value;
}

export interface BackupRunOptions {
  app: { name: string; version: string };
  onProgress?: (progress: ArchiveProgress) => void;
  signal?: AbortSignal;
}

export interface BackupDone {
  name: string;
  bytes: number;
  at: number;
}

/**
 * Gathers an archive's chunks and sends them to an open backup write in parts of
 * about SEND_BYTES. The writer may reuse its buffer, so each chunk is copied.
 */
function chunkSender(writeId: string) {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    pending = [];
    pendingBytes = 0;
    await call('backup.append', { writeId, bytes });
  };
  const add = async (chunk: Uint8Array) => {
    pending.push(chunk.slice());
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= SEND_BYTES) await flush();
  };
  return { add, flush };
}

/** Writes a backup of everything into the host's backup folder and records it as the last backup. */
export async function runBackup(db: KemasDatabase, reason: BackupReason, options: BackupRunOptions): Promise<BackupDone> {
  options.signal?.throwIfAborted();
  const { writeId } = await call('backup.begin', { reason });
  const sender = chunkSender(writeId);
  try {
    // The builder says what the backup holds (`streamArchive`): its fingerprint is the mark's.
    const { fingerprint } = await streamArchive(
      db,
      { kind: 'backup' },
      sender.add,
      { app: options.app, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) },
    );
    options.signal?.throwIfAborted();
    await sender.flush();
    const done = await call('backup.commit', { writeId });
    const at = Date.now();
    if (fingerprint !== null) await setBackupMark(db, { at, fingerprint });
    return { name: done.name, bytes: done.bytes, at };
  } catch (error) {
    await host.call('backup.abort', { writeId }).catch(() => {});
    throw error;
  }
}

/**
 * Before recovery deletes a database it cannot open: every object store, as stored, into the
 * backup folder (a `rescue` file, never rotated away). Throws when the copy could not be written,
 * and then nothing may be deleted. Null `summary` when there was no database to copy.
 */
export async function runRescueExport(options: { name?: string } = {}): Promise<{ name: string; bytes: number; summary: RawExportSummary | null }> {
  const { writeId } = await call('backup.begin', { reason: 'rescue' });
  const sender = chunkSender(writeId);
  try {
    const summary = await exportRawDatabase(
      sender.add,
      options.name === undefined ? {} : { name: options.name },
    );
    await sender.flush();
    const done = await call('backup.commit', { writeId });
    return { name: done.name, bytes: done.bytes, summary };
  } catch (error) {
    await host.call('backup.abort', { writeId }).catch(() => {});
    throw error;
  }
}

/** Reads a listed backup from the host into a Blob, in chunks; progress in bytes. */
export async function readBackup(
  name: string,
  options: { onProgress?: (progress: ArchiveProgress) => void; signal?: AbortSignal } = {},
): Promise<Blob> {
  const file = blobParts('application/zip');
  let offset = 0;
  let size = Infinity;
  while (offset < size) {
    options.signal?.throwIfAborted();
    const read = await call('backup.read', { name, offset, length: BACKUP_CHUNK_MAX_BYTES });
    size = read.size;
    if (read.bytes.byteLength === 0) break;
    file.push(read.bytes);
    offset += read.bytes.byteLength;
    options.onProgress?.({ done: offset, total: size });
  }
  return file.finish();
}

/** Reads a backup and checks all of it (structure, manifest, every checksum, every record) before anything is written. */
export async function readAndCheckBackup(
  name: string,
  options: { onPhase?: (phase: 'reading' | 'checking', progress: ArchiveProgress) => void; signal?: AbortSignal } = {},
): Promise<{ file: Blob; check: ArchiveCheck }> {
  const signal = options.signal;
  const file = await readBackup(name, {
    onProgress: (p) => options.onPhase?.('reading', p),
    ...(signal ? { signal } : {}),
  });
  const check = await checkArchive(blobSource(file), {
    onProgress: (p) => options.onPhase?.('checking', p),
    ...(signal ? { signal } : {}),
  });
  return { file, check };
}

/**
 * The final backup on quit when the studio's shell is not there to make it (a screen failed and
 * the error screen shows): only when something changed since the last backup. True when the studio
 * is safely backed up, false when the backup failed.
 */
export async function quitBackupIfChanged(db: KemasDatabase, app: { name: string; version: string }): Promise<boolean> {
  try {
    const [{ fingerprint, empty }, mark] = await Promise.all([studioFingerprint(db), getBackupMark(db)]);
    if (empty || mark?.fingerprint === fingerprint) return true;
    await runBackup(db, 'quit', { app });
    return true;
  } catch (error) {
    console.error(error);
    return false;
  }
}
