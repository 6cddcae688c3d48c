import { z } from 'zod';
import { authorKeyIdSchema, idSchema, recordBase } from './record.ts';

export const VERDICTS = ['market-ready', 'minor-revision', 'major-revision'] as const;

/** One mentor's review of one submission, pinned to the rubric version used. */
export const reviewSchema = z.object({
  ...recordBase,
  submissionId: idSchema,
  mentorId: idSchema,
  /** The key of the mentor who wrote it (records version 3; null before). */
  authorKeyId: authorKeyIdSchema,
  rubricId: idSchema,
  sessionId: idSchema.nullable(),
  scores: z.record(idSchema, z.object({ score: z.number().nullable(), note: z.string().max(4000) })),
  verdict: z.enum(VERDICTS).nullable(),
  strengths: z.array(z.string().max(2000)),
  mustFix: z.array(z.string().max(2000)),
  suggestions: z.array(z.string().max(2000)),
  timeSpentMs: z.number().int().nonnegative(),
  status: z.enum(['draft', 'submitted']),
  abstained: z.boolean(),
  conflictOfInterest: z.boolean(),
});
export type Review = z.infer<typeof reviewSchema>;
