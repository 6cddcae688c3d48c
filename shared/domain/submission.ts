import { z } from 'zod';
import { idSchema, recordBase, timestampSchema } from './record.ts';

/** One version of one product's packaging; a new version after mentoring keeps the old. */
export const submissionSchema = z.object({
  ...recordBase,
  workshopId: idSchema,
  participantId: idSchema,
  version: z.number().int().positive(),
  title: z.string().trim().max(160),
  submittedAt: timestampSchema,
  note: z.string().max(4000),
});
export type Submission = z.infer<typeof submissionSchema>;
