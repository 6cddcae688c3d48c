import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '#shared/bundles/archive.ts';
import { BUNDLE_TABLES } from '#shared/bundles/mergeBundle.ts';
import { NO_CONTEXT } from '#shared/migrations/migration.ts';
import { TRUST_STEPS } from '#shared/migrations/v3/trust.ts';
import { memorySource } from '../../support/archiveFixture.ts';

const fixture = (version: number, name: string) => new URL(`../../fixtures/v${version}/${name}`, import.meta.url);
const exists = (url: URL) => {
  try {
    readFileSync(url);
    return true;
  } catch {
    return false;
  }
};

describe('records version 3: edit histories and author keys', () => {
  it('gives every older record an empty history, and reviews, annotations and checklists no author key', () => {
    const up = (table: string, record: Record<string, unknown>) => TRUST_STEPS.filter((s) => s.table === table).reduce((r, s) => s.up(r, NO_CONTEXT), record);
    expect(up('sessions', { id: 's' })).toEqual({ id: 's', revisions: {} });
    expect(up('reviews', { id: 'r' })).toEqual({ id: 'r', revisions: {}, authorKeyId: null });
    expect(up('labelChecklists', { id: 'c' })).toEqual({ id: 'c', revisions: {}, authorKeyId: null });
    // A record that already has them keeps them (a step never overwrites).
    expect(up('annotations', { id: 'a', revisions: { A: 2 }, authorKeyId: 'k' })).toEqual({ id: 'a', revisions: { A: 2 }, authorKeyId: 'k' });
    const original = { id: 'm' };
    up('mentors', original);
    expect(original).toEqual({ id: 'm' });
    // Every table that held records before version 3 gets a history.
    expect(new Set(TRUST_STEPS.map((s) => s.table))).toEqual(new Set(BUNDLE_TABLES.filter((t) => t !== 'mentorKeys')));
  });

  for (const version of [1, 2]) {
    for (const name of ['workshop.kemas', 'review.kemas', 'backup.kemas']) {
      it.skipIf(!exists(fixture(version, name)))(`opens the frozen version ${version} ${name} unsigned, every record with an empty history`, async () => {
        const bytes = new Uint8Array(readFileSync(fixture(version, name)));
        const checked = await checkArchive(memorySource(bytes));
        if (!checked.ok) throw new Error(`refused: ${checked.problem} ${checked.path} ${checked.detail}`);
        expect(checked.archive.signature).toBe('unsigned');
        let count = 0;
        for (const table of BUNDLE_TABLES) {
          for (const record of checked.archive.records[table] ?? []) {
            count += 1;
            expect(record.revisions).toEqual({});
            if (table === 'reviews' || table === 'annotations' || table === 'labelChecklists') expect((record as { authorKeyId: unknown }).authorKeyId).toBeNull();
          }
        }
        expect(count).toBeGreaterThan(0);
      });
    }
  }
});
