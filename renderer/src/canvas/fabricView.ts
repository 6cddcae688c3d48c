import {
  Canvas,
  Circle,
  Ellipse,
  FabricImage,
  FabricObject,
  FabricText,
  Group,
  Path,
  Point,
  Rect,
  type TPointerEventInfo,
} from 'fabric';
import type { Annotation } from '../../../shared/domain/annotation.ts';
import type { AnnotationShape, PointerInput, ToolName } from '../../../shared/annotations/tools.ts';
import { anchorOf } from '../../../shared/annotations/geometry.ts';
import { OTHER_MENTOR_COLOUR, SEVERITY_COLOURS } from './severityColours.ts';

// Fabric 7 centres objects by default; every position here is a top-left in image pixels.
FabricObject.ownDefaults.originX = 'left';
FabricObject.ownDefaults.originY = 'top';

/** Zoom is screen pixels per ORIGINAL image pixel: 1 is 100 %. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 16;

export interface ViewImage {
  url: string;
  /** Pixel size of the bitmap at `url` (a preview may be smaller than the original). */
  width: number;
  height: number;
}

export interface DrawnAnnotation {
  annotation: Annotation;
  editable: boolean;
  mine: boolean;
}

export interface CanvasViewEvents {
  pointer(input: PointerInput): void;
  select(id: string | null): void;
  /** A move or resize finished; `shape` is the new geometry in image pixels. */
  modified(id: string, change: { dx: number; dy: number; scaleX: number; scaleY: number }): void;
  /** 'user' when the mentor zoomed (wheel, keys, buttons); 'fit' and 'restore' when the view did. */
  zoom(zoom: number, reason: 'user' | 'fit' | 'restore'): void;
}

interface Entry {
  id: string;
  body: FabricObject;
  badge: Group;
  start: { left: number; top: number };
}

/** Loads and decodes off the main thread, so a 24 MP original does not stall the frame that shows it. */
async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new Error(`Image did not load: ${url.slice(0, 40)}`);
  }
  return img;
}

function arrowPath(from: { x: number; y: number }, to: { x: number; y: number }, head: number): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const wing = (side: number) => ({
    x: to.x - head * Math.cos(angle + side * 0.45),
    y: to.y - head * Math.sin(angle + side * 0.45),
  });
  const a = wing(1);
  const b = wing(-1);
  return `M ${from.x} ${from.y} L ${to.x} ${to.y} M ${a.x} ${a.y} L ${to.x} ${to.y} L ${b.x} ${b.y}`;
}

function measurePath(from: { x: number; y: number }, to: { x: number; y: number }, tick: number): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x) + Math.PI / 2;
  const dx = tick * Math.cos(angle);
  const dy = tick * Math.sin(angle);
  return `M ${from.x} ${from.y} L ${to.x} ${to.y} M ${from.x - dx} ${from.y - dy} L ${from.x + dx} ${from.y + dy} M ${to.x - dx} ${to.y - dy} L ${to.x + dx} ${to.y + dy}`;
}

/**
 * The one place that knows Fabric. It draws an image and annotation records;
 * it never owns them: edits come back as events and the caller changes the
 * model, which is then drawn again.
 */
export class FabricView {
  private readonly canvas: Canvas;
  private image: FabricImage | null = null;
  private imageSize = { width: 1, height: 1 };
  private entries = new Map<string, Entry>();
  private draft: FabricObject | null = null;
  private tool: ToolName = 'select';
  private panning: { x: number; y: number } | null = null;
  private spaceDown = false;
  private drawn: DrawnAnnotation[] = [];
  private selectedId: string | null = null;
  private readonly events: CanvasViewEvents;
  private styleDirty = false;

