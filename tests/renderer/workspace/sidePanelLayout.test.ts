import { describe, expect, it } from 'vitest';
import { clampSideWidth, defaultSideWidth, maxSideWidth, MIN_SIDE_WIDTH } from '#renderer/src/features/workspace/sidePanelLayout.ts';

/** Rail (2.75 rem at 16 px), splitter and top bar as the workspace stylesheet draws them. */
const RAIL = 44;
const SPLITTER = 5;
const BAR = 44;

describe('side panel width', () => {
  it.each([
    [1366, 768],
    [1920, 1080],
  ])('by default leaves the canvas at least 70 %% of a %i×%i window', (width, height) => {
    const canvas = (width - RAIL - SPLITTER - defaultSideWidth(width)) * (height - BAR);
    expect(canvas / (width * height)).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps a chosen width between the minimum and 45 % of the window', () => {
    expect(clampSideWidth(50, 1366)).toBe(MIN_SIDE_WIDTH);
    expect(clampSideWidth(2000, 1366)).toBe(maxSideWidth(1366));
    expect(maxSideWidth(1366)).toBe(615);
    expect(clampSideWidth(333.4, 1920)).toBe(333);
    // A tiny window still gets a usable panel.
    expect(maxSideWidth(400)).toBe(MIN_SIDE_WIDTH);
  });
});
