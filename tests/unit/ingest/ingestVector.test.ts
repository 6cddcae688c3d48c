import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { PDF_MAX_LONG_EDGE, pdfRenderScale } from '#electron/services/ingest/renderPdf.ts';
import { SVG_MAX_LONG_EDGE, svgDensity } from '#electron/services/ingest/svgFace.ts';
import { DEFAULT_INGEST_LIMITS, PREVIEW_LONG_EDGE, THUMBNAIL_LONG_EDGE } from '#shared/intake/ingestOutcome.ts';
import { A4_PT, ENCRYPT_WITH_PASSWORD, expectColourNear, facesOf, hexToRgb, makePdf, onlyFace, pixelAt, reasonOf } from './samples.ts';

const ingest = (bytes: Uint8Array, name: string, limits = DEFAULT_INGEST_LIMITS) => ingestFile(bytes, name, limits);
const text = (value: string) => new TextEncoder().encode(value);

describe('ingestFile on SVG', () => {
  it('rasterises a clean drawing with its long edge at the preview size', async () => {
    const svg = text(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">' +
        '<rect width="100" height="100" fill="#0000ff"/><rect x="100" width="100" height="100" fill="#ff0000"/></svg>',
    );
    const face = onlyFace(await ingest(svg, 'logo.svg'));
    expect(face.metadata).toMatchObject({ format: 'svg', width: PREVIEW_LONG_EDGE, height: PREVIEW_LONG_EDGE / 2, densityDpi: null });
    // SVG is transparent where nothing is drawn: WebP keeps that.
    expect(face.preview).toMatchObject({ mimeType: 'image/webp', width: PREVIEW_LONG_EDGE, height: PREVIEW_LONG_EDGE / 2 });
    expect(face.thumbnail).toMatchObject({ width: THUMBNAIL_LONG_EDGE, height: THUMBNAIL_LONG_EDGE / 2 });
    expectColourNear(await pixelAt(face.preview.bytes, 100, 100), [0, 0, 255]);
    expectColourNear(await pixelAt(face.preview.bytes, PREVIEW_LONG_EDGE - 100, 100), [255, 0, 0]);
    expect(face.palette.map((swatch) => swatch.share)).toEqual([0.5, 0.5]);
  });

  it('chooses a density that keeps large drawings at most SVG_MAX_LONG_EDGE and within the pixel budget', () => {
    expect(svgDensity(200, 100, 200_000_000)).toBeCloseTo((72 * PREVIEW_LONG_EDGE) / 200);
    expect(svgDensity(4000, 3000, 200_000_000)).toBeCloseTo(72);
    expect(svgDensity(20_000, 10_000, 200_000_000)).toBeCloseTo((72 * SVG_MAX_LONG_EDGE) / 20_000);
    const density = svgDensity(2000, 2000, 1_000_000);
    expect(((2000 * density) / 72) ** 2).toBeLessThanOrEqual(1_000_000);
  });

  it('renders an SVG that declares a huge size down to a sane raster instead of refusing it', async () => {
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg" width="50000" height="25000" viewBox="0 0 2 1"><rect width="2" height="1" fill="#008000"/></svg>');
    const face = onlyFace(await ingest(svg, 'besar.svg'));
    expect(face.metadata).toMatchObject({ width: SVG_MAX_LONG_EDGE, height: SVG_MAX_LONG_EDGE / 2 });
  });
});

