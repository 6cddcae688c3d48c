import { describe, expect, it } from 'vitest';
import {
  categoryForLink,
  categoryForNewMark,
  changesFromSnippet,
  parseLastCategories,
  rememberCategory,
} from '#shared/annotations/categorySuggestion.ts';
import { STARTER_SNIPPETS } from '#shared/annotations/commentBank.ts';

describe('category suggestions', () => {
  it('starts a new mark with the category last used with the same tool, "other" before any', () => {
    let last = parseLastCategories(null);
    expect(categoryForNewMark('rect', last)).toBe('other');
    last = rememberCategory(last, 'rect', 'print-production');
    last = rememberCategory(last, 'pin', 'label-information');
    expect(categoryForNewMark('rect', last)).toBe('print-production');
    expect(categoryForNewMark('pin', last)).toBe('label-information');
    expect(categoryForNewMark('arrow', last)).toBe('other');
    // Kept as text in local preferences and read back; junk reads as nothing remembered.
    expect(parseLastCategories(JSON.stringify(last))).toEqual(last);
    expect(parseLastCategories('{"rect":"nonsense"}')).toEqual({});
    expect(parseLastCategories('not json')).toEqual({});
  });

  it('takes a comment-bank entry’s category, unless the mentor picked one by hand', () => {
    const pirt = STARTER_SNIPPETS.find((s) => s.key === 'label-pirt-missing');
    if (!pirt) throw new Error('no P-IRT snippet');
    const fresh = { category: 'other' as const, severity: 'suggestion' as const, comment: '' };
    expect(changesFromSnippet(fresh, pirt, false)).toEqual({ category: 'label-information', severity: 'must-fix' });
    expect(changesFromSnippet(fresh, pirt, true)).toEqual({ severity: 'must-fix' });
    // A mark with a comment keeps its severity; the category still follows the entry.
    expect(changesFromSnippet({ ...fresh, comment: 'Sudah ada' }, pirt, false)).toEqual({ category: 'label-information' });
  });

  it('files a mark linked to a label-checklist item under Label, and leaves criterion links alone', () => {
    expect(categoryForLink({ to: 'checklist', item: 'net-content' })).toBe('label-information');
    expect(categoryForLink({ to: 'criterion', criterionId: 'c1' })).toBeNull();
    expect(categoryForLink(null)).toBeNull();
  });
});
