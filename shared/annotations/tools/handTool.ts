import type { Tool, ToolOutput } from '../toolTypes.ts';
import { idle, pressTool } from './press.ts';

/**
 * Grab-and-drag panning. Each `pan` is how far the image must move (in image
 * pixels, positive = right/down) so that the image point grabbed on down is
 * back under the pointer. This assumes the adapter applies each pan before it
 * converts the next pointer event to image pixels (Fabric's `getScenePoint`
 * reads the live viewport), so successive outputs are increments, not totals.
 */
export function createHandTool(): Tool {
  return pressTool('hand', (grab) => {
    let dragging = false;
    return {
      first: idle(),
      get dragging() {
        return dragging;
      },
      move(point): ToolOutput {
        dragging = true;
        return { kind: 'pan', dx: point.x - grab.x, dy: point.y - grab.y };
      },
      up: idle,
    };
  });
}
