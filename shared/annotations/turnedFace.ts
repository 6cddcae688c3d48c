import { applyMatrix, isIdentity, shownSize, transformMatrix, type FaceTransform } from '../domain/faceTransform.ts';
import { clamp, textBox, type Size, type TextBox } from './appearance.ts';
import type { ShapeOf } from './shape.ts';

/*
 * Marks on a turned or mirrored face (shared/domain/faceTransform.ts), for
 * every surface that draws one (canvas, PNG, PDF): geometry stays in original
 * pixels and turns with the artwork; words (a text mark, a badge's number)
 * are turned back so they read upright.
 */

type Rect = { x: number; y: number; width: number; height: number };

/** Where a rectangle of the original shows: still an axis-aligned rectangle (turns are quarter turns). */
export function shownRect(t: FaceTransform, face: Size, rect: Rect): Rect {
  const m = transformMatrix(t, face);
  const a = applyMatrix(m, { x: rect.x, y: rect.y });
  const b = applyMatrix(m, { x: rect.x + rect.width, y: rect.y + rect.height });
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}

/**
 * A text mark's box on the face as shown, upright: centred where the centre of
 * its box on the original shows, kept inside the shown face. On an upright
 * face it is the box itself. `measuredWidth` as for `textBox`.
 */
export function shownTextBox(shape: ShapeOf<'text'>, face: Size, t: FaceTransform, measuredWidth?: number): TextBox {
  const box = textBox(shape, face, measuredWidth);
  if (isIdentity(t)) return box;
  const centre = applyMatrix(transformMatrix(t, face), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  const shown = shownSize(t, face);
  return {
    ...box,
    x: clamp(centre.x - box.width / 2, 0, Math.max(0, shown.width - box.width)),
    y: clamp(centre.y - box.height / 2, 0, Math.max(0, shown.height - box.height)),
  };
}
