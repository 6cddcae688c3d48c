import type { AnnotationShape, Point } from './shape.ts';
import type { Tool, ToolName, ToolOutput } from './toolTypes.ts';
import { anchorOf, pointsBounds, scaleShapeToBounds, shapeBounds, translateShape } from './geometry.ts';

/**
 * Making and changing marks from the keyboard, with no DOM: a cursor the
 * arrow keys move over the picture, Enter feeding the same tool state
 * machines the pointer feeds (shared/annotations/tools.ts), and the steps
 * that move and resize a selected mark. The review screen wires the keys
 * (shared/keymap/keymap.ts, scope `canvas`) to these.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

interface Size {
  width: number;
  height: number;
}

/** One arrow press moves this far on screen; with Shift, BIG_STEP. */
export const SMALL_STEP_SCREEN_PX = 8;
export const BIG_STEP_SCREEN_PX = 64;

/** How far one press moves, in image pixels at `zoom`: the same distance on screen at any zoom (at least one image pixel). */
export function cursorStep(zoom: number, big: boolean): number {
  const screen = big ? BIG_STEP_SCREEN_PX : SMALL_STEP_SCREEN_PX;
  const step = screen / (Number.isFinite(zoom) && zoom > 0 ? zoom : 1);
  return Math.max(1, step);
}

/** The offset of one step in `direction`. */
export function stepOffset(direction: Direction, step: number): { dx: number; dy: number } {
  switch (direction) {
    case 'left':
      return { dx: -step, dy: 0 };
    case 'right':
      return { dx: step, dy: 0 };
    case 'up':
      return { dx: 0, dy: -step };
    case 'down':
      return { dx: 0, dy: step };
  }
}

const clampTo = (n: number, high: number) => Math.min(Math.max(n, 0), high);

/** The cursor one step on, kept on the picture. */
export function moveCursor(at: Point, direction: Direction, step: number, face: Size): Point {
  const { dx, dy } = stepOffset(direction, step);
  return { x: clampTo(at.x + dx, face.width), y: clampTo(at.y + dy, face.height) };
}

/** Where the cursor starts on a face: its middle. */
export function startingCursor(face: Size): Point {
  return { x: face.width / 2, y: face.height / 2 };
}

/** A point as whole percentages of the picture, for what is read out ("42 %, 18 %"). */
export function percentOf(at: Point, face: Size): { x: number; y: number } {
  const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0);
  return { x: pct(at.x, face.width), y: pct(at.y, face.height) };
}

/** Where a mark is read out as being: its badge's point. */
export function markPosition(shape: AnnotationShape, face: Size): { x: number; y: number } {
  return percentOf(anchorOf(shape), face);
}

/**
 * A mark moved one step, kept on the picture: it stops at the edge rather
 * than leaving it (its box may already stick out; then it is not pushed further).
 */
export function nudgeShape<S extends AnnotationShape>(shape: S, direction: Direction, step: number, face: Size): S {
  const { dx, dy } = stepOffset(direction, step);
  const box = shapeBounds(shape);
  const allowed = (d: number, low: number, high: number, limit: number) => {
    if (d < 0) return Math.max(d, Math.min(0, -low));
    return Math.min(d, Math.max(0, limit - high));
  };
  return translateShape(shape, allowed(dx, box.x, box.x + box.width, face.width), allowed(dy, box.y, box.y + box.height, face.height));
}

/**
 * A mark resized one step: right and down make a box wider and taller, left
 * and up smaller (never below `minSize`); a line's end moves (its start
 * stays). Null for a pin or a note, which have no size to change.
 */
export function resizeShape(shape: AnnotationShape, direction: Direction, step: number, minSize = 4): AnnotationShape | null {
  const { dx, dy } = stepOffset(direction, step);
  switch (shape.kind) {
    case 'pin':
    case 'text':
      return null;
    case 'arrow':
      return { ...shape, to: { x: shape.to.x + dx, y: shape.to.y + dy } };
    case 'measure':
      return { ...shape, to: { x: shape.to.x + dx, y: shape.to.y + dy } };
    case 'rect':
    case 'ellipse':
    case 'freehand': {
      const from = shapeBounds(shape);
      const width = from.width === 0 ? 0 : Math.max(minSize, from.width + dx);
      const height = from.height === 0 ? 0 : Math.max(minSize, from.height + dy);
      return scaleShapeToBounds(shape, from, { x: from.x, y: from.y, width, height });
    }
  }
}

