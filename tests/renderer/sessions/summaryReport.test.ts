import { describe, expect, it } from 'vitest';
import { contract, type Channel } from '#shared/contract/channels.ts';
import { PACK_SUMMARY_LIMITS, type PackSummaryRequest } from '#shared/contract/packSummary.ts';
import { err, ok, type Result } from '#shared/contract/result.ts';
import { summaryFileName } from '#shared/pack/summaryModel.ts';
import { PackExportError, type PackProgress } from '#renderer/src/features/packs/exportPack.ts';
import { makeSummaryReport } from '#renderer/src/features/sessions/summaryReport.ts';
import type { HostClient } from '#renderer/src/host/hostClient.ts';
import { summaryInput } from '../../support/summaryFixture.ts';

/**
 * A host that checks each request against the contract, as both real hosts do, and answers as told (the real
 * drawing is tested in tests/unit/electron/packSummary.test.ts and the e2e journey).
 */
function hostAnswering(answer: () => Promise<Result<unknown>>) {
  const requests: PackSummaryRequest[] = [];
  const cancelled: unknown[] = [];
  const client: HostClient = {
    call: async (channel: Channel, request: unknown) => {
      if (channel === 'jobs.cancel') {
        cancelled.push(request);
        return ok({ cancelled: true });
      }
      if (channel !== 'pack.summary') throw new Error(`unexpected ${channel}`);
      const parsed = contract['pack.summary'].request.safeParse(request);
      if (!parsed.success) return err('bad-request', parsed.error.message);
      requests.push(parsed.data);
      return answer();
    },
    onMenuCommand: () => () => {},
  } as HostClient;
  return { client, requests, cancelled };
}

const pdf = () => ok({ pdf: new TextEncoder().encode('%PDF-1.7 summary') });
const run = (client: HostClient, input = summaryInput({ normalise: true, flagSpreadAbove: 30 }), signal = new AbortController().signal) => {
  const steps: PackProgress['step'][] = [];
  const made = makeSummaryReport(client, input, { language: 'en', pageSize: 'Letter' }, { signal, onProgress: (p) => steps.push(p.step), now: Date.UTC(2026, 10, 29) });
  return { made, steps };
};

describe('making the summary report from the results tab', () => {
  it('sends a model of the tab’s results with its normalisation and threshold, and names the file for the session', async () => {
    const { client, requests } = hostAnswering(async () => pdf());
    const input = summaryInput({ normalise: true, flagSpreadAbove: 30 });
    const { made, steps } = run(client, input);
    const report = await made;
    expect(steps).toEqual(['gathering', 'rendering']);
    expect(report.fileName).toBe(summaryFileName(input.workshop.name, input.session.name, 'en'));
    expect(report.fileName).toBe('Pendampingan Kemasan MJC Malang - Kurasi Akhir Batch 2 - Summary report.pdf');
    expect(report.blob.type).toBe('application/pdf');
    expect(await report.blob.text()).toBe('%PDF-1.7 summary');
    const [request] = requests;
    expect(request?.pageSize).toBe('Letter');
    expect(request?.model.language).toBe('en');
    expect(request?.model.ranking.rows).toHaveLength(input.results.submissions.length);
    expect(request?.model.cover.facts.map((f) => f.value)).toEqual(
      expect.arrayContaining(['Normalised per mentor (z-scores mapped onto the pooled mean and SD; not clipped to 0–100)', 'Highest minus lowest raw score above 30 points']),
    );
  });

  it('refuses a session larger than the host accepts before asking the host', async () => {
    const { client, requests } = hostAnswering(async () => pdf());
    const { made } = run(client, summaryInput({ submissions: PACK_SUMMARY_LIMITS.maxSubmissions + 1, versions: 1 }));
    await expect(made).rejects.toMatchObject({ name: 'PackExportError', reason: 'too-large' });
    expect(requests).toHaveLength(0);
  }, 120_000);

  it('stops at once on Cancel while the host draws, and drops the late answer', async () => {
    let answer: (r: Result<unknown>) => void = () => {};
    const { client, requests, cancelled } = hostAnswering(() => new Promise((resolve) => (answer = resolve)));
    const controller = new AbortController();
    const { made, steps } = run(client, undefined, controller.signal);
    await expect.poll(() => requests.length).toBe(1);
    controller.abort();
    await expect(made).rejects.toThrow();
    // The host is told to stop the worker drawing it: the job id the request carried.
    expect(requests[0]?.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(cancelled).toEqual([{ jobId: requests[0]?.jobId }]);
    answer(pdf());
    expect(steps).toEqual(['gathering', 'rendering']);
  });

  it('tells a host that is not answering from one that failed', async () => {
    const gone = hostAnswering(async () => err('internal', 'Host unreachable: TypeError: Failed to fetch'));
    await expect(run(gone.client).made).rejects.toMatchObject({ reason: 'host-unavailable' });
    const failed = hostAnswering(async () => err('internal', 'font missing'));
    const error = await run(failed.client).made.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackExportError);
    expect(error).toMatchObject({ reason: 'host' });
    // A PDF worker that stopped mid-report is its own reason: the dialog says so and that trying again works.
    const stopped = hostAnswering(async () => err('worker-stopped', 'The pack worker stopped while making this report'));
    await expect(run(stopped.client).made).rejects.toMatchObject({ reason: 'worker-stopped' });
  });
});
