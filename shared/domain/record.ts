import { z } from 'zod';

/** Ids are UUIDs made on the laptop that created the record, so bundles merge by id. */
export const idSchema = z.string().min(1).max(64);

/** Milliseconds since the epoch. */
export const timestampSchema = z.number().int().nonnegative();

/**
 * Fields every stored record carries. `updatedAt`/`updatedBy` decide merges
 * between laptops (newer edit wins); `deletedAt` is a tombstone so deletions
 * travel in bundles and can be undone; `revisions` says which edits a copy has seen.
 */
export const recordBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Mentor id of the last editor, or 'system' for data the app made itself. */
  updatedBy: idSchema,
  deletedAt: timestampSchema.nullable(),
  /**
   * The record's edit history (shared/bundles/revisions.ts): how many edits each installation has
   * made to it, counting those it was edited from. Merges use it to tell an edit made from the other
   * copy (no conflict, whoever made it) from edits on two laptops (a conflict). `{}` for records
   * written before records version 3. The data layer counts every local edit.
   */
  revisions: z.record(z.string().min(1).max(64), z.number().int().positive()),
};

export const SYSTEM_ACTOR = 'system';

export type RecordBase = z.infer<z.ZodObject<typeof recordBase>>;

/**
 * The id (hex SHA-256 of the public key, shared/bundles/signing.ts) of the key of the mentor who wrote
 * a review, annotation or checklist, or null when it was written without one (before records
 * version 3, or before the mentor had a key).
 */
export const authorKeyIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a key id').nullable();

/** ISO calendar date, e.g. 2026-11-28. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');

/** Text kept in both UI languages (rubric descriptors, comment snippets). */
export const bilingualSchema = z.object({ id: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;
