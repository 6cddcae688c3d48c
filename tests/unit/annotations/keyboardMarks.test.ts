import { describe, expect, it } from 'vitest';
import { annotationShapeSchema } from '#shared/domain/annotation.ts';
import { createTool } from '#shared/annotations/tools.ts';
import {
  cursorStep,
  markPosition,
  moveCursor,
  moveWhileAnchored,
  nudgeShape,
  percentOf,
  pressEnter,
  resizeShape,
  startingCursor,
  walkMarks,
} from '#shared/annotations/keyboardMarks.ts';

const face = { width: 1000, height: 500 };

describe('the keyboard cursor', () => {
  it('starts in the middle and moves the same distance on screen at any zoom, Shift further', () => {
    expect(startingCursor(face)).toEqual({ x: 500, y: 250 });
    expect(cursorStep(1, false)).toBe(8);
    expect(cursorStep(0.5, false)).toBe(16);
    expect(cursorStep(1, true)).toBe(64);
    // Never less than an image pixel, even zoomed far in.
    expect(cursorStep(16, false)).toBe(1);
  });

  it('stays on the picture', () => {
    expect(moveCursor({ x: 500, y: 250 }, 'right', 64, face)).toEqual({ x: 564, y: 250 });
    expect(moveCursor({ x: 990, y: 5 }, 'right', 64, face)).toEqual({ x: 1000, y: 5 });
    expect(moveCursor({ x: 990, y: 5 }, 'up', 64, face)).toEqual({ x: 990, y: 0 });
    expect(percentOf({ x: 420, y: 90 }, face)).toEqual({ x: 42, y: 18 });
  });
});

describe('Enter feeds the tools as a pointer would', () => {
  it('one Enter places a pin or a note at the cursor, and samples with the eyedropper', () => {
    const pin = pressEnter(createTool('pin'), { x: 420, y: 90 }, null);
    expect(pin.stage).toBe('placed');
    expect(pin.output).toEqual({ kind: 'commit', shape: { kind: 'pin', at: { x: 420, y: 90 } } });
    expect(pressEnter(createTool('text'), { x: 1, y: 2 }, null).output).toMatchObject({ kind: 'commit', shape: { kind: 'text', at: { x: 1, y: 2 }, text: '' } });
    expect(pressEnter(createTool('eyedropper'), { x: 3, y: 4 }, null).output).toEqual({ kind: 'sample', point: { x: 3, y: 4 } });
  });

  it.each(['rect', 'ellipse', 'arrow', 'measure'] as const)('%s: the first Enter anchors, the arrows draft, the second Enter finishes', (name) => {
    const tool = createTool(name);
    const first = pressEnter(tool, { x: 100, y: 100 }, null);
    expect(first.stage).toBe('anchored');
    expect(first.anchor).toEqual({ x: 100, y: 100 });
    expect(moveWhileAnchored(tool, { x: 164, y: 100 }).kind).toBe('drafting');
    const second = pressEnter(tool, { x: 164, y: 164 }, first.anchor);
    expect(second.stage).toBe('placed');
    expect(second.anchor).toBeNull();
    if (second.output.kind !== 'commit') throw new Error('expected a commit');
    const shape = annotationShapeSchema.parse(second.output.shape);
    expect(shape.kind).toBe(name);
    if (shape.kind === 'rect') expect(shape).toEqual({ kind: 'rect', x: 100, y: 100, width: 64, height: 64 });
    if (shape.kind === 'arrow') expect(shape).toEqual({ kind: 'arrow', from: { x: 100, y: 100 }, to: { x: 164, y: 164 } });
    expect(tool.state).toBe('idle');
  });

  it('freehand follows the cursor path between the two Enters', () => {
    const tool = createTool('freehand');
    const { anchor } = pressEnter(tool, { x: 0, y: 0 }, null);
    moveWhileAnchored(tool, { x: 50, y: 0 });
    const done = pressEnter(tool, { x: 50, y: 50 }, anchor);
    expect(done.output).toEqual({ kind: 'commit', shape: { kind: 'freehand', points: [{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 50 }] } });
  });

  it('a second Enter on the anchor itself makes nothing and keeps the anchor', () => {
    const tool = createTool('rect');
    const { anchor } = pressEnter(tool, { x: 10, y: 10 }, null);
    const again = pressEnter(tool, { x: 10, y: 10 }, anchor);
    expect(again.stage).toBe('too-small');
    expect(again.anchor).toEqual({ x: 10, y: 10 });
    // Moving on and pressing Enter still finishes from the first anchor.
    const done = pressEnter(tool, { x: 40, y: 30 }, again.anchor);
    expect(done.output).toEqual({ kind: 'commit', shape: { kind: 'rect', x: 10, y: 10, width: 30, height: 20 } });
  });

  it('select and hand make nothing', () => {
    expect(pressEnter(createTool('select'), { x: 1, y: 1 }, null).stage).toBe('none');
    expect(pressEnter(createTool('hand'), { x: 1, y: 1 }, null).stage).toBe('none');
  });
});

