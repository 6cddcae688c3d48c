import {
  categoryForNewMark,
  parseLastCategories,
  rememberCategory,
  type LastCategories,
} from '#shared/annotations/categorySuggestion.ts';
import type { AnnotationCategory } from '#shared/annotations/operations.ts';
import type { ShapeKind } from '#shared/annotations/shape.ts';

/*
 * The last category used with each tool, in this browser profile's local
 * preferences: a convenience for the next mark, not a record (it never travels
 * in bundles or backups, and losing it loses nothing).
 */

const KEY = 'kemas.review.lastCategoryByTool';

function read(): LastCategories {
  try {
    return parseLastCategories(globalThis.localStorage?.getItem(KEY) ?? null);
  } catch {
    // Storage switched off: nothing remembered.
    return {};
  }
}

/** The category a new mark made with `kind`'s tool starts with. */
export function categoryForNewMarkHere(kind: ShapeKind): AnnotationCategory {
  return categoryForNewMark(kind, read());
}

/** Remembers `category` as the last one used with `kind`'s tool. */
export function rememberCategoryHere(kind: ShapeKind, category: AnnotationCategory): void {
  const last = read();
  const next = rememberCategory(last, kind, category);
  if (next === last) return;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Full or switched off: the next mark simply starts as "other".
  }
}
