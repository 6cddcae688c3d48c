import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import {
  BACKUP_CHUNK_MAX_BYTES,
  BACKUP_NAME_PATTERN,
  backupReasonOf,
  isBackupName,
  type BackupCheckFolderResponse,
  type BackupCommitResponse,
  type BackupEntry,
  type BackupListResponse,
  type BackupReason,
} from '#shared/contract/backups.ts';

/*
 * Backups in one folder on the host. A backup is written in chunks into a hidden temporary file
 * (`.kemas-cadangan-<id>.part`), flushed to disk, then renamed to its final name in one step:
 * a reader never sees half a backup, and a failed, cancelled or abandoned write leaves nothing.
 * Rotation deletes the oldest automatic backups beyond the keep count, never manual or on-quit
 * ones. The renderer only ever names files this service listed (see BACKUP_NAME_PATTERN).
 */

export interface BackupService {
  list(): Promise<BackupListResponse>;
  checkFolder(folder: string): Promise<BackupCheckFolderResponse>;
  begin(reason: BackupReason): Promise<{ writeId: string }>;
  append(writeId: string, bytes: Uint8Array): Promise<{ bytes: number }>;
  commit(writeId: string): Promise<BackupCommitResponse>;
  abort(writeId: string): Promise<{ aborted: boolean }>;
  read(name: string, offset: number, length: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; size: number }>;
  delete(name: string): Promise<{ deleted: boolean }>;
  /** Aborts every write in progress (the host is stopping). */
  close(): Promise<void>;
}

export class BackupError extends Error {}

/** `<home>/Kemas Studio/Cadangan`, beside the export folder. */
export function defaultBackupFolder(home: string = homedir()): string {
  return join(home, 'Kemas Studio', 'Cadangan');
}

const TEMP_PREFIX = '.kemas-cadangan-';
const TEMP_SUFFIX = '.part';
/** A write with no chunk for this long was abandoned (a reloaded page): its file is removed. */
const IDLE_MS = 2 * 60_000;
const MAX_OPEN_WRITES = 4;

