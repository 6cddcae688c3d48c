import { IngestRefusal } from './rejection.ts';

/**
 * Refuses an image whose declared size exceeds the pixel budget, from its
 * header and before any pixel is decoded. sharp's `limitInputPixels` covers
 * its own loaders; this covers sizes learnt elsewhere (libheif, SVG density).
 */
export function assertPixelBudget(width: number, height: number, maxInputPixels: number): void {
  if (width * height > maxInputPixels) {
    throw new IngestRefusal('too-many-pixels', `${width}×${height} pixels exceeds the limit of ${maxInputPixels}`);
  }
}
