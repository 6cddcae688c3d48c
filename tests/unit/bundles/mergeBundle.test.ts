import { describe, expect, it } from 'vitest';
import type { CommentSnippet } from '../../../shared/domain/commentSnippet.ts';
import type { Mentor } from '../../../shared/domain/mentor.ts';
import { bundleAfterMerge, mergeBundle, type BundleRecords } from '../../../shared/bundles/mergeBundle.ts';

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

const base = (id: string, updatedAt: number, updatedBy: string, deletedAt: number | null = null) => ({ id, createdAt: 1, updatedAt, updatedBy, deletedAt, revisions: {} });
const mentor = (id: string, at: number, by: string, name: string, deletedAt: number | null = null): Mentor => ({ ...base(id, at, by, deletedAt), name, organisation: '' });
const snippet = (id: string, at: number, by: string, text: string): CommentSnippet => ({
  ...base(id, at, by),
  text: { id: text, en: text },
  category: 'legibility',
  builtin: false,
});

function randomBundle(rand: () => number): BundleRecords {
  const n = (k: number) => Math.floor(rand() * k);
  const who = () => (rand() < 0.5 ? 'ani' : 'budi');
  const bundle: BundleRecords = {};
  if (rand() < 0.8) bundle.mentors = Array.from({ length: n(5) }, () => mentor(`m${n(4)}`, 1 + n(3), who(), `N${n(3)}`, rand() < 0.2 ? 9 : null));
  if (rand() < 0.8) bundle.commentSnippets = Array.from({ length: n(5) }, () => snippet(`s${n(4)}`, 1 + n(3), who(), `T${n(3)}`));
  return bundle;
}

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

  it('gives the same studio whatever order three bundles come in, and re-importing changes nothing (seeded)', () => {
    const rand = seeded(3);
    const apply = (s: BundleRecords, b: BundleRecords) => bundleAfterMerge(s, mergeBundle(s, b));
    for (let t = 0; t < 200; t += 1) {
      const s = randomBundle(rand);
      const [a, b, c] = [randomBundle(rand), randomBundle(rand), randomBundle(rand)];
      const expected = apply(apply(apply(s, a), b), c);
      const norm = (x: BundleRecords) => ({ mentors: x.mentors ?? [], commentSnippets: x.commentSnippets ?? [] });
      for (const [p, q, r] of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]] as const) {
        expect(norm(apply(apply(apply(s, p), q), r))).toEqual(norm(expected));
      }
      const again = mergeBundle(expected, c);
      expect(again.counts.added + again.counts.updated).toBe(0);
      expect(again.report.every((e) => e.winner === 'local')).toBe(true);
      expect([...(again.tables.mentors?.merged ?? []), ...(again.tables.commentSnippets?.merged ?? [])]).toEqual([]);
      expect(norm(bundleAfterMerge(expected, again))).toEqual(norm(expected));
    }
  });
});
