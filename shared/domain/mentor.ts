import { z } from 'zod';
import { recordBase } from './record.ts';

export const mentorSchema = z.object({
  ...recordBase,
  name: z.string().trim().min(1).max(120),
  organisation: z.string().trim().max(160),
});
export type Mentor = z.infer<typeof mentorSchema>;
