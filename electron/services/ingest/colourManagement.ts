import { iccColourSpace, iccProfileName } from './iccProfile.ts';
import type { SharpFactory, SharpMetadata } from './sharpModule.ts';

/** How a face's embedded ICC profile is honoured on the way to an sRGB preview. */
export interface ColourPlan {
  /** Open the source with `ignoreIcc`, so sharp does not convert it at full resolution. */
  ignoreIcc: boolean;
  /** Convert from this profile after reducing to preview size instead (see deriveImages). */
  profileAfterResize: Uint8Array | null;
  /** The pixels are inks: reduce in CMYK, then convert with `profileAfterResize`. */
  cmyk?: boolean;
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
  if (meta.space === 'cmyk') return SHARP_DEFAULT;
  const icc = meta.icc;
  if (!icc || iccColourSpace(icc) !== 'RGB') return SHARP_DEFAULT;
  if (!['srgb', 'rgb16', 'rgb'].includes(meta.space) || meta.channels < 3) return SHARP_DEFAULT;
  if (/^sRGB\b/i.test(iccProfileName(icc) ?? '')) return { ignoreIcc: true, profileAfterResize: null };
  return { ignoreIcc: true, profileAfterResize: icc };
}

const pressProfiles = new WeakMap<SharpFactory, Promise<Uint8Array>>();

/**
 * libvips' built-in CMYK profile, the standard press profile it assumes for a
 * CMYK image that carries none (sharp's default conversion uses the same one).
 * Read once per sharp build from a one-pixel image tagged with it.
 */
export function pressProfile(sharp: SharpFactory): Promise<Uint8Array> {
  let profile = pressProfiles.get(sharp);
  if (!profile) {
    profile = sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
      .toColourspace('cmyk')
      .withIccProfile('cmyk')
      .tiff()
      .toBuffer()
      .then((tiff) => sharp(tiff).metadata())
      .then((meta) => {
        if (!meta.icc) throw new Error('libvips has no built-in CMYK profile');
        return new Uint8Array(meta.icc);
      });
    pressProfiles.set(sharp, profile);
  }
  return profile;
}

/**
 * CMYK faces: reduced in CMYK (a third of the time of converting every pixel
 * of the original first), then converted to sRGB with the embedded profile, or
 * with libvips' press profile when there is none, exactly as libvips would at
 * full size. Without this, libvips' plain CMYK→sRGB formula washes colours out.
 */
export async function cmykPlan(sharp: SharpFactory, meta: Pick<SharpMetadata, 'icc'>): Promise<ColourPlan> {
  const embedded = meta.icc && iccColourSpace(meta.icc) === 'CMYK' ? new Uint8Array(meta.icc) : null;
  return { ignoreIcc: true, profileAfterResize: embedded ?? (await pressProfile(sharp)), cmyk: true };
}
