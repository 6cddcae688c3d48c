import { Canvas, type FabricObject, Point, type TMat2D } from 'fabric';
import { LiveChrome } from './annotationMarks.ts';

/** How far past each side of the view (a share of its size) a marks layer is drawn, for panning into. */
const LAYER_MARGIN = 0.5;
/**
 * How far the zoom may drift from the shown layer's, either way, before a
 * new layer is begun (the marks look up to this much bolder or finer until
 * it is done). The shown one stands in, moved and scaled, until then.
 */
const LAYER_SCALE_SLACK = 2;
/** How far the zoom may drift from a layer's being drawn before it is given up for a new one. */
const BUILD_SCALE_SLACK = 4;
/**
 * A layer begun mid-zoom is drawn this much finer (zooming in) or coarser
 * (zooming out) than the view: where the zoom will be when it is done, some
 * frames later, so that it still covers the view and suits its zoom then.
 */
const ZOOM_AHEAD = 2;
/**
 * Past this many changed areas (a badge moving is two, its leader line two
 * more) a new layer is drawn instead (a face's marks built, an undo of many).
 */
const MAX_DIRTY = 400;
/** Screen pixels round a changed area also drawn again (anti-aliasing, a selected mark's bolder stroke). */
const DIRTY_PAD = 4;
/**
 * Main-thread time a frame may spend drawing a new layer while the view
 * moves, once it rests, and when no layer stands in (a face's first marks).
 * A layer of 500 marks takes about 100 ms to draw and rasterise in software,
 * so it is drawn over several frames, in slices, while the shown one stands
 * in: thinly while the mentor pans or zooms (the rest of the frame draws the
 * picture and moves the layer, and on two cores the compositor needs its
 * share), more once the view rests, most while the marks are not shown yet.
 */
const BUILD_BUDGET_MS = { moving: 3, resting: 5, first: 10 };
/** How long after the view last moved it counts as moving. */
const MOVING_MS = 150;
/** Marks in the first slice of a new layer; later slices are sized by what the marks before them cost. */
const FIRST_SLICE = 8;

/** A rectangle in scene units (original image pixels). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A bitmap of the marks, drawn for one view. */
interface Layer {
  canvas: HTMLCanvasElement;
  /** Scene units (image pixels) → the layer's pixels. */
  matrix: DOMMatrix;
  /** The view transform it was drawn for; null when drawn ahead of a zoom. */
  view: TMat2D | null;
  /** The mark left out of it: the selected one, drawn live. */
  active: FabricObject | undefined;
}

/** A layer being drawn, a slice of marks per frame. */
interface Build extends Layer {
  /** The marks to draw, in stacking order, as they were when it was begun. */
  marks: FabricObject[];
  /** How many of them are drawn. */
  drawn: number;
  /** Milliseconds per mark in the last slice (drawing and rasterising), to size the next one. */
  cost: number;
  /** Where marks changed since it was begun: drawn again once it is shown. */
  dirty: Box[];
}

/**
 * The review canvas. Two things set it apart from Fabric's own:
 *
 * - The view may be turned or mirrored (a face's stored transform is part of
 *   the view transform): its zoom is the scale of that transform, not its
 *   first entry, which is 0 at a quarter turn and negative when mirrored.
 * - Marks are drawn into a layer, a bitmap kept between frames. Drawing and
 *   rasterising 500 marks in software takes several frames' time; moving and
 *   scaling one bitmap takes a fraction of one. While the view pans or zooms,
 *   frames show the layer moved and scaled under the live picture. When it
 *   no longer covers the view, or the zoom drifted too far from its own, or
 *   the marks were restyled (the view rests at a new zoom), a new layer is
 *   drawn in slices over the next frames, each within BUILD_BUDGET_MS, and
 *   shown once whole: no frame waits for 500 marks. A mark that changes is
 *   drawn again at once, in its own area of the layer. The picture, the
 *   selected mark and the draft are drawn live on every frame, so what the
 *   mentor moves or draws follows the pointer.
 */
