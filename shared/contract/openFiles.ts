import { z } from 'zod';

/*
 * The `files.opened` channel: `.kemas` bundles the desktop handed to the studio
 * (double-clicked, "Open with", dropped on the dock icon). The host keeps them
 * in a queue until the renderer asks; asking drains the queue. The host pushes
 * the menu command 'bundle.openPending' when new files arrive while the studio
 * runs; the renderer also asks once at start-up, for files that came with the launch.
 */

const MB = 1024 * 1024;

/** The file extension the installers associate with Kemas Studio. */
export const BUNDLE_EXTENSION = '.kemas';

/** Larger files are refused (`too-large`) instead of read into memory. */
export const OPENED_FILE_MAX_BYTES = 1024 * MB;

/** At most this many files wait at once; more are refused (`too-many`). */
export const OPENED_FILES_MAX_PENDING = 20;

export const openedFilesRequestSchema = z.object({}).strict();

/** Why a file the desktop handed over is not offered for import. */
export const openedFileRefusalSchema = z.enum(['missing', 'not-a-file', 'too-large', 'too-many', 'unreadable']);
export type OpenedFileRefusal = z.infer<typeof openedFileRefusalSchema>;

export const openedFilesResponseSchema = z.object({
  /** The files to offer for import, in the order they were opened: name (no folder) and bytes. */
  files: z.array(z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) })),
  /** Files that were handed over but cannot be offered, by name, with the reason (to tell the mentor). */
  refused: z.array(z.object({ name: z.string().min(1).max(255), reason: openedFileRefusalSchema })),
});
export type OpenedFilesResponse = z.output<typeof openedFilesResponseSchema>;
