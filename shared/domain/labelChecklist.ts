import { z } from 'zod';
import { authorKeyIdSchema, idSchema, recordBase } from './record.ts';

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

export const LABEL_ITEM_STATUSES = ['present', 'missing', 'wrong', 'not-applicable'] as const;

export const labelChecklistSchema = z.object({
  ...recordBase,
  submissionId: idSchema,
  mentorId: idSchema,
  /** The key of the mentor who wrote it (records version 3; null before). */
  authorKeyId: authorKeyIdSchema,
  /** Only the items the mentor has checked: an absent key means "not checked yet". */
  items: z.partialRecord(
    z.enum(LABEL_ITEMS),
    z.object({
      status: z.enum(LABEL_ITEM_STATUSES),
      annotationId: idSchema.nullable(),
      note: z.string().max(2000),
    }),
  ),
  /**
   * The registration number as the mentor reads it on the artwork, to compare with the declared one
   * ('' = not read). Always there since records version 2 (the migration chain fills '' in).
   */
  registrationOnLabel: z.string().max(60),
});
export type LabelChecklist = z.infer<typeof labelChecklistSchema>;
