import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { SCHEMA_V1, openDatabase } from '#renderer/src/data/db.ts';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database as the first release left it: schema version 1, records without the later fields. */
async function v1Database(rows: Partial<Record<keyof typeof SCHEMA_V1, unknown[]>>): Promise<string> {
  const name = `dexie-upgrade-${names.length}-${Date.now()}`;
  names.push(name);
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  await db.open();
  for (const [table, records] of Object.entries(rows)) await db.table(table).bulkAdd(records);
  db.close();
  return name;
}

describe('the database upgrade built from the chain', () => {
  it('opens a version 1 database at the current version with every record upgraded and none lost', async () => {
    const name = await v1Database({
      sessions: [{ id: 's1', workshopId: 'w1', updatedAt: 5, name: 'Batch', submissionIds: ['a'] }],
      participants: [
        { id: 'p1', workshopId: 'w1', updatedAt: 1, business: 'Keripik' },
        { id: 'p2', workshopId: 'w1', updatedAt: 2, business: 'Sambal', region: 'Jember' },
      ],
      labelChecklists: [{ id: 'c1', submissionId: 'a', mentorId: 'm', updatedAt: 3, items: { ingredients: null } }],
      mentors: [{ id: 'm', name: 'Rina', updatedAt: 4 }],
      meta: [{ key: 'currentMentorId', value: 'm' }],
    });
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(RECORDS_VERSION);
    expect(await db.sessions.get('s1')).toEqual({
      id: 's1', workshopId: 'w1', updatedAt: 5, name: 'Batch', submissionIds: ['a'], keptAssignments: [], itemTimerMinutes: null,
      // Version 3: no editor or mentors to name as curators, so none (the schema would refuse it, with its path).
      reveal: 'own-queue-done', revealedAt: null, revisions: {},
    });
    expect((await db.participants.toArray()).map((p) => [p.id, p.region])).toEqual([['p1', ''], ['p2', 'Jember']]);
    expect(await db.labelChecklists.get('c1')).toMatchObject({ items: {}, registrationOnLabel: '' });
    expect(await db.mentors.get('m')).toEqual({ id: 'm', name: 'Rina', updatedAt: 4, revisions: {} });
    expect(await db.meta.get('currentMentorId')).toEqual({ key: 'currentMentorId', value: 'm' });
    // Indexes still answer after the upgrade.
    expect(await db.participants.where('workshopId').equals('w1').count()).toBe(2);
    db.close();
  });
});
