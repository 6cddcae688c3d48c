import type { IngestedFace, IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { faceFromPage } from '#shared/intake/faceGuess.ts';
import { deriveImages } from './derivedImages.ts';
import type { OriginalFile } from './imageMetadata.ts';
import { openPdf } from './renderPdf.ts';
import { asBuffer } from './sharpInput.ts';
import type { SharpFactory } from './sharpModule.ts';

/**
 * One face per page. Pages are rendered and reduced one after another, so
 * memory holds one page raster at a time. Each face's sha256 and byteSize are
 * those of the whole PDF (the original kept for the asset).
 */
export async function pdfFaces(sharp: SharpFactory, bytes: Uint8Array, limits: IngestLimits, original: OriginalFile): Promise<IngestedFace[]> {
  const pdf = await openPdf(bytes, limits);
  try {
    const faces: IngestedFace[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.pageCount; pageNumber += 1) {
      const page = await pdf.renderPage(pageNumber);
      const raw = { raw: { width: page.width, height: page.height, channels: 4 } } as const;
      // pdf.js paints on white, so the alpha channel carries nothing: drop it and preview as JPEG.
      const source = sharp(asBuffer(page.rgba), { ...raw, limitInputPixels: limits.maxInputPixels }).removeAlpha();
      const derived = await deriveImages(sharp, source, false);
      faces.push({
        metadata: {
          format: 'pdf',
          width: page.width,
          height: page.height,
          densityDpi: page.dpi,
          colourSpace: 'srgb',
          iccProfileName: null,
          hasAlpha: false,
          bitDepth: 8,
          byteSize: original.byteSize,
          sha256: original.sha256,
          captureDate: null,
          device: null,
          exifOrientation: null,
          pageNumber,
          pageSize: page.pageSize,
        },
        palette: derived.palette,
        preview: derived.preview,
        thumbnail: derived.thumbnail,
        pageFace: faceFromPage(page.label, page.lines),
      });
    }
    return faces;
  } finally {
    await pdf.close();
  }
}
