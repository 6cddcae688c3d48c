import { fill, PACK_MESSAGES, type PackLanguage } from './packText.ts';

/*
 * Names for packs on disk and in ZIPs: readable by a person looking through a
 * folder (region / business – product / …), and safe on Windows, macOS and
 * Linux alike, since packs are copied to USB sticks and phones.
 */

/** Longest folder or file name part we write: well under every file system's 255, with room for " (2)". */
export const MAX_SEGMENT = 80;

/** Characters no file system accepts in a name (Windows is the strictest), and control characters. */
const FORBIDDEN = /[<>:"\\|?*\p{Cc}]/gu;
/** What a reader sees as one character (an emoji with its variation selector, a letter with its accent). */
const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;

/**
 * One safe folder or file name: slashes become hyphens, forbidden characters
 * spaces, runs of spaces one, no leading or trailing dots or spaces, no
 * Windows device name, at most `max` characters as a reader counts them (never
 * cutting one in half); `fallback` when nothing is left.
 */
export function safeSegment(text: string, fallback: string, max: number = MAX_SEGMENT): string {
  let s = text
    .normalize('NFC')
    .replace(/[/\u2215\u29f8]/g, '-')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const characters = [...graphemes.segment(s)].map((g) => g.segment);
  if (characters.length > max) s = characters.slice(0, max).join('').replace(/[\s.]+$/g, '');
  if (s === '') return fallback;
  return RESERVED.test(s) ? `_${s}` : s;
}

export interface PackNameInput {
  /** The participant's region, else the workshop's. */
  region: string;
  business: string;
  product: string;
  version: number;
  language: PackLanguage;
  /** For one mentor's pack; absent or null for a combined pack. */
  mentorName?: string | null;
  /** Laid out for a phone (Ponsel): the name says so, so it never overwrites the paper pack beside it. */
  phone?: boolean;
}

export interface PackFileName {
  /** `<region>/<business> - <product>` */
  folder: string;
  /** `<business> - <product> - v2 - Paket masukan[ - Ponsel][ - <mentor>].pdf` */
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
  if (input.phone) parts.push(words.phone);
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
