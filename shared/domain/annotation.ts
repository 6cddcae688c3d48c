import { z } from 'zod';
import { authorKeyIdSchema, idSchema, recordBase } from './record.ts';

export const ANNOTATION_CATEGORIES = [
  'legibility',
  'brand',
  'label-information',
  'material-structure',
  'print-production',
  'innovation',
  'other',
] as const;

/** must-fix = wajib diperbaiki, suggestion = saran, strength = sudah baik. */
export const SEVERITIES = ['must-fix', 'suggestion', 'strength'] as const;

const point = z.object({ x: z.number(), y: z.number() });

/** Geometry in original image pixels, so every rendering of any size agrees. */
export const annotationShapeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pin'), at: point }),
  z.object({ kind: z.literal('rect'), x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  z.object({ kind: z.literal('ellipse'), cx: z.number(), cy: z.number(), rx: z.number(), ry: z.number() }),
  z.object({ kind: z.literal('arrow'), from: point, to: point }),
  z.object({ kind: z.literal('freehand'), points: z.array(point).max(20000) }),
  /**
   * `fontSize` (image pixels) is chosen when the mark is made so that it reads at that zoom,
   * and kept: the text then scales with the artwork on every surface. Marks stored before it was
   * (records versions 1 and 2) get their face's old default from the migration chain
   * (shared/migrations/v3/annotations.ts).
   */
  z.object({ kind: z.literal('text'), at: point, text: z.string().max(2000), fontSize: z.number().positive().max(100_000) }),
  z.object({ kind: z.literal('measure'), from: point, to: point, mmPerPixel: z.number().positive().nullable() }),
]);

export const annotationSchema = z.object({
  ...recordBase,
  assetId: idSchema,
  submissionId: idSchema,
  mentorId: idSchema,
  /** The key of the mentor who wrote it (records version 3; null before). */
  authorKeyId: authorKeyIdSchema,
  number: z.number().int().positive(),
  shape: annotationShapeSchema,
  category: z.enum(ANNOTATION_CATEGORIES),
  severity: z.enum(SEVERITIES),
  comment: z.string().max(4000),
  link: z
    .discriminatedUnion('to', [
      z.object({ to: z.literal('criterion'), criterionId: idSchema }),
      z.object({ to: z.literal('checklist'), item: z.string().max(60) }),
    ])
    .nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;
