import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFolderGrants } from '#electron/services/folderGrants.ts';
import { createExportService } from '#electron/services/exportFolder.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { renderPackRequest } from '#electron/services/packExport/renderPackRequest.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { addMentor } from '#renderer/src/data/mentorsRepo.ts';
import { loadBatchCandidates } from '#renderer/src/data/packBatchRepo.ts';
import { createParticipant } from '#renderer/src/data/participantsRepo.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { storeFace } from '#renderer/src/data/submissionsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { planBatch, runBatch, type BatchChoices, type BatchItem, type ExistingAnswer } from '#renderer/src/features/packs/batchExport.ts';
import type { HostClient } from '#renderer/src/host/hostClient.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import type { Result } from '#shared/contract/result.ts';
import type { Review } from '#shared/domain/review.ts';
import { derivedBlobKey } from '#shared/domain/asset.ts';
import type { IngestedFace } from '#shared/intake/ingestOutcome.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { memoryStore } from '../electron/memoryStore.ts';

let db: KemasDatabase;
let dir: string;
let counter = 0;
beforeEach(async () => {
  db = openDatabase(`pack-batch-test-${++counter}`);
  await db.open();
  await ensurePresetRubrics(db);
  dir = mkdtempSync(join(tmpdir(), 'kemas-batch-'));
});
afterEach(async () => {
  await db.delete();
  rmSync(dir, { recursive: true, force: true });
});

const MJC = presetRubricId(MJC_QUALITY_INNOVATION);
const criteria = MJC_QUALITY_INNOVATION.groups.flatMap((g) => g.criteria.map((c) => c.id));
const jpeg: Uint8Array<ArrayBuffer> = new Uint8Array(await sharp({ create: { width: 300, height: 400, channels: 3, background: '#d8b26a' } }).jpeg().toBuffer());

function ingested(sha: string, preview: Uint8Array<ArrayBuffer>): IngestedFace {
  return {
    metadata: {
      format: 'jpeg',
      width: 300,
      height: 400,
      densityDpi: 300,
      colourSpace: 'srgb',
      iccProfileName: null,
      hasAlpha: false,
      bitDepth: 8,
      byteSize: preview.length,
      sha256: sha.repeat(64).slice(0, 64),
      captureDate: null,
      device: null,
      exifOrientation: null,
      pageNumber: null,
      pageSize: null,
    },
    palette: [],
    preview: { bytes: preview, mimeType: 'image/jpeg', width: 300, height: 400 },
    thumbnail: { bytes: preview, mimeType: 'image/jpeg', width: 300, height: 400 },
  };
}

