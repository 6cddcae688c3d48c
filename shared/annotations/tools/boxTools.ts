import type { AnnotationShape, Bounds, Point } from '../shape.ts';
import type { Tool, ToolOutput } from '../toolTypes.ts';
import { distance } from '../geometry.ts';
import { idle, pressTool } from './press.ts';

/** The box spanned by a drag, with positive size; with shift a square on the side of the longer axis. */
export function dragBox(origin: Point, point: Point, square: boolean): Bounds {
  let dx = point.x - origin.x;
  let dy = point.y - origin.y;
  if (square) {
    const side = Math.max(Math.abs(dx), Math.abs(dy));
    // Math.sign(0) is 0: a pure horizontal drag still grows the square downwards.
    dx = (dx < 0 ? -1 : 1) * side;
    dy = (dy < 0 ? -1 : 1) * side;
  }
  return {
    x: Math.min(origin.x, origin.x + dx),
    y: Math.min(origin.y, origin.y + dy),
    width: Math.abs(dx),
    height: Math.abs(dy),
  };
}

function boxTool(name: 'rect' | 'ellipse', minSize: number, shapeOf: (box: Bounds) => AnnotationShape): Tool {
  return pressTool(name, (origin) => {
    let dragging = false;
    return {
      first: idle(),
      get dragging() {
        return dragging;
      },
      move(point, shift): ToolOutput {
        dragging ||= distance(origin, point) >= minSize;
        return dragging ? { kind: 'drafting', shape: shapeOf(dragBox(origin, point, shift)) } : idle();
      },
      up(point, shift): ToolOutput {
        // Judged on the box itself, not on moves seen: a box thinner than minSize can be neither seen nor grabbed.
        const box = dragBox(origin, point, shift);
        if (box.width < minSize || box.height < minSize) return idle();
        return { kind: 'commit', shape: shapeOf(box) };
      },
    };
  });
}

export const createRectTool = (minSize: number): Tool =>
  boxTool('rect', minSize, (box) => ({ kind: 'rect', ...box }));

/** Drawn corner to corner like the rectangle (not from the centre), so both tools feel the same. */
export const createEllipseTool = (minSize: number): Tool =>
  boxTool('ellipse', minSize, (box) => ({
    kind: 'ellipse',
    cx: box.x + box.width / 2,
    cy: box.y + box.height / 2,
    rx: box.width / 2,
    ry: box.height / 2,
  }));
