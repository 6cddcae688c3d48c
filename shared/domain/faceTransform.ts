import { z } from 'zod';

/**
 * How a face is shown, without touching its original: first mirrored
 * left-to-right when `flipX`, then turned clockwise by `quarterTurns` × 90°.
 * Every rotation and flip of a rectangle is exactly one of these eight, so
 * the form is canonical (a vertical flip is `flipX` with two quarter turns).
 *
 * Annotations stay in original image pixels; whatever shows the face (canvas,
 * thumbnails, the pack's PDF and PNG) applies this to the image and the marks
 * together, so a mark stays on the same artwork after a turn.
 */
export const faceTransformSchema = z.object({
  quarterTurns: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  flipX: z.boolean(),
});
export type FaceTransform = z.infer<typeof faceTransformSchema>;
export type QuarterTurns = FaceTransform['quarterTurns'];

export const IDENTITY_TRANSFORM: FaceTransform = { quarterTurns: 0, flipX: false };

/** What the mentor can do to a face's orientation. */
export const TRANSFORM_ACTIONS = ['rotateLeft', 'rotateRight', 'rotate180', 'flipHorizontal', 'flipVertical', 'reset'] as const;
export type TransformAction = (typeof TRANSFORM_ACTIONS)[number];

const turns = (n: number): QuarterTurns => (((n % 4) + 4) % 4) as QuarterTurns;

export function isIdentity(t: FaceTransform): boolean {
  return t.quarterTurns === 0 && !t.flipX;
}

/**
 * The transform after `action`, applied to the face as it is shown now. With
 * R a clockwise quarter turn and F the mirror: F·R^q = R^-q·F, so mirroring a
 * turned face negates its turns; a vertical flip is R²·F.
 */
export function applyTransformAction(t: FaceTransform, action: TransformAction): FaceTransform {
  switch (action) {
    case 'rotateRight':
      return { quarterTurns: turns(t.quarterTurns + 1), flipX: t.flipX };
    case 'rotateLeft':
      return { quarterTurns: turns(t.quarterTurns - 1), flipX: t.flipX };
    case 'rotate180':
      return { quarterTurns: turns(t.quarterTurns + 2), flipX: t.flipX };
    case 'flipHorizontal':
      return { quarterTurns: turns(-t.quarterTurns), flipX: !t.flipX };
    case 'flipVertical':
      return { quarterTurns: turns(2 - t.quarterTurns), flipX: !t.flipX };
    case 'reset':
      return IDENTITY_TRANSFORM;
  }
}

export type Size = { width: number; height: number };
export type Point = { x: number; y: number };
/** A 2D affine matrix as canvas and PDF take it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** True when the face shows on its side: its shown width is the original's height. */
export function swapsAxes(t: FaceTransform): boolean {
  return t.quarterTurns % 2 === 1;
}

/** Size of the face as shown. */
export function shownSize(t: FaceTransform, size: Size): Size {
  return swapsAxes(t) ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/**
 * The matrix taking original image pixels to shown pixels (both with the
 * origin at the top-left corner, y down), for an original of `size`.
 */
export function transformMatrix(t: FaceTransform, size: Size): Matrix {
  // The mirror first: x → w − x.
  let m: Matrix = t.flipX ? [-1, 0, 0, 1, size.width, 0] : [1, 0, 0, 1, 0, 0];
  let current = { width: size.width, height: size.height };
  for (let i = 0; i < t.quarterTurns; i++) {
    // A clockwise quarter turn of a w×h picture: (x, y) → (h − y, x); it becomes h×w.
    m = multiply([0, 1, -1, 0, current.height, 0], m);
    current = { width: current.height, height: current.width };
  }
  return m;
}

/** `outer` after `inner`: the matrix that applies `inner` first. */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

export function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function applyMatrix(m: Matrix, p: Point): Point {
  const [a, b, c, d, e, f] = m;
  return { x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f };
}

/** Where a point of the original shows. */
export function toShown(t: FaceTransform, size: Size, p: Point): Point {
  return applyMatrix(transformMatrix(t, size), p);
}

/** The point of the original under a point of the face as shown (a click, a measure end). */
export function toOriginal(t: FaceTransform, size: Size, p: Point): Point {
  return applyMatrix(invert(transformMatrix(t, size)), p);
}

/** CSS `transform` for an element showing the original, turned about its centre (thumbnails). */
export function cssTransform(t: FaceTransform): string {
  if (isIdentity(t)) return 'none';
  const parts: string[] = [];
  if (t.quarterTurns) parts.push(`rotate(${t.quarterTurns * 90}deg)`);
  if (t.flipX) parts.push('scaleX(-1)');
  return parts.join(' ');
}
