import type { Point, Tool, ToolName, ToolOutput, ToolState } from '../toolTypes.ts';

/**
 * One press of the pointer, from down to up: the only part that differs
 * between tools. `pressTool` owns the rest (state, cancel, stray events).
 */
export interface Press {
  /** What the down event itself outputs. */
  readonly first: ToolOutput;
  /** True once the press has become a drag. */
  readonly dragging: boolean;
  move(point: Point, shift: boolean): ToolOutput;
  up(point: Point, shift: boolean): ToolOutput;
}

export type BeginPress = (down: Point, shift: boolean) => Press;

export const idle = (): ToolOutput => ({ kind: 'idle' });

/** A tool whose every gesture is one press; `begin` is called on each down. */
export function pressTool(name: ToolName, begin: BeginPress): Tool {
  let press: Press | null = null;
  return {
    name,
    get state(): ToolState {
      if (press === null) return 'idle';
      return press.dragging ? 'dragging' : 'pointing';
    },
    handle(input) {
      if (input.type === 'cancel') {
        press = null;
        return idle();
      }
      // Copy: adapters often reuse one point object for every event.
      const point = { x: input.point.x, y: input.point.y };
      const shift = input.shift ?? false;
      switch (input.type) {
        case 'down':
          // A down while already pressed means the up was lost (e.g. released outside the window): start afresh.
          press = begin(point, shift);
          return press.first;
        case 'move':
          // Hover with no button down draws nothing.
          return press ? press.move(point, shift) : idle();
        case 'up': {
          const ending = press;
          press = null;
          return ending ? ending.up(point, shift) : idle();
        }
      }
    },
  };
}