  constructor(element: HTMLCanvasElement, events: CanvasViewEvents) {
    this.events = events;
    this.canvas = new Canvas(element, {
      selection: false,
      preserveObjectStacking: true,
      stopContextMenu: true,
      fireMiddleClick: true,
      enableRetinaScaling: true,
      // Hundreds of annotations are added at once: render once afterwards, not per object.
      renderOnAddRemove: false,
    });
    this.canvas.on('before:render', () => this.applyStyle());
    this.canvas.on('mouse:down', (e) => this.onDown(e));
    this.canvas.on('mouse:move', (e) => this.onMove(e));
    this.canvas.on('mouse:up', (e) => this.onUp(e));
    this.canvas.on('mouse:wheel', (e) => {
      const event = e.e as WheelEvent;
      event.preventDefault();
      const factor = Math.pow(0.998, event.deltaY * (event.ctrlKey ? 4 : 1));
      this.zoomAround(this.getZoom() * factor, e.viewportPoint);
    });
    this.canvas.on('selection:created', (e) => this.reportSelection(e.selected));
    this.canvas.on('selection:updated', (e) => this.reportSelection(e.selected));
    this.canvas.on('selection:cleared', () => this.events.select(null));
    this.canvas.on('object:modified', (e) => {
      const entry = [...this.entries.values()].find((x) => x.body === e.target);
      if (!entry) return;
      const body = entry.body;
      this.events.modified(entry.id, {
        dx: (body.left ?? 0) - entry.start.left,
        dy: (body.top ?? 0) - entry.start.top,
        scaleX: body.scaleX ?? 1,
        scaleY: body.scaleY ?? 1,
      });
    });
  }

  /** Space held: drag pans whatever the tool, as in image editors. */
  setSpaceDown(down: boolean): void {
    this.spaceDown = down;
    this.canvas.defaultCursor = down || this.tool === 'hand' ? 'grab' : this.tool === 'select' ? 'default' : 'crosshair';
  }

  private reportSelection(selected: FabricObject[] | undefined): void {
    const target = selected?.[0];
    const entry = [...this.entries.values()].find((x) => x.body === target);
    this.events.select(entry?.id ?? null);
  }

  private toInput(type: 'down' | 'move' | 'up', e: TPointerEventInfo): PointerInput {
    const p = e.scenePoint;
    return { type, point: { x: p.x, y: p.y }, shift: (e.e as MouseEvent).shiftKey };
  }

  private onDown(e: TPointerEventInfo): void {
    const mouse = e.e as MouseEvent;
    if (this.spaceDown || this.tool === 'hand' || mouse.button === 1) {
      this.panning = { x: e.viewportPoint.x, y: e.viewportPoint.y };
      return;
    }
    if (this.tool !== 'select') this.events.pointer(this.toInput('down', e));
  }

  private onMove(e: TPointerEventInfo): void {
    if (this.panning) {
      const dx = e.viewportPoint.x - this.panning.x;
      const dy = e.viewportPoint.y - this.panning.y;
      this.panning = { x: e.viewportPoint.x, y: e.viewportPoint.y };
      this.canvas.relativePan(new Point(dx, dy));
      return;
    }
    if (this.tool !== 'select') this.events.pointer(this.toInput('move', e));
  }

  private onUp(e: TPointerEventInfo): void {
    if (this.panning) {
      this.panning = null;
      return;
    }
    if (this.tool !== 'select') this.events.pointer(this.toInput('up', e));
  }

  resize(width: number, height: number): void {
    this.canvas.setDimensions({ width, height });
  }

  /** Shows a face: the bitmap is scaled so that scene units are original image pixels. */
  async setImage(view: ViewImage, original: { width: number; height: number }): Promise<void> {
    const element = await loadImage(view.url);
    const image = new FabricImage(element, {
      left: 0,
      top: 0,
      scaleX: original.width / view.width,
      scaleY: original.height / view.height,
      selectable: false,
      evented: false,
      objectCaching: false,
    });
    if (this.image) this.canvas.remove(this.image);
    this.image = image;
    this.imageSize = original;
    this.canvas.insertAt(0, image);
    this.canvas.requestRenderAll();
  }

  /** Swaps in a sharper bitmap in place: same scene size, so nothing moves. */
  async swapImage(view: ViewImage): Promise<void> {
    if (!this.image) return;
    const element = await loadImage(view.url);
    this.image.setElement(element);
    this.image.set({ scaleX: this.imageSize.width / view.width, scaleY: this.imageSize.height / view.height });
    this.canvas.requestRenderAll();
  }

  getZoom(): number {
    return this.canvas.getZoom();
  }