describe('a selected mark under the arrows', () => {
  it('moves by a step and stops at the edge of the picture', () => {
    expect(nudgeShape({ kind: 'pin', at: { x: 10, y: 10 } }, 'right', 8, face)).toEqual({ kind: 'pin', at: { x: 18, y: 10 } });
    expect(nudgeShape({ kind: 'pin', at: { x: 4, y: 10 } }, 'left', 8, face)).toEqual({ kind: 'pin', at: { x: 0, y: 10 } });
    expect(nudgeShape({ kind: 'rect', x: 900, y: 0, width: 96, height: 10 }, 'right', 8, face)).toEqual({ kind: 'rect', x: 904, y: 0, width: 96, height: 10 });
  });

  it('resizes boxes from their top-left, moves a line’s end, and refuses a pin or a note', () => {
    expect(resizeShape({ kind: 'rect', x: 10, y: 10, width: 20, height: 20 }, 'right', 8)).toEqual({ kind: 'rect', x: 10, y: 10, width: 28, height: 20 });
    expect(resizeShape({ kind: 'rect', x: 10, y: 10, width: 20, height: 20 }, 'up', 64)).toEqual({ kind: 'rect', x: 10, y: 10, width: 20, height: 4 });
    expect(resizeShape({ kind: 'ellipse', cx: 50, cy: 50, rx: 10, ry: 10 }, 'down', 8)).toEqual({ kind: 'ellipse', cx: 50, cy: 54, rx: 10, ry: 14 });
    expect(resizeShape({ kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 10, y: 0 } }, 'down', 8)).toEqual({ kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 10, y: 8 } });
    expect(resizeShape({ kind: 'pin', at: { x: 1, y: 1 } }, 'right', 8)).toBeNull();
    expect(resizeShape({ kind: 'text', at: { x: 1, y: 1 }, text: 'a', fontSize: 16 }, 'right', 8)).toBeNull();
  });

  it('is read out at its badge, in percent of the picture', () => {
    expect(markPosition({ kind: 'rect', x: 420, y: 90, width: 10, height: 10 }, face)).toEqual({ x: 42, y: 18 });
  });
});

describe('Tab walks the marks in number order', () => {
  const marks = ['one', 'two', 'three'];
  it('from nothing to the first (Tab) or the last (Shift+Tab), then on, and off the end to leave the canvas', () => {
    expect(walkMarks(marks, null, 1)).toBe('one');
    expect(walkMarks(marks, null, -1)).toBe('three');
    expect(walkMarks(marks, 'one', 1)).toBe('two');
    expect(walkMarks(marks, 'two', -1)).toBe('one');
    expect(walkMarks(marks, 'three', 1)).toBeNull();
    expect(walkMarks(marks, 'one', -1)).toBeNull();
    expect(walkMarks([], null, 1)).toBeNull();
    // A selection on another face starts the walk afresh.
    expect(walkMarks(marks, 'elsewhere', 1)).toBe('one');
  });
});
