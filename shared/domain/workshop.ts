import { z } from 'zod';
import { idSchema, isoDateSchema, recordBase } from './record.ts';

/** East Java's Bakorwil regions where the workshops run; free text is allowed too. */
export const KNOWN_REGIONS = ['Bojonegoro', 'Malang', 'Jember', 'Madiun', 'Pamekasan'] as const;

const workshopFields = {
  name: z.string().trim().min(1).max(160),
  region: z.string().trim().max(80),
  venue: z.string().trim().max(200),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  rubricId: idSchema.nullable(),
  notes: z.string().max(4000),
};

function datesInOrder(w: { startDate: string | null; endDate: string | null }): boolean {
  return !w.startDate || !w.endDate || w.startDate <= w.endDate;
}
const datesMessage = { message: 'endBeforeStart', path: ['endDate'] };

export const workshopFieldsSchema = z.object(workshopFields).refine(datesInOrder, datesMessage);
export type WorkshopFields = z.infer<typeof workshopFieldsSchema>;

export const workshopSchema = z.object({ ...recordBase, ...workshopFields }).refine(datesInOrder, datesMessage);
export type Workshop = z.infer<typeof workshopSchema>;
