import type { AnnotationShape, Point } from './shape.ts';

export type { AnnotationShape, Point } from './shape.ts';

export const TOOL_NAMES = [
  'select',
  'hand',
  'pin',
  'rect',
  'ellipse',
  'arrow',
  'freehand',
  'text',
  'measure',
  'eyedropper',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Pointer input already converted to image pixels by the canvas adapter. */
export type PointerInput = { type: 'down' | 'move' | 'up'; point: Point; shift?: boolean } | { type: 'cancel' };

/**
 * What the view should do after one input. Each output replaces the previous
 * one: `idle` means "nothing to preview" (clear any draft), `drafting` is the
 * preview to draw now, `commit` ends the gesture with a shape to store.
 */
export type ToolOutput =
  | { kind: 'idle' }
  | { kind: 'drafting'; shape: AnnotationShape }
  | { kind: 'commit'; shape: AnnotationShape }
  | { kind: 'sample'; point: Point }
  | { kind: 'pan'; dx: number; dy: number };

/** idle: no button down; pointing: pressed but not (yet) a drag; dragging: a drag is being drawn. */
export type ToolState = 'idle' | 'pointing' | 'dragging';

export interface Tool {
  readonly name: ToolName;
  readonly state: ToolState;
  handle(input: PointerInput): ToolOutput;
}

export interface ToolOptions {
  /** Smallest drag, in image pixels, that makes a shape; anything smaller was a click. Default 4. */
  minSize?: number;
}

export const DEFAULT_MIN_SIZE = 4;
