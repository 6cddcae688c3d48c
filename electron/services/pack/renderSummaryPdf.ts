import { fill } from '#shared/pack/packText.ts';
import { summaryModelSchema, type SummaryModel } from '#shared/pack/summaryModelSchema.ts';
import { loadPackFonts, type PackFonts } from './packFonts.ts';
import type { PaperSize } from './packTheme.ts';
import { openPackDocument } from './pdfDocument.ts';
import { drawHowToRead, drawSummaryCover } from './summaryCover.ts';
import { drawAgreement, drawCriteria, drawRanking, drawRegions, drawVersions } from './summaryPages.ts';

export interface RenderSummaryOptions {
  pageSize: PaperSize;
  /** The fonts (`loadPackFonts(folder)`); by default Noto Sans from the project's assets/fonts. */
  fonts?: PackFonts;
  /** The PDF's creation date; by default now. */
  createdAt?: Date;
}

/**
 * Draws the curator's summary report of a scoring session as a PDF: cover with
 * the key figures, the ranking (top 20 as bars, then every submission),
 * statistics and agreement per criterion, statistics per region, improvement
 * across versions, agreement and leniency per mentor, and how to read it; all
 * charts as vectors; page numbers and a footer on every page; metadata,
 * language and a structure tree (tagged PDF), as the critique pack has. The
 * model is validated first: it may come from another process.
 */
export async function renderSummaryPdf(model: SummaryModel, options: RenderSummaryOptions): Promise<Buffer> {
  const summary = summaryModelSchema.parse(model);
  const fonts = await (options.fonts ?? loadPackFonts());
  const { doc, writer, output } = openPackDocument(summary.meta, options.pageSize, fonts, options.createdAt);
  drawSummaryCover(writer, summary);
  drawRanking(writer, summary);
  drawCriteria(writer, summary);
  drawRegions(writer, summary);
  drawVersions(writer, summary);
  drawAgreement(writer, summary);
  drawHowToRead(writer, summary);
  writer.finish();
  writer.footers(summary.footer, (page, pages) => fill(summary.text.pageOf, { page, pages }));
  doc.end();
  return output;
}
