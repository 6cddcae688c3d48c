import { z } from 'zod';
import { bilingualSchema, idSchema, recordBase } from './record.ts';

export const scaleSchema = z
  .object({ min: z.number(), max: z.number(), step: z.number().positive() })
  .refine((s) => s.max > s.min, { message: 'scaleMaxNotAboveMin' });

export const criterionSchema = z.object({
  id: idSchema,
  name: bilingualSchema,
  weight: z.number().nonnegative(),
  scale: scaleSchema,
  /** One descriptor per level of the scale, lowest first. */
  levels: z.array(z.object({ score: z.number(), descriptor: bilingualSchema })),
});

export const rubricGroupSchema = z.object({
  id: idSchema,
  name: bilingualSchema,
  weight: z.number().nonnegative(),
  criteria: z.array(criterionSchema),
});

/** A published rubric is immutable: editing makes a new version in the same family. */
export const rubricSchema = z.object({
  ...recordBase,
  familyId: idSchema,
  version: z.number().int().positive(),
  status: z.enum(['draft', 'published', 'archived']),
  name: bilingualSchema,
  groups: z.array(rubricGroupSchema),
});
export type Rubric = z.infer<typeof rubricSchema>;
