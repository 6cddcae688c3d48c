// Pointer input for tool scripts: `tool.handle(down(10, 20))` reads like what the mentor did.
import type { PointerInput } from '#shared/annotations/tools.ts';

export const down = (x: number, y: number, shift = false): PointerInput => ({ type: 'down', point: { x, y }, shift });
export const move = (x: number, y: number, shift = false): PointerInput => ({ type: 'move', point: { x, y }, shift });
export const up = (x: number, y: number, shift = false): PointerInput => ({ type: 'up', point: { x, y }, shift });
export const cancel: PointerInput = { type: 'cancel' };
export const IDLE = { kind: 'idle' } as const;
