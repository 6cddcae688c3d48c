import { z } from 'zod';
import { authorKeyIdSchema, idSchema, recordBase, timestampSchema } from './record.ts';

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
  /**
   * In a blind session: when this review's mentor was first shown other mentors' scores or marks in
   * the session (null: not yet, or not a blind session). A stored fact, so a later revision can be told
   * apart from an independent judgement. Since records version 3.
   */
  sawOthersAt: timestampSchema.nullable(),
  /** When the review was last reopened after its mentor had seen the others (see `sawOthersAt`); null if never. Since version 3. */
  revisedAfterRevealAt: timestampSchema.nullable(),
  /**
   * While a submitted review is reopened: what was submitted, which results keep counting until the
   * revision is sent (then null again). Since version 3.
   */
  lastSubmitted: z
    .object({
      scores: z.record(idSchema, z.object({ score: z.number().nullable(), note: z.string().max(4000) })),
      verdict: z.enum(VERDICTS).nullable(),
      abstained: z.boolean(),
      conflictOfInterest: z.boolean(),
      submittedAt: timestampSchema,
    })
    .nullable(),
});
export type Review = z.infer<typeof reviewSchema>;
