import { describe, expect, it } from 'vitest';
import { BURN_MAX_SIDE, burnedSize } from '#renderer/src/canvas/burnAnnotations.ts';

describe('the size of a burned-in PNG', () => {
  it('is the original’s, up to 8000 px on the long side, keeping the proportions', () => {
    expect(BURN_MAX_SIDE).toBe(8000);
    expect(burnedSize(1018, 1600)).toEqual({ width: 1018, height: 1600, scale: 1 });
    expect(burnedSize(12_000, 9_000)).toEqual({ width: 8000, height: 6000, scale: 8000 / 12_000 });
    // A 2560 px preview standing in for a 6000 × 4000 TIFF is not blown up.
    expect(burnedSize(6000, 4000, 2560)).toEqual({ width: 2560, height: 1707, scale: 2560 / 6000 });
  });
});
