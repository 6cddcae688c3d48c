import type { PackPageSizeName } from '#shared/contract/packRender.ts';
import { packSummaryRequestSchema } from '#shared/contract/packSummary.ts';
import { buildSummaryModel, summaryFileName, type SummaryInput } from '#shared/pack/summaryModel.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import type { HostClient } from '../../host/hostClient.ts';
import { cancellableHostJob, hostFailure, PackExportError, type PackProgress, type PackStep } from '../packs/exportPack.ts';

/** Gathering is building the model from the results on screen; rendering is the host drawing the PDF. */
export const SUMMARY_STEPS: readonly PackStep[] = ['gathering', 'rendering'];

export interface SummaryReportRequest {
  language: PackLanguage;
  pageSize: PackPageSizeName;
}

export interface MadeSummary {
  blob: Blob;
  fileName: string;
}

/**
 * Makes a scoring session's summary report: the model from the results the
 * Results tab shows (their normalisation and threshold), checked against the
 * contract here so a session too large is refused at once, then drawn by the
 * host in its pack workers. `signal` stops it at once (the host's worker
 * drawing it is stopped). Fails with a `PackExportError`.
 */
export async function makeSummaryReport(
  host: HostClient,
  input: Omit<SummaryInput, 'generatedAt'>,
  request: SummaryReportRequest,
  options: { signal: AbortSignal; onProgress: (progress: PackProgress) => void; now?: number },
): Promise<MadeSummary> {
  const { signal, onProgress } = options;
  onProgress({ step: 'gathering' });
  const { normalise, flagSpreadAbove } = input.results.options;
  const model = buildSummaryModel({ ...input, generatedAt: options.now ?? Date.now() }, { language: request.language, normalised: normalise, flagSpreadAbove });
  const checked = packSummaryRequestSchema.safeParse({ model, pageSize: request.pageSize });
  if (!checked.success) throw new PackExportError('too-large', checked.error.message);
  signal.throwIfAborted();

  onProgress({ step: 'rendering' });
  const result = await cancellableHostJob(host, signal, (jobId) => host.call('pack.summary', { model, pageSize: request.pageSize, jobId }));
  if (!result.ok) throw hostFailure(result.error.code, result.error.message);
  return {
    blob: new Blob([result.value.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    fileName: summaryFileName(input.workshop.name, input.session.name, request.language),
  };
}