interface OpenWrite {
  reason: BackupReason;
  folder: string;
  path: string;
  handle: FileHandle;
  bytes: number;
  timer: ReturnType<typeof setTimeout>;
  /** Chunks and the commit run one after another even if the caller does not wait. */
  queue: Promise<unknown>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20261128-143205` in the host's local time: names people read in a file manager. */
export function backupStamp(date: Date): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/** Orders names oldest first: by the stamp in the name, then by the same-second counter. */
function nameOrder(name: string): string {
  const match = BACKUP_NAME_PATTERN.exec(name);
  return match ? `${match[1]}-${match[2]}-${pad(Number(match[4] ?? 1), 3)}` : '';
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );

export interface BackupServiceOptions {
  /** The folder in use now: the setting, or the default. Read on every call, so a changed setting applies at once. */
  folder: () => string;
  defaultFolder: string;
  /** How many automatic backups to keep, read at each commit. */
  keep: () => number;
  now?: () => Date;
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const writes = new Map<string, OpenWrite>();
  /** Temporary files of backups that are beginning, not yet in `writes`. */
  const reserved = new Set<string>();
  /** Commits pick their file names one at a time. */
  let naming: Promise<void> = Promise.resolve();
  const now = options.now ?? (() => new Date());

  const folderNow = (): string => {
    const folder = options.folder();
    if (!isAbsolute(folder)) throw new BackupError('The backup folder must be an absolute path');
    return resolve(folder);
  };

  async function entries(folder: string): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: BackupEntry[] = [];
    for (const name of names) {
      const reason = backupReasonOf(name);
      if (!reason) continue;
      // lstat: a link named like a backup is not one of ours.
      const info = await lstat(join(folder, name)).catch(() => null);
      if (!info?.isFile()) continue;
      found.push({ name, bytes: info.size, modifiedAt: info.mtimeMs, reason });
    }
    return found.sort((a, b) => nameOrder(b.name).localeCompare(nameOrder(a.name)));
  }

  /** A listed backup's path; anything else is refused before the disk is touched. */
  async function listedPath(name: string): Promise<string | null> {
    if (!isBackupName(name)) throw new BackupError('Not a backup file name');
    const path = join(folderNow(), name);
    const info = await lstat(path).catch(() => null);
    return info?.isFile() ? path : null;
  }

  async function removeStaleTemps(folder: string): Promise<void> {
    const names = await readdir(folder).catch(() => [] as string[]);
    // Live writes are read after the listing: a file listed was reserved before it was made.
    const open = new Set([...writes.values()].map((w) => w.path).concat([...reserved]));
    await Promise.all(
      names
        .filter((n) => n.startsWith(TEMP_PREFIX) && n.endsWith(TEMP_SUFFIX) && !open.has(join(folder, n)))
        .map((n) => rm(join(folder, n), { force: true }).catch(() => {})),
    );
  }

  async function discard(writeId: string): Promise<boolean> {
    const write = writes.get(writeId);
    if (!write) return false;
    writes.delete(writeId);
    clearTimeout(write.timer);
    await write.queue.catch(() => {});
    await write.handle.close().catch(() => {});
    await rm(write.path, { force: true }).catch(() => {});
    return true;
  }

  const armIdle = (writeId: string, write: OpenWrite) => {
    clearTimeout(write.timer);
    write.timer = setTimeout(() => void discard(writeId), IDLE_MS);
    write.timer.unref?.();
  };

  function openWrite(writeId: string): OpenWrite {
    const write = writes.get(writeId);
    if (!write) throw new BackupError('No such backup in progress (cancelled, or idle for too long)');
    return write;
  }

  /** Runs `step` after the write's earlier steps; a failed step discards the whole write. */
  function serial<T>(writeId: string, write: OpenWrite, step: () => Promise<T>): Promise<T> {
    const run = write.queue.then(step);
    write.queue = run.catch(() => {});
    return run.catch(async (error: unknown) => {
      await discard(writeId);
      throw error;
    });
  }

  async function freeName(folder: string, reason: BackupReason): Promise<string> {
    const stamp = backupStamp(now());
    for (let n = 1; n < 100; n++) {
      const name = `kemas-cadangan-${stamp}-${reason}${n === 1 ? '' : `-${n}`}.kemas`;
      if (!(await exists(join(folder, name)))) return name;
    }
    throw new BackupError('Too many backups in one second');
  }

  /**
   * Deletes the oldest automatic backups beyond the keep count, never the one just written: with a
   * laptop clock set back (a flat clock battery), a new backup's stamp sorts among the oldest.
   */
  async function rotate(folder: string, justWritten: { name: string; reason: BackupReason }): Promise<string[]> {
    const room = justWritten.reason === 'auto' ? options.keep() - 1 : options.keep();
    const automatic = (await entries(folder)).filter((e) => e.reason === 'auto' && e.name !== justWritten.name); // newest first
    const removed: string[] = [];
    for (const old of automatic.slice(Math.max(0, room))) {
      await rm(join(folder, old.name), { force: true });
      removed.push(old.name);
    }
    return removed;
  }

  return {
    async list() {
      const folder = folderNow();
      return { folder, defaultFolder: options.defaultFolder, backups: await entries(folder) };
    },

    async checkFolder(candidate) {
      const folder = candidate.trim();
      if (!isAbsolute(folder) || !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(folder)) return { writable: false, reason: 'not-absolute' };
      const path = resolve(folder);
      try {
        await mkdir(path, { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { writable: false, reason: code === 'EEXIST' || code === 'ENOTDIR' ? 'not-folder' : 'not-writable' };
      }
      const info = await stat(path).catch(() => null);
      if (!info?.isDirectory()) return { writable: false, reason: 'not-folder' };
      const probe = join(path, `${TEMP_PREFIX}probe-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
      try {
        const handle = await open(probe, 'wx');
        await handle.close();
        await rm(probe, { force: true });
        return { writable: true, folder: path };
      } catch {
        await rm(probe, { force: true }).catch(() => {});
        return { writable: false, reason: 'not-writable' };
      }
    },

    async begin(reason) {
      if (writes.size + reserved.size >= MAX_OPEN_WRITES) throw new BackupError('Too many backups in progress');
      const folder = folderNow();
      const writeId = randomBytes(16).toString('hex');
      const path = join(folder, `${TEMP_PREFIX}${writeId}${TEMP_SUFFIX}`);
      // Reserved before anything awaits: another backup beginning meanwhile must not sweep it away.
      reserved.add(path);
      let handle: FileHandle;
      try {
        await mkdir(folder, { recursive: true });
        await removeStaleTemps(folder);
        // O_EXCL | O_NOFOLLOW: a file or link already there is never written through.
        handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
      } finally {
        reserved.delete(path);
      }
      const write: OpenWrite = { reason, folder, path, handle, bytes: 0, timer: setTimeout(() => {}, 0), queue: Promise.resolve() };
      writes.set(writeId, write);
      armIdle(writeId, write);
      return { writeId };
    },

    append(writeId, bytes) {
      if (bytes.byteLength === 0 || bytes.byteLength > BACKUP_CHUNK_MAX_BYTES) {
        return Promise.reject(new BackupError('A chunk must hold 1 byte to 32 MB'));
      }
      let write: OpenWrite;
      try {
        write = openWrite(writeId);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      armIdle(writeId, write);
      return serial(writeId, write, async () => {
        let at = 0;
        while (at < bytes.byteLength) {
          const { bytesWritten } = await write.handle.write(bytes, at, bytes.byteLength - at, write.bytes + at);
          at += bytesWritten;
        }
        write.bytes += bytes.byteLength;
        return { bytes: write.bytes };
      });
    },

    commit(writeId) {
      let write: OpenWrite;
      try {
        write = openWrite(writeId);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      clearTimeout(write.timer);
      return serial(writeId, write, async () => {
        if (write.bytes === 0) throw new BackupError('An empty backup is not kept');
        await write.handle.sync();
        await write.handle.close();
        // One commit at a time: two in the same second would otherwise pick the same free name.
        const named = naming.then(async () => {
          const free = await freeName(write.folder, write.reason);
          await rename(write.path, join(write.folder, free));
          return free;
        });
        naming = named.then(
          () => {},
          () => {},
        );
        const name = await named;
        writes.delete(writeId);
        // The rename is durable only once the folder itself is flushed (POSIX; Windows cannot open folders).
        await open(write.folder, 'r')
          .then(async (dir) => {
            await dir.sync().catch(() => {});
            await dir.close();
          })
          .catch(() => {});
        const removed = await rotate(write.folder, { name, reason: write.reason });
        return { name, bytes: write.bytes, removed };
      });
    },

    async abort(writeId) {
      return { aborted: await discard(writeId) };
    },

    async read(name, offset, length) {
      const path = await listedPath(name);
      if (!path) throw new BackupError('No such backup');
      const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      try {
        const { size } = await handle.stat();
        const wanted = Math.max(0, Math.min(length, BACKUP_CHUNK_MAX_BYTES, size - offset));
        const bytes = new Uint8Array(wanted);
        let at = 0;
        while (at < wanted) {
          const { bytesRead } = await handle.read(bytes, at, wanted - at, offset + at);
          if (bytesRead === 0) break;
          at += bytesRead;
        }
        return { bytes: at === wanted ? bytes : bytes.slice(0, at), size };
      } finally {
        await handle.close();
      }
    },

    async delete(name) {
      const path = await listedPath(name);
      if (!path) return { deleted: false };
      await rm(path, { force: true });
      return { deleted: true };
    },

    async close() {
      await Promise.all([...writes.keys()].map((id) => discard(id)));
    },
  };
}
