import { createHash } from 'node:crypto';
import type { FaceMetadata, InputFormat } from '#shared/intake/faceMetadata.ts';
import { readExifFacts } from './exifFacts.ts';
import { iccProfileName } from './iccProfile.ts';
import type { SharpMetadata } from './sharpModule.ts';

/** Facts about the original file, shared by every face it gives. */
export interface OriginalFile {
  byteSize: number;
  sha256: string;
}

export function describeOriginal(bytes: Uint8Array): OriginalFile {
  return { byteSize: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const DEPTH_BITS: Record<string, number> = { uchar: 8, char: 8, ushort: 16, short: 16, uint: 32, int: 32, float: 32, double: 64 };

/**
 * Bits per channel as a person means it: a 16-bit PNG is 16, a 10-bit AVIF 10,
 * a bilevel TIFF 1. Palette images (GIF, indexed PNG) report their index
 * width in bitsPerSample, but their colours are 8-bit.
 */
export function bitDepthOf(meta: Pick<SharpMetadata, 'bitsPerSample' | 'isPalette' | 'depth'>): number {
  if (meta.bitsPerSample && meta.bitsPerSample > 0 && !meta.isPalette) return meta.bitsPerSample;
  return DEPTH_BITS[meta.depth] ?? 8;
}

/** Only a density the file declares; rounded because px/cm conversions leave 299.9994. */
export function declaredDensity(meta: Pick<SharpMetadata, 'density'>): number | null {
  return meta.density && meta.density > 0 ? Math.round(meta.density * 100) / 100 : null;
}

export function exifOrientationOf(meta: Pick<SharpMetadata, 'orientation'>): number | null {
  const orientation = meta.orientation;
  return orientation && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : null;
}

/**
 * Metadata of a face decoded by sharp. `size` is the face's pixel size with
 * orientation applied; callers override what their path knows better (SVG
 * renders at a chosen density, HEIC comes from libheif).
 */
export function faceMetadataFrom(
  format: InputFormat,
  meta: SharpMetadata,
  size: { width: number; height: number },
  original: OriginalFile,
  overrides: Partial<FaceMetadata> = {},
): FaceMetadata {
  const exif = readExifFacts(meta.exif);
  return {
    format,
    width: size.width,
    height: size.height,
    densityDpi: declaredDensity(meta),
    colourSpace: meta.space.slice(0, 40),
    iccProfileName: iccProfileName(meta.icc),
    hasAlpha: meta.hasAlpha,
    bitDepth: bitDepthOf(meta),
    byteSize: original.byteSize,
    sha256: original.sha256,
    captureDate: exif.captureDate,
    device: exif.device,
    exifOrientation: exifOrientationOf(meta),
    pageNumber: null,
    pageSize: null,
    ...overrides,
  };
}
