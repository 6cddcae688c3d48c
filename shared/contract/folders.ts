import { z } from 'zod';
import { exportFolderSchema } from './exportFiles.ts';

/*
 * Folder grants: the host writes exports and backups only inside folders the
 * person chose (the desktop's folder dialog) or typed and confirmed (the
 * browser host), checked after resolving links. Nothing else on disk is
 * reachable through the contract.
 */

export const folderRequestSchema = z.object({ folder: exportFolderSchema }).strict();

export const folderCheckResponseSchema = z
  .object({
    /** The folder as the host will use it: absolute, `..` resolved, links of its existing part followed. */
    folder: z.string(),
    granted: z.boolean(),
    /** Who asks the person before a grant: the app (the browser host) or the host itself (the desktop's own dialog). */
    confirmedBy: z.enum(['app', 'host']),
  })
  .strict();
export type FolderCheckResponse = z.output<typeof folderCheckResponseSchema>;

/** `granted` is false when the person declined the host's own question. */
export const folderGrantResponseSchema = z.object({ folder: z.string(), granted: z.boolean() }).strict();
export type FolderGrantResponse = z.output<typeof folderGrantResponseSchema>;

/** Folders remembered at most; the oldest grant goes first. */
export const MAX_FOLDER_GRANTS = 50;
