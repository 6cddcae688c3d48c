/*
 * Which colour profile a face's preview was converted with, said from the
 * stored metadata: the embedded one, or the one assumed when the file carried
 * none (electron/services/ingest/colourManagement.ts does the converting).
 */

/** libvips' built-in CMYK profile, assumed for CMYK without one (tests/unit/ingest/colourTrust.test.ts checks the name). */
export const PRESS_PROFILE_NAME = 'Chemical proof';
/** What an RGB image without a profile is taken to be, as browsers and libvips do. */
export const SRGB_PROFILE_NAME = 'sRGB IEC61966-2.1';

export interface ColourProfileFact {
  name: string;
  /** True when the file carried no profile and this one was assumed. */
  assumed: boolean;
}

/** The profile the preview's colours come from; null where none applies (greyscale, unknown spaces). */
export function colourProfileOf(meta: { colourSpace: string; iccProfileName: string | null }): ColourProfileFact | null {
  const embedded = meta.iccProfileName?.trim();
  if (embedded) return { name: embedded, assumed: false };
  const space = meta.colourSpace.trim().toLowerCase();
  if (space === 'cmyk') return { name: PRESS_PROFILE_NAME, assumed: true };
  if (space === 'srgb' || space === 'rgb' || space === 'rgb16') return { name: SRGB_PROFILE_NAME, assumed: true };
  return null;
}
