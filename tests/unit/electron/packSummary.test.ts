import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostHandlers, noDialogs, type SummaryRunner } from '#electron/services/hostHandlers.ts';
import { createPackPool, type PackPool, type PackReply, type PackTask, type PackWorker } from '#electron/services/packPool.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { spawnPackProcess } from '#electron/web/processWorker.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { PACK_SUMMARY_LIMITS, type PackSummaryRequest } from '#shared/contract/packSummary.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { buildSummaryModel } from '#shared/pack/summaryModel.ts';
import type { SummaryModel } from '#shared/pack/summaryModelSchema.ts';
import { packInput } from '../../support/packFixture.ts';
import { readPdf } from '../../support/packPdf.ts';
import { summaryInput } from '../../support/summaryFixture.ts';
import { memoryStore } from './memoryStore.ts';

/** The host's handlers with a summary runner the test watches (the real one runs in a worker below). */
function hostWith(summary: SummaryRunner) {
  return createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack: async () => {
      throw new Error('not in this test');
    },
    summary,
  });
}

const summaryModel = (language: 'id' | 'en' = 'id', submissions = 12): SummaryModel =>
  buildSummaryModel(summaryInput({ submissions }), { language, normalised: false, flagSpreadAbove: 20 });
const model = summaryModel();
const valid = (): PackSummaryRequest => ({ model, pageSize: 'A4' });
const pdfHeader = () => new TextEncoder().encode('%PDF-1.7');

describe('pack.summary on the host', () => {
  it('hands a valid request, as the browser host receives it (JSON), to the summary runner and answers with its PDF', async () => {
    const summary = vi.fn<SummaryRunner>(async () => ({ pdf: pdfHeader() }));
    const result = await dispatch(hostWith(summary), 'pack.summary', JSON.parse(JSON.stringify(valid())));
    expect(result).toEqual({ ok: true, value: { pdf: pdfHeader() } });
    expect(summary).toHaveBeenCalledOnce();
    expect(summary.mock.calls[0]?.[0].model.cover.title).toBe('Kurasi Akhir Batch 2');
    expect(summary.mock.calls[0]?.[0].model.ranking.rows).toHaveLength(12);
  });

  it('refuses an invalid or runaway model before any work', async () => {
    const summary = vi.fn<SummaryRunner>(async () => ({ pdf: pdfHeader() }));
    const host = hostWith(summary);
    const row = model.ranking.rows[0] as SummaryModel['ranking']['rows'][number];
    const broken: [string, (r: PackSummaryRequest) => unknown][] = [
      ['no model at all', (r) => ({ pageSize: r.pageSize })],
      ['a critique pack sent as a summary', (r) => ({ ...r, model: buildPackModel(packInput(), { language: 'id', mode: 'combined' }) })],
      ['a model from a newer studio', (r) => ({ ...r, model: { ...r.model, formatVersion: 2 } })],
      ['a language the report does not speak', (r) => ({ ...r, model: { ...r.model, language: 'jv' } })],
      ['a model without its words', (r) => ({ ...r, model: { ...r.model, text: { ...r.model.text, pageOf: undefined } } })],
      ['a completeness over 100 %', (r) => ({ ...r, model: { ...r.model, cover: { ...r.model.cover, completeness: 1.5 } } })],
      ['a rank that is not a whole number', (r) => ({ ...r, model: { ...r.model, ranking: { ...r.model.ranking, rows: [{ ...row, rank: 1.5 }] } } })],
      [
        'more submissions than a session may have',
        (r) => ({ ...r, model: { ...r.model, ranking: { ...r.model.ranking, rows: Array.from({ length: PACK_SUMMARY_LIMITS.maxSubmissions + 1 }, () => row) } } }),
      ],
      ['a text longer than any report needs', (r) => ({ ...r, model: { ...r.model, footer: 'x'.repeat(20_001) } })],
      ['a page size pdfkit does not know', (r) => ({ ...r, pageSize: 'A0' })],
      ['a field the contract does not name', (r) => ({ ...r, outputPath: '/etc/passwd' })],
    ];
    for (const [what, change] of broken) {
      const result = await dispatch(host, 'pack.summary', change(valid()));
      expect(result, what).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(summary).not.toHaveBeenCalled();
  });

  it('turns a report the worker could not draw into an error result, never a throw', async () => {
    const host = hostWith(async () => {
      throw new Error('The pack worker stopped while making this pack');
    });
    await expect(dispatch(host, 'pack.summary', valid())).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The pack worker stopped while making this pack' },
    });
  });
});

let pool: PackPool | undefined;
afterEach(() => pool?.close());

describe('summary reports in the pack pool', () => {
  it('tells the worker which document to make, in one queue with the packs', async () => {
    const tasks: PackTask[] = [];
    let reply: (r: PackReply) => void = () => {};
    const worker: PackWorker = { post: (t) => tasks.push(t), onReply: (l) => (reply = l), onExit: () => {}, terminate: () => {} };
    pool = createPackPool(() => worker, 1);
    const pack = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const first = pool.run({ model: pack, images: [], pageSize: 'A4', zip: null });
    const second = pool.summary({ model, pageSize: 'Letter' });
    // One worker: the summary waits for the pack.
    expect(tasks.map((t) => t.document)).toEqual(['pack']);
    reply({ id: (tasks[0] as PackTask).id, ok: true, value: { pdf: pdfHeader(), zip: null } });
    await first;
    expect(tasks.map((t) => [t.document, t.request.pageSize])).toEqual([
      ['pack', 'A4'],
      ['summary', 'Letter'],
    ]);
    reply({ id: (tasks[1] as PackTask).id, ok: false, message: 'font missing' });
    await expect(second).rejects.toThrow('font missing');
  });

  it.each(['id', 'en'] as const)('draws a real report in a real worker thread, as the browser host does (%s), and a pack after it', async (language) => {
    pool = createPackPool(spawnPackProcess, 1);
    const report = summaryModel(language, 30);
    const { pdf } = await pool.summary({ model: report, pageSize: 'A4' });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = await readPdf(Buffer.from(pdf));
    expect(text.info.Title).toBe(report.meta.title);
    expect(text.all).toContain(language === 'id' ? 'LAPORAN RINGKASAN KURATOR' : "CURATOR'S SUMMARY REPORT");
    expect(text.all).toContain('Kurasi Akhir Batch 2');
    const best = report.ranking.rows[0] as SummaryModel['ranking']['rows'][number];
    expect(text.all).toContain(best.meanText);
    expect(text.pageSizes[0]).toEqual([595, 842]);
    // The same worker still makes critique packs.
    const pack = await pool.run({ model: buildPackModel(packInput(), { language, mode: 'combined' }), images: [], pageSize: 'A4', zip: null });
    expect(new TextDecoder().decode(pack.pdf.subarray(0, 5))).toBe('%PDF-');
  }, 30_000);
});
