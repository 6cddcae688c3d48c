/**
 * An RGBA image as canvases hand it out (ImageData has this shape): 4 bytes a
 * pixel, rows top to bottom. No DOM type is needed to use it.
 */
export interface PixelBuffer {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Strong magenta: no packaging ink it sits on stays colourful once A is greyed. */
export const DIFF_HIGHLIGHT: Rgb = { r: 230, g: 0, b: 126 };

/** Threshold a mentor starts from: ignores JPEG noise, catches a changed colour or a moved line. */
export const DEFAULT_DIFF_THRESHOLD = 0.1;

export interface DiffOptions {
  /** 0–1 on the scale of `colourDistance`: pixels further apart than this count as changed. */
  threshold: number;
  highlight?: Rgb;
  /** How far unchanged pixels of A are lightened towards white, 0–1. */
  fade?: number;
}

export interface DiffResult extends PixelBuffer {
  /** Pixels that changed. */
  changed: number;
  /** Changed pixels as a share of all pixels, 0–1. */
  share: number;
}

// YIQ weights (Kotsarenko & Ramos, as in pixelmatch): closer to what the eye sees than plain RGB.
const Y = [0.29889531, 0.58662247, 0.11448223] as const;
const I = [0.59597799, -0.2741761, -0.32180189] as const;
const Q = [0.21147017, -0.52261711, 0.31114694] as const;
const MAX_DELTA = 35215;

/** A channel composited over white, so transparent pixels compare as the paper they sit on. */
function overWhite(value: number, alpha: number): number {
  return 255 + ((value - 255) * alpha) / 255;
}

/** Perceived difference between two opaque colours: 0 the same, 1 as far apart as colours get. */
export function colourDistance(a: Rgb, b: Rgb): number {
  const dr = a.r - b.r;
  const dg = a.g - b.g;
  const db = a.b - b.b;
  const y = dr * Y[0] + dg * Y[1] + db * Y[2];
  const i = dr * I[0] + dg * I[1] + db * I[2];
  const q = dr * Q[0] + dg * Q[1] + db * Q[2];
  return Math.min(1, Math.sqrt((0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q) / MAX_DELTA));
}

/**
 * Compares two images of the same size pixel by pixel. The result shows A
 * greyed and lightened, with every pixel whose colour moved further than the
 * threshold painted in the highlight colour, and counts those pixels.
 */
export function diffImages(a: PixelBuffer, b: PixelBuffer, options: DiffOptions): DiffResult {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`Images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  }
  const pixels = a.width * a.height;
  if (a.data.length < pixels * 4 || b.data.length < pixels * 4) throw new RangeError('Pixel buffer shorter than its size');
  const { r: hr, g: hg, b: hb } = options.highlight ?? DIFF_HIGHLIGHT;
  const keep = 1 - (options.fade ?? 0.6);
  // Compare squared deltas: no square root per pixel.
  const limit = Math.max(0, options.threshold) ** 2 * MAX_DELTA;
  const out = new Uint8ClampedArray(pixels * 4);
  const da = a.data;
  const dbuf = b.data;
  let changed = 0;
  for (let p = 0; p < pixels * 4; p += 4) {
    const alphaA = da[p + 3] as number;
    const alphaB = dbuf[p + 3] as number;
    const ar = overWhite(da[p] as number, alphaA);
    const ag = overWhite(da[p + 1] as number, alphaA);
    const ab = overWhite(da[p + 2] as number, alphaA);
    const dr = ar - overWhite(dbuf[p] as number, alphaB);
    const dg = ag - overWhite(dbuf[p + 1] as number, alphaB);
    const db = ab - overWhite(dbuf[p + 2] as number, alphaB);
    const y = dr * Y[0] + dg * Y[1] + db * Y[2];
    const i = dr * I[0] + dg * I[1] + db * I[2];
    const q = dr * Q[0] + dg * Q[1] + db * Q[2];
    const delta = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q;
    if (delta > limit) {
      changed += 1;
      out[p] = hr;
      out[p + 1] = hg;
      out[p + 2] = hb;
    } else {
      const grey = 255 - (255 - (ar * Y[0] + ag * Y[1] + ab * Y[2])) * keep;
      out[p] = grey;
      out[p + 1] = grey;
      out[p + 2] = grey;
    }
    out[p + 3] = 255;
  }
  return { data: out, width: a.width, height: a.height, changed, share: pixels === 0 ? 0 : changed / pixels };
}