/** A mark's size as read out: a box's width and height, a line's length, in percent of the picture. */
export function sizeOf(shape: AnnotationShape, face: Size): { width: number; height: number } {
  const box = shape.kind === 'freehand' ? pointsBounds(shape.points) : shapeBounds(shape);
  const { x: width, y: height } = percentOf({ x: box.width, y: box.height }, face);
  return { width, height };
}

/**
 * The next mark for Tab (step 1) or Shift+Tab (-1), in the order given
 * (number order). Null when the walk runs off either end: focus then leaves
 * the canvas as Tab normally would. With nothing selected, Tab starts at the
 * first mark and Shift+Tab at the last.
 */
export function walkMarks(ordered: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ordered.length === 0) return null;
  const index = current === null ? -1 : ordered.indexOf(current);
  if (index === -1) return (step === 1 ? ordered[0] : ordered[ordered.length - 1]) ?? null;
  return ordered[index + step] ?? null;
}

/** Tools that make their mark with one Enter at the cursor. */
const ONE_PRESS: ReadonlySet<ToolName> = new Set<ToolName>(['pin', 'text', 'eyedropper']);
/** Tools whose first Enter anchors one end and second Enter finishes at the cursor. */
const TWO_PRESS: ReadonlySet<ToolName> = new Set<ToolName>(['rect', 'ellipse', 'arrow', 'measure', 'freehand']);

/** Whether Enter makes something with this tool. */
export function makesWithEnter(tool: ToolName): 'one' | 'two' | null {
  if (ONE_PRESS.has(tool)) return 'one';
  if (TWO_PRESS.has(tool)) return 'two';
  return null;
}

export interface EnterResult {
  /** What the tool answered: a draft to show, a shape to commit, a colour to sample. */
  output: ToolOutput;
  /** The first end while a two-press mark is under way, else null. */
  anchor: Point | null;
  /** placed: the mark is done; anchored: the first end is set; too-small: the ends are too close, keep moving; none: this tool makes nothing. */
  stage: 'placed' | 'anchored' | 'too-small' | 'none';
}

/**
 * Enter at the cursor, fed to `tool` as a pointer would: one Enter is a
 * click for pin, note and eyedropper; for the other tools the first Enter
 * presses at the cursor (the anchor) and the second releases at the cursor.
 * Between the two, `moveWhileAnchored` feeds each cursor position, so a
 * freehand stroke follows the cursor's path.
 */
export function pressEnter(tool: Tool, at: Point, anchor: Point | null): EnterResult {
  const kind = makesWithEnter(tool.name);
  if (kind === null) return { output: { kind: 'idle' }, anchor: null, stage: 'none' };
  if (kind === 'one') {
    tool.handle({ type: 'cancel' });
    tool.handle({ type: 'down', point: at });
    return { output: tool.handle({ type: 'up', point: at }), anchor: null, stage: 'placed' };
  }
  if (anchor === null || tool.state === 'idle') {
    tool.handle({ type: 'down', point: at });
    return { output: tool.handle({ type: 'move', point: at }), anchor: { x: at.x, y: at.y }, stage: 'anchored' };
  }
  const output = tool.handle({ type: 'up', point: at });
  if (output.kind === 'commit') return { output, anchor: null, stage: 'placed' };
  // Too small to be a mark: start again from the same anchor, so the mentor just moves on.
  tool.handle({ type: 'down', point: anchor });
  return { output: tool.handle({ type: 'move', point: at }), anchor, stage: 'too-small' };
}

/** The cursor moved while a two-press mark is under way: the tool drafts to it. */
export function moveWhileAnchored(tool: Tool, at: Point): ToolOutput {
  return tool.handle({ type: 'move', point: at });
}
