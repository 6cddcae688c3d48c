import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type FontkitFont } from 'fontkit';

/**
 * The pack's typeface, parsed: Noto Sans covers Indonesian and the Latin,
 * Greek, Cyrillic and Vietnamese names people have. Parsing its tables is a
 * large part of a pack's time, so it is done once per process and the parsed
 * fonts are shared by every pack (each PDF still embeds its own subset).
 */
export interface PackFonts {
  regular: FontkitFont;
  bold: FontkitFont;
}

export const PACK_FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

/**
 * The folder holding the fonts: `assets/fonts` of the project, found by walking
 * up from this file, so it works from the sources (tests, browser host) and
 * from a bundle in `out/`. A packaged app passes its own folder.
 */
export function defaultFontFolder(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, PACK_FONT_FILES.regular))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Pack fonts not found above ${start} (looked for assets/fonts/${PACK_FONT_FILES.regular})`);
    dir = parent;
  }
}

const cache = new Map<string, Promise<PackFonts>>();

/** Reads and parses the two font files once per folder. */
export function loadPackFonts(folder = defaultFontFolder()): Promise<PackFonts> {
  let fonts = cache.get(folder);
  if (!fonts) {
    fonts = Promise.all([readFile(join(folder, PACK_FONT_FILES.regular)), readFile(join(folder, PACK_FONT_FILES.bold))]).then(([regular, bold]) => ({
      regular: create(regular),
      bold: create(bold),
    }));
    // A failed read is not cached: the next pack tries again.
    fonts.catch(() => cache.delete(folder));
    cache.set(folder, fonts);
  }
  return fonts;
}
