import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { addMentor } from '#renderer/src/data/mentorsRepo.ts';
import { loadPackInput, reviewsPerMentor } from '#renderer/src/data/packRepo.ts';
import { createParticipant } from '#renderer/src/data/participantsRepo.ts';
import { RecordNotFoundError } from '#renderer/src/data/records.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { storeFace } from '#renderer/src/data/submissionsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { LabelChecklist } from '#shared/domain/labelChecklist.ts';
import type { Review } from '#shared/domain/review.ts';
import type { IngestedFace } from '#shared/intake/ingestOutcome.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { AWARDS_STYLE, MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';

let db: KemasDatabase;
let counter = 0;
beforeEach(async () => {
  db = openDatabase(`pack-repo-test-${++counter}`);
  await db.open();
  await ensurePresetRubrics(db);
});
afterEach(async () => {
  await db.delete();
});

const MJC = presetRubricId(MJC_QUALITY_INNOVATION);
const AWARDS = presetRubricId(AWARDS_STYLE);
const criteriaOf = (template: typeof MJC_QUALITY_INNOVATION) => template.groups.flatMap((g) => g.criteria.map((c) => c.id));
const NOW = Date.UTC(2026, 10, 28, 3);

function ingested(sha: string, format: 'jpeg' | 'tiff', width: number, height: number, previewByte: number): IngestedFace {
  const image = (w: number, h: number, fill: number) => ({ bytes: new Uint8Array([fill, fill, fill]), mimeType: 'image/jpeg' as const, width: w, height: h });
  return {
    metadata: {
      format,
      width,
      height,
      densityDpi: 300,
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
    palette: [],
    preview: image(Math.min(width, 2560), Math.min(height, 2560), previewByte),
    thumbnail: image(256, 384, 2),
  };
}

function review(id: string, mentorId: string, submissionId: string, score: number, changes: Partial<Review> = {}): Review {
  return {
    id,
    createdAt: NOW - 10_000,
    updatedAt: NOW - 5_000,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    rubricId: MJC,
    sessionId: null,
    scores: Object.fromEntries(criteriaOf(MJC_QUALITY_INNOVATION).map((c) => [c, { score, note: '' }])),
    verdict: 'minor-revision',
    strengths: [],
    mustFix: [],
    suggestions: [],
    timeSpentMs: 1000,
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    sawOthersAt: null,
    revisedAfterRevealAt: null,
    lastSubmitted: null,
    ...changes,
  };
}

function pin(id: string, mentorId: string, assetId: string, submissionId: string, number: number, changes: Partial<Annotation> = {}): Annotation {
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
    number,
    shape: { kind: 'pin', at: { x: 100, y: 200 } },
    category: 'legibility',
    severity: 'must-fix',
    comment: `Tanda ${number}`,
    link: null,
    ...changes,
  };
}

function checklist(id: string, mentorId: string, submissionId: string, updatedAt: number, note: string): LabelChecklist {
  return {
    id,
    createdAt: NOW,
    updatedAt,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    items: { 'net-content': { status: 'wrong', note, annotationId: null } },
    registrationOnLabel: '',
  };
}

