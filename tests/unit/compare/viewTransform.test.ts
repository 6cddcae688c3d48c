import { describe, expect, it } from 'vitest';
import {
  fitView,
  imagePointAt,
  mapView,
  MAX_ZOOM,
  MIN_ZOOM,
  panView,
  relativeScale,
  screenPointOf,
  zoomAround,
  zoomSteps,
  type View,
} from '#shared/compare/viewTransform.ts';

const pane = { width: 600, height: 800 };
const portrait = { width: 700, height: 900 };

function close(actual: View, expected: View) {
  expect(actual.zoom).toBeCloseTo(expected.zoom, 9);
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
}

describe('fit', () => {
  it('shows the whole image centred, limited by its tighter side', () => {
    const view = fitView({ image: portrait, pane });
    expect(view.zoom).toBeCloseTo((600 / 700) * 0.95);
    const topLeft = screenPointOf(view, { x: 0, y: 0 });
    const bottomRight = screenPointOf(view, { x: 700, y: 900 });
    expect(topLeft.x + bottomRight.x).toBeCloseTo(600);
    expect(topLeft.y + bottomRight.y).toBeCloseTo(800);
    expect(topLeft.x).toBeGreaterThan(0);
    expect(bottomRight.y).toBeLessThan(800);
  });
});

describe('zoom and pan', () => {
  it('keeps the point under the cursor still and clamps the zoom', () => {
    const view: View = { zoom: 0.5, x: 40, y: -20 };
    const cursor = { x: 123, y: 456 };
    const before = imagePointAt(view, cursor);
    const zoomed = zoomAround(view, 2, cursor);
    expect(zoomed.zoom).toBe(2);
    const after = imagePointAt(zoomed, cursor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAround(view, 1000, cursor).zoom).toBe(MAX_ZOOM);
    expect(zoomAround(view, 0, cursor).zoom).toBe(MIN_ZOOM);
  });

  it('steps by 25 % around the centre of the pane, and − undoes +', () => {
    const view: View = { zoom: 0.8, x: 10, y: 30 };
    const plus = zoomSteps(view, 1, pane);
    expect(plus.zoom).toBeCloseTo(1);
    close(zoomSteps(plus, -1, pane), view);
  });

  it('pans in screen pixels', () => {
    expect(panView({ zoom: 2, x: 5, y: 6 }, 10, -4)).toEqual({ zoom: 2, x: 15, y: 2 });
  });
});

describe('mapping a view onto another image', () => {
  it('gives the very same view for same-sized images in same-sized panes', () => {
    const view: View = { zoom: 1.7, x: -320, y: -410 };
    close(mapView(view, { image: portrait, pane }, { image: portrait, pane }), view);
  });

  it('shows the same part of the design when B has twice the pixels', () => {
    const big = { width: 1400, height: 1800 };
    const view: View = { zoom: 1, x: -100, y: -250 };
    const mapped = mapView(view, { image: portrait, pane }, { image: big, pane });
    expect(mapped.zoom).toBeCloseTo(0.5);
    // Any point of A lands where its twin in B does.
    for (const p of [
      { x: 0, y: 0 },
      { x: 350, y: 450 },
      { x: 700, y: 900 },
    ]) {
      const onA = screenPointOf(view, p);
      const onB = screenPointOf(mapped, { x: p.x * 2, y: p.y * 2 });
      expect(onB.x).toBeCloseTo(onA.x);
      expect(onB.y).toBeCloseTo(onA.y);
    }
  });

  it('puts the centre of one pane at the same relative spot of the other image when shapes differ', () => {
    const wide = { width: 1000, height: 900 };
    const view: View = { zoom: 2, x: -300, y: -500 };
    const from = { image: portrait, pane };
    const to = { image: wide, pane: { width: 400, height: 500 } };
    const mapped = mapView(view, from, to);
    const centreA = imagePointAt(view, { x: 300, y: 400 });
    const centreB = imagePointAt(mapped, { x: 200, y: 250 });
    expect(centreB.x / wide.width).toBeCloseTo(centreA.x / portrait.width);
    expect(centreB.y / wide.height).toBeCloseTo(centreA.y / portrait.height);
    expect(mapped.zoom).toBeCloseTo(2 / relativeScale(portrait, wide));
    // And back again: the mapping is its own inverse.
    close(mapView(mapped, to, from), view);
  });
});
