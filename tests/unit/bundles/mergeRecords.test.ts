import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordBase } from '#shared/domain/record.ts';
import { canonicalJson, compareCopies, countOutcomes, mergeTable } from '#shared/bundles/mergeRecords.ts';

type Rec = RecordBase & { value: number; note: string };

const rec = (id: string, updatedAt: number, updatedBy: string, value = 0, deletedAt: number | null = null): Rec => ({
  id,
  createdAt: 1,
  updatedAt,
  updatedBy,
  deletedAt,
  revisions: {},
  value,
  note: `v${value}`,
});

/** Copies of records: few ids (overlap), few times and editors (ties), some tombstones, some duplicates. */
const copy = fc
  .record({
    id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
    updatedAt: fc.integer({ min: 1, max: 4 }),
    updatedBy: fc.constantFrom('ani', 'budi'),
    value: fc.integer({ min: 0, max: 2 }),
    deleted: fc.boolean(),
  })
  .map(({ id, updatedAt, updatedBy, value, deleted }) => rec(id, updatedAt, updatedBy, value, deleted ? updatedAt : null));
const copies = fc.array(copy, { maxLength: 7 });

const state = (existing: readonly Rec[], ...bundles: (readonly Rec[])[]): Rec[] =>
  bundles.reduce<Rec[]>((table, b) => mergeTable(table, b, 't').all, [...existing]);

/** Shrinking finds the smallest tables that break a law; 300 runs each, as before. */
const runs = { numRuns: 300 };

describe('mergeTable (properties)', () => {
  it('importing the same bundle twice changes nothing', () => {
    fc.assert(
      fc.property(copies, copies, fc.infiniteStream(fc.double({ min: -0.5, max: 0.5, noNaN: true })), (existing, incoming, coin) => {
        const once = mergeTable(existing, incoming, 't');
        // The same bundle again, in a shuffled order and with key order changed.
        const shuffled = [...once.merged].sort(() => coin.next().value).map((x) => Object.fromEntries(Object.entries(x).reverse()) as Rec);
        const twice = mergeTable(once.all, shuffled, 't');
        expect(twice.all).toEqual(once.all);
        expect(twice.merged).toEqual([]);
        expect(twice.report.every((e) => e.outcome === 'kept' && e.winner === 'local')).toBe(true);
      }),
      runs,
    );
  });

  it('the same bundle re-imported verbatim is a no-op', () => {
    fc.assert(
      fc.property(copies, copies, (existing, bundle) => {
        const once = state(existing, bundle);
        expect(state(existing, bundle, bundle)).toEqual(once);
        expect(mergeTable(once, bundle, 't').merged).toEqual([]);
      }),
      runs,
    );
  });

  it('three bundles merged in any order, or merged together first, give the same table', () => {
    fc.assert(
      fc.property(copies, copies, copies, copies, (s, a, b, c) => {
        const expected = state(s, a, b, c);
        for (const order of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]) expect(state(s, ...order)).toEqual(expected);
        // Associative: (a + b) merged first, then into the studio with c.
        expect(state(s, state(a, b), c)).toEqual(expected);
        expect(state(s, a, state(b, c))).toEqual(expected);
        // The winner per id is the newest copy anywhere (latest updatedAt, ties decided the same way).
        for (const r of expected) {
          const all = [...s, ...a, ...b, ...c].filter((x) => x.id === r.id);
          expect(Math.max(...all.map((x) => x.updatedAt))).toBe(r.updatedAt);
          expect(all.every((x) => compareCopies(x, r) <= 0)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('report counts add up', () => {
    fc.assert(
      fc.property(copies, copies, (existing, incoming) => {
        const { merged, all, report } = mergeTable(existing, incoming, 'reviews');
        const incomingIds = new Set(incoming.map((r) => r.id));
        const existingIds = new Set(existing.map((r) => r.id));
        const counts = countOutcomes(report);
        expect(counts.added + counts.updated + counts.kept + counts.conflict).toBe(incomingIds.size);
        expect(counts.added).toBe([...incomingIds].filter((id) => !existingIds.has(id)).length);
        expect(merged.length).toBe(report.filter((e) => e.winner === 'incoming').length);
        expect(all.length).toBe(new Set([...existingIds, ...incomingIds]).size);
        expect(report.every((e) => e.table === 'reviews')).toBe(true);
      }),
      runs,
    );
  });
});

describe('mergeTable (cases)', () => {
  it('a newer delete beats an older edit, in either order', () => {
    const edit = rec('r1', 10, 'ani', 5);
    const del = rec('r1', 20, 'budi', 1, 20);
    expect(state([edit], [del])).toEqual([del]);
    expect(state([del], [edit])).toEqual([del]);
    const r = mergeTable([edit], [del], 'reviews').report[0];
    expect(r).toMatchObject({ outcome: 'conflict', winner: 'incoming', local: { updatedAt: 10, updatedBy: 'ani', deletedAt: null } });
    expect(r?.incoming).toEqual({ updatedAt: 20, updatedBy: 'budi', deletedAt: 20 });
  });

  it('an edit made after a delete beats the older tombstone, in either order', () => {
    const del = rec('r1', 10, 'ani', 1, 10);
    const undo = rec('r1', 15, 'ani', 1, null);
    expect(state([del], [undo])).toEqual([undo]);
    expect(state([undo], [del])).toEqual([undo]);
    expect(mergeTable([del], [undo]).report[0]).toMatchObject({ outcome: 'updated', winner: 'incoming' });
    expect(mergeTable([undo], [del]).report[0]).toMatchObject({ outcome: 'kept', winner: 'local' });
  });

  it('reports added, updated, kept and conflict with both stamps', () => {
    const existing = [rec('same', 5, 'ani', 1), rec('mine', 9, 'ani', 1), rec('theirs', 3, 'ani', 1), rec('both', 4, 'ani', 1)];
    const incoming = [rec('new', 2, 'budi'), rec('same', 5, 'ani', 1), rec('mine', 7, 'ani', 2), rec('theirs', 8, 'ani', 2), rec('both', 6, 'budi', 2)];
    const { merged, report } = mergeTable(existing, incoming, 'reviews');
    expect(report.map((e) => [e.id, e.outcome, e.winner])).toEqual([
      ['both', 'conflict', 'incoming'],
      ['mine', 'kept', 'local'],
      ['new', 'added', 'incoming'],
      ['same', 'kept', 'local'],
      ['theirs', 'updated', 'incoming'],
    ]);
    expect(report.find((e) => e.id === 'new')?.local).toBeNull();
    expect(merged.map((r) => r.id)).toEqual(['both', 'new', 'theirs']);
  });

  it('breaks ties in edit time the same way whichever side it is on', () => {
    const x = rec('r1', 10, 'ani', 1);
    const y = rec('r1', 10, 'budi', 2);
    const z = rec('r1', 10, 'budi', 3);
    expect(state([x], [y])).toEqual(state([y], [x]));
    expect(state([x], [y])).toEqual([y]);
    expect(state([y], [z])).toEqual(state([z], [y]));
    expect(state([z], [x, y])).toEqual(state([x], [z, y]));
  });

  it('resolves duplicate ids inside one bundle by the same rule', () => {
    const older = rec('r1', 1, 'ani', 1);
    const newer = rec('r1', 2, 'ani', 2);
    expect(mergeTable([], [newer, older]).merged).toEqual([newer]);
    expect(mergeTable([], [older, newer]).merged).toEqual([newer]);
  });

  it('canonical JSON ignores key order and undefined keys', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(canonicalJson({ a: [1, { d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