/** A participant with two versions; v2 has a JPEG front and a TIFF back, three mentors and a deleted fourth. */
async function seed() {
  const workshop = await createWorkshop(
    db,
    { name: 'Pendampingan Kemasan Malang', region: 'Malang', venue: 'Bakorwil III', startDate: '2026-11-12', endDate: null, rubricId: null, notes: '' },
    'curator',
  );
  const participant = await createParticipant(
    db,
    {
      workshopId: workshop.id,
      business: 'Keripik Tempe Bu Sari',
      owner: 'Sari',
      product: 'Keripik Tempe',
      category: 'snack',
      city: 'Batu',
      region: 'Malang',
      contact: '',
      labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '100 g', packagingMaterial: 'plastic' },
      packDimensions: null,
    },
    'curator',
  );
  const put = (sha: string, submission: string, version: string, face: 'front' | 'back', format: 'jpeg' | 'tiff', previewByte: number) =>
    storeFace(
      db,
      {
        workshopId: workshop.id,
        destination: { participant: { id: participant.id }, submission: { id: submission, create: { title: version } } },
        face,
        fileName: `${sha}.${format}`,
        mimeType: `image/${format}`,
        original: new Blob([new Uint8Array([9, 9, 9])], { type: `image/${format}` }),
        ingested: ingested(sha, format, 3000, 4000, previewByte),
      },
      'curator',
    );
  await put('a', 's1', 'v1', 'front', 'jpeg', 1);
  const front = await put('b', 's2', 'v2', 'front', 'jpeg', 5);
  const back = await put('c', 's2', 'v2', 'back', 'tiff', 6);
  const rina = await addMentor(db, { name: 'Rina', organisation: 'Rumah Kurasi' }, 'curator');
  const budi = await addMentor(db, { name: 'Budi', organisation: 'Desainer' }, 'curator');
  const citra = await addMentor(db, { name: 'Citra', organisation: '' }, 'curator');
  const gone = await addMentor(db, { name: 'Dimas (pindah)', organisation: '' }, 'curator');
  const idle = await addMentor(db, { name: 'Eka', organisation: '' }, 'curator');
  await db.mentors.update(gone.id, { deletedAt: NOW });
  await db.mentors.update(idle.id, { deletedAt: NOW });
  return { workshop, participant, front, back, rina, budi, citra, gone };
}

