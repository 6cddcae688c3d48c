/**
 * Reads the human name of an ICC profile (its 'desc' tag), e.g. "sRGB IEC61966-2.1",
 * "Display P3" or "Coated FOGRA39 (ISO 12647-2:2003)": mentors judge print
 * readiness by it. Returns null for anything that does not parse; never throws.
 */
export function iccProfileName(icc: Uint8Array | undefined): string | null {
  if (!icc || icc.length < 132) return null;
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  if (fourCc(icc, 36) !== 'acsp') return null;
  const tagCount = view.getUint32(128);
  for (let i = 0; i < tagCount && 132 + (i + 1) * 12 <= icc.length; i += 1) {
    const entry = 132 + i * 12;
    if (fourCc(icc, entry) !== 'desc') continue;
    const offset = view.getUint32(entry + 4);
    const size = view.getUint32(entry + 8);
    if (offset + size > icc.length || size < 12) return null;
    return clean(readDescription(icc.subarray(offset, offset + size)));
  }
  return null;
}

function fourCc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

/** ICC v2 stores 'desc' as textDescriptionType (ASCII); v4 as multiLocalizedUnicodeType (UTF-16BE). */
function readDescription(tag: Uint8Array): string | null {
  const view = new DataView(tag.buffer, tag.byteOffset, tag.byteLength);
  const type = fourCc(tag, 0);
  if (type === 'desc') {
    const length = view.getUint32(8);
    if (12 + length > tag.length) return null;
    return new TextDecoder('latin1').decode(tag.subarray(12, 12 + length));
  }
  if (type === 'mluc') {
    const records = view.getUint32(8);
    const recordSize = view.getUint32(12);
    if (recordSize < 12) return null;
    let chosen: { length: number; offset: number } | null = null;
    for (let i = 0; i < records && 16 + (i + 1) * recordSize <= tag.length; i += 1) {
      const record = 16 + i * recordSize;
      const language = fourCc(tag, record).slice(0, 2);
      const entry = { length: view.getUint32(record + 4), offset: view.getUint32(record + 8) };
      if (!chosen || language === 'en') chosen = entry;
      if (language === 'en') break;
    }
    if (!chosen || chosen.offset + chosen.length > tag.length) return null;
    return new TextDecoder('utf-16be').decode(tag.subarray(chosen.offset, chosen.offset + chosen.length));
  }
  return null;
}

function clean(text: string | null): string | null {
  // Printable characters only: the name is shown in the UI and stored.
  const printable = (text ?? '').replace(/\p{Cc}/gu, '').trim();
  return printable ? printable.slice(0, 200) : null;
}

/** The colour space an ICC profile describes, from its header: 'RGB', 'CMYK', 'GRAY'…; null if not a profile. */
export function iccColourSpace(icc: Uint8Array | undefined): string | null {
  if (!icc || icc.length < 132 || fourCc(icc, 36) !== 'acsp') return null;
  return fourCc(icc, 16).trim();
}
