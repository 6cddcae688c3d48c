/** What the face record keeps from EXIF besides orientation (which sharp reads). */
export interface ExifFacts {
  /** ISO 8601 local time, with the offset when the camera recorded one. */
  captureDate: string | null;
  device: string | null;
}

const NONE: ExifFacts = { captureDate: null, device: null };

const TAG_MAKE = 0x010f;
const TAG_MODEL = 0x0110;
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;

interface Entry {
  type: number;
  count: number;
  /** Offset of the value within the TIFF block (inline values point into the entry). */
  valueOffset: number;
}

/**
 * Minimal EXIF reader for the three facts mentors see (date taken, make, model).
 * Reads sharp's `metadata().exif` (an "Exif\0\0" header, then a TIFF block).
 * Phones write odd EXIF: every read is bounds-checked and any surprise gives null.
 */
export function readExifFacts(exif: Uint8Array | undefined): ExifFacts {
  if (!exif || exif.length < 14) return NONE;
  try {
    const start = String.fromCharCode(...exif.subarray(0, 4)) === 'Exif' ? 6 : 0;
    const tiff = exif.subarray(start);
    const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
    const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
    if (order !== 'II' && order !== 'MM') return NONE;
    const little = order === 'II';
    if (view.getUint16(2, little) !== 42) return NONE;

    const ifd0 = readIfd(view, view.getUint32(4, little), little);
    const make = readAscii(tiff, ifd0.get(TAG_MAKE));
    const model = readAscii(tiff, ifd0.get(TAG_MODEL));
    const exifPointer = ifd0.get(TAG_EXIF_IFD);
    const exifIfd =
      exifPointer && exifPointer.type === TYPE_LONG ? readIfd(view, view.getUint32(exifPointer.valueOffset, little), little) : new Map<number, Entry>();
    const taken = readAscii(tiff, exifIfd.get(TAG_DATE_TIME_ORIGINAL));
    const offset = readAscii(tiff, exifIfd.get(TAG_OFFSET_TIME_ORIGINAL));
    return { captureDate: toIsoDate(taken, offset), device: deviceName(make, model) };
  } catch {
    return NONE;
  }
}

function readIfd(view: DataView, offset: number, little: boolean): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  if (offset < 8 || offset + 2 > view.byteLength) return entries;
  const count = view.getUint16(offset, little);
  for (let i = 0; i < count; i += 1) {
    const at = offset + 2 + i * 12;
    if (at + 12 > view.byteLength) break;
    const type = view.getUint16(at + 2, little);
    const valueCount = view.getUint32(at + 4, little);
    // Values of up to four bytes sit in the entry itself; longer ones elsewhere.
    const inline = type === TYPE_ASCII ? valueCount <= 4 : true;
    entries.set(view.getUint16(at, little), {
      type,
      count: valueCount,
      valueOffset: inline ? at + 8 : view.getUint32(at + 8, little),
    });
  }
  return entries;
}

function readAscii(tiff: Uint8Array, entry: Entry | undefined): string | null {
  if (!entry || entry.type !== TYPE_ASCII || entry.count === 0) return null;
  const end = entry.valueOffset + Math.min(entry.count, 256);
  if (end > tiff.length) return null;
  const text = new TextDecoder('latin1').decode(tiff.subarray(entry.valueOffset, end));
  const printable = text.split('\0')[0]?.replace(/\p{Cc}/gu, '').trim() ?? '';
  return printable || null;
}

/** "2024:05:01 10:20:30" (+ "+07:00") → "2024-05-01T10:20:30+07:00"; cameras with no clock write zeros. */
function toIsoDate(taken: string | null, offset: string | null): string | null {
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(taken ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const m = Number(month);
  const d = Number(day);
  if (Number(year) < 1900 || m < 1 || m > 12 || d < 1 || d > 31 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return null;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
}

/** "Apple" + "iPhone 13" → "Apple iPhone 13"; "Canon" + "Canon EOS R6" → "Canon EOS R6". */
function deviceName(make: string | null, model: string | null): string | null {
  let name: string | null;
  if (make && model) name = model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  else name = model ?? make;
  return name ? name.slice(0, 120) : null;
}
