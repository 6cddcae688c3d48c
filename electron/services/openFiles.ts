import { open, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_EXTENSION,
  OPENED_FILE_MAX_BYTES,
  OPENED_FILES_MAX_PENDING,
  type OpenedFileRefusal,
  type OpenedFilesResponse,
} from '#shared/contract/openFiles.ts';

/*
 * `.kemas` files the desktop opens the studio with (the file association):
 * from the command line of the first launch (Windows, Linux), of a second
 * launch while the studio runs, or macOS's `open-file`. They wait here until
 * the renderer asks for them (`files.opened`). No electron import: main.ts
 * feeds the paths in.
 */

/** True for a name ending in `.kemas` (any case). */
export function isBundlePath(path: string): boolean {
  return path.toLowerCase().endsWith(BUNDLE_EXTENSION) && basename(path).length > BUNDLE_EXTENSION.length;
}

/** A local file URL as a path (Linux desktops may pass `%U` arguments as URLs); null for anything else. */
function localPathOfUrl(arg: string): string | null {
  if (!/^file:/i.test(arg)) return null;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The `.kemas` paths in a command line (`argv` without the program itself),
 * made absolute against the folder the command ran in; local file URLs
 * become paths. Switches (`--foo`), other URLs and everything else are ignored.
 */
export function bundlePathsFromArgv(args: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? localPathOfUrl(arg) : arg;
    if (path === null || !isBundlePath(path)) continue;
    paths.push(isAbsolute(path) ? path : resolve(workingDirectory, path));
  }
  return paths;
}

export interface PendingFiles {
  /** Queues the bundles among `paths` (absolute); resolves to how many were queued or refused. */
  add(paths: readonly string[]): Promise<number>;
  /** Reads and hands over every queued file, emptying the queue; refused files come with their reason. */
  drain(): Promise<OpenedFilesResponse>;
}

export interface PendingFilesOptions {
  maxBytes?: number;
  maxPending?: number;
}

type Entry = { path: string; refusal: OpenedFileRefusal | null };

/** Checks one path: an existing regular file no larger than the limit. */
async function check(path: string, maxBytes: number): Promise<OpenedFileRefusal | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return 'missing';
  if (!info.isFile()) return 'not-a-file';
  if (info.size > maxBytes) return 'too-large';
  return null;
}

/** Reads at most `maxBytes`; a file that grew past the limit since it was queued is refused. */
async function readLimited(path: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | OpenedFileRefusal> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return 'missing';
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'not-a-file';
    if (info.size > maxBytes) return 'too-large';
    const buffer = new Uint8Array(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > info.size) return 'too-large';
    }
    return buffer.subarray(0, length);
  } catch {
    return 'unreadable';
  } finally {
    await handle.close();
  }
}

export function createPendingFiles(options: PendingFilesOptions = {}): PendingFiles {
  const maxBytes = options.maxBytes ?? OPENED_FILE_MAX_BYTES;
  const maxPending = options.maxPending ?? OPENED_FILES_MAX_PENDING;
  let queue: Entry[] = [];
  // Adds and drains run one after another: a drain never misses a file whose add began before it.
  let last: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task, task);
    last = next.catch(() => undefined);
    return next;
  };

  return {
    add: (paths) => serial(async () => {
      let added = 0;
      for (const path of paths) {
        if (!isAbsolute(path) || !isBundlePath(path)) continue;
        if (queue.some((entry) => entry.path === path)) continue;
        // Past twice the limit even the refusals stop being listed.
        if (queue.length >= 2 * maxPending) break;
        const refusal = queue.length >= maxPending ? 'too-many' : await check(path, maxBytes);
        queue.push({ path, refusal });
        added += 1;
      }
      return added;
    }),
    drain: () => serial(async () => {
      const taken = queue;
      queue = [];
      const response: OpenedFilesResponse = { files: [], refused: [] };
      for (const { path, refusal } of taken) {
        const name = basename(path).slice(0, 255);
        const outcome = refusal ?? (await readLimited(path, maxBytes));
        if (typeof outcome === 'string') response.refused.push({ name, reason: outcome });
        else response.files.push({ name, bytes: outcome });
      }
      return response;
    }),
  };
}