function review(id: string, mentorId: string, submissionId: string, changes: Partial<Review> = {}): Review {
  return {
    id,
    createdAt: 1,
    updatedAt: 2,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    submissionId,
    mentorId,
    authorKeyId: null,
    rubricId: MJC,
    sessionId: null,
    scores: Object.fromEntries(criteria.map((c) => [c, { score: 4, note: '' }])),
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

/** Four participants: two versions reviewed by two mentors, one only drafted, one with a broken picture, one without designs. */
async function seed() {
  const workshop = await createWorkshop(
    db,
    { name: 'Pendampingan Kemasan', region: 'Jawa Timur', venue: '', startDate: '2026-11-12', endDate: null, rubricId: null, notes: '' },
    'curator',
  );
  const person = (business: string, product: string, region: string) =>
    createParticipant(
      db,
      {
        workshopId: workshop.id,
        business,
        owner: '',
        product,
        category: 'snack',
        city: '',
        region,
        contact: '',
        labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: 'plastic' },
        packDimensions: null,
      },
      'curator',
    );
  const keripik = await person('Keripik Tempe Bu Sari', 'Keripik Tempe', 'Malang');
  const kopi = await person('Kopi Ijen', 'Kopi Bubuk', '');
  const jamu = await person('Jamu Mbok Darmi', 'Kunyit Asam', 'Madiun');
  await person('Sambal Bu Tini', 'Sambal Bawang', 'Malang');
  const face = (participantId: string, submission: string, sha: string, preview: Uint8Array<ArrayBuffer> = jpeg) =>
    storeFace(
      db,
      {
        workshopId: workshop.id,
        destination: { participant: { id: participantId }, submission: { id: submission, create: { title: submission } } },
        face: 'front',
        fileName: `${sha}.jpg`,
        mimeType: 'image/jpeg',
        original: new Blob([preview], { type: 'image/jpeg' }),
        ingested: ingested(sha, preview),
      },
      'curator',
    );
  await face(keripik.id, 'keripik-v1', 'a');
  await face(keripik.id, 'keripik-v2', 'b');
  await face(kopi.id, 'kopi-v1', 'c');
  // Its picture is lost (a broken database, a bad merge): this pack cannot be made.
  const lost = await face(jamu.id, 'jamu-v1', 'd');
  await db.assetBlobs.delete(derivedBlobKey(lost.id, 'preview'));
  const rina = await addMentor(db, { name: 'Rina', organisation: '' }, 'curator');
  const budi = await addMentor(db, { name: 'Budi', organisation: '' }, 'curator');
  await db.reviews.bulkAdd([
    review('r1', rina.id, 'keripik-v1'),
    review('r2', rina.id, 'keripik-v2'),
    review('r3', budi.id, 'keripik-v2'),
    review('r4', rina.id, 'kopi-v1', { status: 'draft' }),
    review('r5', budi.id, 'kopi-v1', { abstained: true }),
    review('r6', rina.id, 'jamu-v1'),
  ]);
  return { workshop, rina, budi };
}

const choices: BatchChoices = { language: 'id', pageSize: 'A4', format: 'pdf', perMentor: false };
/** vi.waitFor gives up after 1 s by default: a ceiling for states that come, however busy the cores are. */
const CEILING = { timeout: 30_000 };

/** The renderer's host client over the real handlers: real pdfkit, a real folder on disk. */
function realHost(): HostClient {
  const handlers = createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack: (request) => renderPackRequest(request),
    summary: async () => ({ pdf: new Uint8Array([37, 80, 68, 70]) }),
    exports: createExportService({ home: dir, open: async () => false, grants: createFolderGrants({ store: memoryStore(), implicit: () => [dir] }) }),
  });
  return {
    call: (channel, request) => dispatch(handlers, channel, request) as Promise<Result<never>>,
    onMenuCommand: () => () => {},
  };
}

describe('a batch of critique packs', () => {
  it('takes each participant’s newest version and says what it leaves out and why', async () => {
    const { workshop } = await seed();
    const found = await loadBatchCandidates(db, { kind: 'workshop', workshopId: workshop.id });
    expect(found.candidates.map((c) => [c.region, c.business, c.version, c.reviewers.map((r) => r.name)])).toEqual([
      ['Jawa Timur', 'Kopi Ijen', 1, []],
      ['Madiun', 'Jamu Mbok Darmi', 1, ['Rina']],
      ['Malang', 'Keripik Tempe Bu Sari', 2, ['Budi', 'Rina']],
    ]);
    expect(found.withoutSubmission.map((p) => p.business)).toEqual(['Sambal Bu Tini']);

    const plan = planBatch(found, choices);
    expect(plan.items.map((i) => i.relativePath)).toEqual([
      'Madiun/Jamu Mbok Darmi - Kunyit Asam/Jamu Mbok Darmi - Kunyit Asam - v1 - Paket masukan.pdf',
      'Malang/Keripik Tempe Bu Sari - Keripik Tempe/Keripik Tempe Bu Sari - Keripik Tempe - v2 - Paket masukan.pdf',
    ]);
    expect(plan.skipped).toEqual([
      { business: 'Sambal Bu Tini', version: null, reason: 'no-submission' },
      { business: 'Kopi Ijen', version: 1, reason: 'no-review' },
    ]);

    // A selection takes exactly the versions picked, an older one too, and says nothing of the others.
    const picked = await loadBatchCandidates(db, { kind: 'selection', submissionIds: ['keripik-v1', 'kopi-v1'] });
    expect(picked.candidates.map((c) => [c.business, c.version])).toEqual([
      ['Kopi Ijen', 1],
      ['Keripik Tempe Bu Sari', 1],
    ]);
    expect(picked.withoutSubmission).toEqual([]);

    const perMentor = planBatch(found, { ...choices, perMentor: true, format: 'zip', language: 'en' });
    expect(perMentor.items.map((i) => i.relativePath.split('/')[2])).toEqual([
      'Jamu Mbok Darmi - Kunyit Asam - v1 - Critique pack - Rina.zip',
      'Keripik Tempe Bu Sari - Keripik Tempe - v2 - Critique pack - Budi.zip',
      'Keripik Tempe Bu Sari - Keripik Tempe - v2 - Critique pack - Rina.zip',
    ]);
  });

  it('writes every pack it can, reports the one that fails, and never overwrites without asking', async () => {
    const { workshop } = await seed();
    const plan = planBatch(await loadBatchCandidates(db, { kind: 'workshop', workshopId: workshop.id }), choices);
    const folder = join(dir, 'Ekspor');
    const host = realHost();
    const run = (answer: ExistingAnswer, signal = new AbortController().signal) => {
      const ask = vi.fn(async () => answer);
      const progress = vi.fn();
      return runBatch(db, host, plan, { folder, choices, signal, onProgress: progress, askWhenExists: ask }).then((report) => ({ report, ask, progress }));
    };
    const keripik = join(folder, ...(plan.items[1]?.relativePath.split('/') ?? []));

    const first = await run('stop');
    expect(first.report.ending).toBe('finished');
    expect(first.report.written.map((i) => i.business)).toEqual(['Keripik Tempe Bu Sari']);
    expect(first.report.failed.map((f) => [f.item.business, f.reason])).toEqual([['Jamu Mbok Darmi', 'image']]);
    expect(first.ask).not.toHaveBeenCalled();
    expect(readFileSync(keripik).subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.progress).toHaveBeenLastCalledWith({ done: 2, total: 2, current: null, etaMs: expect.any(Number), failed: 1 });

    const before = statSync(keripik).mtimeMs;
    const bytes = readFileSync(keripik);
    const skipped = await run('skip');
    expect(skipped.ask).toHaveBeenCalledOnce();
    expect(skipped.report.keptExisting.map((i) => i.business)).toEqual(['Keripik Tempe Bu Sari']);
    expect(skipped.report.written).toEqual([]);
    expect(statSync(keripik).mtimeMs).toBe(before);
    expect(readFileSync(keripik).equals(bytes)).toBe(true);

    const replaced = await run('replace');
    expect(replaced.report.replaced.map((i) => i.business)).toEqual(['Keripik Tempe Bu Sari']);

    const controller = new AbortController();
    controller.abort();
    const cancelled = await run('replace', controller.signal);
    expect(cancelled.report).toMatchObject({ ending: 'cancelled', notReached: 2, written: [], failed: [] });
  });
});

