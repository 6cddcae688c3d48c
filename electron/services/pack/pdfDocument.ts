import PDFDocument from 'pdfkit';
import type { PackFonts } from './packFonts.ts';
import { PAGE_SIZES, themeFor, type PackPageSize } from './packTheme.ts';
import { FONT_NAMES, PackWriter, type Doc } from './pdfWriter.ts';

/** What a document says about itself (the model's `meta`). */
export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** BCP 47, e.g. id-ID. */
  lang: string;
}

export interface OpenDocument {
  doc: Doc;
  /** The cursor over the pages, its structure tree rooted at a Document element. */
  writer: PackWriter;
  /** The PDF's bytes, once `doc.end()` is called. */
  output: Promise<Buffer>;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * A new PDF set up as every document of the studio is: the page size, the
 * layout's margins (the phone layout has its own theme), PDF 1.7, metadata (Title, Author, Subject, Keywords,
 * `/Lang`, DisplayDocTitle), tagged with a structure tree, pages buffered so
 * footers can be drawn at the end, and Noto Sans registered.
 */
export function openPackDocument(meta: DocumentMeta, pageSize: PackPageSize, fonts: PackFonts, createdAt: Date = new Date()): OpenDocument {
  const [width, height] = PAGE_SIZES[pageSize];
  const theme = themeFor(pageSize);
  const doc: Doc = new PDFDocument({
    size: [width, height],
    margins: theme.margin,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'Kemas Studio',
      CreationDate: createdAt,
    },
  });
  const output = collect(doc);
  // pdfkit 0.20 takes parsed fontkit fonts; its type definitions only know file names and bytes.
  doc.registerFont(FONT_NAMES.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT_NAMES.bold, fonts.bold as unknown as Buffer);
  const root = doc.struct('Document', { title: meta.title, lang: meta.lang });
  doc.addStructure(root);
  return { doc, writer: new PackWriter(doc, root, fonts, theme), output };
}
