import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordBase } from '#shared/domain/record.ts';
import { combineCopies, mergeTable, type MergeEntry } from '#shared/bundles/mergeRecords.ts';
import { bumpRevisions, joinRevisions, nextEditTime, relateRevisions, type Revisions } from '#shared/bundles/revisions.ts';

type Rec = RecordBase & { revisions: Revisions; value: number };

const LAPTOPS = ['A', 'B', 'C'] as const;
type Laptop = (typeof LAPTOPS)[number];
const IDS = ['s1', 's2', 's3'] as const;
const EDITORS = ['ani', 'budi', 'dewi'] as const;

/** One step of a workshop: someone edits a record on a laptop, or a laptop's bundle is imported on another. */
type Step =
  | { kind: 'edit'; laptop: Laptop; id: string; editor: string; value: number; clock: number }
  | { kind: 'send'; from: Laptop; to: Laptop };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    laptop: fc.constantFrom(...LAPTOPS),
    id: fc.constantFrom(...IDS),
    editor: fc.constantFrom(...EDITORS),
    value: fc.integer({ min: 0, max: 3 }),
    // Laptops' clocks disagree: an edit's own clock may be behind the copy it edits.
    clock: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('send' as const), from: fc.constantFrom(...LAPTOPS), to: fc.constantFrom(...LAPTOPS) }),
);

/**
 * Runs the steps as the studio does (an edit bumps the laptop's count and takes a later time than the
 * copy it edits; a send merges the sender's whole table into the receiver's), and keeps beside it the
 * ground truth: which edits each copy has seen. Calls `onSend` with each merge report and that truth.
 */
type OnSend = (report: MergeEntry[], seen: (laptop: Laptop, id: string) => Set<number>, from: Laptop, before: Map<string, Set<number>>, sameContent: (id: string) => boolean) => void;

function simulate(steps: readonly Step[], onSend: OnSend) {
  const tables = new Map<Laptop, Rec[]>(LAPTOPS.map((l) => [l, []]));
  const truth = new Map<string, Set<number>>();
  const seen = (laptop: Laptop, id: string) => truth.get(`${laptop}/${id}`) ?? new Set<number>();
  steps.forEach((step, n) => {
    if (step.kind === 'edit') {
      const table = tables.get(step.laptop)!;
      const old = table.find((r) => r.id === step.id);
      const updatedAt = nextEditTime(old?.updatedAt, step.clock);
      const next: Rec = {
        id: step.id,
        createdAt: old?.createdAt ?? updatedAt,
        updatedAt,
        updatedBy: step.editor,
        deletedAt: null,
        value: step.value,
        revisions: bumpRevisions(old?.revisions, step.laptop),
      };
      tables.set(step.laptop, [...table.filter((r) => r.id !== step.id), next]);
      truth.set(`${step.laptop}/${step.id}`, new Set([...seen(step.laptop, step.id), n]));
    } else if (step.from !== step.to) {
      const before = new Map(IDS.map((id) => [id, seen(step.to, id)]));
      const mine = tables.get(step.to)!;
      const theirs = tables.get(step.from)!;
      // Everything but the history, as the merge compares copies (two laptops that each made the record have different createdAt).
      const content = (r: Rec | undefined) => (r ? [r.createdAt, r.updatedAt, r.updatedBy, r.deletedAt, r.value].join() : '');
      const sameContent = (id: string) => content(mine.find((r) => r.id === id)) === content(theirs.find((r) => r.id === id));
      const result = mergeTable(mine, theirs, 't');
      tables.set(step.to, result.all);
      for (const id of IDS) truth.set(`${step.to}/${id}`, new Set([...seen(step.to, id), ...seen(step.from, id)]));
      onSend(result.report, seen, step.from, before, sameContent);
    }
  });
  return tables;
}

const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));