/** The real host, but each pack render waits until the test lets it go; and a log of every render and write. */
function gatedHost(auto = false) {
  const real = realHost();
  const renders: { mentor: string; release: () => void; rendered: boolean }[] = [];
  const writes: string[] = [];
  const host: HostClient = {
    call: (channel, request) => {
      if (channel === 'pack.render') {
        const json = JSON.stringify(request);
        const mentor = json.includes('"Budi"') ? 'Budi' : json.includes('"Rina"') ? 'Rina' : '?';
        return new Promise((resolve) => {
          const render = { mentor, rendered: false, release: () => {} };
          render.release = () =>
            void real.call(channel, request).then((result) => {
              render.rendered = true;
              resolve(result);
            });
          renders.push(render);
          if (auto) render.release();
        });
      }
      if (channel === 'export.write') {
        const { relativePath, ifExists } = request as { relativePath: string; ifExists: string };
        writes.push(`${relativePath.replace(/^.* - /, '')} ${ifExists}`);
      }
      return real.call(channel, request);
    },
    onMenuCommand: () => () => {},
  };
  return { host, renders, writes };
}

describe('two packs in flight', () => {
  const perMentor: BatchChoices = { ...choices, perMentor: true };

  it('makes two packs at once and still writes them in plan order', async () => {
    const { workshop } = await seed();
    const plan = planBatch(await loadBatchCandidates(db, { kind: 'workshop', workshopId: workshop.id }), perMentor);
    expect(plan.items.map((i) => i.mentorName)).toEqual(['Rina', 'Budi', 'Rina']);
    const { host, renders, writes } = gatedHost();
    const progress = vi.fn();
    const running = runBatch(db, host, plan, { folder: join(dir, 'Ekspor'), choices: perMentor, signal: new AbortController().signal, onProgress: progress, askWhenExists: vi.fn() });

    // Jamu's pack fails (its picture is lost) and both Keripik packs are rendering together.
    await vi.waitFor(() => expect(renders.map((r) => r.mentor).sort()).toEqual(['Budi', 'Rina']), CEILING);
    expect(progress).toHaveBeenLastCalledWith(expect.objectContaining({ done: 1, failed: 1, current: plan.items[1] }));
    // The second finishes first; it waits for the first to be written.
    const budi = renders.find((r) => r.mentor === 'Budi');
    const rina = renders.find((r) => r.mentor === 'Rina');
    rina?.release();
    await vi.waitFor(() => expect(rina?.rendered).toBe(true), CEILING);
    expect(writes).toEqual([]);
    budi?.release();

    const report = await running;
    expect(writes).toEqual(['Budi.pdf fail', 'Rina.pdf fail']);
    expect(report.written.map((i) => i.mentorName)).toEqual(['Budi', 'Rina']);
    expect(report.failed.map((f) => f.item.business)).toEqual(['Jamu Mbok Darmi']);
    expect(progress).toHaveBeenLastCalledWith({ done: 3, total: 3, current: null, etaMs: expect.any(Number), failed: 1 });
  });

  it('asks once when files exist, and writes nothing else while the question is open', async () => {
    const { workshop } = await seed();
    const plan = planBatch(await loadBatchCandidates(db, { kind: 'workshop', workshopId: workshop.id }), perMentor);
    const folder = join(dir, 'Ekspor');
    const options = { folder, choices: perMentor, onProgress: vi.fn() };
    await runBatch(db, realHost(), plan, { ...options, signal: new AbortController().signal, askWhenExists: vi.fn() });

    const { host, renders, writes } = gatedHost(true);
    let answer: (a: ExistingAnswer) => void = () => {};
    const ask = vi.fn(() => new Promise<ExistingAnswer>((resolve) => (answer = resolve)));
    const running = runBatch(db, host, plan, { ...options, signal: new AbortController().signal, askWhenExists: ask });
    await vi.waitFor(() => expect(ask).toHaveBeenCalledOnce(), CEILING);
    // Both packs are made while the question waits; only the first probe was written.
    await vi.waitFor(() => expect(renders.filter((r) => r.rendered)).toHaveLength(2), CEILING);
    expect(writes).toEqual(['Budi.pdf fail']);
    answer('replace');

    const report = await running;
    expect(ask).toHaveBeenCalledOnce();
    expect(writes).toEqual(['Budi.pdf fail', 'Budi.pdf replace', 'Rina.pdf fail', 'Rina.pdf replace']);
    expect(report.replaced.map((i) => i.mentorName)).toEqual(['Budi', 'Rina']);
  });

  it('once told to keep existing files, does not make the packs whose files are there', async () => {
    const { workshop } = await seed();
    const perMentorPlan = planBatch(await loadBatchCandidates(db, { kind: 'workshop', workshopId: workshop.id }), { ...choices, perMentor: true });
    const [budi, rina] = perMentorPlan.items.filter((i) => i.business !== 'Jamu Mbok Darmi') as [BatchItem, BatchItem];
    // Three packs that all exist after a first run: the third starts only after the question was answered.
    const plan = { ...perMentorPlan, items: [budi, rina, { ...budi, relativePath: `Salinan/${budi.relativePath}` }] };
    const options = { folder: join(dir, 'Ekspor'), choices: { ...choices, perMentor: true }, onProgress: vi.fn() };
    const first = await runBatch(db, realHost(), plan, { ...options, signal: new AbortController().signal, askWhenExists: vi.fn() });
    expect(first.written).toHaveLength(3);

    const { host, renders, writes } = gatedHost(true);
    const ask = vi.fn(async (): Promise<ExistingAnswer> => 'skip');
    const report = await runBatch(db, host, plan, { ...options, signal: new AbortController().signal, askWhenExists: ask });
    expect(ask).toHaveBeenCalledOnce();
    expect(report.keptExisting).toEqual(plan.items);
    expect(report.written).toEqual([]);
    // The two packs under way when the question came were drawn; the third never was.
    expect(renders.map((r) => r.mentor).sort()).toEqual(['Budi', 'Rina']);
    expect(writes).toEqual(['Budi.pdf fail', 'Rina.pdf fail']);
  });

  it('stops at once on Cancel with two packs still rendering, and writes neither', async () => {
    const { workshop } = await seed();
    const plan = planBatch(await loadBatchCandidates(db, { kind: 'workshop', workshopId: workshop.id }), perMentor);
    const { host, renders, writes } = gatedHost();
    const controller = new AbortController();
    const running = runBatch(db, host, plan, { folder: join(dir, 'Ekspor'), choices: perMentor, signal: controller.signal, onProgress: vi.fn(), askWhenExists: vi.fn() });
    await vi.waitFor(() => expect(renders).toHaveLength(2), CEILING);
    // The renders never finish: only Cancel can end the run.
    controller.abort();
    const report = await running;
    expect(report).toMatchObject({ ending: 'cancelled', notReached: 2, written: [] });
    expect(writes).toEqual([]);
  });
});
