import { z } from 'zod';
import { idSchema, recordBase, timestampSchema } from './record.ts';

/** A curator's batch scoring session over a workshop's submissions. */
export const scoringSessionSchema = z.object({
  ...recordBase,
  workshopId: idSchema,
  name: z.string().trim().min(1).max(160),
  rubricId: idSchema,
  mentorIds: z.array(idSchema),
  /** What the curator chose; empty lists mean every region / category. */
  filters: z.object({
    regions: z.array(z.string()),
    categories: z.array(z.string()),
    /** 'latest' = each participant's newest version; a number = that version only. */
    version: z.union([z.literal('latest'), z.literal('all'), z.number().int().positive()]),
  }),
  /**
   * The submissions in the session, fixed when it is made (in workshop order), so
   * a version uploaded later does not change what the mentors were asked to score.
   */
  submissionIds: z.array(idSchema),
  assignment: z.enum(['all-score-all', 'split']),
  blind: z.boolean(),
  /** Pairs a mentor declared: they never get that submission. */
  conflicts: z.array(z.object({ mentorId: idSchema, submissionId: idSchema })),
  status: z.enum(['open', 'closed']),
  /**
   * Submissions a mentor had already worked on when the curator changed the
   * mentors or the assignment: with 'split' they stay in that mentor's queue,
   * so work done is never handed to someone else. Always there since records version 2 (the
   * migration chain fills [] into older records).
   */
  keptAssignments: z.array(z.object({ mentorId: idSchema, submissionId: idSchema })),
  /** Minutes per submission the review screen counts down, or null for no timer (null filled in by version 2). */
  itemTimerMinutes: z.number().int().min(1).max(120).nullable(),
  /**
   * Mentors who run the session: the one who made it, and whom a curator names. Only they change
   * its settings, close it and reveal blind results, on every laptop (a merge refuses a settings
   * edit by anyone else). Never empty. Since records version 3 (older sessions: their last editor).
   */
  curators: z.array(idSchema).min(1),
  /**
   * In a blind session, when a scoring mentor sees the other mentors' marks and scores:
   * 'curator' = only once a curator reveals them (or closes the session); 'own-queue-done' = also
   * as soon as that mentor's own queue is done. Since records version 3 ('own-queue-done' for older
   * sessions, which behaved so).
   */
  reveal: z.enum(['curator', 'own-queue-done']),
  /** When a curator revealed a blind session's results to every mentor (closing reveals too); null before. Since version 3. */
  revealedAt: timestampSchema.nullable(),
});
export type ScoringSession = z.infer<typeof scoringSessionSchema>;
