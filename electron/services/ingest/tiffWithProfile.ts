/**
 * Wraps 8-bit RGB, RGBA or CMYK pixels in an uncompressed baseline TIFF that
 * carries an ICC profile (or none, when `icc` is null). sharp can take raw
 * pixels but cannot be told which profile they are in; libvips honours a
 * profile embedded in a file, converting to sRGB like for any other image.
 * HEIC from iPhones is Display P3: shown as sRGB without this, reds and greens
 * come out dull and the palette is off. With `colour` 'cmyk', the 4 channels are
 * inks (PhotometricInterpretation 5, InkSet CMYK).
 */
export function tiffWithProfile(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 3 | 4,
  icc: Uint8Array | null,
  colour: 'rgb' | 'cmyk' = 'rgb',
): Uint8Array {
  const SHORT = 3;
  const LONG = 4;
  const UNDEFINED = 7;
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  const headerSize = 8;
  const cmyk = colour === 'cmyk';
  if (cmyk && channels !== 4) throw new RangeError('CMYK pixels have 4 channels');
  const alpha = channels === 4 && !cmyk;
  const profile = icc ?? new Uint8Array(0);
  const entryCount = 10 + (alpha || cmyk ? 1 : 0) + (icc ? 1 : 0);
  const ifdSize = 2 + entryCount * 12 + 4;
  const bitsOffset = headerSize + ifdSize;
  const iccOffset = bitsOffset + channels * 2;
  // Pixel data on an even offset, as TIFF readers expect word alignment.
  const pixelOffset = iccOffset + profile.length + (profile.length % 2);
  entries.push(
    [256, LONG, 1, width], // ImageWidth
    [257, LONG, 1, height], // ImageLength
    [258, SHORT, channels, bitsOffset], // BitsPerSample: 8 for each sample
    [259, SHORT, 1, 1], // Compression: none
    [262, SHORT, 1, cmyk ? 5 : 2], // PhotometricInterpretation: RGB, or separated (CMYK)
    [273, LONG, 1, pixelOffset], // StripOffsets
    [277, SHORT, 1, channels], // SamplesPerPixel
    [278, LONG, 1, height], // RowsPerStrip: one strip
    [279, LONG, 1, pixels.length], // StripByteCounts
    [284, SHORT, 1, 1], // PlanarConfiguration: interleaved
  );
  if (cmyk) entries.push([332, SHORT, 1, 1]); // InkSet: CMYK
  if (alpha) entries.push([338, SHORT, 1, 2]); // ExtraSamples: unassociated alpha
  if (icc) entries.push([34675, UNDEFINED, icc.length, iccOffset]); // ICC profile

  const out = new Uint8Array(pixelOffset + pixels.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]); // "II", 42: little-endian TIFF
  view.setUint32(4, headerSize, true);
  view.setUint16(headerSize, entryCount, true);
  entries.forEach(([tag, type, count, value], i) => {
    const at = headerSize + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    // A single SHORT sits left-aligned in the value field; everything else is a LONG or an offset.
    if (type === SHORT && count === 1) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(headerSize + 2 + entryCount * 12, 0, true); // no next IFD
  for (let i = 0; i < channels; i += 1) view.setUint16(bitsOffset + i * 2, 8, true);
  out.set(profile, iccOffset);
  out.set(pixels, pixelOffset);
  return out;
}
