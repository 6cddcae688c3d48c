import type { Annotation } from '../domain/annotation.ts';
import type { Review } from '../domain/review.ts';

/** The three lists of a review a participant reads as "what to do next". */
export type ActionLists = Pick<Review, 'strengths' | 'mustFix' | 'suggestions'>;
export type ActionListKey = keyof ActionLists;

/** Lists in the order the panel and the critique pack show them. */
export const ACTION_LIST_KEYS: readonly ActionListKey[] = ['mustFix', 'suggestions', 'strengths'];

/** Which list an annotation's severity feeds. */
export const LIST_FOR_SEVERITY: Readonly<Record<Annotation['severity'], ActionListKey>> = {
  'must-fix': 'mustFix',
  suggestion: 'suggestions',
  strength: 'strengths',
};

/** The longest item the review schema accepts. */
const MAX_ITEM_LENGTH = 2000;

/** How two items are compared: case, spacing and a trailing full stop do not make a different item. */
export function itemKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/[.。]+$/, '').toLocaleLowerCase('id');
}

/**
 * The mentor's own live annotations of a submission as the three lists, in
 * annotation number order: the comment when there is one, else the name of
 * the annotation's category (`categoryName`, translated by the caller).
 * Items that say the same thing (see `itemKey`) appear once.
 */
export function gatherActionItems(
  annotations: readonly Annotation[],
  mentorId: string,
  categoryName: (category: Annotation['category']) => string,
): ActionLists {
  const lists: ActionLists = { strengths: [], mustFix: [], suggestions: [] };
  const seen = new Set<string>();
  const own = annotations.filter((a) => a.mentorId === mentorId && a.deletedAt === null).sort((a, b) => a.number - b.number);
  for (const annotation of own) {
    const text = (annotation.comment.trim() || categoryName(annotation.category).trim()).slice(0, MAX_ITEM_LENGTH);
    const key = itemKey(text);
    if (!key) continue;
    const list = LIST_FOR_SEVERITY[annotation.severity];
    if (seen.has(`${list}\u0000${key}`)) continue;
    seen.add(`${list}\u0000${key}`);
    lists[list].push(text);
  }
  return lists;
}

/**
 * Adds gathered items to what the mentor already has without losing any of
 * their edits: existing items keep their text and order, and a gathered item
 * is appended only when no item in any of the three lists says the same (so
 * an item the mentor moved to another list is not added back to the first).
 */
export function mergeActionItems(current: ActionLists, gathered: ActionLists): { lists: ActionLists; added: number } {
  const present = new Set(ACTION_LIST_KEYS.flatMap((k) => current[k].map(itemKey)));
  const lists: ActionLists = { strengths: [...current.strengths], mustFix: [...current.mustFix], suggestions: [...current.suggestions] };
  let added = 0;
  for (const key of ACTION_LIST_KEYS) {
    for (const item of gathered[key]) {
      const k = itemKey(item);
      if (!k || present.has(k)) continue;
      present.add(k);
      lists[key].push(item);
      added++;
    }
  }
  return { lists, added };
}

/** How many gathered items `mergeActionItems` would add. */
export function countNewItems(current: ActionLists, gathered: ActionLists): number {
  return mergeActionItems(current, gathered).added;
}
