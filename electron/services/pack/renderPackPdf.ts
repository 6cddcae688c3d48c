import { fill } from '#shared/pack/packText.ts';
import { packModelSchema, type PackModel } from '#shared/pack/packModelSchema.ts';
import type { SharpModule } from '../ingest/sharpModule.ts';
import { drawActionPlan, drawCover } from './coverPages.ts';
import { drawFaces, type EmbeddedImage } from './facePages.ts';
import { loadPackFonts, type PackFonts } from './packFonts.ts';
import { PAPER_IMAGES, PHONE_IMAGES, preparePackImages } from './packImages.ts';
import { drawPhoneFaces } from './phoneFacePages.ts';
import { drawPhoneAbout, drawPhoneOpening, drawPhonePrint, drawPrinterAppendix } from './phonePages.ts';
import { drawPhoneChecklist, drawPhoneScores, drawPhoneVersionChange } from './phoneScorePages.ts';
import type { PackPageSize } from './packTheme.ts';
import { openPackDocument } from './pdfDocument.ts';
import type { Doc, PackWriter } from './pdfWriter.ts';
import { drawChecklist, drawPrint, drawScores, drawVersionChange } from './scorePages.ts';

export interface RenderPackOptions {
  pageSize: PackPageSize;
  /** The fonts (`loadPackFonts(folder)`); by default Noto Sans from the project's assets/fonts. */
  fonts?: PackFonts;
  /** Another sharp (e.g. its WebAssembly build) for preparing the pictures. */
  sharp?: SharpModule;
  /** The PDF's creation date; by default now. */
  createdAt?: Date;
}

/** pdfkit's openImage is not in its type definitions: it embeds the bytes once and returns a handle `image()` accepts. */
function embed(doc: Doc, jpeg: Buffer): EmbeddedImage {
  const handle = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(jpeg);
  return (x, y, width, height) => {
    doc.image(handle as Buffer, x, y, { width, height, ignoreOrientation: true } as PDFKit.Mixins.ImageOption);
  };
}

/**
 * Draws a critique pack as a PDF: cover, action plan, each face with its marks
 * as vectors over the picture, scores with a radar chart, label checklist,
 * print readiness, and the change from the previous version; page numbers and
 * a footer on every page; metadata, language and a structure tree (tagged PDF).
 *
 * `images` maps each face's asset id to a JPEG or PNG of it (the preview is
 * right); a missing one leaves a labelled gap. The model is validated first:
 * it may come from another process.
 *
 * `pageSize: 'Ponsel'` lays the same model out for a phone held upright
 * (PHONE_THEME): the action plan on the first page, each face full width with
 * large badges, lists instead of tables, plain words about printing, the
 * technical print details last in an appendix for the printer, and smaller
 * pictures (PHONE_IMAGES) so the file travels through WhatsApp.
 */
export async function renderPackPdf(model: PackModel, images: ReadonlyMap<string, Buffer>, options: RenderPackOptions): Promise<Buffer> {
  const pack = packModelSchema.parse(model);
  const phone = options.pageSize === 'Ponsel';
  const [fonts, prepared] = await Promise.all([options.fonts ?? loadPackFonts(), preparePackImages(images, options.sharp, phone ? PHONE_IMAGES : PAPER_IMAGES)]);
  const { doc, writer, output } = openPackDocument(pack.meta, options.pageSize, fonts, options.createdAt);
  const embedded = new Map<string, EmbeddedImage>();
  for (const face of pack.faces) {
    const image = prepared.get(face.assetId);
    if (image) embedded.set(face.assetId, embed(doc, image.jpeg));
  }

  if (phone) drawPhoneSections(writer, pack, embedded);
  else drawPaperSections(writer, pack, embedded);
  writer.finish();
  writer.footers(pack.footer, (page, pages) => fill(pack.text.pageOf, { page, pages }));
  doc.end();
  return output;
}

function drawPaperSections(writer: PackWriter, pack: PackModel, embedded: ReadonlyMap<string, EmbeddedImage>): void {
  drawCover(writer, pack);
  drawActionPlan(writer, pack);
  drawFaces(writer, pack, embedded);
  drawScores(writer, pack);
  drawChecklist(writer, pack);
  drawPrint(writer, pack);
  drawVersionChange(writer, pack);
}

function drawPhoneSections(writer: PackWriter, pack: PackModel, embedded: ReadonlyMap<string, EmbeddedImage>): void {
  drawPhoneOpening(writer, pack);
  drawPhoneFaces(writer, pack, embedded);
  drawPhoneScores(writer, pack);
  drawPhoneChecklist(writer, pack);
  drawPhoneVersionChange(writer, pack);
  drawPhonePrint(writer, pack);
  drawPhoneAbout(writer, pack);
  drawPrinterAppendix(writer, pack);
}
