import { strToU8, zipSync, type Zippable } from 'fflate';
import type { PackZipRequest } from '#shared/contract/packRender.ts';
import { packsEn, packsId } from '#shared/i18n/parts/packs.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';

/** Names of the ZIP's folder and files, in the pack's language: `gambar/`, `penilaian.json`, `nilai.csv` or `images/`, `review.json`, `scores.csv`. */
export function packZipWords(language: PackLanguage): (typeof packsId)['zip'] {
  return (language === 'en' ? packsEn : packsId).zip;
}

/**
 * A critique pack as one ZIP: the PDF at the top, each face as a PNG with its
 * marks burned in under the images folder, the review as JSON and the scores
 * as CSV. PDF and PNG are compressed already, so they are stored as they are
 * (deflating them again costs time and saves nothing). Names were checked by
 * the contract (one segment each, no "..", unique), and fflate marks non-ASCII
 * names as UTF-8, so "Kopi Arabika Ijen – Ñ.pdf" unpacks as written.
 */
export function zipPack(pdf: Uint8Array, request: PackZipRequest, language: PackLanguage, mtime: Date = new Date()): Uint8Array<ArrayBuffer> {
  const words = packZipWords(language);
  const images: Zippable = {};
  for (const png of request.facePngs) images[png.fileName] = [png.bytes, { level: 0 }];
  const entries: Zippable = {
    [request.pdfFileName]: [pdf, { level: 0 }],
    ...(request.facePngs.length > 0 ? { [words.images]: images } : {}),
    [words.review]: strToU8(request.reviewJson),
    [words.scores]: strToU8(request.scoresCsv),
  };
  // fflate allocates plain ArrayBuffers.
  return zipSync(entries, { level: 6, mtime }) as Uint8Array<ArrayBuffer>;
}
