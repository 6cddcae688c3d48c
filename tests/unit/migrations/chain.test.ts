import { describe, expect, it } from 'vitest';
import {
  FIRST_RECORDS_VERSION,
  MIGRATIONS,
  RECORDS_VERSION,
  applyVersion,
  isReadableVersion,
  tablesChangedBy,
  upgradeRecord,
  upgradeRecords,
} from '#shared/migrations/chain.ts';
import { NO_CONTEXT } from '#shared/migrations/migration.ts';
import { V2 } from '#shared/migrations/v2.ts';

describe('the migration chain', () => {
  it('lists versions in order, each one after the last, up to the version this code writes', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    versions.forEach((v, i) => expect(v).toBe(FIRST_RECORDS_VERSION + i + 1));
    expect(RECORDS_VERSION).toBe(versions.at(-1));
    expect(RECORDS_VERSION).toBe(3);
  });

  it('never changes the record it is given (steps are pure)', () => {
    for (const migration of MIGRATIONS) {
      for (const step of migration.steps) {
        const record = Object.freeze({ id: 'x', items: Object.freeze({ 'product-name': null }) });
        expect(() => step.up(record, NO_CONTEXT), `${migration.version} ${step.table}: ${step.name}`).not.toThrow();
        expect(record).toEqual({ id: 'x', items: { 'product-name': null } });
      }
    }
  });

  it('leaves what is not a plain object for the schema check to refuse', () => {
    for (const odd of [null, 3, 'text', [1, 2], undefined]) expect(upgradeRecord('sessions', odd, 1)).toBe(odd);
    expect(upgradeRecords('sessions', 'not an array', 1)).toBe('not an array');
  });

  it('does nothing to records already at the current version', () => {
    const session = { id: 's' };
    expect(upgradeRecord('sessions', session, RECORDS_VERSION)).toBe(session);
    const rows = [session];
    expect(upgradeRecords('sessions', rows, RECORDS_VERSION)).toBe(rows);
  });

  it('leaves tables without steps alone', () => {
    // Since version 3 every record table has a step (its edit history); the image rows have none.
    const rows = [{ id: 'original:ab', assetId: null, kind: 'original' }];
    expect(upgradeRecords('assetBlobs', rows, 1)).toBe(rows);
  });

  it('reads versions from the first to its own, and refuses others', () => {
    expect(isReadableVersion(1)).toBe(true);
    expect(isReadableVersion(RECORDS_VERSION)).toBe(true);
    for (const v of [0, RECORDS_VERSION + 1, 1.5, '1', null]) expect(isReadableVersion(v)).toBe(false);
  });

  it('names the tables a version changes', () => {
    expect(tablesChangedBy(V2)).toEqual(['participants', 'sessions', 'labelChecklists']);
  });
});

describe('version 2: fields added while version 1 was current', () => {
  const v1Session = {
    id: 's1',
    workshopId: 'w1',
    name: 'Batch Malang',
    rubricId: 'r1',
    mentorIds: ['m1'],
    filters: { regions: [], categories: [], version: 'latest' },
    submissionIds: ['a', 'b'],
    assignment: 'split',
    blind: true,
    conflicts: [],
    status: 'open',
  };

  it('gives a session without kept work an empty list and no timer', () => {
    expect(applyVersion(V2, 'sessions', v1Session, NO_CONTEXT)).toEqual({ ...v1Session, keptAssignments: [], itemTimerMinutes: null });
  });

  it("keeps a session's kept work and timer when it has them", () => {
    const withBoth = { ...v1Session, keptAssignments: [{ mentorId: 'm1', submissionId: 'a' }], itemTimerMinutes: 12 };
    expect(applyVersion(V2, 'sessions', withBoth, NO_CONTEXT)).toEqual(withBoth);
    const nullTimer = { ...v1Session, keptAssignments: [], itemTimerMinutes: null };
    expect(applyVersion(V2, 'sessions', nullTimer, NO_CONTEXT)).toEqual(nullTimer);
  });

  it("gives a participant without a region the workshop's ('') and keeps one that has it", () => {
    expect(applyVersion(V2, 'participants', { id: 'p', business: 'Keripik' }, NO_CONTEXT)).toEqual({ id: 'p', business: 'Keripik', region: '' });
    expect(applyVersion(V2, 'participants', { id: 'p', region: 'Jember' }, NO_CONTEXT)).toEqual({ id: 'p', region: 'Jember' });
  });

  it("gives a checklist without the number read on the label '' and drops unchecked items' empty keys", () => {
    const item = { status: 'present', annotationId: null, note: '' };
    expect(applyVersion(V2, 'labelChecklists', { id: 'c', items: { 'product-name': item, ingredients: null } }, NO_CONTEXT)).toEqual({
      id: 'c',
      items: { 'product-name': item },
      registrationOnLabel: '',
    });
    const read = { id: 'c', items: { 'product-name': item }, registrationOnLabel: 'P-IRT 2063507010123-26' };
    expect(applyVersion(V2, 'labelChecklists', read, NO_CONTEXT)).toEqual(read);
  });
});
