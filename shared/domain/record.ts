import { z } from 'zod';

/** Ids are UUIDs made on the laptop that created the record, so bundles merge by id. */
export const idSchema = z.string().min(1).max(64);

/** Milliseconds since the epoch. */
export const timestampSchema = z.number().int().nonnegative();

/**
 * Fields every stored record carries. `updatedAt`/`updatedBy` decide merges
 * between laptops (newer edit wins); `deletedAt` is a tombstone so deletions
 * travel in bundles and can be undone.
 */
export const recordBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Mentor id of the last editor, or 'system' for data the app made itself. */
  updatedBy: idSchema,
  deletedAt: timestampSchema.nullable(),
};

export const SYSTEM_ACTOR = 'system';

export type RecordBase = z.infer<z.ZodObject<typeof recordBase>>;

/** ISO calendar date, e.g. 2026-11-28. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');

/** Text kept in both UI languages (rubric descriptors, comment snippets). */
export const bilingualSchema = z.object({ id: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;
