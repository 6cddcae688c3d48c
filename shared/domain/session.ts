import { z } from 'zod';
import { idSchema, recordBase } from './record.ts';

/** A curator's batch scoring session over a workshop's submissions. */
export const scoringSessionSchema = z.object({
  ...recordBase,
  workshopId: idSchema,
  name: z.string().trim().min(1).max(160),
  rubricId: idSchema,
  mentorIds: z.array(idSchema),
  filters: z.object({
    regions: z.array(z.string()),
    categories: z.array(z.string()),
    latestVersionOnly: z.boolean(),
  }),
  assignment: z.enum(['all-score-all', 'split']),
  blind: z.boolean(),
  /** Pairs a mentor declared: they never get that submission. */
  conflicts: z.array(z.object({ mentorId: idSchema, submissionId: idSchema })),
  status: z.enum(['open', 'closed']),
});
export type ScoringSession = z.infer<typeof scoringSessionSchema>;
