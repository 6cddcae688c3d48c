import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The packs of one hand-out, held for serving in a temporary folder only this
 * user can read (0700, files 0600): a workshop's 260 packs need not sit in the
 * host's memory. The folder goes when the hand-out stops or the host quits.
 */
export interface HandoutFiles {
  readonly folder: string;
  /** Writes one file by a name the service made up (never one from a request). */
  write(name: string, bytes: Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function createHandoutFiles(parent: string = tmpdir()): Promise<HandoutFiles> {
  const folder = await mkdtemp(join(parent, 'kemas-handout-'));
  let removed = false;
  return {
    folder,
    async write(name, bytes) {
      if (!/^[a-z0-9-]+\.(pdf|png)$/.test(name)) throw new Error(`Not a hand-out file name: ${name}`);
      const path = join(folder, name);
      await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
      return path;
    },
    async remove() {
      if (removed) return;
      removed = true;
      await rm(folder, { recursive: true, force: true });
    },
  };
}
