import type { Tool, ToolName, ToolOptions } from './toolTypes.ts';
import { DEFAULT_MIN_SIZE } from './toolTypes.ts';
import { createEyedropperTool, createPinTool, createSelectTool, createTextTool } from './tools/clickTools.ts';
import { createEllipseTool, createRectTool } from './tools/boxTools.ts';
import { createArrowTool, createMeasureTool } from './tools/lineTools.ts';
import { createFreehandTool } from './tools/freehandTool.ts';
import { createHandTool } from './tools/handTool.ts';

export { DEFAULT_MIN_SIZE, TOOL_NAMES } from './toolTypes.ts';
export type {
  AnnotationShape,
  Point,
  PointerInput,
  Tool,
  ToolName,
  ToolOptions,
  ToolOutput,
  ToolState,
} from './toolTypes.ts';

/**
 * A fresh state machine for one tool. Feed it pointer input in image pixels;
 * it answers what to preview, commit, sample or pan. One instance per canvas:
 * it remembers the press in progress.
 */
export function createTool(name: ToolName, options: ToolOptions = {}): Tool {
  const minSize = options.minSize ?? DEFAULT_MIN_SIZE;
  if (!Number.isFinite(minSize) || minSize < 0) throw new RangeError(`minSize must be a finite number ≥ 0, got ${minSize}`);
  switch (name) {
    case 'select':
      return createSelectTool();
    case 'hand':
      return createHandTool();
    case 'pin':
      return createPinTool();
    case 'text':
      return createTextTool();
    case 'eyedropper':
      return createEyedropperTool();
    case 'rect':
      return createRectTool(minSize);
    case 'ellipse':
      return createEllipseTool(minSize);
    case 'arrow':
      return createArrowTool(minSize);
    case 'measure':
      return createMeasureTool(minSize);
    case 'freehand':
      return createFreehandTool(minSize);
  }
}
