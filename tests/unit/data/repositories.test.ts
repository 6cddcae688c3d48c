import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { createMentor, getCurrentMentor, updateMentor } from '#renderer/src/data/mentorsRepo.ts';
import {
  createParticipant,
  deleteParticipant,
  listParticipants,
  restoreParticipant,
  updateParticipant,
} from '#renderer/src/data/participantsRepo.ts';
import {
  assignFromTray,
  findFaceBySha256,
  getAssetBlob,
  listSubmissions,
  listTray,
  storeFace,
  storeFaces,
  type FaceDestination,
} from '#renderer/src/data/submissionsRepo.ts';
import { listLibrary } from '#renderer/src/data/libraryRepo.ts';
import type { IngestedFace } from '#shared/intake/ingestOutcome.ts';
import {
  countByWorkshop,
  createWorkshop,
  deleteWorkshop,
  listWorkshops,
  restoreWorkshop,
  updateWorkshop,
} from '#renderer/src/data/workshopsRepo.ts';
import type { ParticipantFields } from '#shared/domain/participant.ts';
import type { WorkshopFields } from '#shared/domain/workshop.ts';

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
  region: 'Malang',
  contact: '',
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
  packDimensions: null,
});

/** What the host's pipeline returns for one face; bytes stand in for the derived images. */
function ingested(sha: string, width = 800, height = 1200): IngestedFace {
  const image = (w: number, h: number, fill: number) => ({
    bytes: new Uint8Array([fill, fill, fill]),
    mimeType: 'image/jpeg' as const,
    width: w,
    height: h,
  });
  return {
    metadata: {
      format: 'jpeg',
      width,
      height,
      densityDpi: 72,
      colourSpace: 'srgb',
      iccProfileName: null,
      hasAlpha: false,
      bitDepth: 8,
      byteSize: 3,
      sha256: sha.repeat(64).slice(0, 64),
      captureDate: null,
      device: null,
      exifOrientation: null,
      pageNumber: null,
      pageSize: null,
    },
    palette: [{ hex: '#a8322d', share: 1 }],
    preview: image(width, height, 1),
    thumbnail: image(256, 384, 2),
  };
}

function face(workshopId: string, destination: FaceDestination | null, sha: string, fileName = `${sha}.jpg`) {
  return {
    workshopId,
    destination,
    face: 'front' as const,
    fileName,
    mimeType: 'image/jpeg',
    original: new Blob([new Uint8Array([255, 216, 255])], { type: 'image/jpeg' }),
    ingested: ingested(sha),
  };
}

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
    await storeFace(db, face(w.id, { participant: { id: a.id }, submission: { id: 'sa', create: { title: '' } } }, 'a'), 'm1');
    await storeFace(db, face(w.id, { participant: { id: b.id }, submission: { id: 'sb', create: { title: '' } } }, 'b'), 'm1');
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

