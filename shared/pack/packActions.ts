import type { Annotation } from '../domain/annotation.ts';
import type { Review } from '../domain/review.ts';
import type { PackChecklistRow } from './packChecklist.ts';
import type { PackAction } from './packModelSchema.ts';
import { fill, PACK_MESSAGES, studioMessages, type PackLanguage } from './packText.ts';

type ListName = 'mustFix' | 'suggestions' | 'strengths';

const LIST_OF_SEVERITY: Readonly<Record<Annotation['severity'], ListName>> = {
  'must-fix': 'mustFix',
  suggestion: 'suggestions',
  strength: 'strengths',
};

/** Two texts are the same point when they differ only in case, spacing or a final full stop. */
export function sameText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('id-ID')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?;:,]+$/u, '')
    .trim();
}

interface Draft {
  text: string;
  refs: string[];
  mentors: string[];
  source: PackAction['source'];
}

class ActionList {
  private readonly items: Draft[] = [];
  private readonly byKey = new Map<string, Draft>();

  add(key: string, draft: Omit<Draft, 'refs' | 'mentors'>, ref: string | null, mentor: string | null): void {
    let item = this.byKey.get(key);
    if (!item) {
      item = { ...draft, refs: [], mentors: [] };
      this.byKey.set(key, item);
      this.items.push(item);
    }
    if (ref !== null && !item.refs.includes(ref)) item.refs.push(ref);
    if (mentor !== null && !item.mentors.includes(mentor)) item.mentors.push(mentor);
  }

  /** Adds a reference to an item already in the list; false when there is none with that key. */
  refer(key: string, ref: string, mentor: string | null): boolean {
    if (!this.byKey.has(key)) return false;
    this.add(key, { text: '', source: 'annotation' }, ref, mentor);
    return true;
  }

  done(language: PackLanguage, showMentors: boolean): PackAction[] {
    const text = PACK_MESSAGES[language].actions;
    return this.items.map((item) => ({
      text: item.text,
      refs: item.refs.length > 0 ? fill(text.refs, { refs: item.refs.join(', ') }) : null,
      by: showMentors && item.mentors.length > 0 ? fill(text.by, { mentor: item.mentors.join(', ') }) : null,
      source: item.source,
    }));
  }
}

export interface ActionPlanInput {
  /** Counted reviews, in the pack's mentor order. */
  reviews: readonly Review[];
  /** The pack's checklist rows (problems become must-fix items). */
  checklist: readonly PackChecklistRow[];
  /** The pack's annotations in reading order (face, mentor, number). */
  annotations: readonly Annotation[];
  refOf: (annotation: Annotation) => string;
  mentorName: (mentorId: string) => string;
  /** Name the mentors behind each item (a combined pack with several mentors). */
  showMentors: boolean;
  language: PackLanguage;
}

/**
 * The action plan's three lists. Each starts with what the mentors wrote in
 * their reviews (in their order); must-fix adds the label checklist's
 * problems; then every annotation not already covered joins the list of its
 * severity. An annotation saying what a listed item says (or proving a listed
 * label problem) adds its place to that item instead of repeating it.
 */
export function packActions(input: ActionPlanInput): { mustFix: PackAction[]; suggestions: PackAction[]; strengths: PackAction[] } {
  const text = PACK_MESSAGES[input.language].actions;
  const lists: Record<ListName, ActionList> = { mustFix: new ActionList(), suggestions: new ActionList(), strengths: new ActionList() };

  for (const review of input.reviews) {
    const mentor = input.mentorName(review.mentorId);
    for (const name of ['mustFix', 'suggestions', 'strengths'] as const) {
      for (const raw of review[name]) {
        const itemText = raw.trim();
        if (itemText) lists[name].add(sameText(itemText), { text: itemText, source: 'review' }, null, mentor);
      }
    }
  }

  const consumed = new Set<string>();
  for (const row of input.checklist) {
    if (!row.problem) continue;
    const head = fill(text.checklistItem, { item: row.name, status: row.statusText.toLocaleLowerCase(input.language === 'id' ? 'id-ID' : 'en-GB') });
    const proof = row.proof && row.proof.severity === 'must-fix' ? row.proof : null;
    if (proof) consumed.add(proof.id);
    lists.mustFix.add(`checklist:${row.item}`, { text: row.note ? `${head} ${row.note}` : head, source: 'checklist' }, proof ? input.refOf(proof) : null, null);
  }

  const categories = studioMessages(input.language).review.categories;
  for (const annotation of input.annotations) {
    if (consumed.has(annotation.id)) continue;
    const list = lists[LIST_OF_SEVERITY[annotation.severity]];
    const comment = annotation.comment.trim();
    const ref = input.refOf(annotation);
    const mentor = input.mentorName(annotation.mentorId);
    const key = comment ? sameText(comment) : `category:${annotation.category}`;
    if (list.refer(key, ref, mentor)) continue;
    list.add(key, { text: comment || categories[annotation.category], source: 'annotation' }, ref, mentor);
  }

  return {
    mustFix: lists.mustFix.done(input.language, input.showMentors),
    suggestions: lists.suggestions.done(input.language, input.showMentors),
    strengths: lists.strengths.done(input.language, input.showMentors),
  };
}
