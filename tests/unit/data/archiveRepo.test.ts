import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyArchive,
  buildArchive,
  checkBundleFile,
  gatherScope,
  previewImport,
  streamArchive,
  type ArchiveScope,
} from '#renderer/src/data/archiveRepo.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { studioFingerprint } from '#renderer/src/data/backupRepo.ts';
import { addMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createParticipant } from '#renderer/src/data/participantsRepo.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { createSession } from '#renderer/src/data/sessionsRepo.ts';
import { storeFace } from '#renderer/src/data/submissionsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { isQuotaError } from '#renderer/src/ui/errorMessage.ts';
import type { CheckedArchive } from '#shared/bundles/archive.ts';
import { BUNDLE_TABLES } from '#shared/bundles/mergeBundle.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { LabelChecklist } from '#shared/domain/labelChecklist.ts';
import type { Review } from '#shared/domain/review.ts';
import type { IngestedFace } from '#shared/intake/ingestOutcome.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';

const APP = { name: 'Kemas Studio', version: '0.7.0' };
const NOW = Date.UTC(2026, 10, 28, 3);
const MJC = presetRubricId(MJC_QUALITY_INNOVATION);

let counter = 0;
const opened: KemasDatabase[] = [];
async function laptop(): Promise<KemasDatabase> {
  const db = openDatabase(`archive-repo-test-${++counter}`);
  await db.open();
  await ensurePresetRubrics(db, NOW - 100_000);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
  vi.restoreAllMocks();
});

/** The bytes the test stores as a face's original file, and their real SHA-256 (the key the studio files them under). */
const originalBytes = (fill: number) => new Uint8Array([fill, 0, fill]);
const originalSha = (fill: number) => createHash('sha256').update(originalBytes(fill)).digest('hex');

function ingested(fill: number): IngestedFace {
  const image = (w: number, h: number, byte: number) => ({ bytes: new Uint8Array([byte, byte, byte, byte]), mimeType: 'image/webp' as const, width: w, height: h });
  return {
    metadata: {
      format: 'jpeg',
      width: 3000,
      height: 4000,
      densityDpi: 300,
      colourSpace: 'srgb',
      iccProfileName: null,
      hasAlpha: false,
      bitDepth: 8,
      byteSize: 5,
      sha256: originalSha(fill),
      captureDate: null,
      device: null,
      exifOrientation: null,
      pageNumber: null,
      pageSize: null,
    },
    palette: [],
    preview: image(2560, 2560, fill),
    thumbnail: image(384, 384, fill + 1),
  };
}

function review(id: string, mentorId: string, submissionId: string, score: number, changes: Partial<Review> = {}): Review {
  return {
    id,
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    rubricId: MJC,
    sessionId: null,
    scores: { c1: { score, note: '' } },
    verdict: null,
    strengths: [],
    mustFix: [],
    suggestions: [],
    timeSpentMs: 0,
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    sawOthersAt: null,
    revisedAfterRevealAt: null,
    lastSubmitted: null,
    ...changes,
  };
}

function pin(id: string, mentorId: string, assetId: string, submissionId: string, changes: Partial<Annotation> = {}): Annotation {
  return {
    id,
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    assetId,
    submissionId,
    mentorId,
    authorKeyId: null,
    number: 1,
    shape: { kind: 'pin', at: { x: 1, y: 2 } },
    category: 'legibility',
    severity: 'must-fix',
    comment: 'Huruf terlalu kecil',
    link: null,
    ...changes,
  };
}

function checklist(id: string, mentorId: string, submissionId: string): LabelChecklist {
  return {
    id,
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    items: { 'net-content': { status: 'missing', annotationId: null, note: '' } },
    registrationOnLabel: '',
  };
}

const participantFields = (workshopId: string, business: string) => ({
  workshopId,
  business,
  owner: '',
  product: 'Keripik',
  category: 'snack' as const,
  city: 'Batu',
  region: '',
  contact: '',
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
  packDimensions: null,
});