describe('loadPackInput', () => {
  it('gathers one submission’s pack: one review per mentor, the rubric they used, the previous reviewed version, names, pictures', async () => {
    const { front, back, rina, budi, citra, gone } = await seed();
    await db.reviews.bulkAdd([
      review('r-rina', rina.id, 's2', 4, { updatedAt: NOW - 1000 }),
      // Rina's newer draft in a scoring session does not replace her submitted review.
      review('r-rina-session', rina.id, 's2', 1, { status: 'draft', sessionId: 'sess-1', updatedAt: NOW }),
      review('r-budi', budi.id, 's2', 2, { conflictOfInterest: true }),
      review('r-citra', citra.id, 's2', 5, { status: 'draft' }),
      review('r-rina-v1', rina.id, 's1', 3),
    ]);
    await db.annotations.bulkAdd([
      pin('n1', rina.id, front.id, 's2', 1),
      pin('n2', gone.id, back.id, 's2', 1, { severity: 'strength', comment: 'Warna hangat' }),
      pin('n3', rina.id, front.id, 's2', 2, { deletedAt: NOW }),
    ]);
    await db.labelChecklists.bulkAdd([
      checklist('c-old', rina.id, 's2', NOW - 9000, 'catatan lama'),
      checklist('c-new', rina.id, 's2', NOW - 10, 'Tertulis 100 tanpa satuan.'),
    ]);

    const { input, faces, contributors } = await loadPackInput(db, 's2', { mode: 'combined', generatedAt: NOW, images: true });
    expect(input.workshop.name).toBe('Pendampingan Kemasan Malang');
    expect([input.participant.business, input.submission.version]).toEqual(['Keripik Tempe Bu Sari', 2]);
    expect(input.faces.map((f) => f.face)).toEqual(['front', 'back']);
    expect(input.reviews.map((r) => r.id).sort()).toEqual(['r-budi', 'r-citra', 'r-rina']);
    expect(input.rubric.id).toBe(MJC);
    expect(input.annotations.map((a) => a.id).sort()).toEqual(['n1', 'n2']);
    expect(input.labelChecklists.map((c) => c.id)).toEqual(['c-new']);
    expect(input.previous?.submission.version).toBe(1);
    expect(input.previous?.reviews.map((r) => r.id)).toEqual(['r-rina-v1']);
    // A mentor deleted since still has a name in the pack; a deleted one who did nothing is left out.
    expect(input.mentors.map((m) => m.name)).toEqual(['Budi', 'Citra', 'Dimas (pindah)', 'Rina']);
    expect(contributors.map((m) => m.name)).toEqual(['Budi', 'Citra', 'Dimas (pindah)', 'Rina']);
    expect(input.generatedAt).toBe(NOW);

    // Pictures: the preview of each face; the original only where the browser can draw it.
    const bytes = async (blob: Blob | null) => (blob ? [...new Uint8Array(await blob.arrayBuffer())] : null);
    expect(await Promise.all(faces.map((f) => bytes(f.preview)))).toEqual([
      [5, 5, 5],
      [6, 6, 6],
    ]);
    expect(await Promise.all(faces.map((f) => bytes(f.original)))).toEqual([[9, 9, 9], null]);

    // What a participant would read: Rina's scores only (Budi declared a conflict, Citra's is a draft), the change from v1.
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    expect(model.cover.overall.value).toBe(75);
    expect(model.scores.mentorsCounted).toBe(1);
    expect(model.warnings).toContainEqual({ code: 'draft-review', mentorId: citra.id });
    expect(model.mentors.map((m) => m.name)).not.toContain('Budi');
    expect(model.versionChange?.overall.beforeText).toBe('50');
    expect(model.faces.flatMap((f) => f.marks.map((m) => m.comment))).toEqual(['Tanda 1', 'Warna hangat']);
  });

  it('reads no picture for a quick look, and a pack with no review at all still loads (marks only)', async () => {
    const { front, citra } = await seed();
    await db.annotations.add(pin('n1', citra.id, front.id, 's2', 1));
    const { input, faces } = await loadPackInput(db, 's2', { mode: 'combined', generatedAt: NOW });
    expect(faces.map((f) => [f.asset.face, f.preview, f.original])).toEqual([
      ['front', null, null],
      ['back', null, null],
    ]);
    expect(input.reviews).toEqual([]);
    expect(input.previous).toBeNull();
    // No review: the workshop's rubric, and a model that says so.
    expect(input.rubric.id).toBe(MJC);
    const model = buildPackModel(input, { language: 'en', mode: 'combined' });
    expect(model.warnings.map((w) => w.code)).toEqual(['no-counted-review']);
    expect(model.cover.overall.display).toBe('Not scored yet');
  });

  it('uses a mentor’s own rubric for their pack, and the most used one for a combined pack', async () => {
    const { rina, budi, citra } = await seed();
    const awards = criteriaOf(AWARDS_STYLE).map((c) => [c, { score: 4, note: '' }]);
    await db.reviews.bulkAdd([
      review('r-rina', rina.id, 's2', 4),
      review('r-citra', citra.id, 's2', 3),
      review('r-budi', budi.id, 's2', 4, { rubricId: AWARDS, scores: Object.fromEntries(awards), updatedAt: NOW }),
    ]);
    expect((await loadPackInput(db, 's2', { mode: 'combined', generatedAt: NOW })).input.rubric.id).toBe(MJC);
    expect((await loadPackInput(db, 's2', { mode: { mentorId: budi.id }, generatedAt: NOW })).input.rubric.id).toBe(AWARDS);
    expect((await loadPackInput(db, 's2', { mode: { mentorId: rina.id }, generatedAt: NOW })).input.rubric.id).toBe(MJC);
  });

  it('says plainly when the submission is gone', async () => {
    await expect(loadPackInput(db, 'nope', { mode: 'combined', generatedAt: NOW })).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('reviewsPerMentor', () => {
  it('keeps a declared conflict, else a submitted review before a draft, else the newest', () => {
    const picked = reviewsPerMentor([
      review('a-draft-new', 'a', 's', 1, { status: 'draft', updatedAt: 9 }),
      review('a-submitted', 'a', 's', 1, { updatedAt: 1 }),
      review('b-old', 'b', 's', 1, { status: 'draft', updatedAt: 1 }),
      review('b-new', 'b', 's', 1, { status: 'draft', updatedAt: 2 }),
      review('c-scored', 'c', 's', 1, { updatedAt: 9 }),
      review('c-conflict', 'c', 's', 1, { conflictOfInterest: true, updatedAt: 1 }),
      review('d-deleted', 'd', 's', 1, { deletedAt: 5 }),
    ]);
    expect(picked.map((r) => r.id).sort()).toEqual(['a-submitted', 'b-new', 'c-conflict']);
  });

  it('treats a review reopened for a revision as what was submitted, as the session results do', () => {
    const reopened = review('a-reopened', 'a', 's', 1, { status: 'draft', updatedAt: 9 });
    const lastSubmitted = { scores: reopened.scores, verdict: null, abstained: false, conflictOfInterest: false, submittedAt: 8 };
    const picked = reviewsPerMentor([review('a-older', 'a', 's', 1, { updatedAt: 1 }), { ...reopened, lastSubmitted }]);
    expect(picked.map((r) => r.id)).toEqual(['a-reopened']);
  });
});
