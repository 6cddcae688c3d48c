import pixelmatch from 'pixelmatch';

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
  /**
   * 0–1: pixels further apart than this count as changed. The scale is pixelmatch's (OKLab HyAB
   * distance, 1 is black against white).
   */
  threshold: number;
  highlight?: Rgb;
  /** How far unchanged pixels of A are lightened towards white, 0–1. */
  fade?: number;
}

export interface DiffResult extends PixelBuffer {
  /** Pixels that changed (anti-aliased edges of the same artwork do not count). */
  changed: number;
  /** Changed pixels as a share of all pixels, 0–1. */
  share: number;
}

/**
 * Compares two images of the same size pixel by pixel with pixelmatch. The
 * result shows A greyed and lightened, with every pixel whose colour moved
 * further than the threshold painted in the highlight colour, and counts
 * those pixels. Pixels pixelmatch reads as anti-aliasing (the soft edge of a
 * shape rendered again, e.g. artwork re-exported at another setting) are
 * neither counted nor painted: they show as the unchanged A around them.
 * Transparent pixels compare as the white paper they sit on.
 */
export function diffImages(a: PixelBuffer, b: PixelBuffer, options: DiffOptions): DiffResult {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`Images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  }
  const pixels = a.width * a.height;
  if (a.data.length < pixels * 4 || b.data.length < pixels * 4) throw new RangeError('Pixel buffer shorter than its size');
  const { r, g, b: blue } = options.highlight ?? DIFF_HIGHLIGHT;
  const keep = 1 - (options.fade ?? 0.6);
  const dataA = a.data.subarray(0, pixels * 4);
  const out = new Uint8ClampedArray(pixels * 4);
  // diffMask: pixelmatch paints only the changed pixels (opaque); the rest stays clear for the grey below.
  const changed = pixelmatch(dataA, b.data.subarray(0, pixels * 4), out, a.width, a.height, {
    threshold: Math.max(0, options.threshold),
    diffColor: [r, g, blue],
    diffMask: true,
    checkerboard: false,
  });
  for (let p = 0; p < out.length; p += 4) {
    if (out[p + 3] !== 0) continue;
    const alpha = dataA[p + 3]! / 255;
    // A composited over white, as luminance, lightened towards white.
    const luma = dataA[p]! * 0.29889531 + dataA[p + 1]! * 0.58662247 + dataA[p + 2]! * 0.11448223;
    const grey = 255 - (255 - (255 + (luma - 255) * alpha)) * keep;
    out[p] = grey;
    out[p + 1] = grey;
    out[p + 2] = grey;
    out[p + 3] = 255;
  }
  return { data: out, width: a.width, height: a.height, changed, share: pixels === 0 ? 0 : changed / pixels };
}
