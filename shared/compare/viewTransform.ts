/** A point on screen (CSS pixels of a pane) or in an image (original pixels). */
export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * How a pane shows its image: screen = image × zoom + (x, y). Zoom is screen
 * pixels per ORIGINAL image pixel (1 is 100 %), as on the review canvas, so
 * the percentages of both screens mean the same thing.
 */
export interface View {
  zoom: number;
  x: number;
  y: number;
}

/** What a view maps between: the image's original size and the pane's size on screen. */
export interface PaneGeometry {
  image: Size;
  pane: Size;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 16;
/** One press of + or −. */
export const ZOOM_STEP = 1.25;
/** The fitted image leaves a small margin, as on the review canvas. */
const FIT_MARGIN = 0.95;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The whole image centred in the pane with a margin. */
export function fitView({ image, pane }: PaneGeometry): View {
  const zoom = clampZoom(Math.min(pane.width / image.width, pane.height / image.height) * FIT_MARGIN);
  return { zoom, x: (pane.width - image.width * zoom) / 2, y: (pane.height - image.height * zoom) / 2 };
}

export function imagePointAt(view: View, screen: Point): Point {
  return { x: (screen.x - view.x) / view.zoom, y: (screen.y - view.y) / view.zoom };
}

export function screenPointOf(view: View, image: Point): Point {
  return { x: image.x * view.zoom + view.x, y: image.y * view.zoom + view.y };
}

/** A new zoom (clamped) that keeps the image point under `around` (a screen point) where it is. */
export function zoomAround(view: View, zoom: number, around: Point): View {
  const next = clampZoom(zoom);
  const anchor = imagePointAt(view, around);
  return { zoom: next, x: around.x - anchor.x * next, y: around.y - anchor.y * next };
}

/** `steps` presses of + (negative: −) around the centre of the pane. */
export function zoomSteps(view: View, steps: number, pane: Size): View {
  return zoomAround(view, view.zoom * ZOOM_STEP ** steps, { x: pane.width / 2, y: pane.height / 2 });
}

export function panView(view: View, dx: number, dy: number): View {
  return { zoom: view.zoom, x: view.x + dx, y: view.y + dy };
}

function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

/**
 * How many pixels of `to` one pixel of `from` is worth when the two show the
 * same design: the geometric mean of the width and height ratios (exactly the
 * ratio when both have the same shape).
 */
export function relativeScale(from: Size, to: Size): number {
  return Math.sqrt((to.width / from.width) * (to.height / from.height));
}

/**
 * The view of `to` that shows what `view` shows of `from`: the image point at
 * the centre of one pane lands, by relative position, at the centre of the
 * other, and the zoom covers the same share of the design. Same-sized images
 * in same-sized panes get the very same view; the mapping is its own inverse.
 */
export function mapView(view: View, from: PaneGeometry, to: PaneGeometry): View {
  if (sameSize(from.image, to.image) && sameSize(from.pane, to.pane)) return view;
  const centre = imagePointAt(view, { x: from.pane.width / 2, y: from.pane.height / 2 });
  const relative = { x: centre.x / from.image.width, y: centre.y / from.image.height };
  const target = { x: relative.x * to.image.width, y: relative.y * to.image.height };
  const zoom = view.zoom / relativeScale(from.image, to.image);
  return { zoom, x: to.pane.width / 2 - target.x * zoom, y: to.pane.height / 2 - target.y * zoom };
}
