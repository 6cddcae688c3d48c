import { z } from 'zod';
import { bilingualSchema, recordBase } from './record.ts';
import { ANNOTATION_CATEGORIES } from './annotation.ts';

/** A reusable critique in both languages; `builtin` ones ship with the app. */
export const commentSnippetSchema = z.object({
  ...recordBase,
  text: bilingualSchema,
  category: z.enum(ANNOTATION_CATEGORIES),
  builtin: z.boolean(),
});
export type CommentSnippet = z.infer<typeof commentSnippetSchema>;
