import type { AnnotationShape, Point } from '../shape.ts';
import type { Tool, ToolOutput } from '../toolTypes.ts';
import { distance } from '../geometry.ts';
import { idle, pressTool } from './press.ts';

/**
 * The end of a line from `from` towards `point`, snapped to the nearest multiple
 * of 45°: the pointer projected onto that direction, so the end stays level with
 * the pointer along the snapped axis (what a mentor measuring a width expects).
 */
export function snapTo45(from: Point, point: Point): Point {
  const dx = point.x - from.x;
  const dy = point.y - from.y;
  const octant = Math.round(Math.atan2(dy, dx) / (Math.PI / 4));
  const sx = Math.round(Math.cos((octant * Math.PI) / 4));
  const sy = Math.round(Math.sin((octant * Math.PI) / 4));
  if (sx === 0) return { x: from.x, y: point.y };
  if (sy === 0) return { x: point.x, y: from.y };
  // Diagonal: projection onto (sx, sy)/√2 without √2, so integer input stays exact.
  const t = (dx * sx + dy * sy) / 2;
  return { x: from.x + sx * t, y: from.y + sy * t };
}

function lineTool(name: 'arrow' | 'measure', minSize: number, shapeOf: (from: Point, to: Point) => AnnotationShape): Tool {
  return pressTool(name, (from) => {
    let dragging = false;
    const end = (point: Point, shift: boolean) => (shift ? snapTo45(from, point) : point);
    return {
      first: idle(),
      get dragging() {
        return dragging;
      },
      move(point, shift): ToolOutput {
        dragging ||= distance(from, point) >= minSize;
        return dragging ? { kind: 'drafting', shape: shapeOf(from, end(point, shift)) } : idle();
      },
      up(point, shift): ToolOutput {
        const to = end(point, shift);
        if (distance(from, to) < minSize) return idle();
        return { kind: 'commit', shape: shapeOf(from, to) };
      },
    };
  });
}

export const createArrowTool = (minSize: number): Tool =>
  lineTool('arrow', minSize, (from, to) => ({ kind: 'arrow', from, to }));

/** mmPerPixel stays null: the review screen applies the face's calibration, which the tool cannot know. */
export const createMeasureTool = (minSize: number): Tool =>
  lineTool('measure', minSize, (from, to) => ({ kind: 'measure', from, to, mmPerPixel: null }));
