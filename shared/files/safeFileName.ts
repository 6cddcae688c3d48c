/*
 * The studio's one file-name sanitiser. Everything it writes to disk or into a
 * ZIP (packs, exports, backups, downloads) is named through here, so a name is
 * safe on Windows, macOS and Linux alike: packs travel on USB sticks and phones.
 *
 * Unicode form: NFC, not NFKC. NFC only joins a letter and its accent into one
 * code point (macOS hands out decomposed names; two spellings of "é" must name
 * the same file). NFKC would also rewrite what the mentor typed — "Kopi ½
 * Gula" to "Kopi 1⁄2 Gula", "CO₂" to "CO2", "Keripik™" to "KeripikTM", full-width
 * letters to ASCII — and buys no safety for it: those characters are legal in
 * names on every file system. The look-alike slashes (∕ ⧸) still become hyphens.
 */

/** Longest folder or file name part we write: well under every file system's 255, with room for " (2)". */
export const MAX_SEGMENT = 80;

/** Longest stem of a single downloaded file (a title plus a date reads in full). */
export const MAX_FILE_STEM = 120;

/** The host refuses longer segments (shared/contract/exportFiles.ts): an emoji family is one grapheme but seven code points. */
const MAX_CODE_POINTS = 150;

/** Characters no file system accepts in a name (Windows is the strictest), and control characters. */
const FORBIDDEN = /[<>:"\\|?*\p{Cc}]/gu;
/** What a reader sees as one character (an emoji with its variation selector, a letter with its accent). */
const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });
/** Names Windows reserves for devices, with or without an extension (it reads ¹²³ as digits too). */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;

/**
 * One safe folder or file name: slashes become hyphens, forbidden characters
 * spaces, runs of spaces one, no leading or trailing dots or spaces, no
 * Windows device name, at most `max` characters as a reader counts them (never
 * cutting one in half); `fallback` when nothing is left.
 */
export function safeSegment(text: string, fallback: string, max: number = MAX_SEGMENT): string {
  const s = cut(
    text
      .normalize('NFC')
      .replace(/[/\u2215\u29f8]/g, '-')
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, ''),
    max,
  );
  if (s === '') return fallback;
  // The prefix can push a name past `max`: cut again (what is left no longer reads as a device).
  return RESERVED.test(s) ? cut(`_${s}`, max) : s;
}

/** At most `max` graphemes and MAX_CODE_POINTS code points, never ending on a dot or space. */
function cut(s: string, max: number): string {
  const characters = [...graphemes.segment(s)].map((g) => g.segment);
  if (characters.length <= max && s.length <= MAX_CODE_POINTS) return s;
  let kept = characters.slice(0, max);
  while ([...kept.join('')].length > MAX_CODE_POINTS) kept = kept.slice(0, -1);
  return kept.join('').replace(/[\s.]+$/g, '');
}

/** A readable file name from any title, with its extension (no dot); "kemas" when the title leaves nothing. */
export function safeFileName(title: string, extension: string, fallback = 'kemas'): string {
  return `${safeSegment(title, fallback, MAX_FILE_STEM)}.${extension}`;
}
