import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { FolderNotGrantedError } from '#shared/contract/dispatch.ts';
import { MAX_FOLDER_GRANTS } from '#shared/contract/folders.ts';
import type { KeyValueStore } from './settingsService.ts';

/*
 * The folders the person allowed the studio to write into, remembered across
 * launches beside the host's settings (electron-store on the desktop, conf in
 * the browser host). Every path the contract writes, tests or opens is
 * resolved first (`..` folded, links of its existing part followed to where
 * they really lead) and must then lie inside a granted folder, itself kept
 * resolved. A link inside a grant that leads out of it is refused.
 */

const STORE_KEY = 'folderGrants';
const grantsSchema = z.array(z.string().min(1).max(4096)).max(MAX_FOLDER_GRANTS);

export interface FolderGrants {
  /** `folder` resolved: absolute, `..` folded, the real path of its nearest existing ancestor with the rest appended. */
  resolve(folder: string): Promise<string>;
  /** Whether `folder` (resolved) lies inside a granted folder; answers the resolved folder too. */
  check(folder: string): Promise<{ folder: string; granted: boolean }>;
  /** Remembers `folder` (resolved) as granted; answers the resolved folder. */
  grant(folder: string): Promise<string>;
  /** The resolved path, or a `FolderNotGrantedError` when it is outside every granted folder. */
  require(path: string): Promise<string>;
}

export const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Real path of the nearest existing ancestor, with the part that does not exist yet appended as written. */
export async function resolveFolder(folder: string): Promise<string> {
  let existing = resolve(folder);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(existing), ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(existing);
      // ENOENT: not there yet. ENOTDIR: a file where a folder should be; the write will say so.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing) throw error;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

export function createFolderGrants(options: {
  store: KeyValueStore;
  /** Folders the host itself proposes (the default export and backup folders, a backup folder chosen before grants existed): always granted. */
  implicit: () => readonly string[];
}): FolderGrants {
  const stored = (): string[] => {
    const parsed = grantsSchema.safeParse(options.store.store[STORE_KEY]);
    return parsed.success ? parsed.data : [];
  };
  const grantedRoots = async (): Promise<string[]> => {
    const implicit = await Promise.all(options.implicit().map((f) => resolveFolder(f).catch(() => null)));
    return [...stored(), ...implicit.filter((f): f is string => f !== null)];
  };
  const check = async (folder: string) => {
    const resolved = await resolveFolder(folder);
    return { folder: resolved, granted: (await grantedRoots()).some((root) => isInside(root, resolved)) };
  };
  return {
    resolve: resolveFolder,
    check,
    async grant(folder) {
      const resolved = await resolveFolder(folder);
      const kept = stored().filter((f) => f !== resolved);
      options.store.set(STORE_KEY, [...kept, resolved].slice(-MAX_FOLDER_GRANTS));
      return resolved;
    },
    async require(path) {
      const found = await check(path);
      if (!found.granted) throw new FolderNotGrantedError(`Not inside a folder the person granted: ${found.folder}`);
      return found.folder;
    },
  };
}
