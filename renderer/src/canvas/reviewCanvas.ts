import { Canvas, type FabricObject, Point, type TMat2D } from 'fabric';
import { LiveChrome } from './annotationMarks.ts';

/** How far past each side of the view (a share of its size) the marks layer is drawn, for panning into. */
const LAYER_MARGIN = 0.5;
/**
 * How far the zoom may drift from the layer's, either way, before the layer
 * is drawn again mid-gesture (the marks then look up to this much bolder or
 * finer until the view rests). Zooming out, the margin runs out first.
 */
const LAYER_SCALE_SLACK = 4;
/** Past this many changed areas the whole layer is drawn again (a face built, every mark restyled). */
const MAX_DIRTY = 40;
/** Screen pixels round a changed area also drawn again (anti-aliasing, a selected mark's bolder stroke). */
const DIRTY_PAD = 4;

/** A rectangle in scene units (original image pixels). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The review canvas. Two things set it apart from Fabric's own:
 *
 * - The view may be turned or mirrored (a face's stored transform is part of
 *   the view transform): its zoom is the scale of that transform, not its
 *   first entry, which is 0 at a quarter turn and negative when mirrored.
 * - Marks are drawn into a layer, a bitmap kept between frames. Drawing 500
 *   marks in software takes several frames' time; moving and scaling one
 *   bitmap takes a fraction of one. While the view pans or zooms, frames show
 *   the layer moved and scaled under the live picture; the view (fabricView.ts)
 *   asks for it to be drawn exactly once the view rests, and whenever a mark
 *   changes. The picture, the selected mark and the draft are drawn live on
 *   every frame, so what the mentor moves or draws follows the pointer.
 */
export class ReviewCanvas extends Canvas {
  /** The picture's size in scene units (original image pixels): marks are drawn inside it. */
  face = { width: 1, height: 1 };
  /** The picture: drawn under the layer on every frame. */
  backdrop: FabricObject | null = null;
  /** Objects drawn on every frame above the layer (the draft of a mark being drawn). */
  readonly live = new Set<FabricObject>();
  private layer: HTMLCanvasElement | null = null;
  /** Layer pixels per scene unit, as the layer was drawn; null when it must be drawn again. */
  private layerMatrix: DOMMatrix | null = null;
  /** The view transform and the selected mark the layer was drawn for. */
  private layerView: TMat2D | null = null;
  private layerActive: FabricObject | undefined;
  /** Where marks changed since the layer was drawn (scene boxes): only there is it drawn again. */
  private dirty: Box[] = [];

  override getZoom(): number {
    const [a, b] = this.viewportTransform;
    return Math.hypot(a, b);
  }

  /** A new view is a new frame (Fabric draws on adding objects only when asked to, and this canvas is not). */
  override setViewportTransform(vpt: TMat2D): void {
    super.setViewportTransform(vpt);
    this.requestRenderAll();
  }

  /** Every mark looks different (restyled for a new zoom, built afresh): the next frame draws the whole layer again. */
  marksChanged(): void {
    this.layerMatrix = null;
    this.dirty = [];
  }

  /**
   * One object changed: where it is drawn now is drawn again in the layer at
   * the next frame. Called before a change (where it was) and after it (where
   * it is); adding and removing objects call it by themselves.
   */
  changedAt(object: FabricObject): void {
    if (this.layerMatrix === null || this.live.has(object) || object === this.backdrop) return;
    if (this.dirty.length >= MAX_DIRTY) return this.marksChanged();
    this.dirty.push(boxOf(object));
  }

  /** Whether the layer on screen was drawn for the present view, exactly (not moved or scaled since). */
  layerIsExact(): boolean {
    const view = this.layerView;
    return this.layerMatrix !== null && view !== null && this.viewportTransform.every((value, i) => value === view[i]);
  }

  override _onObjectAdded(object: FabricObject): void {
    super._onObjectAdded(object);
    this.changedAt(object);
  }