export class ReviewCanvas extends Canvas {
  /** The picture's size in scene units (original image pixels): marks are drawn inside it. */
  face = { width: 1, height: 1 };
  /** The picture: drawn under the layer on every frame. */
  backdrop: FabricObject | null = null;
  /** Objects drawn on every frame above the layer (the draft of a mark being drawn). */
  readonly live = new Set<FabricObject>();
  /** The layer on screen. */
  private shown: Layer | null = null;
  /** Whether `shown` has every mark as it is now (but for `dirty`); false once they were restyled or many changed. */
  private current = false;
  /** How many times changes were too many to draw in place (left out of `shown`, for a new layer to show). */
  private lossCount = 0;
  /** How many layers were shown, and how many must have been for the changes left out last to show. */
  private layersShown = 0;
  private lossesShownBy = 0;
  /**
   * Changes come in tasks (an edit stored and read back, a layout answered).
   * Whether this task's changes came too many to draw in place (the rest of
   * them are left for the new layer too), and how many changed areas were
   * recorded before it began (those are still drawn in place).
   */
  private flooded = false;
  private inTask = false;
  private taskStart = 0;
  /** Where marks are drawn (scene boxes), found once per zoom: a repaint asks for every mark's. */
  private boxes = new WeakMap<FabricObject, Box>();
  private boxesZoom = Number.NaN;
  /** When the view last moved, and last zoomed and which way (1 in, -1 out). */
  private movedAt = -Infinity;
  private zoomedAt = -Infinity;
  private zoomWay = 0;
  /** Where marks changed since `shown` was drawn (scene boxes): only there is it drawn again. */
  private dirty: Box[] = [];
  private build: Build | null = null;
  /** A layer's bitmap no longer shown, drawn into next (two of them take turns). */
  private spare: HTMLCanvasElement | null = null;
  /** The animation frame that draws the next slice of `build`. */
  private slicing = 0;
  /** One pixel read from a layer after each slice, so that the slice is rasterised in its own frame. */
  private sink: CanvasRenderingContext2D | null = null;

  override getZoom(): number {
    const [a, b] = this.viewportTransform;
    return Math.hypot(a, b);
  }

  /** A new view is a new frame (Fabric draws on adding objects only when asked to, and this canvas is not). */
  override setViewportTransform(vpt: TMat2D): void {
    const before = this.getZoom();
    super.setViewportTransform(vpt);
    this.movedAt = performance.now();
    const after = this.getZoom();
    if (Math.abs(Math.log(after / before)) > 1e-6) {
      this.zoomedAt = this.movedAt;
      this.zoomWay = after > before ? 1 : -1;
    }
    this.requestRenderAll();
  }

  /**
   * Every mark looks different (sized for a new zoom) or the view rests where
   * the layer was not drawn for it: a new layer is drawn for the present
   * view, the shown one standing in meanwhile.
   */
  marksChanged(): void {
    this.current = false;
    this.boxes = new WeakMap();
    this.dropBuild();
  }

  /**
   * The view rests: unless the shown layer was drawn for it exactly, or one
   * being drawn is, a layer is drawn for it (marks crisp at this zoom).
   */
  drawForView(): void {
    if (this.layerIsExact()) return;
    const build = this.build;
    if (build?.view && sameView(build.view, this.viewportTransform)) return;
    this.current = false;
    this.dropBuild();
    this.requestRenderAll();
  }

  /**
   * One object changed: where it is drawn now is drawn again in the layer at
   * the next frame. Called before a change (where it was) and after it (where
   * it is); adding and removing objects call it by themselves.
   */
  changedAt(object: FabricObject): void {
    // No layer yet, none under way: the first one will draw it as it is.
    if (this.live.has(object) || object === this.backdrop || (!this.shown && !this.build)) return;
    const box = boxOf(object);
    this.boxes.set(object, box);
    const build = this.build;
    if (build) {
      if (build.dirty.length >= MAX_DIRTY) this.dropBuild();
      else build.dirty.push(box);
    }
    if (!this.shown) return;
    if (!this.inTask) {
      this.inTask = true;
      this.taskStart = this.dirty.length;
      queueMicrotask(() => {
        this.inTask = false;
        this.flooded = false;
      });
    }
    if (this.flooded) return;
    if (this.dirty.length < MAX_DIRTY) return void this.dirty.push(box);
    // So many changes in one task are cheaper drawn as a new layer, the rest of them too; the shown layer stands in
    // meanwhile, with the changes of earlier tasks drawn into it.
    this.current = false;
    this.flooded = true;
    this.lossCount++;
    this.lossesShownBy = this.layersShown + 1;
    this.dirty.length = this.taskStart;
  }

