import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createPackPool, type PackPool, type PackReply, type PackTask, type PackWorker } from '#electron/services/packPool.ts';
import { spawnPackProcess } from '#electron/web/processWorker.ts';
import type { PackRenderRequest, PackRenderResponse } from '#shared/contract/packRender.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { packInput } from '../../support/packFixture.ts';

/** A worker the test drives by hand: it records tasks and answers, fails or dies when told. */
function fakeWorker() {
  const tasks: PackTask[] = [];
  let reply: (r: PackReply) => void = () => {};
  let exit: (code: number) => void = () => {};
  let terminated = false;
  const worker: PackWorker & { tasks: PackTask[]; answer(pdf: string): void; fail(message: string): void; die(): void; terminated(): boolean } = {
    tasks,
    post: (task) => tasks.push(task),
    onReply: (listener) => (reply = listener),
    onExit: (listener) => (exit = listener),
    terminate: () => (terminated = true),
    answer: (pdf) => reply({ id: (tasks.at(-1) as PackTask).id, ok: true, value: { pdf: new TextEncoder().encode(pdf), zip: null } }),
    fail: (message) => reply({ id: (tasks.at(-1) as PackTask).id, ok: false, message }),
    die: () => exit(1),
    terminated: () => terminated,
  };
  return worker;
}

const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
const request = (pageSize: 'A4' | 'Letter' = 'A4'): PackRenderRequest => ({ model, images: [], pageSize, zip: null });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let pool: PackPool | undefined;
afterEach(() => pool?.close());

function fakePool(size: number) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  pool = createPackPool(() => {
    const w = fakeWorker();
    workers.push(w);
    return w;
  }, size);
  return { pool, workers };
}

describe('pack pool', () => {
  it('starts no worker until the first pack, then one per pack up to its size, and queues the rest', async () => {
    const { pool, workers } = fakePool(2);
    expect(workers).toHaveLength(0);
    const results = [pool.run(request('A4')), pool.run(request('Letter')), pool.run(request('A4'))];
    expect(workers.map((w) => w.tasks.map((t) => t.request.pageSize))).toEqual([['A4'], ['Letter']]);
    workers[1]?.answer('%PDF letter');
    await expect(results[1]).resolves.toMatchObject({ zip: null });
    expect(text((await (results[1] as Promise<PackRenderResponse>)).pdf)).toBe('%PDF letter');
    // The freed worker takes the queued pack; no third worker is started.
    expect(workers).toHaveLength(2);
    expect(workers[1]?.tasks).toHaveLength(2);
  });

  it('rejects with the worker’s message when a pack fails, and the worker goes on', async () => {
    const { pool, workers } = fakePool(1);
    const first = pool.run(request());
    workers[0]?.fail('Input buffer contains unsupported image format');
    await expect(first).rejects.toThrow('Input buffer contains unsupported image format');
    const second = pool.run(request());
    workers[0]?.answer('%PDF ok');
    expect(text((await second).pdf)).toBe('%PDF ok');
    expect(workers).toHaveLength(1);
  });

  it('fails the pack of a worker that dies, and starts a fresh worker for the next', async () => {
    const { pool, workers } = fakePool(1);
    const first = pool.run(request());
    const second = pool.run(request());
    workers[0]?.die();
    await expect(first).rejects.toThrow('The pack worker stopped while making this pack');
    expect(workers).toHaveLength(2);
    expect(workers[1]?.tasks).toHaveLength(1);
    workers[1]?.answer('%PDF again');
    expect(text((await second).pdf)).toBe('%PDF again');
  });

  it('on close, refuses queued and new packs and stops its workers', async () => {
    const { pool, workers } = fakePool(1);
    void pool.run(request()).catch(() => {});
    const queued = pool.run(request());
    pool.close();
    await expect(queued).rejects.toThrow('Pack pool is closed');
    await expect(pool.run(request())).rejects.toThrow('Pack pool is closed');
    expect(workers[0]?.terminated()).toBe(true);
  });
});

/** A face picture in one flat colour, as the stored preview would be (JPEG). */
const preview = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#8fc1e3' } }).png().toBuffer();

describe.each<[PackLanguage, string, string, string]>([
  ['id', 'gambar', 'penilaian.json', 'nilai.csv'],
  ['en', 'images', 'review.json', 'scores.csv'],
])('a real pack in a real worker thread, as the browser host makes it (%s)', (language, images, reviewName, scoresName) => {
  it('answers with the PDF and a ZIP holding the PDF, the burned PNGs, the review and the scores', async () => {
    pool = createPackPool(spawnPackProcess, 1);
    const input = packInput();
    const packModel = buildPackModel(input, { language, mode: 'combined' });
    const pictures = await Promise.all(input.faces.map(async (f) => ({ assetId: f.id, bytes: new Uint8Array(await preview(600, 900, '#c9b6e4')) })));
    const front = new Uint8Array(await png(1200, 1800));
    const back = new Uint8Array(await png(1200, 1800));
    const pdfFileName = 'Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Paket masukan.pdf';
    const result = await pool.run({
      model: packModel,
      images: pictures,
      pageSize: 'A4',
      zip: {
        pdfFileName,
        facePngs: [
          { fileName: 'depan.png', bytes: front },
          { fileName: 'belakang.png', bytes: back },
        ],
        reviewJson: JSON.stringify({ business: 'Keripik Tempe Bu Sari' }),
        scoresCsv: '\uFEFFKriteria,Nilai\r\nOrisinalitas,"3,5"\r\n',
      },
    });
    expect(text(result.pdf.subarray(0, 5))).toBe('%PDF-');
    expect(result.pdf.byteLength).toBeGreaterThan(20_000);
    expect(result.zip).not.toBeNull();

    const entries = unzipSync(result.zip as Uint8Array);
    expect(Object.keys(entries).sort()).toEqual(
      [pdfFileName, `${images}/`, `${images}/belakang.png`, `${images}/depan.png`, reviewName, scoresName].sort(),
    );
    expect(entries[pdfFileName]).toEqual(result.pdf);
    expect(entries[`${images}/depan.png`]).toEqual(front);
    const meta = await sharp(entries[`${images}/belakang.png`] as Uint8Array).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 1800]);
    expect(JSON.parse(strFromU8(entries[reviewName] as Uint8Array))).toEqual({ business: 'Keripik Tempe Bu Sari' });
    expect(strFromU8(entries[scoresName] as Uint8Array)).toContain('Orisinalitas,"3,5"');
  }, 30_000);
});
