import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readExifFacts } from '#electron/services/ingest/exifFacts.ts';
import { iccProfileName } from '#electron/services/ingest/iccProfile.ts';
import { bitDepthOf } from '#electron/services/ingest/imageMetadata.ts';
import { solid } from './samples.ts';

async function exifOf(exif: Record<string, Record<string, string>>): Promise<Buffer | undefined> {
  const jpeg = await solid(8, 8, '#888888').withExif(exif).jpeg().toBuffer();
  return (await sharp(jpeg).metadata()).exif;
}

describe('readExifFacts', () => {
  it('reads date taken with its offset, and make plus model', async () => {
    const exif = await exifOf({
      IFD0: { Make: 'Apple', Model: 'iPhone 13' },
      IFD2: { DateTimeOriginal: '2024:05:01 10:20:30', OffsetTimeOriginal: '+07:00' },
    });
    expect(readExifFacts(exif)).toEqual({ captureDate: '2024-05-01T10:20:30+07:00', device: 'Apple iPhone 13' });
  });

  it('does not repeat the make when the model already starts with it', async () => {
    const exif = await exifOf({ IFD0: { Make: 'Canon', Model: 'Canon EOS R6' }, IFD2: { DateTimeOriginal: '2023:12:31 23:59:59' } });
    expect(readExifFacts(exif)).toEqual({ captureDate: '2023-12-31T23:59:59', device: 'Canon EOS R6' });
  });

  it('gives null for a camera without a clock (zeros), and for missing or broken EXIF', async () => {
    const exif = await exifOf({ IFD0: { Model: 'SM-A546E' }, IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' } });
    expect(readExifFacts(exif)).toEqual({ captureDate: null, device: 'SM-A546E' });
    expect(readExifFacts(undefined)).toEqual({ captureDate: null, device: null });
    expect(readExifFacts(Buffer.from('Exif\0\0MM\0*\xff\xff\xff\xff garbage', 'latin1'))).toEqual({ captureDate: null, device: null });
    const truncated = exif?.subarray(0, 30);
    expect(readExifFacts(truncated)).toEqual({ captureDate: null, device: null });
  });
});

describe('iccProfileName', () => {
  it.each([
    ['srgb', /sRGB/],
    ['p3', /P3/],
    ['cmyk', /.+/],
  ] as const)('reads the description of the %s profile sharp embeds', async (profile, expected) => {
    const jpeg = await solid(8, 8, '#888888').withIccProfile(profile).jpeg().toBuffer();
    const { icc } = await sharp(jpeg).metadata();
    expect(iccProfileName(icc)).toMatch(expected);
  });

  it('gives null without a profile or for bytes that are not one', () => {
    expect(iccProfileName(undefined)).toBeNull();
    expect(iccProfileName(new Uint8Array(200))).toBeNull();
  });
});

describe('bitDepthOf', () => {
  it('reports bits per channel as a person means them', () => {
    expect(bitDepthOf({ depth: 'ushort', bitsPerSample: 16, isPalette: false })).toBe(16);
    expect(bitDepthOf({ depth: 'uchar', bitsPerSample: 1, isPalette: false })).toBe(1);
    // An indexed image stores 1–8-bit indices into a palette of 8-bit colours.
    expect(bitDepthOf({ depth: 'uchar', bitsPerSample: 1, isPalette: true })).toBe(8);
    expect(bitDepthOf({ depth: 'uchar', bitsPerSample: undefined, isPalette: false })).toBe(8);
  });
});