  /** How many times changes were too many to draw in place: a caller compares it before and after its changes. */
  get losses(): number {
    return this.lossCount;
  }

  /** Whether the layer on screen was drawn for the present view, exactly (not moved or scaled since), with every mark as it is now. */
  layerIsExact(): boolean {
    const view = this.shown?.view;
    return this.current && this.build === null && !!view && sameView(view, this.viewportTransform);
  }

  /**
   * Whether changes are on screen, once a frame is drawn: drawn into the
   * shown layer where they happened, or, when they were too many for that
   * (`lost`: `losses` went up while they were made), in a new layer shown
   * since (the marks around may still be styled for an earlier zoom).
   */
  changesShown(lost: boolean): boolean {
    if (!this.shown || this.dirty.length) return false;
    return !lost || this.layersShown >= this.lossesShownBy;
  }

  /**
   * Nothing is drawn before there is something to show: a first frame of an
   * empty canvas would clear (and so make) its bitmap on the way to the
   * preview, which the mentor is waiting for.
   */
  override renderAll(): void {
    if (!this.backdrop && this.getObjects().length === 0) return this.cancelRequestedRender();
    super.renderAll();
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
      this.drawMarks(ctx, view, marks, active);
    }
    super._renderObjects(ctx, live);
    ctx.restore();
  }

  /** The marks for this frame: the shown layer brought up to date where marks changed, a slice of a new one, the best of them drawn. */
  private drawMarks(ctx: CanvasRenderingContext2D, view: DOMMatrix, marks: FabricObject[], active: FabricObject | undefined): void {
    // No layer (two bitmaps of four screens each, ~20 ms to make) until there are marks: a face without marks never needs one.
    if (!this.shown && marks.length === 0) {
      this.dropBuild();
      return;
    }
    const shown = this.shown;
    if (shown && this.current && this.suits(shown, view, LAYER_SCALE_SLACK)) this.dropBuild();
    else {
      if (this.build && !this.suits(this.build, view, BUILD_SCALE_SLACK)) this.dropBuild();
      // Marks restyled, or none shown yet: drawn for this view exactly. The view moved on: drawn for where a zoom
      // under way is heading.
      const zooming = shown && this.current && performance.now() - this.zoomedAt < MOVING_MS;
      this.build ??= this.beginLayer(view, marks, active, zooming ? ZOOM_AHEAD ** this.zoomWay : 1);
      if (this.build.drawn >= this.build.marks.length) this.showBuild(this.build);
      else this.drawSlicesSoon();
    }
    if (this.shown && active !== this.shown.active) {
      // The mark no longer selected goes back into the layer; the one now selected leaves it (it is drawn live).
      for (const object of [this.shown.active, active]) if (object && object.canvas === this) this.dirty.push(boxOf(object));
      this.shown.active = active;
    }
    if (this.shown && this.dirty.length) this.repaint(this.shown, this.dirty, marks);
    this.dirty = [];
    // The shown layer, or before there is one the first being drawn, as far as it got.
    const best = this.shown ?? this.build;
    if (best) {
      ctx.save();
      ctx.setTransform(view.multiply(best.matrix.inverse()));
      ctx.drawImage(best.canvas, 0, 0);
      ctx.restore();
    }
  }

  /**
   * Draws the next slice of the layer under way in the coming frame, on its
   * own: the screen is drawn again only to show it once whole (or, before any
   * layer is shown, as far as it got), not on every frame it takes.
   */
  private drawSlicesSoon(): void {
    if (this.slicing) return;
    this.slicing = requestAnimationFrame(() => {
      this.slicing = 0;
      const build = this.build;
      if (!build || this.destroyed) return;
      this.drawSlices(build);
      if (build.drawn >= build.marks.length || !this.shown) this.requestRenderAll();
      else this.drawSlicesSoon();
    });
  }

  /**
   * Whether `layer` can show the marks under `view` (device pixels per scene
   * unit) well enough: the zoom within `slack` of the layer's, either way,
   * and the whole view inside the layer.
   */
  private suits(layer: Layer, view: DOMMatrix, slack: number): boolean {
    // From the screen into the layer's pixels.
    const toLayer = layer.matrix.multiply(view.inverse());
    const scale = scaleOf(toLayer);
    if (!(scale >= 1 / slack && scale <= slack)) return false;
    const { width, height } = this.lowerCanvasEl;
    const shown = boxThrough(toLayer, { left: 0, top: 0, right: width, bottom: height });
    return shown.left >= -0.5 && shown.top >= -0.5 && shown.right <= layer.canvas.width + 0.5 && shown.bottom <= layer.canvas.height + 0.5;
  }

  /**
   * A new, empty layer for `view`, with a margin round the screen, to draw
   * `marks` into; `ahead` times finer than the view (round the screen's
   * centre) when drawn for where a zoom is heading.
   */
  private beginLayer(view: DOMMatrix, marks: FabricObject[], active: FabricObject | undefined, ahead: number): Build {
    const screen = this.lowerCanvasEl;
    const marginX = Math.ceil(screen.width * LAYER_MARGIN);
    const marginY = Math.ceil(screen.height * LAYER_MARGIN);
    const canvas = this.spare ?? document.createElement('canvas');
    this.spare = null;
    const width = screen.width + 2 * marginX;
    const height = screen.height + 2 * marginY;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const context = layerContext(canvas);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    const centre = { x: screen.width / 2, y: screen.height / 2 };
    const matrix = new DOMMatrix([1, 0, 0, 1, marginX, marginY])
      .translate(centre.x, centre.y)
      .scale(ahead)
      .translate(-centre.x, -centre.y)
      .multiply(view);
    return { canvas, matrix, view: ahead === 1 ? [...this.viewportTransform] : null, active, marks, drawn: 0, cost: 0, dirty: [] };
  }

  /**
   * Draws the next marks of `build` within this frame's budget, a slice at a
   * time, each rasterised before the next (the canvas records drawing and
   * rasterises when its pixels are read, which would otherwise fall in the
   * frame that shows it).
   */
  private drawSlices(build: Build): void {
    const context = layerContext(build.canvas);
    const start = performance.now();
    const budget = start - this.movedAt < MOVING_MS ? BUILD_BUDGET_MS.moving : !this.shown ? BUILD_BUDGET_MS.first : BUILD_BUDGET_MS.resting;
    // Fabric skips marks off the screen; here the screen is the layer, margins included.
    const onScreen = this.vptCoords;
    this.vptCoords = this.sceneBounds(build.matrix, build.canvas.width, build.canvas.height);
    try {
      context.setTransform(build.matrix);
      while (build.drawn < build.marks.length) {
        const left = budget - (performance.now() - start);
        if (left <= 0) break;
        const count = build.cost > 0 ? Math.max(1, Math.floor(left / build.cost)) : FIRST_SLICE;
        const slice = build.marks.slice(build.drawn, build.drawn + count).filter((mark) => mark.canvas === this);
        const sliceStart = performance.now();
        super._renderObjects(context, slice);
        this.rasterise(build.canvas);
        build.drawn += count;
        build.cost = (performance.now() - sliceStart) / Math.max(1, slice.length);
      }
    } finally {
      this.vptCoords = onScreen;
    }
  }

  /** Reads one pixel of `canvas` (into a one-pixel sink), which makes the canvas rasterise what it recorded. */
  private rasterise(canvas: HTMLCanvasElement): void {
    if (!this.sink) {
      const sink = document.createElement('canvas');
      sink.width = 1;
      sink.height = 1;
      this.sink = sink.getContext('2d', { willReadFrequently: true });
    }
    this.sink?.drawImage(canvas, 0, 0, 1, 1, 0, 0, 1, 1);
    // Read back, so that the sink lets go of the layer's pixels at once (else the next slice drawn into the layer copies them first).
    this.sink?.getImageData(0, 0, 1, 1);
  }

  /** Gives up the layer being drawn (it no longer suits); its bitmap is drawn into next. */
  private dropBuild(): void {
    if (this.build) this.spare ??= this.build.canvas;
    this.build = null;
  }

  /** A whole new layer takes the place of the shown one; the changes made while it was drawn are drawn into it. */
  private showBuild(build: Build): void {
    if (this.shown) this.spare = this.shown.canvas;
    this.shown = { canvas: build.canvas, matrix: build.matrix, view: build.view, active: build.active };
    this.dirty = build.dirty;
    this.current = true;
    this.layersShown++;
    this.build = null;
  }

  /**
   * Draws `layer` again where marks changed (`areas`, scene boxes): each
   * area cleared and every mark reaching into them drawn again, clipped to
   * them. Editing one mark of 500 then costs the marks round it, not all 500.
   */
  private repaint(layer: Layer, boxes: Box[], marks: FabricObject[]): void {
    const { canvas, matrix } = layer;
    const context = layerContext(canvas);
    const pad = DIRTY_PAD * (this.getRetinaScaling() || 1);
    // Each changed area in the layer's pixels, whole pixels, padded, inside the layer.
    const areas = boxes
      .map((box) => {
        const shown = boxThrough(matrix, box);
        const left = Math.max(0, Math.floor(shown.left - pad));
        const top = Math.max(0, Math.floor(shown.top - pad));
        const right = Math.min(canvas.width, Math.ceil(shown.right + pad));
        const bottom = Math.min(canvas.height, Math.ceil(shown.bottom + pad));
        return { left, top, width: right - left, height: bottom - top };
      })
      .filter((area) => area.width > 0 && area.height > 0);
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
    // Only the marks that reach into a changed area: many small areas far apart do not draw every mark between them.
    const toScene = matrix.inverse();
    const sceneAreas = areas.map((area) => boxThrough(toScene, { left: area.left, top: area.top, right: area.left + area.width, bottom: area.top + area.height }));
    const touched = marks.filter((mark) => {
      const box = this.boxOfMark(mark);
      return sceneAreas.some((area) => box.left <= area.right && box.right >= area.left && box.top <= area.bottom && box.bottom >= area.top);
    });
    try {
      super._renderObjects(context, touched);
    } finally {
      this.vptCoords = onScreen;
      context.restore();
    }
  }

  /** Where `mark` is drawn, as last found at this zoom (a mark's chrome and badge keep their size on screen). */
  private boxOfMark(mark: FabricObject): Box {
    const zoom = this.getZoom();
    if (zoom !== this.boxesZoom) {
      this.boxes = new WeakMap();
      this.boxesZoom = zoom;
    }
    let box = this.boxes.get(mark);
    if (!box) {
      box = boxOf(mark);
      this.boxes.set(mark, box);
    }
    return box;
  }

  /** The scene rectangle a `width` × `height` pixel area shows under `matrix` (for Fabric's off-screen test). */
  private sceneBounds(matrix: DOMMatrix, width: number, height: number): ReviewCanvas['vptCoords'] {
    const scene = boxThrough(matrix.inverse(), { left: 0, top: 0, right: width, bottom: height });
    const min = new Point(scene.left, scene.top);
    const max = new Point(scene.right, scene.bottom);
    return { tl: min, tr: new Point(max.x, min.y), bl: new Point(min.x, max.y), br: max };
  }

  override destroy(): void {
    cancelAnimationFrame(this.slicing);
    // Gives the bitmaps back now, not when the elements are collected.
    for (const canvas of [this.shown?.canvas, this.build?.canvas, this.spare]) {
      if (!canvas) continue;
      canvas.width = 0;
      canvas.height = 0;
    }
    this.shown = null;
    this.build = null;
    this.spare = null;
    super.destroy();
  }
}

/** How much `matrix` scales areas, as a length ratio (turns and mirrors aside). */
function scaleOf(matrix: DOMMatrix): number {
  return Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c));
}

function sameView(a: TMat2D, b: TMat2D): boolean {
  return a.every((value, i) => value === b[i]);
}

function layerContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context for the marks layer');
  return context;
}

/** Where an object is drawn, in scene units: a mark's chrome by its lines, anything else by its corners. */
function boxOf(object: FabricObject): Box {
  if (object instanceof LiveChrome) return object.bounds();
  // From the object as it is now: its kept corners (and hit-testing controls) are brought up to date only at rest.
  const { tl, tr, br, bl } = object.calcACoords();
  const xs = [tl.x, tr.x, br.x, bl.x];
  const ys = [tl.y, tr.y, br.y, bl.y];
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
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