describe('merging with edit histories (properties)', () => {
  it('a conflict is reported exactly when both laptops made an edit the other had not seen', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        simulate(steps, (report, seen, from, before, sameContent) => {
          for (const entry of report) {
            if (entry.local === null) continue;
            const mine = before.get(entry.id)!;
            const theirs = seen(from, entry.id);
            const concurrent = !subset(mine, theirs) && !subset(theirs, mine);
            if (!concurrent) expect(entry.outcome).not.toBe('conflict');
            // A copy edited from the other always wins over it, whatever the laptops' clocks said.
            if (sameContent(entry.id)) expect(entry.outcome).toBe('kept');
            else if (subset(mine, theirs) && !subset(theirs, mine)) expect(entry).toMatchObject({ outcome: 'updated', winner: 'incoming' });
            else if (subset(theirs, mine)) expect(entry).toMatchObject({ outcome: 'kept', winner: 'local' });
            else expect(entry.outcome).toBe('conflict');
          }
        });
      }),
      {
        numRuns: 400,
        // Found by CI: B and C each made s1 (other createdAt), then reached the same time, editor and value.
        // Not the same record content, so a conflict, not "kept" (the oracle once left createdAt out).
        examples: [
          [
            [
              { kind: 'edit', laptop: 'B', id: 's1', editor: 'ani', value: 0, clock: 5 },
              { kind: 'edit', laptop: 'B', id: 's1', editor: 'dewi', value: 3, clock: 1 },
              { kind: 'edit', laptop: 'C', id: 's1', editor: 'dewi', value: 3, clock: 6 },
              { kind: 'send', from: 'C', to: 'B' },
            ],
          ],
        ],
      },
    );
  });

  it('edits made on one laptop only, by several mentors one after the other, are never a conflict', () => {
    const oneLaptop = fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('edit' as const),
          laptop: fc.constant('A' as Laptop),
          id: fc.constantFrom(...IDS),
          editor: fc.constantFrom(...EDITORS),
          value: fc.integer({ min: 0, max: 3 }),
          clock: fc.integer({ min: 1, max: 40 }),
        }),
        fc.record({ kind: fc.constant('send' as const), from: fc.constant('A' as Laptop), to: fc.constantFrom('B' as Laptop, 'C' as Laptop) }),
        fc.record({ kind: fc.constant('send' as const), from: fc.constant('B' as Laptop), to: fc.constant('C' as Laptop) }),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(oneLaptop, (steps) => {
        simulate(steps, (report) => expect(report.filter((e) => e.outcome === 'conflict')).toEqual([]));
      }),
      { numRuns: 300 },
    );
  });

  it('laptops that end up having seen every bundle hold the same table, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const tables = simulate(steps, () => {});
        // Everyone sends to everyone twice over: each laptop then has seen every edit.
        const gossip: Step[] = [];
        for (let round = 0; round < 2; round += 1) for (const from of LAPTOPS) for (const to of LAPTOPS) gossip.push({ kind: 'send', from, to });
        const after = simulate([...steps, ...gossip], () => {});
        expect(after.get('A')).toEqual(after.get('B'));
        expect(after.get('B')).toEqual(after.get('C'));
        expect(tables.size).toBe(3);
      }),
      { numRuns: 200 },
    );
  });

  it('merging stays idempotent, commutative and associative with histories', () => {
    const revisionsArb = fc.dictionary(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 4 }), { maxKeys: 3 });
    const copyArb = fc.record({
      id: fc.constantFrom(...IDS),
      createdAt: fc.constant(1),
      updatedAt: fc.integer({ min: 1, max: 4 }),
      updatedBy: fc.constantFrom(...EDITORS),
      deletedAt: fc.constant(null),
      value: fc.integer({ min: 0, max: 2 }),
      revisions: revisionsArb,
    }) as fc.Arbitrary<Rec>;
    const tableArb = fc.array(copyArb, { maxLength: 6 });
    const merge = (a: readonly Rec[], b: readonly Rec[]) => mergeTable(a, b, 't').all;
    fc.assert(
      fc.property(tableArb, tableArb, tableArb, (a, b, c) => {
        const ab = merge(a, b);
        expect(merge(ab, b)).toEqual(ab);
        expect(merge(ab, ab)).toEqual(ab);
        expect(merge(b, a)).toEqual(merge(merge([], a), b));
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
        expect(mergeTable(ab, b, 't').merged).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('edit histories (cases)', () => {
  const rec = (updatedAt: number, updatedBy: string, value: number, revisions: Revisions): Rec => ({
    id: 'session-1',
    createdAt: 1,
    updatedAt,
    updatedBy,
    deletedAt: null,
    value,
    revisions,
  });

  it('laptop B, which never touched the session, takes two mentors’ edits from laptop A without a conflict', () => {
    const shared = rec(10, 'ani', 0, { A: 1 });
    const byBudi = rec(20, 'budi', 1, { A: 2 });
    const thenDewi = rec(30, 'dewi', 2, { A: 3 });
    expect(byBudi.updatedBy).not.toBe(shared.updatedBy);
    const result = mergeTable([shared], [thenDewi], 'sessions');
    expect(result.report[0]).toMatchObject({ outcome: 'updated', winner: 'incoming' });
    expect(result.all).toEqual([thenDewi]);
  });

  it('an edit on each laptop since they last shared the record is a conflict, and the kept copy has seen both', () => {
    const shared = rec(10, 'ani', 0, { A: 1 });
    const onA = rec(20, 'ani', 1, { A: 2 });
    const onB = rec(25, 'budi', 2, { A: 1, B: 1 });
    const result = mergeTable([onA], [onB], 'sessions');
    expect(result.report[0]).toMatchObject({ outcome: 'conflict', winner: 'incoming' });
    expect(result.all).toEqual([{ ...onB, revisions: { A: 2, B: 1 } }]);
    expect(relateRevisions(shared.revisions, result.all[0]!.revisions)).toBe('before');
    // The same mentor on two laptops is a conflict too: the laptops, not the names, decide.
    expect(mergeTable([onA], [{ ...onB, updatedBy: 'ani' }], 'sessions').report[0]?.outcome).toBe('conflict');
    // The winner learning the other history is written even when it is the local copy.
    const reverse = mergeTable([onB], [onA], 'sessions');
    expect(reverse.report[0]).toMatchObject({ outcome: 'conflict', winner: 'local' });
    expect(reverse.merged).toEqual([{ ...onB, revisions: { A: 2, B: 1 } }]);
  });

  it('records from before version 3 (no history) keep the older reading', () => {
    const old = rec(10, 'ani', 0, {});
    const later = rec(20, 'budi', 1, {});
    expect(mergeTable([old], [later], 't').report[0]?.outcome).toBe('conflict');
    expect(mergeTable([old], [{ ...later, updatedBy: 'ani' }], 't').report[0]?.outcome).toBe('updated');
    expect(mergeTable([old], [{ ...later, revisions: { A: 1 } }], 't').report[0]?.outcome).toBe('conflict');
  });

  it('an edit takes a time after the copy it edits, even on a laptop whose clock is behind', () => {
    expect(nextEditTime(undefined, 5)).toBe(5);
    expect(nextEditTime(5, 9)).toBe(9);
    expect(nextEditTime(50, 9)).toBe(51);
    expect(bumpRevisions({ B: 2 }, 'A')).toEqual({ A: 1, B: 2 });
    expect(joinRevisions({ A: 3 }, { A: 1, B: 1 })).toEqual({ A: 3, B: 1 });
    expect(combineCopies(rec(5, 'ani', 1, { A: 1 }), rec(5, 'ani', 1, { B: 1 })).revisions).toEqual({ A: 1, B: 1 });
  });
});
