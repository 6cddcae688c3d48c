/** An sRGB colour with 8-bit channels, as the eyedropper reads it from the image. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Whole percentages, 0–100. */
export interface Cmyk {
  c: number;
  m: number;
  y: number;
  k: number;
}

export type Legibility = 'fail' | 'large-only' | 'pass' | 'enhanced';

/** WCAG 2.x thresholds: 3:1 large text only, 4.5:1 body text (AA), 7:1 enhanced (AAA). */
export const CONTRAST_LARGE_TEXT = 3;
export const CONTRAST_TEXT = 4.5;
export const CONTRAST_ENHANCED = 7;
const THRESHOLDS = [CONTRAST_LARGE_TEXT, CONTRAST_TEXT, CONTRAST_ENHANCED];

const channel = (v: number) => Math.min(255, Math.max(0, Math.round(v)));

/** '#rrggbb' in lower case; channels are rounded and clamped to 0–255. */
export function hexFromRgb(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => channel(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Reads '#rrggbb' or '#rgb' (the '#' optional, any case); null when it is not a colour, so it doubles as input validation. */
export function rgbFromHex(hex: string): Rgb | null {
  const digits = hex.trim().replace(/^#/, '');
  if (!/^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(digits)) return null;
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const n = Number.parseInt(full, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

/**
 * A naive RGB → CMYK conversion (no ICC profile, no ink limits), good enough to
 * tell a participant roughly which inks a colour needs. The printer's profile
 * will give different numbers; the UI must say so.
 */
export function approximateCmyk(r: number, g: number, b: number): Cmyk {
  const [rr, gg, bb] = [r, g, b].map((v) => channel(v) / 255) as [number, number, number];
  const k = 1 - Math.max(rr, gg, bb);
  if (k >= 1) return { c: 0, m: 0, y: 0, k: 100 };
  const ink = (v: number) => Math.round(((1 - v - k) / (1 - k)) * 100);
  return { c: ink(rr), m: ink(gg), y: ink(bb), k: Math.round(k * 100) };
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(r: number, g: number, b: number): number {
  // 0.04045 is the sRGB standard's knee; WCAG's text says 0.03928, which gives the same result for every 8-bit value.
  const linear = (v: number) => {
    const s = channel(v) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function parseOrThrow(hex: string): Rgb {
  const rgb = rgbFromHex(hex);
  if (!rgb) throw new RangeError(`Not a hex colour: ${JSON.stringify(hex)}`);
  return rgb;
}

/**
 * WCAG 2.x contrast ratio (1–21) of two hex colours, in either order, rounded
 * to 2 decimals, but never rounded up onto a threshold: WCAG counts 4.496 as
 * failing 4.5, so it shows as 4.49 and `legibility` agrees with the number shown.
 * Throws RangeError for a string that is not a colour (check with `rgbFromHex`).
 */
export function contrastRatio(hexA: string, hexB: string): number {
  const a = parseOrThrow(hexA);
  const b = parseOrThrow(hexB);
  const la = relativeLuminance(a.r, a.g, a.b);
  const lb = relativeLuminance(b.r, b.g, b.b);
  const exact = (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  const rounded = Math.round(exact * 100) / 100;
  const crossed = THRESHOLDS.some((t) => exact < t && rounded >= t);
  return crossed ? Math.floor(exact * 100) / 100 : rounded;
}

/** How text in these two colours may be used, from a contrast ratio. */
export function legibility(ratio: number): Legibility {
  if (ratio >= CONTRAST_ENHANCED) return 'enhanced';
  if (ratio >= CONTRAST_TEXT) return 'pass';
  if (ratio >= CONTRAST_LARGE_TEXT) return 'large-only';
  return 'fail';
}
