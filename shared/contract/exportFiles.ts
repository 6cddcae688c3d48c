import { z } from 'zod';

/*
 * The `export.*` channels: a batch of critique packs written into a folder the
 * mentor chose. The renderer names each file by a path relative to that
 * folder; the host refuses anything that could land outside it.
 */

const MB = 1024 * 1024;

/** One file written at a time: a ZIP pack stays under the browser host's 300 MB frame limit. */
export const EXPORT_MAX_BYTES = 290 * MB;

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;
/** One folder or file name: no separators, nothing Windows refuses, no control characters, no leading or trailing dot or space. */
const SEGMENT = /^(?![.\s])[^/\\:*?"<>|\p{Cc}]{1,150}(?<![.\s])$/u;

/** True when every `/`-separated part of `path` is a plain, safe name (so no "..", no absolute path, no drive). */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.length > 600) return false;
  const segments = path.split('/');
  return segments.length <= 8 && segments.every((s) => SEGMENT.test(s) && !RESERVED.test(s));
}

/** An absolute folder on the host (POSIX `/…`, Windows `C:\…` or a UNC `\\server\share`). */
export const exportFolderSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), 'must be an absolute folder path')
  .refine((f) => !/\p{Cc}/u.test(f), 'no control characters');

export const exportFolderResponseSchema = z.object({
  /** Where packs go unless the mentor says otherwise, e.g. `/home/sari/Kemas Studio/Ekspor`. */
  folder: z.string(),
});

export const exportWriteRequestSchema = z
  .object({
    folder: exportFolderSchema,
    /** `Malang/Keripik Tempe Bu Sari - Keripik/… .pdf`, forward slashes, created as needed. */
    relativePath: z.string().refine(isSafeRelativePath, 'not a safe relative path'),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= EXPORT_MAX_BYTES, `1 to ${EXPORT_MAX_BYTES} bytes`),
    /** 'fail' answers `{ exists: true }` and leaves an existing file alone; 'replace' overwrites it. */
    ifExists: z.enum(['fail', 'replace']),
  })
  .strict();
export type ExportWriteRequest = z.output<typeof exportWriteRequestSchema>;

export const exportWriteResponseSchema = z.union([
  z.object({ written: z.literal(true) }).strict(),
  z.object({ exists: z.literal(true) }).strict(),
]);
export type ExportWriteResponse = z.output<typeof exportWriteResponseSchema>;

/** Whether a file (or anything else) is at `relativePath` in the folder: a batch that keeps existing files need not make them. */
export const exportExistsRequestSchema = z
  .object({ folder: exportFolderSchema, relativePath: z.string().refine(isSafeRelativePath, 'not a safe relative path') })
  .strict();
export type ExportExistsRequest = z.output<typeof exportExistsRequestSchema>;

export const exportExistsResponseSchema = z.object({ exists: z.boolean() }).strict();

export const exportRevealRequestSchema = z.object({ folder: exportFolderSchema }).strict();

/** Whether the folder was opened in the system's file manager; 'unavailable' when this host has none to open. */
export const exportRevealResponseSchema = z.union([
  z.object({ opened: z.literal(true) }).strict(),
  z.object({ opened: z.literal(false), reason: z.enum(['unavailable', 'missing']) }).strict(),
]);
export type ExportRevealResponse = z.output<typeof exportRevealResponseSchema>;
