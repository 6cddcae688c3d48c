import { z } from 'zod';
import { idSchema, recordBase } from './record.ts';

export const PRODUCT_CATEGORIES = [
  'food',
  'beverage',
  'snack',
  'herbal',
  'spice',
  'cosmetic',
  'craft',
  'other',
] as const;
export const productCategorySchema = z.enum(PRODUCT_CATEGORIES);

export const PACKAGING_MATERIALS = [
  'plastic',
  'paper',
  'glass',
  'metal',
  'composite',
  'other',
] as const;
export const packagingMaterialSchema = z.enum(PACKAGING_MATERIALS);

/** What the participant declares about their label; the review checks the artwork against it. */
export const labelFactsSchema = z.object({
  /** P-IRT (15 or 16 digits) or BPOM MD/ML number, as written by the participant. */
  registrationNumber: z.string().trim().max(40),
  halalCertificate: z.string().trim().max(60),
  netContent: z.string().trim().max(40),
  packagingMaterial: packagingMaterialSchema.nullable(),
});
export type LabelFacts = z.infer<typeof labelFactsSchema>;

/** Outer size of the pack in millimetres, used for print-resolution checks. */
export const packDimensionsSchema = z.object({
  widthMm: z.number().positive().max(5000),
  heightMm: z.number().positive().max(5000),
  depthMm: z.number().nonnegative().max(5000),
});

export const participantFieldsSchema = z.object({
  workshopId: idSchema,
  business: z.string().trim().min(1).max(160),
  owner: z.string().trim().max(120),
  product: z.string().trim().max(160),
  category: productCategorySchema,
  city: z.string().trim().max(80),
  /** Bakorwil region, when the participant's differs from the workshop's (rosters carry it). */
  region: z.string().trim().max(80).default(''),
  contact: z.string().trim().max(120),
  labelFacts: labelFactsSchema,
  packDimensions: packDimensionsSchema.nullable(),
});
export type ParticipantFields = z.infer<typeof participantFieldsSchema>;

/** A stored participant: since records version 2 the region is always there ('' = the workshop's). */
export const participantSchema = z.object({ ...recordBase, ...participantFieldsSchema.shape, region: z.string().trim().max(80) });
export type Participant = z.infer<typeof participantSchema>;
