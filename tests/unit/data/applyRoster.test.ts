import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { applyRoster, createParticipant, listParticipants } from '#renderer/src/data/participantsRepo.ts';
import { createWorkshop, deleteWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { parseRoster } from '#shared/intake/roster.ts';

let db: KemasDatabase;
let counter = 0;

beforeEach(async () => {
  db = openDatabase(`roster-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const workshop = () =>
  createWorkshop(db, { name: 'Workshop Madiun', region: 'Madiun', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, 'mentor-1');

const roster = parseRoster([
  ['Nama Usaha', 'Produk', 'Pemilik', 'Ukuran Kemasan (cm)'],
  ['Brem Suling', 'Brem', 'Suwarni', '14 x 22 x 4'],
  ['Ledre Bojonegoro', 'Ledre Pisang', 'Siti', '10 x 15'],
]);

describe('applyRoster', () => {
  it('creates new participants and updates the one with the same business and product, in one go', async () => {
    const { id } = await workshop();
    await createParticipant(
      db,
      {
        workshopId: id,
        business: 'Brem Suling',
        owner: '',
        product: 'Brem',
        category: 'food',
        city: 'Madiun',
        region: '',
        contact: '0812',
        labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
        packDimensions: null,
      },
      'mentor-1',
    );
    const plan = await applyRoster(db, id, roster.entries, 'mentor-2');
    expect(plan.map((w) => w.action)).toEqual(['update', 'create']);
    const participants = await listParticipants(db, id);
    expect(participants.map((p) => [p.business, p.owner, p.city, p.contact, p.packDimensions, p.updatedBy])).toEqual([
      ['Brem Suling', 'Suwarni', 'Madiun', '0812', { widthMm: 140, heightMm: 220, depthMm: 40 }, 'mentor-2'],
      ['Ledre Bojonegoro', 'Siti', '', '', { widthMm: 100, heightMm: 150, depthMm: 0 }, 'mentor-2'],
    ]);
  });

  it('writes nothing when the workshop is gone', async () => {
    const { id } = await workshop();
    await deleteWorkshop(db, id, 'mentor-1');
    await expect(applyRoster(db, id, roster.entries, 'mentor-1')).rejects.toThrow();
    expect(await db.participants.count()).toBe(0);
  });

  it('keeps nothing of a roster whose write fails part-way', async () => {
    const { id } = await workshop();
    const [first, second] = roster.entries;
    if (!first || !second) throw new Error('the roster has two entries');
    const broken = [first, { ...second, business: '   ' }];
    await expect(applyRoster(db, id, broken, 'mentor-1')).rejects.toThrow();
    expect(await listParticipants(db, id)).toEqual([]);
  });
});
