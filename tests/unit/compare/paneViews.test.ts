import { describe, expect, it } from 'vitest';
import { initialPaneViews, reducePaneViews, type PaneViewAction, type PaneViews } from '#shared/compare/paneViews.ts';
import { fitView, screenPointOf } from '#shared/compare/viewTransform.ts';

const pane = { width: 500, height: 600 };
const image = { width: 700, height: 900 };

function run(state: PaneViews, ...actions: PaneViewAction[]): PaneViews {
  return actions.reduce(reducePaneViews, state);
}

function ready(locked = true, b = image): PaneViews {
  return run(
    initialPaneViews(locked),
    { type: 'image', pane: 'a', size: image },
    { type: 'image', pane: 'b', size: b },
    { type: 'resize', pane: 'a', size: pane },
    { type: 'resize', pane: 'b', size: pane },
  );
}

describe('compare pane views', () => {
  it('has no view until the image and the pane are known, then fits', () => {
    const half = run(initialPaneViews(), { type: 'image', pane: 'a', size: image });
    expect(half.panes.a.view).toBeNull();
    const state = ready();
    expect(state.panes.a.view).toEqual(fitView({ image, pane }));
    expect(state.panes.b.view).toEqual(state.panes.a.view);
  });

  it('when locked, zooming or panning one pane moves the other the same way', () => {
    let state = run(ready(), { type: 'zoom-steps', pane: 'b', steps: 2 }, { type: 'pan', pane: 'b', dx: 30, dy: -12 });
    expect(state.panes.a.view).toEqual(state.panes.b.view);
    expect(state.panes.a.view?.zoom).toBeCloseTo(fitView({ image, pane }).zoom * 1.5625);
    state = run(state, { type: 'zoom-at', pane: 'a', zoom: 3, around: { x: 10, y: 20 } });
    expect(state.panes.b.view).toEqual(state.panes.a.view);
  });

  it('when unlocked, each pane keeps its own view; locking again brings B to A', () => {
    let state = run(ready(false), { type: 'zoom-steps', pane: 'a', steps: 1 });
    expect(state.panes.b.view).toEqual(fitView({ image, pane }));
    expect(state.panes.a.view?.zoom).not.toBe(state.panes.b.view?.zoom);
    state = run(state, { type: 'lock', locked: true });
    expect(state.panes.b.view).toEqual(state.panes.a.view);
  });

  it('maps by relative position when B is a larger file of the same design', () => {
    const big = { width: 1400, height: 1800 };
    const state = run(ready(true, big), { type: 'zoom-steps', pane: 'a', steps: 3 }, { type: 'pan', pane: 'a', dx: 50, dy: 80 });
    const a = state.panes.a.view!;
    const b = state.panes.b.view!;
    expect(b.zoom).toBeCloseTo(a.zoom / 2);
    const onA = screenPointOf(a, { x: 200, y: 300 });
    const onB = screenPointOf(b, { x: 400, y: 600 });
    expect(onB.x).toBeCloseTo(onA.x);
    expect(onB.y).toBeCloseTo(onA.y);
  });

  it('fits again on a resize while fitted, and keeps the centre once the mentor moved', () => {
    const wider = { width: 900, height: 600 };
    let state = run(ready(), { type: 'resize', pane: 'a', size: wider });
    expect(state.panes.a.view).toEqual(fitView({ image, pane: wider }));
    state = run(ready(false), { type: 'zoom-steps', pane: 'a', steps: 2 }, { type: 'resize', pane: 'a', size: wider });
    const before = run(ready(false), { type: 'zoom-steps', pane: 'a', steps: 2 }).panes.a.view!;
    const after = state.panes.a.view!;
    expect(after.zoom).toBe(before.zoom);
    const centreBefore = { x: (250 - before.x) / before.zoom, y: (300 - before.y) / before.zoom };
    const centreAfter = { x: (450 - after.x) / after.zoom, y: (300 - after.y) / after.zoom };
    expect(centreAfter.x).toBeCloseTo(centreBefore.x);
    expect(centreAfter.y).toBeCloseTo(centreBefore.y);
  });

  it('keeps a fitted pane’s zoom when its box moves by a pixel or two (re-centred), and fits again past that, from the size it was fitted to', () => {
    const fitted = ready(false).panes.a.view!;
    let state = run(ready(false), { type: 'resize', pane: 'a', size: { width: 501, height: 599 } });
    const nudged = state.panes.a.view!;
    expect(nudged.zoom).toBe(fitted.zoom);
    expect(nudged.x).toBeCloseTo(fitted.x + 0.5);
    expect(nudged.y).toBeCloseTo(fitted.y - 0.5);
    expect(state.panes.a.fitted).toBe(true);
    // Back to the size it was fitted to: exactly the fit again.
    state = run(state, { type: 'resize', pane: 'a', size: pane });
    expect(state.panes.a.view).toEqual(fitted);
    // One pixel at a time, wider by 3 in all: the third step is past the slack and fits to the new size.
    state = run(ready(false), ...[501, 502, 503].map((width): PaneViewAction => ({ type: 'resize', pane: 'a', size: { width, height: 600 } })));
    expect(state.panes.a.view).toEqual(fitView({ image, pane: { width: 503, height: 600 } }));
    // 0 fits to the size the pane has now, whatever the slack.
    state = run(ready(false), { type: 'resize', pane: 'a', size: { width: 502, height: 600 } }, { type: 'fit', pane: 'a' });
    expect(state.panes.a.view).toEqual(fitView({ image, pane: { width: 502, height: 600 } }));
  });

  it('0 fits both panes; + and − for "all" move both when unlocked', () => {
    let state = run(ready(false), { type: 'zoom-steps', pane: 'all', steps: 1 });
    expect(state.panes.a.view?.zoom).toBeCloseTo(fitView({ image, pane }).zoom * 1.25);
    expect(state.panes.b.view?.zoom).toBeCloseTo(fitView({ image, pane }).zoom * 1.25);
    state = run(state, { type: 'fit', pane: 'all' });
    expect(state.panes.a.view).toEqual(fitView({ image, pane }));
    expect(state.panes.a.fitted && state.panes.b.fitted).toBe(true);
  });

  it('a pan by nothing changes nothing', () => {
    const state = ready();
    expect(reducePaneViews(state, { type: 'pan', pane: 'a', dx: 0, dy: 0 })).toBe(state);
  });
});
