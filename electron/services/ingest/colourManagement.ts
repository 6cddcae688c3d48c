import { iccColourSpace, iccProfileName } from './iccProfile.ts';
import type { SharpMetadata } from './sharpModule.ts';

/** How a face's embedded ICC profile is honoured on the way to an sRGB preview. */
export interface ColourPlan {
  /** Open the source with `ignoreIcc`, so sharp does not convert it at full resolution. */
  ignoreIcc: boolean;
  /** Convert from this profile after reducing to preview size instead (see deriveImages). */
  profileAfterResize: Uint8Array | null;
}

const SHARP_DEFAULT: ColourPlan = { ignoreIcc: false, profileAfterResize: null };

/**
 * sharp converts an embedded profile to sRGB before resizing, i.e. over every
 * pixel of a 12 MP photo: half the time of a phone photo goes there. The
 * result is the same (to rounding) when the conversion runs after the
 * reduction, since resampling happens on gamma-encoded values either way, so:
 *
 * - an sRGB profile (most Android photos) needs no conversion at all;
 * - another RGB profile (Display P3 from iPhones, Adobe RGB from cameras) is
 *   applied to the reduced preview instead;
 * - CMYK and grey profiles are left to sharp: rarer, and their conversion
 *   changes the number of channels.
 */
export function colourPlan(meta: Pick<SharpMetadata, 'icc' | 'space' | 'channels'>): ColourPlan {
  const icc = meta.icc;
  if (!icc || iccColourSpace(icc) !== 'RGB') return SHARP_DEFAULT;
  if (!['srgb', 'rgb16', 'rgb'].includes(meta.space) || meta.channels < 3) return SHARP_DEFAULT;
  if (/^sRGB\b/i.test(iccProfileName(icc) ?? '')) return { ignoreIcc: true, profileAfterResize: null };
  return { ignoreIcc: true, profileAfterResize: icc };
}