/** The curator's laptop: workshop A (two participants, one deleted, three faces, a session naming Sari and Budi) and workshop B. */
async function curatorLaptop() {
  const db = await laptop();
  const curator = await addMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' }, 'system');
  const sari = await addMentor(db, { name: 'Sari', organisation: '' }, curator.id);
  const budi = await addMentor(db, { name: 'Budi', organisation: '' }, curator.id);
  const outsider = await addMentor(db, { name: 'Eka', organisation: '' }, curator.id);
  const a = await createWorkshop(db, { name: 'Lokakarya Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, curator.id);
  const b = await createWorkshop(db, { name: 'Lokakarya Jember', region: 'Jember', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, curator.id);
  const tempe = await createParticipant(db, participantFields(a.id, 'Keripik Tempe Bu Sari'), curator.id);
  const jamu = await createParticipant(db, participantFields(a.id, 'Jamu Mbok Darmi'), curator.id);
  const kopi = await createParticipant(db, participantFields(b.id, 'Kopi Ijen'), curator.id);
  const face = (workshopId: string, participantId: string, submissionId: string, sha: string, fill: number) =>
    storeFace(
      db,
      {
        workshopId,
        destination: { participant: { id: participantId }, submission: { id: submissionId, create: { title: 'v1' } } },
        face: 'front',
        fileName: `${sha}.jpg`,
        mimeType: 'image/jpeg',
        original: new Blob([originalBytes(fill)], { type: 'image/jpeg' }),
        ingested: ingested(fill),
      },
      curator.id,
    );
  const tempeFront = await face(a.id, tempe.id, 'sub-tempe', 'a', 10);
  const jamuFront = await face(a.id, jamu.id, 'sub-jamu', 'b', 20);
  await face(b.id, kopi.id, 'sub-kopi', 'c', 30);
  await db.participants.update(jamu.id, { deletedAt: NOW, updatedAt: NOW });
  const session = await createSession(
    db,
    a.id,
    {
      name: 'Final',
      rubricId: MJC,
      mentorIds: [sari.id, budi.id],
      filters: { regions: [], categories: [], version: 'latest' },
      assignment: 'all-score-all',
      blind: false,
      itemTimerMinutes: null,
    },
    curator.id,
  );
  return { db, curator, sari, budi, outsider, a, b, tempe, jamu, tempeFront, jamuFront, session };
}

const ids = (rows: readonly { id: string }[] | undefined) => (rows ?? []).map((r) => r.id).sort();

async function check(blob: Blob): Promise<CheckedArchive> {
  const checked = await checkBundleFile(blob);
  if (!checked.ok) throw new Error(`archive refused: ${checked.problem} ${checked.path ?? ''}`);
  return checked.archive;
}

async function bundle(db: KemasDatabase, scope: ArchiveScope, by: { id: string; name: string }) {
  const blob = await buildArchive(db, scope, { app: APP, createdBy: by, now: NOW });
  return { blob, archive: await check(blob) };
}

/** Every record of every table (tombstones included), by id, and every image's bytes. */
async function snapshot(db: KemasDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const table of BUNDLE_TABLES) tables[table] = (await db.table(table).toArray()).sort((x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1));
  const blobs: Record<string, number[]> = {};
  for (const row of await db.assetBlobs.toArray()) blobs[row.id] = [...new Uint8Array(await row.blob.arrayBuffer())];
  return { tables, blobs };
}

describe('gatherScope', () => {
  it('a workshop bundle holds the workshop, its people, submissions, faces, images, sessions, rubrics and the mentors the sessions name', async () => {
    const { db, a, tempe, jamu, tempeFront, jamuFront, session, sari, budi } = await curatorLaptop();
    const { records, blobs } = await gatherScope(db, { kind: 'workshop', workshopId: a.id });
    expect(ids(records.workshops)).toEqual([a.id]);
    // The deleted participant travels as a tombstone.
    expect(ids(records.participants)).toEqual([jamu.id, tempe.id].sort());
    expect(records.participants?.find((p) => p.id === jamu.id)?.deletedAt).toBe(NOW);
    expect(ids(records.submissions)).toEqual(['sub-jamu', 'sub-tempe']);
    expect(ids(records.assets)).toEqual([jamuFront.id, tempeFront.id].sort());
    expect(ids(records.sessions)).toEqual([session.id]);
    expect(ids(records.rubrics)).toEqual([MJC]);
    expect(ids(records.mentors)).toEqual([sari.id, budi.id].sort());
    expect(records.reviews).toBeUndefined();
    // Originals once per file, previews and thumbnails per face; nothing of workshop B.
    expect(blobs.map((b) => b.id).sort()).toEqual(
      [`original:${originalSha(10)}`, `original:${originalSha(20)}`, `${tempeFront.id}:preview`, `${tempeFront.id}:thumbnail`, `${jamuFront.id}:preview`, `${jamuFront.id}:thumbnail`].sort(),
    );
    expect(blobs.find((b) => b.kind === 'original')?.mimeType).toBe('image/jpeg');
    expect(blobs.find((b) => b.kind === 'preview')?.mimeType).toBe('image/webp');
  });

  it('a review bundle holds one mentor’s reviews, annotations and checklists in that workshop, deletions included, and their own record', async () => {
    const { db, a, sari, budi, tempeFront } = await curatorLaptop();
    await db.reviews.bulkAdd([
      review('r-sari', sari.id, 'sub-tempe', 4),
      review('r-sari-gone', sari.id, 'sub-jamu', 3, { deletedAt: NOW }),
      review('r-budi', budi.id, 'sub-tempe', 2),
      review('r-sari-jember', sari.id, 'sub-kopi', 5),
    ]);
    await db.annotations.bulkAdd([
      pin('n-sari', sari.id, tempeFront.id, 'sub-tempe'),
      pin('n-sari-deleted', sari.id, tempeFront.id, 'sub-tempe', { deletedAt: NOW }),
      pin('n-budi', budi.id, tempeFront.id, 'sub-tempe'),
    ]);
    await db.labelChecklists.bulkAdd([checklist('c-sari', sari.id, 'sub-tempe'), checklist('c-budi', budi.id, 'sub-tempe'), checklist('c-sari-kopi', sari.id, 'sub-kopi')]);
    const { records, blobs } = await gatherScope(db, { kind: 'review', workshopId: a.id, mentorId: sari.id });
    expect(ids(records.reviews)).toEqual(['r-sari', 'r-sari-gone']);
    expect(ids(records.annotations)).toEqual(['n-sari', 'n-sari-deleted']);
    expect(ids(records.labelChecklists)).toEqual(['c-sari']);
    expect(ids(records.mentors)).toEqual([sari.id]);
    expect(records.workshops).toBeUndefined();
    expect(blobs).toEqual([]);
  });
});

describe('buildArchive → checkArchive → applyArchive', () => {
  it('a workshop bundle merged into an empty laptop gives back the same records and image bytes; importing it again changes nothing', async () => {
    const { db, a, curator } = await curatorLaptop();
    const { blob, archive } = await bundle(db, { kind: 'workshop', workshopId: a.id }, curator);
    expect(archive.manifest.kind).toBe('workshop');
    expect(archive.manifest.createdBy.name).toBe('Dewi');

    const mentor = await laptop();
    const preview = await previewImport(mentor, archive);
    // Nothing is written by a preview.
    expect(await mentor.workshops.count()).toBe(0);
    expect(preview.counts.added).toBe(preview.report.length - 1); // the preset rubric is already on every laptop
    expect(preview.images).toEqual({ total: 6, added: 6 });

    const first = await applyArchive(mentor, archive, blob, 'merge');
    expect(first.unchanged).toBe(false);
    const gathered = await gatherScope(db, { kind: 'workshop', workshopId: a.id });
    const after = await gatherScope(mentor, { kind: 'workshop', workshopId: a.id });
    expect(after.records).toEqual(gathered.records);
    const here = await snapshot(mentor);
    for (const b of gathered.blobs) {
      const original = await db.assetBlobs.get(b.id);
      expect(here.blobs[b.id]).toEqual([...new Uint8Array(await (original as { blob: Blob }).blob.arrayBuffer())]);
      expect((await mentor.assetBlobs.get(b.id))?.blob.type).toBe(b.mimeType);
    }

    const again = await applyArchive(mentor, await check(blob), blob, 'merge');
    expect(again.unchanged).toBe(true);
    expect(again.counts).toEqual({ added: 0, updated: 0, kept: first.report.length, conflict: 0 });
    expect(await snapshot(mentor)).toEqual(here);
  });

  it('two mentors’ review bundles merged in either order give the same tables, with the conflicting edit listed', async () => {
    const { db, a, curator, sari, budi, tempeFront } = await curatorLaptop();
    const workshop = await bundle(db, { kind: 'workshop', workshopId: a.id }, curator);
    const sariLaptop = await laptop();
    const budiLaptop = await laptop();
    await applyArchive(sariLaptop, workshop.archive, workshop.blob, 'merge');
    await applyArchive(budiLaptop, workshop.archive, workshop.blob, 'merge');
    await sariLaptop.reviews.add(review('r-sari', sari.id, 'sub-tempe', 4));
    await sariLaptop.annotations.add(pin('n-sari', sari.id, tempeFront.id, 'sub-tempe'));
    await budiLaptop.reviews.add(review('r-budi', budi.id, 'sub-tempe', 2, { updatedAt: NOW + 5 }));
    await budiLaptop.labelChecklists.add(checklist('c-budi', budi.id, 'sub-tempe'));
    // Both renamed Sari's mentor record on their own laptop: a conflict, the newer edit wins.
    const later = Date.now() + 60_000;
    await sariLaptop.mentors.update(sari.id, { name: 'Sari Wulandari', updatedAt: later + 10, updatedBy: sari.id });
    const fromSari = await bundle(sariLaptop, { kind: 'review', workshopId: a.id, mentorId: sari.id }, sari);
    await budiLaptop.mentors.update(sari.id, { name: 'Sari W.', updatedAt: later + 20, updatedBy: budi.id });
    await budiLaptop.mentors.update(budi.id, { organisation: 'Dinas Koperasi', updatedAt: later + 20, updatedBy: budi.id });
    const budiMentor = await budiLaptop.mentors.get(budi.id);
    const fromBudi = await bundle(budiLaptop, { kind: 'review', workshopId: a.id, mentorId: budi.id }, { id: budi.id, name: budiMentor?.name ?? '' });
    const sariOnBudi = await bundle(budiLaptop, { kind: 'review', workshopId: a.id, mentorId: sari.id }, { id: budi.id, name: 'Budi' });

    const one = await laptop();
    const two = await laptop();
    for (const target of [one, two]) await applyArchive(target, workshop.archive, workshop.blob, 'merge');
    for (const b of [fromSari, fromBudi, sariOnBudi]) await applyArchive(one, b.archive, b.blob, 'merge');
    let conflictReport = null;
    for (const b of [sariOnBudi, fromBudi, fromSari]) {
      const result = await applyArchive(two, b.archive, b.blob, 'merge');
      if (b === fromSari) conflictReport = result;
    }
    expect(await snapshot(one)).toEqual(await snapshot(two));
    expect((await one.mentors.get(sari.id))?.name).toBe('Sari W.');
    expect(ids(await one.reviews.toArray())).toEqual(['r-budi', 'r-sari']);
    // Sari's bundle arrived last on laptop two: her rename lost to Budi's newer one, and the report says so.
    const conflict = conflictReport?.report.find((e) => e.table === 'mentors' && e.id === sari.id);
    expect(conflict).toMatchObject({ outcome: 'conflict', winner: 'local', local: { updatedBy: budi.id, updatedAt: later + 20 }, incoming: { updatedBy: sari.id } });
    expect(conflictReport?.names.mentors[budi.id]).toBe('Budi');
  });

  it('a review bundle about submissions the studio lacks is imported anyway and counted', async () => {
    const { db, a, sari } = await curatorLaptop();
    await db.reviews.add(review('r-sari', sari.id, 'sub-tempe', 4));
    const { archive, blob } = await bundle(db, { kind: 'review', workshopId: a.id, mentorId: sari.id }, sari);
    const empty = await laptop();
    const preview = await previewImport(empty, archive);
    expect(preview.missingSubmissions).toBe(1);
    await applyArchive(empty, archive, blob, 'merge');
    expect(await empty.reviews.get('r-sari')).toMatchObject({ submissionId: 'sub-tempe' });
  });

  it('a bundle from a laptop whose clock runs ahead is flagged: its future edits are counted', async () => {
    const { db, a, sari } = await curatorLaptop();
    const ahead = Date.now() + 3 * 24 * 60 * 60 * 1000;
    await db.reviews.bulkAdd([review('r-sari', sari.id, 'sub-tempe', 4), { ...review('r-sari-jamu', sari.id, 'sub-jamu', 3), updatedAt: ahead }]);
    const { archive } = await bundle(db, { kind: 'review', workshopId: a.id, mentorId: sari.id }, sari);
    expect((await previewImport(await laptop(), archive)).futureEdits).toBe(1);
  });

  it('replace empties the studio first and keeps who is reviewing here', async () => {
    const { db, curator } = await curatorLaptop();
    const { archive, blob } = await bundle(db, { kind: 'backup' }, curator);
    expect(archive.manifest.kind).toBe('backup');
    const other = await laptop();
    await createWorkshop(other, { name: 'Hanya di sini', region: '', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, 'x');
    await other.meta.put({ key: 'currentMentorId', value: curator.id });
    const result = await applyArchive(other, archive, blob, 'replace');
    expect(result.mode).toBe('replace');
    expect(await snapshot(other)).toEqual(await snapshot(db));
    expect(await other.meta.get('currentMentorId')).toEqual({ key: 'currentMentorId', value: curator.id });
  });

  it('a full disk during the merge aborts the whole transaction: nothing is written', async () => {
    const { db, a, curator } = await curatorLaptop();
    const { archive, blob } = await bundle(db, { kind: 'workshop', workshopId: a.id }, curator);
    const target = await laptop();
    const before = await snapshot(target);
    // Mentors and workshops are written before assets; the put of assets fails as a full disk does.
    const table = Object.getPrototypeOf(target.assets) as { bulkPut: (this: { name: string }, ...args: unknown[]) => Promise<unknown> };
    const bulkPut = table.bulkPut;
    vi.spyOn(table, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'assets') return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return bulkPut.apply(this, args);
    });
    const failure = await applyArchive(target, archive, blob, 'merge').catch((error: unknown) => error);
    expect(isQuotaError(failure)).toBe(true);
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual(before);
  });

  it('a changed byte is refused before anything is written', async () => {
    const { db, a, curator } = await curatorLaptop();
    const { blob } = await bundle(db, { kind: 'workshop', workshopId: a.id }, curator);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // Images are stored uncompressed: change one byte of Jamu's thumbnail (four bytes of 21).
    const at = bytes.findIndex((_, i) => bytes[i] === 21 && bytes[i + 1] === 21 && bytes[i + 2] === 21 && bytes[i + 3] === 21);
    expect(at).toBeGreaterThan(0);
    bytes[at] = 22;
    const checked = await checkBundleFile(new Blob([bytes]));
    expect(checked).toMatchObject({ ok: false, problem: 'checksum' });
  });

  it('a backup makes its sender’s key before it takes the fingerprint it answers, so the studio it leaves is not due again', async () => {
    const { db, a, curator } = await curatorLaptop();
    expect(await db.mentorKeys.where('mentorId').equals(curator.id).count()).toBe(0);
    const before = await studioFingerprint(db);
    const backup = await streamArchive(db, { kind: 'backup' }, () => {}, { app: APP, createdBy: curator });
    // The key the backup carries was made by it: a change, and one the backup holds.
    expect(await db.mentorKeys.where('mentorId').equals(curator.id).count()).toBe(1);
    expect(backup.fingerprint).not.toBe(before.fingerprint);
    expect(backup.fingerprint).toBe((await studioFingerprint(db)).fingerprint);
    // An edit after it is the next backup's.
    await db.workshops.update(a.id, { venue: 'Aula' });
    expect((await studioFingerprint(db)).fingerprint).not.toBe(backup.fingerprint);
    // Bundles are not backups: no fingerprint.
    expect((await streamArchive(db, { kind: 'workshop', workshopId: a.id }, () => {}, { app: APP, createdBy: curator })).fingerprint).toBeNull();
  });

  it('Cancel while writing stops the export with an AbortError', async () => {
    const { db, a, curator } = await curatorLaptop();
    const controller = new AbortController();
    let chunks = 0;
    const progress: number[] = [];
    const run = streamArchive(db, { kind: 'workshop', workshopId: a.id }, () => void (chunks += 1), {
      app: APP,
      createdBy: curator,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.done);
        if (p.done >= 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeLessThan(15);
  });
});
