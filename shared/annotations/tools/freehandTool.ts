import type { Point } from '../shape.ts';
import type { Tool, ToolOutput } from '../toolTypes.ts';
import { distance, pointsBounds } from '../geometry.ts';
import { simplifyPolyline } from '../simplify.ts';
import { idle, pressTool } from './press.ts';

/** Points closer than this to the last kept one are jitter, not drawing. */
export const FREEHAND_MIN_STEP = 1.5;
/** Simplification tolerance on commit: under a pixel of the original image, invisible at any zoom we show. */
export const FREEHAND_TOLERANCE = 1;
/** The stored schema's limit on points. */
const MAX_POINTS = 20000;

/** Simplifies, loosening the tolerance only if a very long stroke would still exceed the stored limit. */
function finishStroke(points: readonly Point[]): Point[] {
  let tolerance = FREEHAND_TOLERANCE;
  let simplified = simplifyPolyline(points, tolerance);
  while (simplified.length > MAX_POINTS) {
    tolerance *= 2;
    simplified = simplifyPolyline(points, tolerance);
  }
  return simplified;
}

export function createFreehandTool(minSize: number): Tool {
  return pressTool('freehand', (down) => {
    const points: Point[] = [down];
    const add = (point: Point) => {
      if (distance(points[points.length - 1]!, point) >= FREEHAND_MIN_STEP) points.push(point);
    };
    return {
      first: idle(),
      get dragging() {
        return points.length >= 2;
      },
      move(point): ToolOutput {
        add(point);
        // A copy: the draft must not change under the view when the next point arrives.
        return points.length >= 2 ? { kind: 'drafting', shape: { kind: 'freehand', points: [...points] } } : idle();
      },
      up(point): ToolOutput {
        add(point);
        const stroke = finishStroke(points);
        const box = pointsBounds(stroke);
        // A tremor during a click is not a drawing, the same rule as for a box.
        if (stroke.length < 2 || (box.width < minSize && box.height < minSize)) return idle();
        return { kind: 'commit', shape: { kind: 'freehand', points: stroke } };
      },
    };
  });
}
