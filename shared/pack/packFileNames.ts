import { safeSegment } from '../files/safeFileName.ts';
import { fill, PACK_MESSAGES, type PackLanguage } from './packText.ts';

/*
 * Names for packs on disk and in ZIPs: readable by a person looking through a
 * folder (region / business – product / …), each part made safe by
 * shared/files/safeFileName.ts.
 */

export interface PackNameInput {
  /** The participant's region, else the workshop's. */
  region: string;
  business: string;
  product: string;
  version: number;
  language: PackLanguage;
  /** For one mentor's pack; absent or null for a combined pack. */
  mentorName?: string | null;
}

export interface PackFileName {
  /** `<region>/<business> - <product>` */
  folder: string;
  /** `<business> - <product> - v2 - Paket masukan[ - <mentor>].pdf` */
  file: string;
  /** folder + '/' + file, with forward slashes (ZIP entries and display). */
  path: string;
}

/** The folder and file name of one pack. */
export function packFileName(input: PackNameInput): PackFileName {
  const words = PACK_MESSAGES[input.language].fileNames;
  const region = safeSegment(input.region, words.noRegion);
  const business = safeSegment(input.business, words.noName, 50);
  const product = input.product.trim() ? safeSegment(input.product, '', 50) : '';
  const who = product ? `${business} - ${product}` : business;
  const parts = [who, fill(words.version, { version: input.version }), words.pack];
  if (input.mentorName?.trim()) parts.push(safeSegment(input.mentorName, '', 40));
  const stem = safeSegment(parts.filter(Boolean).join(' - '), words.pack, 150);
  const folder = `${region}/${safeSegment(who, words.noName)}`;
  const file = `${stem}.pdf`;
  return { folder, file, path: `${folder}/${file}` };
}

/**
 * The same paths made unique, in order: a later duplicate gets " (2)", " (3)"…
 * before its extension. Paths are compared as a case-insensitive file system
 * (Windows, macOS) would, so "Kopi.pdf" and "kopi.pdf" do not overwrite each other.
 */
export function uniquePaths(paths: readonly string[]): string[] {
  const key = (p: string) => p.normalize('NFC').toLocaleLowerCase('en');
  const taken = new Set<string>();
  return paths.map((path) => {
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    const hasExtension = dot > slash + 1;
    const stem = hasExtension ? path.slice(0, dot) : path;
    const extension = hasExtension ? path.slice(dot) : '';
    let candidate = path;
    for (let n = 2; taken.has(key(candidate)); n += 1) candidate = `${stem} (${n})${extension}`;
    taken.add(key(candidate));
    return candidate;
  });
}
