import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { PageSize } from '#shared/intake/faceMetadata.ts';
import type { IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { loadDependency } from './dependencies.ts';
import { IngestRefusal, messageOf } from './rejection.ts';

/** Print resolution: fine type and barcodes on a label stay legible for review. */
export const PDF_RENDER_DPI = 300;
/** A poster at 300 dpi would be ~10,000 px: cap the long edge so one page stays ~100 MB of RGBA at most. */
export const PDF_MAX_LONG_EDGE = 6000;
/** Business cards and stickers: enough pixels to look at, whatever the page's physical size. */
export const PDF_MIN_LONG_EDGE = 1000;

const POINTS_PER_INCH = 72;
const MM_PER_INCH = 25.4;

export interface RenderedPdfPage {
  pageNumber: number;
  width: number;
  height: number;
  /** Interleaved RGBA, 8 bits per channel, on a white page. */
  rgba: Uint8Array;
  /** Physical size of the page as displayed (crop box, rotation and UserUnit applied). */
  pageSize: PageSize;
  /** Pixels per inch of the rendering, the same on both axes. */
  dpi: number;
  /** The page's label from the document's /PageLabels (e.g. `Belakang`), or null. */
  label: string | null;
  /** The page's text, one entry per line pdf.js reports (at most MAX_TEXT_LINES, each trimmed). */
  lines: string[];
}

/** Enough lines to find a heading such as `Muka belakang` without keeping a whole page of copy. */
const MAX_TEXT_LINES = 400;

export interface OpenedPdf {
  pageCount: number;
  renderPage(pageNumber: number): Promise<RenderedPdfPage>;
  close(): Promise<void>;
}

/** pdf.js reads its standard fonts, CMaps, ICC profiles and wasm decoders from these folders as local files. */
function pdfjsResourceFolders() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js appends file names to these, so they end with a separator.
  const folder = (name: string) => join(root, name) + sep;
  return {
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    iccUrl: folder('iccs'),
    wasmUrl: folder('wasm'),
  };
}

/** Render scale (pixels per point) for a page of this size in points. */
export function pdfRenderScale(widthPt: number, heightPt: number, maxInputPixels: number): number {
  const longEdge = Math.max(widthPt, heightPt);
  let scale = PDF_RENDER_DPI / POINTS_PER_INCH;
  if (longEdge * scale < PDF_MIN_LONG_EDGE) scale = PDF_MIN_LONG_EDGE / longEdge;
  scale = Math.min(scale, PDF_MAX_LONG_EDGE / longEdge);
  // Within the pixel budget, with a little slack for rounding the canvas size up.
  return Math.min(scale, Math.sqrt((maxInputPixels * 0.99) / (widthPt * heightPt)));
}

/** pdf.js names its errors; a password request is the only one that is not plain damage. */
function refusalForOpenError(error: unknown): IngestRefusal {
  if (error instanceof IngestRefusal) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new IngestRefusal('pdf-encrypted', `PDF needs a password (${messageOf(error)})`);
  return new IngestRefusal('pdf-malformed', `${name || 'Error'}: ${messageOf(error)}`);
}

/**
 * Opens a PDF with pdf.js (legacy build, for Node) without any network or
 * system access: fonts are drawn from the file or pdf.js's bundled standard
 * fonts as paths, never from the system or a URL. Pages are rendered one at a
 * time by the caller, so a 40-page file never holds 40 rasters at once.
 */
export async function openPdf(bytes: Uint8Array, limits: IngestLimits): Promise<OpenedPdf> {
  const pdfjs = await loadDependency('pdfjs-dist', () => import('pdfjs-dist/legacy/build/pdf.mjs'));
  const { createCanvas } = await loadDependency('@napi-rs/canvas', () => import('@napi-rs/canvas'));

  const task = pdfjs.getDocument({
    // pdf.js may take ownership of (detach) the array it is given, and refuses Buffers:
    // hand it a plain copy, never the caller's bytes. (Buffer#slice would be a view, not a copy.)
    data: new Uint8Array(bytes),
    ...pdfjsResourceFolders(),
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    // Embedded images above the pixel budget are skipped rather than decoded.
    maxImageSize: limits.maxInputPixels,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const close = () => task.destroy().catch(() => undefined);

  let pageCount: number;
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
    pageCount = document.numPages;
  } catch (error) {
    await close();
    throw refusalForOpenError(error);
  }
  if (pageCount < 1) {
    await close();
    throw new IngestRefusal('pdf-malformed', 'PDF has no pages');
  }
  if (pageCount > limits.maxPdfPages) {
    await close();
    throw new IngestRefusal('pdf-too-many-pages', `PDF has ${pageCount} pages; the limit is ${limits.maxPdfPages}`);
  }
  // Labels are optional and often absent; a damaged /PageLabels tree only loses the hint.
  const labels: (string | null)[] = await document.getPageLabels().catch(() => null) ?? [];

  /** The page's text as lines: pdf.js ends a line with `hasEOL`; a missing text layer gives none. */
  async function textLines(page: Awaited<ReturnType<typeof document.getPage>>): Promise<string[]> {
    try {
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          if (line.trim()) lines.push(line.trim());
          line = '';
          if (lines.length >= MAX_TEXT_LINES) break;
        }
      }
      if (line.trim() && lines.length < MAX_TEXT_LINES) lines.push(line.trim());
      return lines;
    } catch {
      return [];
    }
  }

  async function renderPage(pageNumber: number): Promise<RenderedPdfPage> {
    try {
      const page = await document.getPage(pageNumber);
      try {
        const physical = page.getViewport({ scale: 1 });
        const scale = pdfRenderScale(physical.width, physical.height, limits.maxInputPixels);
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.round(viewport.width));
        const height = Math.max(1, Math.round(viewport.height));
        const canvas = createCanvas(width, height);
        // pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the same 2D API in Node.
        const target = canvas as unknown as Parameters<typeof page.render>[0]['canvas'];
        await page.render({ canvas: target, viewport, background: '#ffffff' }).promise;
        const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
        const lines = await textLines(page);
        return {
          pageNumber,
          width,
          height,
          rgba: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
          pageSize: {
            widthMm: Math.round((physical.width / POINTS_PER_INCH) * MM_PER_INCH * 10) / 10,
            heightMm: Math.round((physical.height / POINTS_PER_INCH) * MM_PER_INCH * 10) / 10,
          },
          dpi: Math.round(scale * POINTS_PER_INCH * 100) / 100,
          label: labels[pageNumber - 1]?.trim() || null,
          lines,
        };
      } finally {
        page.cleanup();
      }
    } catch (error) {
      throw refusalForOpenError(error);
    }
  }

  return { pageCount, renderPage, close };
}
