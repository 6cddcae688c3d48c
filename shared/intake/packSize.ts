/**
 * Pack sizes as people type them into a roster cell: `14 x 22 x 4`,
 * `14×22×4 cm`, `140 x 220 mm`, `12 x 18` (a flat face), `7,5 x 12`. Pure: the
 * roster reader and its preview both use it.
 */

export type SizeUnit = 'mm' | 'cm';
export type SizeAxis = 'width' | 'height' | 'depth';

/**
 * The order the numbers of a combined size are written in. `w-h-d` is
 * lebar × tinggi × tebal (width × height × depth). `l-w-h` is the P × L × T of
 * Indonesian forms (panjang × lebar × tinggi, as boxes are specified): the
 * length runs across the front, so it is the width, the lebar is the depth and
 * the tinggi the height. `h-w-d` is tinggi × lebar × tebal.
 */
export const SIZE_ORDERS = ['w-h-d', 'l-w-h', 'h-w-d'] as const;
export type SizeOrder = (typeof SIZE_ORDERS)[number];

/** Which axis each written number is, for three numbers. */
export const SIZE_ORDER_AXES: Record<SizeOrder, readonly [SizeAxis, SizeAxis, SizeAxis]> = {
  'w-h-d': ['width', 'height', 'depth'],
  'l-w-h': ['width', 'depth', 'height'],
  'h-w-d': ['height', 'width', 'depth'],
};

/** Which axis each written number is, for two numbers: always the front face, so the depth is left out. */
export function faceAxes(order: SizeOrder): readonly [SizeAxis, SizeAxis] {
  const [first, second] = SIZE_ORDER_AXES[order].filter((a) => a !== 'depth') as [SizeAxis, SizeAxis];
  return [first, second];
}

/** Largest side a pack may have, as the participant schema allows. */
export const PACK_SIDE_MAX_MM = 5000;

export type PackSize = { widthMm: number; heightMm: number; depthMm: number };