describe('ingestFile on PDF', () => {
  it('turns a one-page A4 into one face at 300 dpi with its size in millimetres', async () => {
    // A red rectangle, 200×300 pt, 100 pt from the bottom-left corner.
    const pdf = makePdf([{ ...A4_PT, content: '1 0 0 rg 100 100 200 300 re f' }]);
    const face = onlyFace(await ingest(pdf, 'kemasan.pdf'));
    expect(face.metadata).toMatchObject({ format: 'pdf', width: 2480, height: 3508, densityDpi: 300, pageNumber: 1, hasAlpha: false, bitDepth: 8 });
    expect(face.metadata.pageSize?.widthMm).toBeCloseTo(210, 0);
    expect(face.metadata.pageSize?.heightMm).toBeCloseTo(297, 0);
    expect(face.preview).toMatchObject({ mimeType: 'image/jpeg', width: 1810, height: PREVIEW_LONG_EDGE });
    expect(face.thumbnail).toMatchObject({ width: 271, height: THUMBNAIL_LONG_EDGE });
    // PDF y runs up: the rectangle's centre (200, 250) pt is at 250 pt from the bottom.
    const scale = PREVIEW_LONG_EDGE / A4_PT.heightPt;
    expectColourNear(await pixelAt(face.preview.bytes, Math.round(200 * scale), Math.round((A4_PT.heightPt - 250) * scale)), [255, 0, 0]);
    expectColourNear(await pixelAt(face.preview.bytes, 20, 20), [255, 255, 255]);
    const [white, red] = face.palette;
    expectColourNear(hexToRgb(white?.hex ?? ''), [255, 255, 255], 4);
    expectColourNear(hexToRgb(red?.hex ?? ''), [255, 0, 0], 6);
    // 200×300 of 595×842 pt is 12% of the page.
    expect(red?.share).toBeCloseTo(0.12, 1);
  });

  it('gives one face per page, each with its own size, and the whole file hash on each', async () => {
    const pdf = makePdf([
      { ...A4_PT, content: '0 0 1 rg 0 0 100 100 re f' },
      { widthPt: 300, heightPt: 200, content: '0 1 0 rg 0 0 150 200 re f', rotate: 90 },
    ]);
    const faces = facesOf(await ingest(pdf, 'dua-halaman.pdf'));
    expect(faces.map((face) => face.metadata.pageNumber)).toEqual([1, 2]);
    const second = faces[1]?.metadata;
    // /Rotate 90 turns the 300×200 pt page upright: 200×300 pt as displayed.
    expect(second?.pageSize?.widthMm).toBeCloseTo((200 / 72) * 25.4, 0);
    expect(second?.pageSize?.heightMm).toBeCloseTo((300 / 72) * 25.4, 0);
    expect(second).toMatchObject({ width: 833, height: 1250, densityDpi: 300 });
    expect(new Set(faces.map((face) => face.metadata.sha256)).size).toBe(1);
  });

  it('reads what a page says it shows: its text (`Muka belakang`) or its page label', async () => {
    // Page 1 is a dieline sheet with no words; page 2 carries the heading "Muka belakang" in Helvetica.
    const text = (words: string) => `BT /F1 24 Tf 72 700 Td (${words}) Tj ET`;
    const dieline = makePdfWithText([
      { content: '0 0 1 rg 100 100 200 300 re f' },
      { content: `${text('Muka belakang')} BT /F1 10 Tf 72 600 Td (Komposisi: kopi arabika 100%, lihat bagian bawah) Tj ET` },
    ]);
    const faces = facesOf(await ingest(dieline, 'kopi dua halaman.pdf'));
    expect(faces.map((face) => face.pageFace)).toEqual([null, 'back']);

    const labelled = makePdfWithText([{ content: '' }, { content: '' }], '/PageLabels << /Nums [0 << /P (Depan) >> 1 << /P (Samping kiri) >>] >>');
    expect(facesOf(await ingest(labelled, 'label.pdf')).map((face) => face.pageFace)).toEqual(['front', 'left']);
  });

  it('refuses a password-protected PDF as pdf-encrypted', async () => {
    const pdf = makePdf([{ ...A4_PT, content: '' }], ENCRYPT_WITH_PASSWORD);
    expect(reasonOf(await ingest(pdf, 'rahasia.pdf'))).toBe('pdf-encrypted');
  });

  it('refuses a damaged PDF as pdf-malformed', async () => {
    expect(reasonOf(await ingest(text('%PDF-1.7\nthis is not really a PDF at all\n%%EOF'), 'rusak.pdf'))).toBe('pdf-malformed');
    const cut = makePdf([{ ...A4_PT, content: '1 0 0 rg 0 0 10 10 re f' }]).subarray(0, 20);
    expect(reasonOf(await ingest(cut, 'potong.pdf'))).toBe('pdf-malformed');
  });

  it('refuses a PDF with more pages than the limit, before rendering any', async () => {
    const pdf = makePdf([
      { widthPt: 100, heightPt: 100, content: '' },
      { widthPt: 100, heightPt: 100, content: '' },
    ]);
    expect(reasonOf(await ingest(pdf, 'banyak.pdf', { ...DEFAULT_INGEST_LIMITS, maxPdfPages: 1 }))).toBe('pdf-too-many-pages');
  });

  it('leaves the caller’s bytes intact (pdf.js may take ownership of what it is given)', async () => {
    const pdf = makePdf([{ widthPt: 100, heightPt: 100, content: '' }]);
    const copy = Uint8Array.from(pdf);
    onlyFace(await ingest(pdf, 'a.pdf'));
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(pdf, copy)).toBe(0);
  });

  it('caps the render of a large page at the long-edge limit and the pixel budget', async () => {
    // A 1 m × 0.5 m banner would be 11811 px at 300 dpi.
    const banner = (1000 / 25.4) * 72;
    expect(banner * pdfRenderScale(banner, banner / 2, 200_000_000)).toBeCloseTo(PDF_MAX_LONG_EDGE);
    const scale = pdfRenderScale(A4_PT.widthPt, A4_PT.heightPt, 1_000_000);
    expect(A4_PT.widthPt * scale * A4_PT.heightPt * scale).toBeLessThanOrEqual(1_000_000);

    const face = onlyFace(await ingest(makePdf([{ widthPt: banner, heightPt: banner / 2, content: '' }]), 'spanduk.pdf'));
    expect(face.metadata).toMatchObject({ width: PDF_MAX_LONG_EDGE, height: PDF_MAX_LONG_EDGE / 2 });
    expect(face.metadata.pageSize?.widthMm).toBeCloseTo(1000, 0);
    const previewMeta = await sharp(face.preview.bytes).metadata();
    expect(previewMeta.width).toBe(PREVIEW_LONG_EDGE);
  });
});

/** A PDF of A4 pages with Helvetica as /F1, and optional extra catalogue entries (e.g. /PageLabels). */
function makePdfWithText(pages: readonly { content: string }[], catalogExtra = ''): Buffer {
  const objects: string[] = [];
  const font = 3 + pages.length * 2;
  objects[1] = `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`;
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  pages.forEach((page, i) => {
    const n = 3 + i * 2;
    objects[n] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4_PT.widthPt} ${A4_PT.heightPt}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${n + 1} 0 R >>`;
    objects[n + 1] = `<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`;
  });
  objects[font] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n += 1) {
    offsets[n] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n += 1) pdf += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
