// Reading a critique pack back the way a person (or a screen reader) would: its text with pdf.js, its pages as
// pixels with poppler's pdftoppm, and pictures of faces made with sharp.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PackInput } from '#shared/pack/packInput.ts';

/** A face design: a flat background (the colour a pixel check looks for), a dark "logo" and a light "label". */
export async function faceImage(width: number, height: number, background: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>
    <circle cx="${width / 2}" cy="${height * 0.28}" r="${width * 0.18}" fill="#3d6b4f"/>
    <rect x="${width * 0.1}" y="${height * 0.6}" width="${width * 0.8}" height="${height * 0.25}" fill="#fbf7ee"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** Pictures of every face of `input`, `longEdge` pixels on the long side, in each face's background colour. */
export async function faceImages(input: PackInput, colours: Readonly<Record<string, string>>, longEdge = 1024): Promise<Map<string, Buffer>> {
  const images = new Map<string, Buffer>();
  for (const face of input.faces) {
    const { width, height } = face.metadata;
    const k = longEdge / Math.max(width, height);
    images.set(face.id, await faceImage(Math.round(width * k), Math.round(height * k), colours[face.face] ?? '#cccccc'));
  }
  return images;
}

export interface PdfText {
  pages: string[];
  /** All pages, whitespace collapsed. */
  all: string;
  info: Record<string, unknown>;
  marked: boolean;
  /** Alt texts of the Figure elements in each page's structure tree. */
  figures: string[][];
  pageSizes: [number, number][];
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

function figuresOf(node: StructNode | null, out: string[] = []): string[] {
  if (!node) return out;
  if (node.role === 'Figure' && node.alt) out.push(node.alt);
  for (const child of node.children ?? []) figuresOf(child, out);
  return out;
}

/** Text of every page as pdf.js extracts it (one string per page, whitespace collapsed), the document info and tags. */
export async function readPdf(bytes: Buffer): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    const figures: string[][] = [];
    const pageSizes: [number, number][] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(text.replace(/\s+/g, ' ').trim());
      figures.push(figuresOf((await page.getStructTree()) as StructNode | null));
      const [, , w, h] = page.view;
      pageSizes.push([Math.round(w as number), Math.round(h as number)]);
    }
    const meta = await document.getMetadata();
    // pdf.js 6 answers with a Map (older versions with an object).
    const markInfo = (await document.getMarkInfo()) as Map<string, unknown> | { Marked?: boolean } | null;
    const marked = markInfo instanceof Map ? markInfo.get('Marked') === true : markInfo?.Marked === true;
    return { pages, all: pages.join(' '), info: meta.info as Record<string, unknown>, marked, figures, pageSizes };
  } finally {
    await task.destroy();
  }
}

export const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;

export interface RasterPage {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel. */
  data: Buffer;
}

/** Every page as pixels at `dpi`, via `pdftoppm -r <dpi> -png`; the PNGs stay in `dir` for a person to look at. */
export async function rasterise(pdf: Buffer, dir: string, name: string, dpi: number): Promise<RasterPage[]> {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.startsWith(`${name}-`) && file.endsWith('.png')) rmSync(join(dir, file));
  const pdfPath = join(dir, `${name}.pdf`);
  writeFileSync(pdfPath, pdf);
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-png', pdfPath, join(dir, name)]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const { data, info } = await sharp(join(dir, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data };
    }),
  );
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function pixel(page: RasterPage, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * page.width + Math.round(x)) * 3;
  return [page.data[i] ?? 0, page.data[i + 1] ?? 0, page.data[i + 2] ?? 0];
}

export function near(a: readonly number[], b: readonly number[], tolerance: number): boolean {
  return Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0)) <= tolerance;
}

/**
 * Where a face's picture is on a page, found by its background colour: the
 * first block of rows (from the top) where the colour is common, and the
 * leftmost and rightmost such pixels in it. Independent of how the renderer
 * lays pages out.
 */
export function findPicture(page: RasterPage, background: string, tolerance = 28): { x: number; y: number; width: number; height: number } | null {
  const rgb = hexRgb(background);
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -Infinity;
  for (let y = 0; y < page.height; y += 1) {
    let count = 0;
    let rowLeft = Infinity;
    let rowRight = -Infinity;
    for (let x = 0; x < page.width; x += 1) {
      if (near(pixel(page, x, y), rgb, tolerance)) {
        count += 1;
        rowLeft = Math.min(rowLeft, x);
        rowRight = Math.max(rowRight, x);
      }
    }
    if (count >= 8) {
      if (top < 0) top = y;
      bottom = y;
      left = Math.min(left, rowLeft);
      right = Math.max(right, rowRight);
    } else if (top >= 0) {
      break;
    }
  }
  return top < 0 ? null : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** Share of the pixels in a ring (radii r1–r2) around (cx, cy) within `tolerance` of `colour`. */
export function ringShare(page: RasterPage, cx: number, cy: number, r1: number, r2: number, colour: string, tolerance = 70): number {
  const rgb = hexRgb(colour);
  let inRing = 0;
  let matching = 0;
  for (let y = Math.floor(cy - r2); y <= Math.ceil(cy + r2); y += 1) {
    for (let x = Math.floor(cx - r2); x <= Math.ceil(cx + r2); x += 1) {
      const d = Math.hypot(x - cx, y - cy);
      if (d < r1 || d > r2) continue;
      inRing += 1;
      if (near(pixel(page, x, y), rgb, tolerance)) matching += 1;
    }
  }
  return inRing === 0 ? 0 : matching / inRing;
}

/**
 * Every page as pixels `width` pixels wide, as a phone shows a PDF fitted to its screen
 * (`pdftoppm -scale-to-x <width> -scale-to-y -1 -png`); the PNGs stay in `dir` for a person to look at.
 */
export async function rasteriseToWidth(pdf: Buffer, dir: string, name: string, width: number): Promise<RasterPage[]> {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.startsWith(`${name}-`) && file.endsWith('.png')) rmSync(join(dir, file));
  const pdfPath = join(dir, `${name}.pdf`);
  writeFileSync(pdfPath, pdf);
  const run = spawnSync('pdftoppm', ['-scale-to-x', String(width), '-scale-to-y', '-1', '-png', pdfPath, join(dir, name)]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const { data, info } = await sharp(join(dir, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data };
    }),
  );
}

/** One run of text on a page and its font size in pixels when the page is shown `width` pixels wide. */
export interface SizedText {
  text: string;
  px: number;
}

/** The text of every page with the size each run shows at when the page is `width` pixels wide (pdf.js text content). */
export async function textSizesAt(bytes: Buffer, width: number): Promise<SizedText[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const document = await task.promise;
  try {
    const pages: SizedText[][] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const k = width / (page.view[2] as number);
      const content = await page.getTextContent();
      const runs: SizedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c, d] = item.transform as number[];
        runs.push({ text: item.str, px: Math.hypot(c ?? 0, d ?? 0) * k });
      }
      pages.push(runs);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
