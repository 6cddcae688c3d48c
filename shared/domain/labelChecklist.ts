import { z } from 'zod';
import { idSchema, recordBase } from './record.ts';

/** Items of the Indonesian processed-food label rules (BPOM 31/2018 and amendments). */
export const LABEL_ITEMS = [
  'product-name',
  'ingredients',
  'net-content',
  'producer',
  'halal-logo',
  'production-code',
  'best-before',
  'registration-number',
  'nutrition-facts',
  'bahasa-indonesia',
] as const;

export const labelChecklistSchema = z.object({
  ...recordBase,
  submissionId: idSchema,
  mentorId: idSchema,
  items: z.record(
    z.enum(LABEL_ITEMS),
    z.object({
      status: z.enum(['present', 'missing', 'wrong', 'not-applicable']),
      annotationId: idSchema.nullable(),
      note: z.string().max(2000),
    }),
  ),
});
export type LabelChecklist = z.infer<typeof labelChecklistSchema>;
