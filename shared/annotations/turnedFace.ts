import { applyMatrix, isIdentity, shownSize, swapsAxes, transformMatrix, type FaceTransform } from '../domain/faceTransform.ts';
import { clamp, textBox, type Size, type TextBox } from './appearance.ts';
import type { AnnotationShape, ShapeOf } from './shape.ts';

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

/**
 * A mark as it is seen on the face as shown, in shown pixels: every point
 * turned and mirrored with the artwork; a rectangle or an ellipse still axis
 * aligned (turns are quarter turns); a note at its upright box
 * (`shownTextBox`, at the estimated width every surface plans with), so that
 * `textBox` of the result on the shown face is that box. The number badges
 * are planned on this (badgeLayout.ts), as they are drawn upright.
 */
export function shownShape(shape: AnnotationShape, face: Size, t: FaceTransform): AnnotationShape {
  if (isIdentity(t)) return shape;
  const m = transformMatrix(t, face);
  const at = (p: { x: number; y: number }) => applyMatrix(m, p);
  switch (shape.kind) {
    case 'pin':
      return { ...shape, at: at(shape.at) };
    case 'rect':
      return { ...shape, ...shownRect(t, face, shape) };
    case 'ellipse': {
      const c = at({ x: shape.cx, y: shape.cy });
      const [rx, ry] = swapsAxes(t) ? [shape.ry, shape.rx] : [shape.rx, shape.ry];
      return { ...shape, cx: c.x, cy: c.y, rx, ry };
    }
    case 'arrow':
    case 'measure':
      return { ...shape, from: at(shape.from), to: at(shape.to) };
    case 'freehand':
      return { ...shape, points: shape.points.map(at) };
    case 'text': {
      const box = shownTextBox(shape, face, t);
      return { ...shape, at: { x: box.x, y: box.y } };
    }
  }
}