describe('submissions and faces', () => {
  it('stores a face with its bytes, makes participant and version on first use, and counts versions up', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const { workshopId: _inWorkshop, ...fields } = participantFields(w.id, 'Keripik Tempe');
    const newParticipant = { id: 'p-new', create: fields };
    const v1 = { participant: newParticipant, submission: { id: 's1', create: { title: 'Keripik' } } };
    await storeFace(db, face(w.id, v1, 'a'), 'm1');
    await storeFace(db, { ...face(w.id, v1, 'b'), face: 'back' }, 'm1');
    await storeFace(db, face(w.id, { participant: { id: 'p-new' }, submission: { id: 's2', create: { title: 'v2' } } }, 'c'), 'm1');
    const list = await listSubmissions(db, 'p-new');
    expect(list.map((s) => [s.submission.version, s.faces.map((f) => [f.face, f.order])])).toEqual([
      [2, [['front', 0]]],
      [1, [['front', 0], ['back', 1]]],
    ]);
    const first = list[1]?.faces[0] as NonNullable<(typeof list)[number]['faces'][number]>;
    expect(await (await getAssetBlob(db, first, 'preview'))?.arrayBuffer()).toEqual(new Uint8Array([1, 1, 1]).buffer);
    expect(await (await getAssetBlob(db, first, 'thumbnail'))?.arrayBuffer()).toEqual(new Uint8Array([2, 2, 2]).buffer);
    expect(new Uint8Array(await ((await getAssetBlob(db, first, 'original')) as Blob).arrayBuffer())).toEqual(
      new Uint8Array([255, 216, 255]),
    );
    expect((await findFaceBySha256(db, first.sha256))?.id).toBe(first.id);
  });

  it('keeps one original for the several pages of one file', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const p = await createParticipant(db, participantFields(w.id, 'Jamu'), 'm1');
    const dest = { participant: { id: p.id }, submission: { id: 's', create: { title: '' } } };
    await storeFace(db, face(w.id, dest, 'd', 'label.pdf'), 'm1');
    await storeFace(db, { ...face(w.id, dest, 'd', 'label.pdf'), face: 'back' }, 'm1');
    expect(await db.assets.count()).toBe(2);
    expect((await db.assetBlobs.toArray()).filter((b) => b.kind === 'original')).toHaveLength(1);
  });

  it('writes nothing for a face whose participant is gone', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    await expect(storeFace(db, face(w.id, { participant: { id: 'nobody' }, submission: null }, 'e'), 'm1')).rejects.toThrow(
      /not found/,
    );
    expect(await db.assets.count()).toBe(0);
    expect(await db.assetBlobs.count()).toBe(0);
  });

  it('stores the pages of one file all or none, so a file that failed part-way imports cleanly when tried again', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const dest = { participant: { id: 'p-new', create: participantFields(w.id, 'Jamu') }, submission: { id: 's', create: { title: '' } } };
    const pages = [face(w.id, dest, 'd', 'label.pdf'), { ...face(w.id, dest, 'd', 'label.pdf'), face: 'back' as const }];
    // The second page cannot be stored (its workshop is gone): the first, its participant and submission go too.
    await expect(storeFaces(db, [pages[0]!, { ...pages[1]!, workshopId: 'gone' }], 'm1')).rejects.toThrow(/not found/);
    expect([await db.participants.count(), await db.submissions.count(), await db.assets.count(), await db.assetBlobs.count()]).toEqual([0, 0, 0, 0]);
    expect(await findFaceBySha256(db, 'd')).toBeNull();
    const stored = await storeFaces(db, pages, 'm1');
    expect(stored.map((a) => a.face)).toEqual(['front', 'back']);
    expect(await db.participants.count()).toBe(1);
  });

  it('puts unrecognised faces in the tray and moves them to a participant', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const p = await createParticipant(db, participantFields(w.id, 'Kopi Ijen'), 'm1');
    const stray = await storeFace(db, face(w.id, null, 'f', 'IMG_0001.jpg'), 'm1');
    expect((await listTray(db, w.id)).map((a) => a.fileName)).toEqual(['IMG_0001.jpg']);
    await assignFromTray(db, stray.id, p.id, 'm2');
    expect(await listTray(db, w.id)).toEqual([]);
    const [only] = await listSubmissions(db, p.id);
    expect(only?.submission.version).toBe(1);
    expect(only?.faces.map((a) => [a.fileName, a.updatedBy])).toEqual([['IMG_0001.jpg', 'm2']]);
  });

  it('lists the library with the newest version marked and reviews counted', async () => {
    const w = await createWorkshop(db, workshopFields('Malang'), 'm1');
    const p = await createParticipant(db, participantFields(w.id, 'Keripik'), 'm1');
    await storeFace(db, face(w.id, { participant: { id: p.id }, submission: { id: 'v1', create: { title: '' } } }, 'c'), 'm1');
    await storeFace(db, face(w.id, { participant: { id: p.id }, submission: { id: 'v2', create: { title: '' } } }, 'e'), 'm1');
    const library = await listLibrary(db, w.id);
    expect(library.map((i) => [i.submission.version, i.latest, i.reviewed, i.faces.length]).sort()).toEqual([
      [1, false, false, 1],
      [2, true, false, 1],
    ]);
  });
});