  /** Zoom keeping `around` (a point on screen) still; the centre of the view by default. */
  zoomAround(zoom: number, around?: { x: number; y: number }): void {
    const clamped = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    const point = around ?? { x: this.canvas.getWidth() / 2, y: this.canvas.getHeight() / 2 };
    this.canvas.zoomToPoint(new Point(point.x, point.y), clamped);
    this.restyle();
    this.events.zoom(clamped, 'user');
  }

  /** The whole face in view, with a margin. */
  zoomToFit(): void {
    const width = this.canvas.getWidth();
    const height = this.canvas.getHeight();
    const zoom = Math.min(width / this.imageSize.width, height / this.imageSize.height) * 0.95;
    const x = (width - this.imageSize.width * zoom) / 2;
    const y = (height - this.imageSize.height * zoom) / 2;
    this.canvas.setViewportTransform([zoom, 0, 0, zoom, x, y]);
    this.restyle();
    this.events.zoom(zoom, 'fit');
  }

  /** Applies a zoom kept from another face, centred. */
  zoomCentred(zoom: number): void {
    const width = this.canvas.getWidth();
    const height = this.canvas.getHeight();
    const x = (width - this.imageSize.width * zoom) / 2;
    const y = (height - this.imageSize.height * zoom) / 2;
    this.canvas.setViewportTransform([zoom, 0, 0, zoom, x, y]);
    this.restyle();
    this.events.zoom(zoom, 'restore');
  }

  panBy(dx: number, dy: number): void {
    this.canvas.relativePan(new Point(dx, dy));
  }

  setTool(tool: ToolName): void {
    this.tool = tool;
    const selecting = tool === 'select';
    for (const entry of this.entries.values()) {
      const editable = this.drawn.find((d) => d.annotation.id === entry.id)?.editable ?? false;
      entry.body.set({ selectable: selecting && editable, evented: selecting });
    }
    if (!selecting) this.canvas.discardActiveObject();
    this.setSpaceDown(this.spaceDown);
    this.canvas.requestRenderAll();
  }

  /** Draws the annotations as they are in the model. */
  setAnnotations(list: readonly DrawnAnnotation[], selectedId: string | null): void {
    this.drawn = [...list];
    this.selectedId = selectedId;
    for (const entry of this.entries.values()) this.canvas.remove(entry.body, entry.badge);
    this.entries.clear();
    for (const item of list) this.addEntry(item);
    const selected = selectedId ? this.entries.get(selectedId) : undefined;
    if (selected && this.tool === 'select' && selected.body.selectable) this.canvas.setActiveObject(selected.body);
    this.restyle();
  }

  setDraft(shape: AnnotationShape | null): void {
    if (this.draft) this.canvas.remove(this.draft);
    this.draft = shape ? this.bodyFor(shape, '#1a56c4', true) : null;
    if (this.draft) {
      this.draft.set({ selectable: false, evented: false, strokeDashArray: [6 / this.getZoom(), 4 / this.getZoom()] });
      this.canvas.add(this.draft);
    }
    this.canvas.requestRenderAll();
  }

