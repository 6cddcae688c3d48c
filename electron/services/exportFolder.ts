import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  isSafeRelativePath,
  type ExportExistsRequest,
  type ExportRevealResponse,
  type ExportWriteRequest,
  type ExportWriteResponse,
} from '#shared/contract/exportFiles.ts';
import type { FolderGrants } from './folderGrants.ts';

/*
 * Writing exported files (critique packs) into a folder the mentor chose. The
 * renderer names a file by a path relative to that folder; this service makes
 * sure the file lands inside it, even when a subfolder on disk is a link
 * pointing elsewhere, and never overwrites a file unless told to. The folder
 * itself must lie inside one the person granted (folderGrants.ts), after its
 * links are resolved. Files are written readable by their owner only (0600),
 * like backups: a critique pack names a business and its mentors' verdicts.
 */

/** Exported files: not readable by other users of the machine. */
const FILE_MODE = 0o600;

/** Opens a folder in the system's file manager; false when this host has none. */
export type FolderOpener = (folder: string) => Promise<boolean>;

export interface ExportService {
  defaultFolder(): string;
  write(request: ExportWriteRequest): Promise<ExportWriteResponse>;
  /** True when anything (a file, a folder, a link) is at the path already; false when its folder does not exist yet. */
  exists(request: ExportExistsRequest): Promise<boolean>;
  reveal(folder: string): Promise<ExportRevealResponse>;
}

export class ExportPathError extends Error {}

/** `<home>/Kemas Studio/Ekspor`: one place a mentor finds again, outside any app folder. */
export function defaultExportFolder(home: string = homedir()): string {
  return join(home, 'Kemas Studio', 'Ekspor');
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

async function writeNew(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    // O_EXCL: fails on an existing file and on a link, so nothing is followed or overwritten.
    await writeFile(path, bytes, { flag: 'wx', mode: FILE_MODE });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    await rm(path, { force: true }).catch(() => {});
    throw error;
  }
}

async function replace(path: string, bytes: Uint8Array): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing?.isDirectory()) throw new ExportPathError(`A folder is in the way: ${path}`);
  // Written beside and renamed over: a reader never sees half a file, and a link is replaced, not followed.
  const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx', mode: FILE_MODE });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

/** The absolute path `relativePath` names inside `folder`, refused when it could leave it. */
function targetOf(request: { folder: string; relativePath: string }): string {
  // The contract checked this already; a second look costs nothing on the only door to the disk.
  if (!isAbsolute(request.folder)) throw new ExportPathError('The export folder must be an absolute path');
  if (!isSafeRelativePath(request.relativePath)) throw new ExportPathError('Not a safe relative path');
  const root = resolve(request.folder);
  const target = resolve(root, ...request.relativePath.split('/'));
  if (!inside(root, target) || target === root) throw new ExportPathError('The path leaves the export folder');
  return target;
}

/** The target's real path, once its (existing) folder is known to be inside the export folder's real path. */
async function confined(folder: string, target: string): Promise<string> {
  // A subfolder that already existed may be a link to elsewhere: compare real paths.
  const [realRoot, realParent] = await Promise.all([realpath(resolve(folder)), realpath(dirname(target))]);
  if (!inside(realRoot, realParent)) throw new ExportPathError('A folder inside the export folder links outside it');
  return join(realParent, basename(target));
}

export function createExportService(options: { home?: string; open: FolderOpener; grants: FolderGrants }): ExportService {
  const { grants } = options;
  /** The request with its folder resolved, once that folder is known to be granted. */
  const granted = async <R extends { folder: string }>(request: R): Promise<R> => ({ ...request, folder: await grants.require(request.folder) });
  return {
    defaultFolder: () => defaultExportFolder(options.home),

    async write(unchecked) {
      const request = await granted(unchecked);
      const target = targetOf(request);
      await mkdir(dirname(target), { recursive: true });
      const path = await confined(request.folder, target);

      if (request.ifExists === 'fail') return (await writeNew(path, request.bytes)) ? { written: true } : { exists: true };
      await replace(path, request.bytes);
      return { written: true };
    },

    async exists(unchecked) {
      const request = await granted(unchecked);
      const target = targetOf(request);
      if (!(await stat(dirname(target)).catch(() => null))?.isDirectory()) return false;
      return (await lstat(await confined(request.folder, target)).catch(() => null)) !== null;
    },

    async reveal(unchecked) {
      const folder = await grants.require(unchecked);
      const found = await stat(folder).catch(() => null);
      if (!found?.isDirectory()) return { opened: false, reason: 'missing' };
      return (await options.open(folder)) ? { opened: true } : { opened: false, reason: 'unavailable' };
    },
  };
}
