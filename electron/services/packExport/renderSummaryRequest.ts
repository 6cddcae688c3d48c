import type { PackSummaryRequest, PackSummaryResponse } from '#shared/contract/packSummary.ts';
import { renderSummaryPdf } from '../pack/renderSummaryPdf.ts';

/**
 * One `pack.summary` request, as a worker runs it: the curator's summary
 * report with pdfkit. The answer owns a fresh ArrayBuffer, so posting it back
 * copies only the PDF (never a slice of Node's shared pool).
 */
export async function renderSummaryRequest(request: PackSummaryRequest, options: { now?: Date } = {}): Promise<PackSummaryResponse> {
  const pdf = await renderSummaryPdf(request.model, { pageSize: request.pageSize, createdAt: options.now ?? new Date() });
  return { pdf: new Uint8Array(pdf) };
}
