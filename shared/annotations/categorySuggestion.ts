import { z } from 'zod';
import { ANNOTATION_CATEGORIES, type Annotation } from '../domain/annotation.ts';
import type { AnnotationCategory } from './operations.ts';
import type { ShapeKind } from './shape.ts';

/*
 * A new mark's category, suggested from what the mentor is doing, so the
 * legend of a pack means something instead of a column of "Lainnya":
 *
 * - a new mark takes the category last used with the same tool;
 * - a comment taken from the bank brings the bank entry's category;
 * - a mark linked to a label-checklist item is about the label.
 *
 * A category the mentor picked by hand is never overridden.
 */

const KINDS = ['pin', 'rect', 'ellipse', 'arrow', 'freehand', 'text', 'measure'] as const satisfies readonly ShapeKind[];

/** The last category used with each tool (kept in the mentor's local preferences, not in a record). */
export const lastCategoriesSchema = z.partialRecord(z.enum(KINDS), z.enum(ANNOTATION_CATEGORIES));
export type LastCategories = z.infer<typeof lastCategoriesSchema>;

/** The category a new mark of `kind` starts with. */
export function categoryForNewMark(kind: ShapeKind, last: LastCategories): AnnotationCategory {
  return last[kind] ?? 'other';
}

/** `last` with `category` remembered for `kind`. */
export function rememberCategory(last: LastCategories, kind: ShapeKind, category: AnnotationCategory): LastCategories {
  return last[kind] === category ? last : { ...last, [kind]: category };
}

/** Reads stored preferences; anything unreadable counts as nothing remembered. */
export function parseLastCategories(text: string | null): LastCategories {
  if (!text) return {};
  try {
    const parsed = lastCategoriesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The category a link suggests: the label checklist is about the label. */
export function categoryForLink(link: Annotation['link']): AnnotationCategory | null {
  return link?.to === 'checklist' ? 'label-information' : null;
}

/**
 * What taking a comment-bank entry changes besides the comment: its category
 * (unless the mentor picked one by hand), and its severity when the mark had no
 * comment yet (the entry's hint for a fresh mark).
 */
export function changesFromSnippet(
  annotation: Pick<Annotation, 'category' | 'severity' | 'comment'>,
  snippet: { category: AnnotationCategory; severity: Annotation['severity'] },
  categoryPickedByHand: boolean,
): Partial<Pick<Annotation, 'category' | 'severity'>> {
  const changes: Partial<Pick<Annotation, 'category' | 'severity'>> = {};
  if (!categoryPickedByHand && snippet.category !== annotation.category) changes.category = snippet.category;
  if (!annotation.comment && snippet.severity !== annotation.severity) changes.severity = snippet.severity;
  return changes;
}
