import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommentSnippet } from '#shared/domain/commentSnippet.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import { bundleAfterMerge, mergeBundle, type BundleRecords } from '#shared/bundles/mergeBundle.ts';

const base = (id: string, updatedAt: number, updatedBy: string, deletedAt: number | null = null) => ({ id, createdAt: 1, updatedAt, updatedBy, deletedAt, revisions: {} });
const mentor = (id: string, at: number, by: string, name: string, deletedAt: number | null = null): Mentor => ({ ...base(id, at, by, deletedAt), name, organisation: '' });
const snippet = (id: string, at: number, by: string, text: string): CommentSnippet => ({
  ...base(id, at, by),
  text: { id: text, en: text },
  category: 'legibility',
  builtin: false,
});

const who = fc.constantFrom('ani', 'budi');
const at = fc.integer({ min: 1, max: 3 });
const mentorCopy = fc
  .tuple(fc.integer({ min: 0, max: 3 }), at, who, fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([id, time, by, name, deleted]) => mentor(`m${id}`, time, by, `N${name}`, deleted ? 9 : null));
const snippetCopy = fc
  .tuple(fc.integer({ min: 0, max: 3 }), at, who, fc.integer({ min: 0, max: 2 }))
  .map(([id, time, by, text]) => snippet(`s${id}`, time, by, `T${text}`));
/** A bundle with either table present or absent, few ids, times and editors, so copies overlap and tie. */
const bundleArb: fc.Arbitrary<BundleRecords> = fc.record(
  { mentors: fc.array(mentorCopy, { maxLength: 4 }), commentSnippets: fc.array(snippetCopy, { maxLength: 4 }) },
  { requiredKeys: [] },
);

describe('mergeBundle', () => {
  it('merges each table present, leaves others alone, and combines the reports', () => {
    const existing: BundleRecords = { mentors: [mentor('m1', 5, 'ani', 'Ani')], commentSnippets: [snippet('s1', 1, 'ani', 'a')] };
    const incoming: BundleRecords = { mentors: [mentor('m1', 3, 'ani', 'Old'), mentor('m2', 2, 'budi', 'Budi')] };
    const result = mergeBundle(existing, incoming);
    expect(result.tables.commentSnippets).toBeUndefined();
    expect(result.tables.mentors?.merged.map((m) => m.name)).toEqual(['Budi']);
    expect(result.report.map((e) => [e.table, e.id, e.outcome])).toEqual([
      ['mentors', 'm1', 'kept'],
      ['mentors', 'm2', 'added'],
    ]);
    expect(result.counts).toEqual({ added: 1, updated: 0, kept: 1, conflict: 0 });
    const after = bundleAfterMerge(existing, result);
    expect(after.mentors?.map((m) => m.name)).toEqual(['Ani', 'Budi']);
    expect(after.commentSnippets).toBe(existing.commentSnippets);
  });

  it('gives the same studio whatever order three bundles come in, and re-importing changes nothing (property)', () => {
    const apply = (s: BundleRecords, b: BundleRecords) => bundleAfterMerge(s, mergeBundle(s, b));
    const norm = (x: BundleRecords) => ({ mentors: x.mentors ?? [], commentSnippets: x.commentSnippets ?? [] });
    fc.assert(
      fc.property(bundleArb, bundleArb, bundleArb, bundleArb, (s, a, b, c) => {
        const expected = apply(apply(apply(s, a), b), c);
        for (const [p, q, r] of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]] as const) {
          expect(norm(apply(apply(apply(s, p), q), r))).toEqual(norm(expected));
        }
        const again = mergeBundle(expected, c);
        expect(again.counts.added + again.counts.updated).toBe(0);
        expect(again.report.every((e) => e.winner === 'local')).toBe(true);
        expect([...(again.tables.mentors?.merged ?? []), ...(again.tables.commentSnippets?.merged ?? [])]).toEqual([]);
        expect(norm(bundleAfterMerge(expected, again))).toEqual(norm(expected));
      }),
      { numRuns: 200 },
    );
  });
});