export type PackSizeReading =
  | { ok: true; size: PackSize; /** The unit the numbers were read in. */ unit: SizeUnit }
  /**
   * `not-a-size`: no `a x b [x c]` pattern; `one-number`: a single number where a
   * combined size was expected; `out-of-range`: a side of zero or above 5 m.
   */
  | { ok: false; reason: 'not-a-size' | 'one-number' | 'out-of-range' };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(mm|cm|m)?\.?`;
const SEPARATOR = String.raw`\s*[x×*✕✖]\s*`;
const PART = String.raw`${NUMBER}\s*${UNIT}`;
const COMBINED = new RegExp(String.raw`^${PART}${SEPARATOR}${PART}(?:${SEPARATOR}${PART})?$`, 'i');
const SINGLE = new RegExp(String.raw`^${PART}$`, 'i');

function toMillimetres(value: string, unit: string | undefined, fallback: SizeUnit): number {
  const n = Number(value.replace(',', '.'));
  const u = unit?.toLowerCase() ?? fallback;
  // Round to hundredths of a millimetre so 7,5 cm is 75 mm, not 75.00000000000001.
  const mm = u === 'm' ? n * 1000 : u === 'cm' ? n * 10 : n;
  return Math.round(mm * 100) / 100;
}

/**
 * Reads a combined size. The unit comes from the cell when it names one (after
 * any number, or once at the end), else `unit`. Two numbers are the front face
 * (depth 0), three follow `order`.
 */
export function parsePackSize(text: string, options: { unit: SizeUnit; order: SizeOrder }): PackSizeReading {
  const cleaned = text.trim().replace(/\s+/g, ' ');
  const m = COMBINED.exec(cleaned);
  if (!m) return { ok: false, reason: SINGLE.test(cleaned) ? 'one-number' : 'not-a-size' };
  const numbers: string[] = [];
  const units: (string | undefined)[] = [];
  for (let i = 1; i < m.length; i += 2) {
    if (m[i] === undefined) continue;
    numbers.push(m[i] as string);
    units.push(m[i + 1]);
  }
  // `14 x 22 x 4 cm`: a unit written once, at the end, is the unit of every number.
  const lastUnit = units.at(-1);
  const cellUnit = units.find((u) => u !== undefined);
  const mm = numbers.map((n, i) => toMillimetres(n, units[i] ?? lastUnit ?? cellUnit, options.unit));
  const axes = mm.length === 3 ? SIZE_ORDER_AXES[options.order] : faceAxes(options.order);
  const size: PackSize = { widthMm: 0, heightMm: 0, depthMm: 0 };
  axes.forEach((axis, i) => {
    size[`${axis}Mm`] = mm[i] ?? 0;
  });
  const sides = [size.widthMm, size.heightMm];
  if (sides.some((s) => !(s > 0 && s <= PACK_SIDE_MAX_MM)) || !(size.depthMm >= 0 && size.depthMm <= PACK_SIDE_MAX_MM)) {
    return { ok: false, reason: 'out-of-range' };
  }
  const unit = (cellUnit?.toLowerCase() === 'cm' ? 'cm' : cellUnit?.toLowerCase() === 'mm' ? 'mm' : options.unit) as SizeUnit;
  return { ok: true, size, unit };
}

/** True when the cell names its own unit (`14 x 22 cm`, `140mm`). */
export function sizeTextHasUnit(text: string): boolean {
  return /\d\s*(mm|cm|m)\b/i.test(text);
}

/** The numbers in a size cell, for guessing a column's unit. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace(',', '.')));
}

/**
 * A unit for size cells that name none, when the header names none either:
 * centimetres when every side written is under 50 (a pack under 5 cm on every
 * side is rare, one of 14 mm by 22 mm rarer still), else millimetres.
 * Null when no cell has a number to go by.
 */
export function guessSizeUnit(cells: readonly string[]): SizeUnit | null {
  const numbers = cells.filter((c) => !sizeTextHasUnit(c)).flatMap(numbersIn);
  if (numbers.length === 0) return null;
  return Math.max(...numbers) < 50 ? 'cm' : 'mm';
}

/** Axis words of size headers, normalised: Indonesian letters and words, then English. */
const AXIS_WORDS: Record<string, 'p' | 'l' | 't' | 'tb' | 'w' | 'h' | 'd' | 'len'> = {
  p: 'p',
  panjang: 'p',
  l: 'l',
  lebar: 'l',
  t: 't',
  tinggi: 't',
  tebal: 'tb',
  w: 'w',
  width: 'w',
  h: 'h',
  height: 'h',
  d: 'd',
  depth: 'd',
  length: 'len',
};
type AxisWord = (typeof AXIS_WORDS)[string];

/**
 * The axes a run of axis words names, read as a whole so that `L` is a depth in
 * `P × L × T` but a width in `L × T`. Null when the words are not a known set.
 */
export function axesOfWords(words: readonly AxisWord[]): SizeAxis[] | null {
  const has = (w: AxisWord) => words.includes(w);
  const english = words.some((w) => w === 'w' || w === 'h' || w === 'd' || w === 'len');
  // A length (`L x W x H`, `Length × Width × Height`) runs across the front, as P does in `P × L × T`.
  const withLength = english ? has('len') || (has('l') && has('w')) : has('p');
  const map: Partial<Record<AxisWord, SizeAxis>> = english
    ? withLength
      ? { len: 'width', l: 'width', w: 'depth', h: 'height', d: 'depth' }
      : { l: 'width', w: 'width', h: 'height', d: 'depth' }
    : withLength
      ? { p: 'width', l: 'depth', t: 'height', tb: 'depth' }
      : { l: 'width', t: 'height', tb: 'depth' };
  const axes = words.map((w) => map[w]);
  if (axes.some((a) => a === undefined)) return null;
  if (new Set(axes).size !== axes.length) return null;
  return axes as SizeAxis[];
}

/** The axis word a normalised token is, or null. */
export function axisWord(token: string): AxisWord | null {
  return AXIS_WORDS[token] ?? null;
}

function orderOfAxes(axes: readonly SizeAxis[]): SizeOrder | null {
  for (const order of SIZE_ORDERS) {
    const expected = axes.length === 3 ? SIZE_ORDER_AXES[order] : faceAxes(order);
    if (expected.length === axes.length && expected.every((a, i) => a === axes[i])) return order;
  }
  return null;
}

/**
 * The order a size header spells out (`Ukuran (P x L x T)`, `PxLxT cm`,
 * `Panjang × Lebar × Tinggi`, `W x H x D`), with the letters as written;
 * null when the header names none.
 */
export function sizeOrderFromHeader(header: string): { order: SizeOrder; written: string } | null {
  const spaced = header.replace(/[×*✕✖]/g, ' x ').toLowerCase();
  // `pxlxt` written as one word.
  const tokens = spaced
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((t) => (/^[a-z](x[a-z]){1,2}$/.test(t) ? t.split(/(x)/) : [t]));
  for (let i = 0; i < tokens.length; i++) {
    const words: AxisWord[] = [];
    const written: string[] = [];
    let j = i;
    while (j < tokens.length) {
      const word = axisWord(tokens[j] ?? '');
      if (!word) break;
      words.push(word);
      written.push(tokens[j] ?? '');
      if (tokens[j + 1] !== 'x') break;
      j += 2;
    }
    if (words.length >= 2 && words.length <= 3) {
      const axes = axesOfWords(words);
      const order = axes ? orderOfAxes(axes) : null;
      if (order) return { order, written: written.map((w) => (w.length === 1 ? w.toUpperCase() : w)).join(' × ') };
    }
  }
  return null;
}