  override _onObjectRemoved(object: FabricObject): void {
    super._onObjectRemoved(object);
    this.changedAt(object);
  }

  /**
   * Everything is drawn clipped to the picture, as the PNG and the PDF end
   * where it does: one clip per frame, where a clip path on each mark that
   * reaches past the edge would give it an object cache of its own, drawn
   * again at every step of a zoom.
   */
  override _renderObjects(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, this.face.width, this.face.height);
    ctx.clip();
    const active = this.getActiveObject();
    const live: FabricObject[] = [];
    const marks: FabricObject[] = [];
    for (const object of objects) {
      if (object === this.backdrop) continue;
      (object === active || this.live.has(object) ? live : marks).push(object);
    }
    if (this.backdrop) super._renderObjects(ctx, [this.backdrop]);
    if (typeof ctx.getTransform !== 'function' || typeof DOMMatrix === 'undefined') super._renderObjects(ctx, marks);
    else {
      const view = ctx.getTransform();
      if (!this.layerFits(view)) this.drawLayer(view, marks, active);
      else {
        if (active !== this.layerActive) {
          // The mark no longer selected goes back into the layer; the one now selected leaves it (it is drawn live).
          for (const object of [this.layerActive, active]) if (object && object.canvas === this) this.dirty.push(boxOf(object));
          this.layerActive = active;
        }
        if (this.dirty.length) this.repaint(marks);
      }
      const layer = this.layer as HTMLCanvasElement;
      ctx.save();
      ctx.setTransform(view.multiply((this.layerMatrix as DOMMatrix).inverse()));
      ctx.drawImage(layer, 0, 0);
      ctx.restore();
    }
    super._renderObjects(ctx, live);
    ctx.restore();
  }

  /**
   * Whether the layer can stand for the marks under `view` (device pixels per
   * scene unit): drawn and not thrown away since, the zoom within
   * LAYER_SCALE_SLACK of the layer's, and the whole view inside the layer.
   */
  private layerFits(view: DOMMatrix): boolean {
    const layer = this.layer;
    const drawnWith = this.layerMatrix;
    if (!layer || !drawnWith) return false;
    // From the screen into the layer's pixels.
    const toLayer = drawnWith.multiply(view.inverse());
    const scale = Math.sqrt(Math.abs(toLayer.a * toLayer.d - toLayer.b * toLayer.c));
    if (!(scale >= 1 / LAYER_SCALE_SLACK && scale <= LAYER_SCALE_SLACK)) return false;
    const { width, height } = this.lowerCanvasEl;
    const shown = boxThrough(toLayer, { left: 0, top: 0, right: width, bottom: height });
    return shown.left >= -0.5 && shown.top >= -0.5 && shown.right <= layer.width + 0.5 && shown.bottom <= layer.height + 0.5;
  }

  /** Draws `marks` into the layer for `view`, with a margin round the screen. */
  private drawLayer(view: DOMMatrix, marks: FabricObject[], active: FabricObject | undefined): void {
    const screen = this.lowerCanvasEl;
    const marginX = Math.ceil(screen.width * LAYER_MARGIN);
    const marginY = Math.ceil(screen.height * LAYER_MARGIN);
    const layer = (this.layer ??= document.createElement('canvas'));
    const width = screen.width + 2 * marginX;
    const height = screen.height + 2 * marginY;
    if (layer.width !== width || layer.height !== height) {
      layer.width = width;
      layer.height = height;
    }
    const context = layer.getContext('2d');
    if (!context) throw new Error('No 2D context for the marks layer');
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    const matrix = new DOMMatrix([1, 0, 0, 1, marginX, marginY]).multiply(view);
    context.setTransform(matrix);
    // Fabric skips marks off the screen; here the screen is the layer, margins included.
    const onScreen = this.vptCoords;
    this.vptCoords = this.sceneBounds(matrix, width, height);
    try {
      super._renderObjects(context, marks);
    } finally {
      this.vptCoords = onScreen;
    }
    this.layerMatrix = matrix;
    this.layerView = [...this.viewportTransform];
    this.layerActive = active;
    this.dirty = [];
  }

  /**
   * Draws the layer again where marks changed (`dirty`): each area cleared
   * and every mark reaching into them drawn again, clipped to them. Editing
   * one mark of 500 then costs the marks round it, not all 500.
   */
  private repaint(marks: FabricObject[]): void {
    const layer = this.layer as HTMLCanvasElement;
    const matrix = this.layerMatrix as DOMMatrix;
    const context = layer.getContext('2d');
    if (!context) throw new Error('No 2D context for the marks layer');
    const pad = DIRTY_PAD * (this.getRetinaScaling() || 1);
    // Each changed area in the layer's pixels, whole pixels, padded, inside the layer.
    const areas = this.dirty
      .map((box) => {
        const shown = boxThrough(matrix, box);
        const left = Math.max(0, Math.floor(shown.left - pad));
        const top = Math.max(0, Math.floor(shown.top - pad));
        const right = Math.min(layer.width, Math.ceil(shown.right + pad));
        const bottom = Math.min(layer.height, Math.ceil(shown.bottom + pad));
        return { left, top, width: right - left, height: bottom - top };
      })
      .filter((area) => area.width > 0 && area.height > 0);
    this.dirty = [];
    if (areas.length === 0) return;
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.beginPath();
    for (const area of areas) {
      context.clearRect(area.left, area.top, area.width, area.height);
      context.rect(area.left, area.top, area.width, area.height);
    }
    context.clip();
    context.setTransform(matrix);
    // Fabric skips the marks outside the changed areas as off the screen.
    const union = {
      left: Math.min(...areas.map((a) => a.left)),
      top: Math.min(...areas.map((a) => a.top)),
      right: Math.max(...areas.map((a) => a.left + a.width)),
      bottom: Math.max(...areas.map((a) => a.top + a.height)),
    };
    const onScreen = this.vptCoords;
    this.vptCoords = this.sceneBounds(new DOMMatrix([1, 0, 0, 1, -union.left, -union.top]).multiply(matrix), union.right - union.left, union.bottom - union.top);
    try {
      super._renderObjects(context, marks);
    } finally {
      this.vptCoords = onScreen;
      context.restore();
    }
  }

  /** The scene rectangle a `width` × `height` pixel area shows under `matrix` (for Fabric's off-screen test). */
  private sceneBounds(matrix: DOMMatrix, width: number, height: number): ReviewCanvas['vptCoords'] {
    const scene = boxThrough(matrix.inverse(), { left: 0, top: 0, right: width, bottom: height });
    const min = new Point(scene.left, scene.top);
    const max = new Point(scene.right, scene.bottom);
    return { tl: min, tr: new Point(max.x, min.y), bl: new Point(min.x, max.y), br: max };
  }

  override destroy(): void {
    if (this.layer) {
      // Gives the bitmap back now, not when the element is collected.
      this.layer.width = 0;
      this.layer.height = 0;
      this.layer = null;
    }
    super.destroy();
  }
}

/** Where an object is drawn, in scene units: a mark's chrome by its lines, anything else by its corners. */
function boxOf(object: FabricObject): Box {
  if (object instanceof LiveChrome) return object.bounds();
  const { left, top, width, height } = object.getBoundingRect();
  return { left, top, right: left + width, bottom: top + height };
}

/** The axis-aligned box that `box` covers once mapped through `matrix`. */
function boxThrough(matrix: DOMMatrix, box: Box): Box {
  const corners = [
    matrix.transformPoint({ x: box.left, y: box.top }),
    matrix.transformPoint({ x: box.right, y: box.top }),
    matrix.transformPoint({ x: box.left, y: box.bottom }),
    matrix.transformPoint({ x: box.right, y: box.bottom }),
  ];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}
