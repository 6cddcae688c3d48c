import type { AnnotationShape, Point, Tool } from '../toolTypes.ts';
import { TEXT_SCREEN_SIZE } from '../appearance.ts';
import { idle, pressTool } from './press.ts';

/** A tool that places its shape where the pointer went down, whatever happens before the up. */
function placeTool(name: 'pin' | 'text', shapeAt: (at: Point) => AnnotationShape): Tool {
  return pressTool(name, (down) => {
    const shape = shapeAt(down);
    return {
      first: { kind: 'drafting', shape },
      dragging: false,
      move: () => ({ kind: 'drafting', shape }),
      up: () => ({ kind: 'commit', shape }),
    };
  });
}

export const createPinTool = (): Tool => placeTool('pin', (at) => ({ kind: 'pin', at }));

/**
 * Commits empty text: the review screen opens an editor on the new annotation at once. `fontSize`
 * gives the size (image pixels) that reads at the zoom of the moment; the screen passes its own.
 */
export const createTextTool = (fontSize: () => number = () => TEXT_SCREEN_SIZE): Tool =>
  placeTool('text', (at) => ({ kind: 'text', at, text: '', fontSize: fontSize() }));

/** Samples where the pointer is released, so a mentor can press, slide onto the exact pixel, and let go. */
export function createEyedropperTool(): Tool {
  return pressTool('eyedropper', () => ({
    first: idle(),
    dragging: false,
    move: idle,
    up: (point) => ({ kind: 'sample', point }),
  }));
}

/** Fabric handles selection, moving and resizing itself; this tool only exists to be named. */
export function createSelectTool(): Tool {
  return { name: 'select', state: 'idle', handle: idle };
}
