import { fitView, mapView, panView, zoomAround, zoomSteps, type PaneGeometry, type Point, type Size, type View } from './viewTransform.ts';

/** A is on the left (or underneath), B on the right (or on top). */
export type PaneKey = 'a' | 'b';
export const PANE_KEYS: readonly PaneKey[] = ['a', 'b'];

export interface PaneView {
  /** Original pixel size of the image this pane shows; null until known. */
  image: Size | null;
  /** Size of the pane on screen; null until measured. */
  pane: Size | null;
  /** Null until both sizes are known. */
  view: View | null;
  /** True while the view follows "fit" (first show, after 0): a resize fits again. */
  fitted: boolean;
  /** The pane size the fitted view was worked out for (null when not fitted). */
  fittedTo: Size | null;
}

/**
 * How far (CSS pixels, each way) a fitted pane's box may move from the size it
 * was fitted to before it fits again. Layout settling under load moves a box by
 * a pixel now and then, and a refit would then change the zoom figure (76 % →
 * 77 %) with nothing the mentor did. Measured from the size fitted to, not from
 * the last size, so many small steps (a window dragged wider) still refit.
 */
export const FIT_SLACK = 2;

export interface PaneViews {
  /** When locked, any change to one pane is mapped onto the other. */
  locked: boolean;
  panes: Readonly<Record<PaneKey, PaneView>>;
}

/** What the mentor or the layout did to the views. */
export type PaneViewAction =
  | { type: 'image'; pane: PaneKey; size: Size }
  | { type: 'resize'; pane: PaneKey; size: Size }
  | { type: 'pan'; pane: PaneKey; dx: number; dy: number }
  | { type: 'zoom-at'; pane: PaneKey; zoom: number; around: Point }
  | { type: 'zoom-steps'; pane: PaneKey | 'all'; steps: number }
  | { type: 'fit'; pane: PaneKey | 'all' }
  | { type: 'lock'; locked: boolean };

const empty: PaneView = { image: null, pane: null, view: null, fitted: true, fittedTo: null };

export function initialPaneViews(locked = true): PaneViews {
  return { locked, panes: { a: empty, b: empty } };
}

const other = (key: PaneKey): PaneKey => (key === 'a' ? 'b' : 'a');

function geometry(pane: PaneView): PaneGeometry | null {
  return pane.image && pane.pane ? { image: pane.image, pane: pane.pane } : null;
}

function withPane(state: PaneViews, key: PaneKey, pane: PaneView): PaneViews {
  return { ...state, panes: { ...state.panes, [key]: pane } };
}

/** The pane showing its whole image, fitted to its present size. */
function fitPane(pane: PaneView, at: PaneGeometry): PaneView {
  return { ...pane, view: fitView(at), fitted: true, fittedTo: at.pane };
}

function near(a: Size, b: Size): boolean {
  return Math.abs(a.width - b.width) <= FIT_SLACK && Math.abs(a.height - b.height) <= FIT_SLACK;
}

/** After `key` changed: when locked, the other pane follows it. */
function follow(state: PaneViews, key: PaneKey): PaneViews {
  const source = state.panes[key];
  const target = state.panes[other(key)];
  const from = geometry(source);
  const to = geometry(target);
  if (!state.locked || !from || !to || !source.view) return state;
  return withPane(state, other(key), { ...target, view: mapView(source.view, from, to), fitted: source.fitted, fittedTo: source.fitted ? to.pane : null });
}

/**
 * Re-derives a pane whose image or size changed: follow the locked partner
 * when it was moved, else fit again, else keep what was at the centre.
 */
function settle(state: PaneViews, key: PaneKey, previous: PaneView): PaneViews {
  const pane = state.panes[key];
  const at = geometry(pane);
  if (!at) return state;
  const partner = state.panes[other(key)];
  const partnerAt = geometry(partner);
  if (state.locked && partnerAt && partner.view && !partner.fitted) {
    return withPane(state, key, { ...pane, view: mapView(partner.view, partnerAt, at), fitted: false, fittedTo: null });
  }
  const before = geometry(previous);
  // A fitted pane whose box moved by a pixel or two keeps its zoom, re-centred (the fit's margin takes it up).
  if (pane.fitted && pane.view && before && pane.fittedTo && previous.image === pane.image && near(pane.fittedTo, at.pane)) {
    const { view } = pane;
    const dx = (at.pane.width - before.pane.width) / 2;
    const dy = (at.pane.height - before.pane.height) / 2;
    return withPane(state, key, { ...pane, view: { ...view, x: view.x + dx, y: view.y + dy } });
  }
  if (pane.fitted || !pane.view || !before) return withPane(state, key, fitPane(pane, at));
  return withPane(state, key, { ...pane, view: mapView(pane.view, before, at) });
}

function change(state: PaneViews, key: PaneKey, update: (view: View, at: PaneGeometry) => View | null): PaneViews {
  const pane = state.panes[key];
  const at = geometry(pane);
  if (!at || !pane.view) return state;
  const view = update(pane.view, at);
  if (!view) return state;
  return follow(withPane(state, key, { ...pane, view, fitted: false, fittedTo: null }), key);
}

/** The views of the compare panes after one action. Pure: the screen keeps the state. */
export function reducePaneViews(state: PaneViews, action: PaneViewAction): PaneViews {
  switch (action.type) {
    case 'image':
    case 'resize': {
      const previous = state.panes[action.pane];
      const field = action.type === 'image' ? 'image' : 'pane';
      const same = previous[field]?.width === action.size.width && previous[field]?.height === action.size.height;
      if (same) return state;
      // A new image starts fitted: its old view meant another picture.
      const next = { ...previous, [field]: action.size, ...(action.type === 'image' ? { fitted: true, fittedTo: null } : {}) };
      return settle(withPane(state, action.pane, next), action.pane, previous);
    }
    case 'pan':
      return change(state, action.pane, (view) => (action.dx === 0 && action.dy === 0 ? null : panView(view, action.dx, action.dy)));
    case 'zoom-at':
      return change(state, action.pane, (view) => zoomAround(view, action.zoom, action.around));
    case 'zoom-steps': {
      const keys = action.pane === 'all' ? (state.locked ? (['a'] as const) : PANE_KEYS) : [action.pane];
      return keys.reduce((s, key) => change(s, key, (view, at) => zoomSteps(view, action.steps, at.pane)), state);
    }
    case 'fit': {
      const keys = action.pane === 'all' || state.locked ? PANE_KEYS : [action.pane];
      return keys.reduce((s, key) => {
        const pane = s.panes[key];
        const at = geometry(pane);
        return at ? withPane(s, key, fitPane(pane, at)) : s;
      }, state);
    }
    case 'lock': {
      const next = { ...state, locked: action.locked };
      // Locking brings B to where A is.
      return action.locked ? follow(next, 'a') : next;
    }
  }
}
