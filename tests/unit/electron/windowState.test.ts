import { describe, expect, it } from 'vitest';
import type { WindowBounds } from '#shared/contract/channels.ts';
import { restorableBounds, type Rect } from '#electron/main/windowState.ts';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const projectorOnRight: Rect = { x: 1920, y: 0, width: 1280, height: 720 };

const bounds = (x: number, y: number, width = 1200, height = 800): WindowBounds => ({
  x,
  y,
  width,
  height,
  maximized: false,
});

describe('restorableBounds', () => {
  it('keeps a window that is on a screen', () => {
    const saved = bounds(100, 50);
    expect(restorableBounds(saved, [laptop])).toEqual(saved);
  });

  it('keeps a window on a second display that is still connected', () => {
    const saved = { ...bounds(2000, 40, 1000, 600), maximized: true };
    expect(restorableBounds(saved, [laptop, projectorOnRight])).toEqual(saved);
  });

  it('drops a window saved on a display that has been unplugged', () => {
    expect(restorableBounds(bounds(2000, 40, 1000, 600), [laptop])).toBeNull();
  });

  it('drops a window that only peeks a few pixels onto the screen', () => {
    expect(restorableBounds(bounds(1900, 100), [laptop])).toBeNull();
    expect(restorableBounds(bounds(-1150, 100), [laptop])).toBeNull();
    expect(restorableBounds(bounds(100, 1000), [laptop])).toBeNull();
  });

  it('keeps a window partly off-screen when enough of it remains to grab', () => {
    expect(restorableBounds(bounds(-900, 100), [laptop])).not.toBeNull();
  });

  it('returns null when nothing was saved or there are no displays', () => {
    expect(restorableBounds(null, [laptop])).toBeNull();
    expect(restorableBounds(bounds(100, 50), [])).toBeNull();
  });
});