  /** Colour of a pixel of the shown bitmap at image point `x, y` (for the eyedropper). */
  sample(x: number, y: number): { r: number; g: number; b: number } | null {
    const element = this.image?.getElement() as HTMLImageElement | undefined;
    if (!element || x < 0 || y < 0 || x >= this.imageSize.width || y >= this.imageSize.height) return null;
    const scratch = document.createElement('canvas');
    scratch.width = 1;
    scratch.height = 1;
    const context = scratch.getContext('2d');
    if (!context) return null;
    const sx = (x / this.imageSize.width) * element.naturalWidth;
    const sy = (y / this.imageSize.height) * element.naturalHeight;
    context.drawImage(element, sx, sy, 1, 1, 0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    return { r, g, b };
  }

  private colourOf(item: DrawnAnnotation): string {
    return item.mine ? SEVERITY_COLOURS[item.annotation.severity] : OTHER_MENTOR_COLOUR;
  }

  private bodyFor(shape: AnnotationShape, colour: string, draft = false): FabricObject {
    const common = { stroke: colour, fill: 'transparent', strokeWidth: 2, objectCaching: false, hasRotatingPoint: false };
    switch (shape.kind) {
      case 'rect':
        return new Rect({ ...common, left: shape.x, top: shape.y, width: shape.width, height: shape.height });
      case 'ellipse':
        return new Ellipse({ ...common, left: shape.cx - shape.rx, top: shape.cy - shape.ry, rx: shape.rx, ry: shape.ry });
      case 'arrow':
        return new Path(arrowPath(shape.from, shape.to, 18 / this.getZoom()), common);
      case 'measure':
        return new Path(measurePath(shape.from, shape.to, 8 / this.getZoom()), common);
      case 'freehand': {
        const [first, ...rest] = shape.points;
        const d = first ? `M ${first.x} ${first.y} ${rest.map((p) => `L ${p.x} ${p.y}`).join(' ')}` : 'M 0 0';
        return new Path(d, { ...common, strokeLineCap: 'round', strokeLineJoin: 'round' });
      }
      case 'text':
        return new FabricText(shape.text || '…', {
          left: shape.at.x,
          top: shape.at.y,
          fill: colour,
          fontSize: 18 / this.getZoom(),
          fontFamily: 'Noto Sans, DejaVu Sans, sans-serif',
          backgroundColor: 'rgba(255,255,255,0.85)',
          objectCaching: false,
        });
      case 'pin':
        return new Circle({
          left: shape.at.x - (draft ? 6 : 3),
          top: shape.at.y - (draft ? 6 : 3),
          radius: draft ? 6 : 3,
          fill: colour,
          stroke: '#ffffff',
          strokeWidth: 1,
          objectCaching: false,
        });
    }
  }

  private badgeFor(number: number, colour: string, at: { x: number; y: number }): Group {
    // No per-object caches: Fabric makes each at least 256 × 256 px, a thousand of them for 500 badges.
    const circle = new Circle({ left: 0, top: 0, radius: 12, fill: colour, stroke: '#ffffff', strokeWidth: 2, objectCaching: false });
    const label = new FabricText(String(number), {
      left: 12,
      top: 12,
      originX: 'center',
      originY: 'center',
      fontSize: 13,
      fontWeight: 'bold',
      fill: '#ffffff',
      fontFamily: 'Noto Sans, DejaVu Sans, sans-serif',
      objectCaching: false,
    });
    return new Group([circle, label], {
      left: at.x,
      top: at.y,
      originX: 'center',
      originY: 'center',
      selectable: false,
      evented: false,
      objectCaching: false,
    });
  }

  private addEntry(item: DrawnAnnotation): void {
    const colour = this.colourOf(item);
    const body = this.bodyFor(item.annotation.shape, colour);
    const resizable = item.annotation.shape.kind === 'rect' || item.annotation.shape.kind === 'ellipse';
    body.set({
      selectable: this.tool === 'select' && item.editable,
      evented: this.tool === 'select',
      lockRotation: true,
      lockScalingX: !resizable,
      lockScalingY: !resizable,
      lockMovementX: !item.editable,
      lockMovementY: !item.editable,
      hasControls: resizable && item.editable,
      borderColor: '#1a56c4',
      cornerColor: '#1a56c4',
      transparentCorners: false,
    });
    body.setControlsVisibility({ mtr: false });
    const badge = this.badgeFor(item.annotation.number, colour, anchorOf(item.annotation.shape));
    this.canvas.add(body, badge);
    this.entries.set(item.annotation.id, {
      id: item.annotation.id,
      body,
      badge,
      start: { left: body.left ?? 0, top: body.top ?? 0 },
    });
  }

  /**
   * Keeps strokes and badges the same size on screen at any zoom. Several wheel
   * events can arrive in one frame: the work is done once, just before the
   * frame is drawn, and only when the zoom or the annotations changed.
   */
  private restyle(): void {
    this.styleDirty = true;
    this.canvas.requestRenderAll();
  }

  private applyStyle(): void {
    if (!this.styleDirty) return;
    this.styleDirty = false;
    const zoom = this.getZoom();
    for (const [id, entry] of this.entries) {
      const selected = id === this.selectedId;
      entry.body.set({ strokeWidth: (selected ? 4 : 2.5) / zoom, cornerSize: 10, borderScaleFactor: 1 });
      // Badges take no pointer events, so their hit-testing coordinates are never needed.
      entry.badge.set({ scaleX: 1 / zoom, scaleY: 1 / zoom });
    }
  }

  async dispose(): Promise<void> {
    await this.canvas.dispose();
  }
}
