import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '../../../renderer/src/data/db.ts';
import { createMentor, getCurrentMentor, updateMentor } from '../../../renderer/src/data/mentorsRepo.ts';
import {
  createParticipant,
  deleteParticipant,
  listParticipants,
  restoreParticipant,
  updateParticipant,
} from '../../../renderer/src/data/participantsRepo.ts';
import { addSubmission, getAssetBlob, listSubmissions } from '../../../renderer/src/data/submissionsRepo.ts';
import {
  countByWorkshop,
  createWorkshop,
  deleteWorkshop,
  listWorkshops,
  restoreWorkshop,
  updateWorkshop,
} from '../../../renderer/src/data/workshopsRepo.ts';
import type { ParticipantFields } from '../../../shared/domain/participant.ts';
import type { WorkshopFields } from '../../../shared/domain/workshop.ts';

let db: KemasDatabase;
let counter = 0;

beforeEach(async () => {
  db = openDatabase(`test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const workshopFields = (name: string, startDate: string | null = null): WorkshopFields => ({
  name,
  region: 'Malang',
  venue: '',
  startDate,
  endDate: null,
  rubricId: null,
  notes: '',
});

const participantFields = (workshopId: string, business: string): ParticipantFields => ({
  workshopId,
  business,
  owner: '',
  product: 'Keripik',
  category: 'snack',
  city: 'Malang',
  contact: '',
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
  packDimensions: null,
});

describe('mentors', () => {
  it('remembers who is reviewing on this laptop', async () => {
    expect(await getCurrentMentor(db)).toBeNull();
    const mentor = await createMentor(db, { name: 'Dewi Lestari', organisation: 'Rumah Kurasi' });
    expect(await getCurrentMentor(db)).toMatchObject({ id: mentor.id, name: 'Dewi Lestari' });
    await updateMentor(db, mentor.id, { name: 'Dewi L.', organisation: 'Rumah Kurasi' });
    expect((await getCurrentMentor(db))?.name).toBe('Dewi L.');
  });

  it('refuses a mentor without a name', async () => {
    await expect(createMentor(db, { name: '  ', organisation: '' })).rejects.toThrow();
    expect(await db.mentors.count()).toBe(0);
  });
});

describe('workshops', () => {
  it('creates, edits and lists workshops, newest first, with who edited them', async () => {
    const older = await createWorkshop(db, workshopFields('Madiun', '2026-03-01'), 'm1');
    const newer = await createWorkshop(db, workshopFields('Jember', '2026-11-01'), 'm1');
    await updateWorkshop(db, older.id, { ...workshopFields('Madiun 2026', '2026-03-01'), venue: 'Aula' }, 'm2');
    const list = await listWorkshops(db);
    expect(list.map((w) => w.name)).toEqual(['Jember', 'Madiun 2026']);
    const edited = list[1];
    expect(edited).toMatchObject({ venue: 'Aula', updatedBy: 'm2', createdAt: older.createdAt });
    expect(edited?.updatedAt).toBeGreaterThanOrEqual(older.updatedAt);
    expect(newer.deletedAt).toBeNull();
  });

  it('deletes as a tombstone that undo clears', async () => {
    const w = await createWorkshop(db, workshopFields('Bojonegoro'), 'm1');
    await deleteWorkshop(db, w.id, 'm1');
    expect(await listWorkshops(db)).toEqual([]);
    expect((await db.workshops.get(w.id))?.deletedAt).toEqual(expect.any(Number));
    await restoreWorkshop(db, w.id, 'm1');
    expect((await listWorkshops(db)).map((x) => x.id)).toEqual([w.id]);
  });

  it('refuses to edit a deleted workshop', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    await deleteWorkshop(db, w.id, 'm1');
    await expect(updateWorkshop(db, w.id, workshopFields('X'), 'm1')).rejects.toThrow(/not found/);
  });

  it('counts live participants and their submissions per workshop', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const a = await createParticipant(db, participantFields(w.id, 'A'), 'm1');
    const b = await createParticipant(db, participantFields(w.id, 'B'), 'm1');
    const face = {
      face: 'front' as const,
      fileName: 'a.png',
      mimeType: 'image/png',
      width: 10,
      height: 10,
      sha256: 'a'.repeat(64),
      original: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
    };
    await addSubmission(db, { participantId: a.id, title: '', note: '', faces: [face] }, 'm1');
    await addSubmission(db, { participantId: b.id, title: '', note: '', faces: [face] }, 'm1');
    await deleteParticipant(db, b.id, 'm1');
    expect((await countByWorkshop(db)).get(w.id)).toEqual({ participants: 1, submissions: 1 });
  });
});

describe('participants', () => {
  it('belong to a live workshop and sort by business name', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    await createParticipant(db, participantFields(w.id, 'Kopi Ijen'), 'm1');
    const keripik = await createParticipant(db, participantFields(w.id, 'Keripik Tempe'), 'm1');
    await updateParticipant(db, keripik.id, { ...participantFields(w.id, 'Keripik Tempe'), city: 'Batu' }, 'm1');
    const list = await listParticipants(db, w.id);
    expect(list.map((p) => [p.business, p.city])).toEqual([
      ['Keripik Tempe', 'Batu'],
      ['Kopi Ijen', 'Malang'],
    ]);
    await deleteWorkshop(db, w.id, 'm1');
    await expect(createParticipant(db, participantFields(w.id, 'Late'), 'm1')).rejects.toThrow(/not found/);
  });

  it('comes back after undo of a delete', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const p = await createParticipant(db, participantFields(w.id, 'Jamu'), 'm1');
    await deleteParticipant(db, p.id, 'm1');
    expect(await listParticipants(db, w.id)).toEqual([]);
    await restoreParticipant(db, p.id, 'm1');
    expect((await listParticipants(db, w.id)).map((x) => x.business)).toEqual(['Jamu']);
  });
});

describe('submissions', () => {
  it('stores faces with their bytes and numbers versions per participant', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const p = await createParticipant(db, participantFields(w.id, 'Keripik'), 'm1');
    const bytes = new Uint8Array([137, 80, 78, 71, 9, 9, 9]);
    const face = (name: string) => ({
      face: 'front' as const,
      fileName: name,
      mimeType: 'image/png',
      width: 1600,
      height: 2400,
      sha256: 'b'.repeat(64),
      original: new Blob([bytes], { type: 'image/png' }),
    });
    await addSubmission(db, { participantId: p.id, title: 'v1', note: '', faces: [face('a.png')] }, 'm1');
    await addSubmission(db, { participantId: p.id, title: 'v2', note: '', faces: [face('b.png'), face('c.png')] }, 'm1');
    const list = await listSubmissions(db, p.id);
    expect(list.map((s) => [s.submission.version, s.faces.map((f) => f.fileName)])).toEqual([
      [2, ['b.png', 'c.png']],
      [1, ['a.png']],
    ]);
    const asset = list[1]?.faces[0];
    const blob = await getAssetBlob(db, asset?.id ?? '', 'thumbnail');
    expect(blob).not.toBeNull();
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytes);
  });

  it('writes nothing when one face is invalid', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const p = await createParticipant(db, participantFields(w.id, 'Keripik'), 'm1');
    const good = {
      face: 'front' as const,
      fileName: 'ok.png',
      mimeType: 'image/png',
      width: 10,
      height: 10,
      sha256: 'c'.repeat(64),
      original: new Blob([new Uint8Array([1])]),
    };
    const bad = { ...good, width: -1 };
    await expect(addSubmission(db, { participantId: p.id, title: '', note: '', faces: [good, bad] }, 'm1')).rejects.toThrow();
    expect(await db.submissions.count()).toBe(0);
    expect(await db.assets.count()).toBe(0);
    expect(await db.assetBlobs.count()).toBe(0);
  });
});
