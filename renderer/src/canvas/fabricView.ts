import { FabricImage, type FabricObject, Group, Point, type TPointerEventInfo } from 'fabric';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { AnnotationShape, PointerInput, ToolName } from '#shared/annotations/tools.ts';
import { canvasBadgeUnit, canvasChromeUnit, CHROME, type Size } from '#shared/annotations/appearance.ts';
import { layoutBadges, type BadgeInput, type BadgePlace } from '#shared/annotations/badgeLayout.ts';
import { IDENTITY_TRANSFORM, multiply, shownSize, transformMatrix, type FaceTransform } from '#shared/domain/faceTransform.ts';
import { hasChrome, LiveChrome, markBadge, markBody, markChrome, styleMark } from './annotationMarks.ts';
import { loadPicture, releasePicture } from './loadImage.ts';
import type { BadgeLayoutAnswer, BadgeLayoutRequest } from './badgeLayoutWorker.ts';
import { ReviewCanvas } from './reviewCanvas.ts';
import { OTHER_MENTOR_COLOUR, SEVERITY_COLOURS } from './severityColours.ts';

/** Zoom is screen pixels per ORIGINAL image pixel: 1 is 100 %. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 16;
/** How long the view rests before its marks are drawn exactly (and their hit-testing corners brought up to date). */
const REST_AFTER_MS = 120;
/** Past this many marks to size at once, all are sized and the marks layer drawn anew. */
const RESTYLE_ALL_OVER = 50;
/** Main-thread time per task for making a face's marks ahead of its first build (frames and input run between). */
const PREBUILD_SLICE_MS = 8;

export interface ViewImage {
  url: string;
  /** The picture's bytes, where the caller has them: decoded off the main thread and kept decoded (loadPicture). */
  blob?: Blob;
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
  /** A double-click on a mark (a note is then typed on the canvas, as Enter does from the keyboard). */
  open(id: string): void;
  /** 'user' when the mentor zoomed (wheel, keys, buttons); 'fit' and 'restore' when the view did. */
  zoom(zoom: number, reason: 'user' | 'fit' | 'restore'): void;
}

interface Entry {
  id: string;
  body: FabricObject;
  badge: Group;
  /** Arrowhead, ticks, leader line: sized in screen pixels, drawn for the zoom of each frame. */
  chrome: LiveChrome | null;
  place: BadgePlace;
  shape: AnnotationShape;
  colour: string;
  start: { left: number; top: number };
  /** What the entry was built from (`drawnVersion`): the same version is drawn the same way. */
  version: string;
  editable: boolean;
}

/**
 * A cheap version of how a mark is drawn. The live query hands out new objects
 * for every record whenever any record changes, so identity says nothing; but
 * every stored edit of a record gives it a later `updatedAt` and one more edit
 * in `revisions` (renderer/src/data/editHistory.ts), so the two together
 * change exactly when the record does. Number and severity (the colour) are
 * read as they are; `editable` and `mine` come from the screen.
 */
export function drawnVersion(item: DrawnAnnotation): string {
  const a = item.annotation;
  let edits = 0;
  for (const count of Object.values(a.revisions)) edits += count;
  return `${a.updatedAt}:${edits}:${a.number}:${a.severity}:${item.editable ? 'e' : ''}${item.mine ? 'm' : ''}`;
}

/**
 * Fabric draws any canvas image source; its types name only elements. A
 * bitmap has the width and height it reads, and drawImage takes it.
 */
function asImageSource(picture: ImageBitmap | HTMLImageElement): HTMLImageElement {
  return picture as HTMLImageElement;
}

/** The pixel size of a picture as drawn (an <img> by its natural size). */
function pictureSize(picture: { width: number; height: number; naturalWidth?: number; naturalHeight?: number }): { width: number; height: number } {
  return { width: picture.naturalWidth || picture.width, height: picture.naturalHeight || picture.height };
}

/** What a first badge layout was asked for: the marks, each at its version. */
function layoutKey(list: readonly DrawnAnnotation[]): string {
  return list.map((item) => `${item.annotation.id}@${drawnVersion(item)}`).join('|');
}

function badgeInput(item: DrawnAnnotation): BadgeInput {
  return { key: item.annotation.id, shape: item.annotation.shape, label: String(item.annotation.number) };
}

function samePlace(a: BadgePlace, b: BadgePlace): boolean {
  return (
    a.centre.x === b.centre.x &&
    a.centre.y === b.centre.y &&
    a.anchor.x === b.anchor.x &&
    a.anchor.y === b.anchor.y &&
    a.radius === b.radius &&
    a.halfWidth === b.halfWidth &&
    a.moved === b.moved
  );
}

/**
 * The one place that knows Fabric. It draws an image and annotation records;
 * it never owns them: edits come back as events and the caller changes the
 * model, which is then drawn again.
 */
export class FabricView {
  private readonly canvas: ReviewCanvas;
  private image: FabricImage | null = null;
  private imageSize = { width: 1, height: 1 };
  /** The face's stored turn and mirror: scene units stay original image pixels, the view shows them turned. */
  private faceTransform: FaceTransform = IDENTITY_TRANSFORM;
  private entries = new Map<string, Entry>();
  private draft: FabricObject | null = null;
  private tool: ToolName = 'select';
  private panning: { x: number; y: number } | null = null;
  private spaceDown = false;
  private drawn: DrawnAnnotation[] = [];
  private selectedId: string | null = null;
  private readonly events: CanvasViewEvents;
  private styleDirty = false;
  /** Marks to be sized for the present zoom before the next frame (made, or selected or no longer). */
  private styleDue = new Set<string>();
  /** The marks wait for the picture: placed on a 1 × 1 face they would all be clipped, and drawn at a great cost. */
  private marksWaiting = true;
  private disposed = false;
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  /** The zoom the marks' strokes and badges are sized for, and the one their hit-testing corners were set at. */
  private styledZoom = Number.NaN;
  private coordsZoom = Number.NaN;
  /** False when every mark must be built afresh (none built yet, or the picture's size or turn changed). */
  private built = false;
  /** True while the view itself changes what is selected: the model already knows, so nothing is reported. */
  private syncing = false;
  /** How many changes of the marks have been drawn (`data-marks-drawn`, for tools and the bench): `marksChanged` until a frame shows every mark. */
  private marksDrawn = 0;
  private marksChanged = false;
  /** Whether changes not yet counted as drawn were too many to draw in place (see ReviewCanvas.changesShown). */
  private changesLost = false;
  /** The latest layout of every badge asked for (placeAllBadges); older answers are dropped. */
  private layoutRequest = 0;
  private layoutWorker: Worker | null = null;
  /** The first build's badge places, by mark, once the layout worker answered. */
  private firstPlaces: Map<string, BadgePlace> | null = null;
  private firstFace: Size | null = null;
  /** The marks (ids and versions) the first layout was asked for. */
  private firstAsked: string | null = null;
  /**
   * A face's marks made ahead of its first build, a slice per task: making
   * 500 marks' objects at once held the page for ~120 ms just after the
   * picture was shown, as the mentor starts to pan. The build takes them.
   */
  private prebuilt = new Map<string, Entry>();
  /** Counts prebuild runs: a run started before is dropped. */
  private prebuilding = 0;

  constructor(element: HTMLCanvasElement, events: CanvasViewEvents) {
    this.events = events;
    this.canvas = new ReviewCanvas(element, {
      selection: false,
      preserveObjectStacking: true,
      stopContextMenu: true,
      fireMiddleClick: true,
      enableRetinaScaling: true,
      // Hundreds of annotations are added at once: render once afterwards, not per object.
      renderOnAddRemove: false,
    });
    this.canvas.on('before:render', () => this.applyStyle());
    // What is on screen, for people's tools and tests: the view transform (image pixels → canvas pixels) and how many marks are drawn.
    this.canvas.on('after:render', () => {
      element.dataset.viewport = this.canvas.viewportTransform.join(' ');
      element.dataset.marks = String(this.entries.size);
      // Whether the marks on screen are drawn exactly for this view, or the layer moved and scaled mid-gesture (for tests and tools).
      element.dataset.marksExact = String(this.canvas.layerIsExact() && !this.styleDirty && this.styledZoom === this.getZoom());
      // Counted once every mark is in the layer on screen (a new layer is drawn over several frames).
      if (this.marksChanged && this.canvas.changesShown(this.changesLost)) {
        this.marksChanged = false;
        element.dataset.marksDrawn = String(++this.marksDrawn);
      }
    });
    this.canvas.on('mouse:down', (e) => this.onDown(e));
    this.canvas.on('mouse:move', (e) => this.onMove(e));
    this.canvas.on('mouse:up', (e) => this.onUp(e));
    this.canvas.on('mouse:wheel', (e) => {
      const event = e.e as WheelEvent;
      event.preventDefault();
      const factor = Math.pow(0.998, event.deltaY * (event.ctrlKey ? 4 : 1));
      this.zoomAround(this.getZoom() * factor, e.viewportPoint);
    });
    this.canvas.on('mouse:dblclick', (e) => {
      if (this.tool !== 'select' || !e.target) return;
      const entry = [...this.entries.values()].find((x) => x.body === e.target);
      if (entry?.editable) this.events.open(entry.id);
    });
    this.canvas.on('selection:created', (e) => this.reportSelection(e.selected));
    this.canvas.on('selection:updated', (e) => this.reportSelection(e.selected));
    this.canvas.on('selection:cleared', () => {
      if (!this.syncing) this.events.select(null);
    });
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
    if (this.syncing) return;
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
      this.viewMoved();
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
    const element = asImageSource(await loadPicture(view.url, view.blob));
    const image = new FabricImage(element, {
      left: 0,
      top: 0,
      scaleX: original.width / view.width,
      scaleY: original.height / view.height,
      selectable: false,
      evented: false,
      objectCaching: false,
    });
    if (this.image) {
      this.canvas.remove(this.image);
      releasePicture(this.image.getElement());
    }
    this.image = image;
    this.canvas.backdrop = image;
    const resized = this.imageSize.width !== original.width || this.imageSize.height !== original.height;
    this.imageSize = original;
    this.canvas.face = original;
    this.canvas.insertAt(0, image);
    if (this.marksWaiting) this.buildMarksAfterPreview();
    // Badge places and clipping depend on the picture's size.
    else if (resized && this.drawn.length) {
      this.built = false;
      this.dropPrebuilt();
      this.setAnnotations(this.drawn, this.selectedId);
    }
    this.canvas.requestRenderAll();
  }

  /**
   * The first picture is drawn on its own, and the marks right after it: with
   * hundreds of marks, building them would otherwise hold the preview back
   * (open → preview is what a mentor waits for). Once that frame is done
   * (a message posted from its animation frame runs after it), they are built.
   */
  private buildMarksAfterPreview(): void {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (this.disposed || !this.marksWaiting) return;
        this.marksWaiting = false;
        this.setAnnotations(this.drawn, this.selectedId);
      };
      channel.port2.postMessage(null);
    });
  }

  /** Swaps in a sharper bitmap in place: same scene size, so nothing moves. */
  async swapImage(view: ViewImage): Promise<void> {
    if (!this.image) return;
    const element = asImageSource(await loadPicture(view.url, view.blob));
    if (this.disposed || !this.image) return releasePicture(element);
    const before = this.image.getElement();
    this.image.setElement(element);
    releasePicture(before);
    this.image.set({ scaleX: this.imageSize.width / view.width, scaleY: this.imageSize.height / view.height });
    this.canvas.requestRenderAll();
  }

  getZoom(): number {
    return this.canvas.getZoom();
  }

  /**
   * Shows the face turned or mirrored (its stored transform). Marks are drawn
   * in original pixels under the same view transform, so they turn with the
   * artwork; their number badges and text notes are turned back to read
   * upright, as the PNG and the PDF draw them.
   */
  setFaceTransform(transform: FaceTransform): void {
    // The same turn again (every face is given its own when shown): nothing to build again.
    if (transform.quarterTurns === this.faceTransform.quarterTurns && transform.flipX === this.faceTransform.flipX) return;
    this.faceTransform = transform;
    // Every badge and note is turned back to read upright: all are built again, and a layout asked for before is not used.
    this.built = false;
    this.layoutRequest++;
    this.dropPrebuilt();
    this.firstPlaces = null;
    this.firstAsked = null;
    if (this.drawn.length) this.setAnnotations(this.drawn, this.selectedId);
  }

  /** The face's stored turn and mirror the view shows it with. */
  getFaceTransform(): FaceTransform {
    return this.faceTransform;
  }

  /** Sets zoom and pan of the face as shown: screen = zoom · (face transform · scene) + (x, y). */
  private setView(zoom: number, x: number, y: number): void {
    const turn = transformMatrix(this.faceTransform, this.imageSize);
    this.canvas.setViewportTransform([...multiply([zoom, 0, 0, zoom, x, y], turn)]);
  }

  /** Zoom keeping `around` (a point on screen) still; the centre of the view by default. */
  zoomAround(zoom: number, around?: { x: number; y: number }): void {
    const clamped = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    const point = around ?? { x: this.canvas.getWidth() / 2, y: this.canvas.getHeight() / 2 };
    // The shown point under `around` stays under it: screen = zoom · shown + pan.
    const before = this.getZoom();
    const [, , , , e, f] = this.canvas.viewportTransform;
    const turn = transformMatrix(this.faceTransform, this.imageSize);
    const panX = e - before * turn[4];
    const panY = f - before * turn[5];
    const shown = { x: (point.x - panX) / before, y: (point.y - panY) / before };
    this.setView(clamped, point.x - shown.x * clamped, point.y - shown.y * clamped);
    this.viewMoved();
    this.events.zoom(clamped, 'user');
  }

  /** The whole face in view, with a margin. */
  zoomToFit(): void {
    const width = this.canvas.getWidth();
    const height = this.canvas.getHeight();
    const shown = shownSize(this.faceTransform, this.imageSize);
    const zoom = Math.min(width / shown.width, height / shown.height) * 0.95;
    this.setView(zoom, (width - shown.width * zoom) / 2, (height - shown.height * zoom) / 2);
    this.restyle();
    this.events.zoom(zoom, 'fit');
  }

  /** Applies a zoom kept from another face, centred. */
  zoomCentred(zoom: number): void {
    const width = this.canvas.getWidth();
    const height = this.canvas.getHeight();
    const shown = shownSize(this.faceTransform, this.imageSize);
    this.setView(zoom, (width - shown.width * zoom) / 2, (height - shown.height * zoom) / 2);
    this.restyle();
    this.events.zoom(zoom, 'restore');
  }

  panBy(dx: number, dy: number): void {
    this.canvas.relativePan(new Point(dx, dy));
    this.viewMoved();
  }

  setTool(tool: ToolName): void {
    this.tool = tool;
    const selecting = tool === 'select';
    for (const entry of this.entries.values()) entry.body.set({ selectable: selecting && entry.editable, evented: selecting });
    if (!selecting) this.quietly(() => this.canvas.discardActiveObject());
    this.setSpaceDown(this.spaceDown);
    this.canvas.requestRenderAll();
  }

  /**
   * Draws the annotations as they are in the model. Only what changed is
   * built again (by id and `drawnVersion`): editing one mark of 500 replaces
   * that mark's objects and moves the badges the shared layout moved; every
   * other mark keeps its Fabric objects.
   */
  setAnnotations(list: readonly DrawnAnnotation[], selectedId: string | null): void {
    this.drawn = [...list];
    const selectedBefore = this.selectedId;
    this.selectedId = selectedId;
    if (this.marksWaiting) return;
    if (!this.built) {
      for (const entry of this.entries.values()) this.removeEntry(entry);
      this.entries.clear();
    }
    const wanted = new Set(list.map((item) => item.annotation.id));
    let changed = !this.built;
    for (const [id, entry] of this.entries) {
      if (wanted.has(id)) continue;
      this.removeEntry(entry);
      this.entries.delete(id);
      changed = true;
    }
    const versions = list.map(drawnVersion);
    if (!changed) changed = list.some((item, i) => this.entries.get(item.annotation.id)?.version !== versions[i]);
    if (changed) {
      if (!this.marksChanged) this.changesLost = false;
      const lossesBefore = this.canvas.losses;
      // Badges are placed together (shared/annotations/badgeLayout.ts), as in the PNG and the PDF: one mark
      // moving can move another's badge. Laying out 500 crowded badges takes longer than a frame, so after
      // an edit the changed marks are drawn at once with their badge where it alone would go, and the
      // whole layout follows right after that frame (placeAllBadges), moving only badges that moved.
      const full = !this.built;
      let places: (BadgePlace | undefined)[] | null = null;
      if (full) {
        // Laying out 500 crowded badges takes a few frames' time: the first build waits for the worker's answer.
        const face = this.firstFace;
        const first = face && face.width === this.imageSize.width && face.height === this.imageSize.height ? this.firstPlaces : null;
        if (!first && this.worker()) {
          const asked = layoutKey(list);
          if (this.firstAsked !== asked) {
            this.firstAsked = asked;
            this.placeAllBadges();
          }
          return;
        }
        places = first ? list.map((item) => first.get(item.annotation.id)) : this.layout(list.map(badgeInput));
      }
      this.firstPlaces = null;
      this.firstAsked = null;
      const bodies: FabricObject[] = [];
      const badges: Group[] = [];
      const badgesBefore = new Set<FabricObject>([...this.entries.values()].map((e) => e.badge));
      list.forEach((item, i) => {
        const id = item.annotation.id;
        const entry = this.entries.get(id);
        if (entry && entry.version === versions[i]) {
          const place = places?.[i];
          if (place && !samePlace(entry.place, place)) this.moveBadge(entry, place);
          return;
        }
        const place = places?.[i] ?? (this.layout([badgeInput(item)])[0] as BadgePlace);
        const fresh = (full && this.takePrebuilt(item, place, versions[i] as string)) || this.makeEntry(item, place, versions[i] as string);
        const drawnFirst = fresh.chrome ? [fresh.body, fresh.chrome] : [fresh.body];
        if (entry) {
          // In place of the old one, so the stacking order stays the marks' order.
          const objects = this.canvas.getObjects();
          this.canvas.insertAt(objects.indexOf(entry.body), ...drawnFirst);
          this.quietly(() => this.removeEntry(entry));
          this.canvas.add(fresh.badge);
        } else {
          bodies.push(...drawnFirst);
          badges.push(fresh.badge);
        }
        this.entries.set(id, fresh);
        this.styleDue.add(id);
      });
      if (bodies.length) {
        const objects = this.canvas.getObjects();
        const firstBadge = objects.findIndex((object) => badgesBefore.has(object));
        this.canvas.insertAt(firstBadge < 0 ? objects.length : firstBadge, ...bodies);
        this.canvas.add(...badges);
      }
      // Marks made ahead and not taken (changed since) are not kept.
      if (full) this.prebuilt.clear();
      this.built = true;
      this.marksChanged = true;
      this.changesLost ||= this.canvas.losses !== lossesBefore;
      // After an edit, or when marks came since the first layout was asked, the whole layout follows.
      if (!full || places?.some((place) => place === undefined)) this.placeAllBadges();
    }
    this.quietly(() => {
      const selected = selectedId ? this.entries.get(selectedId) : undefined;
      if (selected && this.tool === 'select' && selected.body.selectable) {
        if (this.canvas.getActiveObject() !== selected.body) this.canvas.setActiveObject(selected.body);
      } else this.canvas.discardActiveObject();
    });
    // The marks made now, and the one selected and the one no longer selected (drawn bolder or not), are sized for the zoom.
    if (selectedBefore !== selectedId) {
      if (selectedBefore) this.styleDue.add(selectedBefore);
      if (selectedId) this.styleDue.add(selectedId);
    }
    if (changed || this.styleDue.size) this.redraw();
  }

  /**
   * The shared badge layout over every mark, in a worker where there is one
   * (the main thread keeps drawing and taking keys), else once the frame that
   * draws the edit is done. Only the latest request's answer is used. After
   * an edit, badges that moved are moved and nothing else is built again; for
   * the first build (`first`), the marks are built with the answer's places.
   */
  private placeAllBadges(): void {
    const id = ++this.layoutRequest;
    const face = this.imageSize;
    const marks = this.drawn.map(badgeInput);
    const worker = this.worker();
    if (worker) {
      const request: BadgeLayoutRequest = { id, marks, face, transform: this.faceTransform };
      worker.postMessage(request);
      return;
    }
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (id === this.layoutRequest) this.placesArrived(this.layout(marks), face);
      };
      channel.port2.postMessage(null);
    });
  }

  /** The badge layout worker, started on first use; null where workers cannot run. */
  private worker(): Worker | null {
    if (this.layoutWorker || typeof Worker === 'undefined') return this.layoutWorker;
    const worker = new Worker(new URL('./badgeLayoutWorker.ts', import.meta.url), { type: 'module', name: 'kemas-badge-layout' });
    worker.onmessage = (event: MessageEvent<BadgeLayoutAnswer>) => {
      if (event.data.id !== this.layoutRequest) return;
      // Places for the list as drawn when it was asked (the latest request); each says whose it is.
      this.placesArrived(event.data.places ?? this.layout(this.drawn.map(badgeInput)), this.imageSize);
    };
    worker.onerror = () => {
      // A worker that cannot start (or failed): the layout is done here instead.
      worker.terminate();
      this.layoutWorker = null;
      this.placesArrived(this.layout(this.drawn.map(badgeInput)), this.imageSize);
    };
    this.layoutWorker = worker;
    return worker;
  }

  /** A layout answered: the first build waits for it; after that, the badges that moved are moved. */
  private placesArrived(places: readonly BadgePlace[], face: Size): void {
    if (this.disposed) return;
    if (!this.built) {
      const first = new Map(places.map((place) => [place.key, place]));
      this.firstFace = face;
      this.prebuild(first, () => {
        this.firstPlaces = first;
        if (!this.marksWaiting) this.setAnnotations(this.drawn, this.selectedId);
      });
      return;
    }
    if (face.width === this.imageSize.width && face.height === this.imageSize.height) this.applyPlaces(places);
  }

  /** Marks made ahead are for another face size or turn: those made are dropped, and a run under way stops. */
  private dropPrebuilt(): void {
    this.prebuilding++;
    this.prebuilt.clear();
  }

  /** Makes the drawn marks' objects for the first build at `places`, a slice per task, then calls `done`. */
  private prebuild(places: ReadonlyMap<string, BadgePlace>, done: () => void): void {
    const run = ++this.prebuilding;
    this.prebuilt.clear();
    const list = this.drawn;
    let next = 0;
    const channel = new MessageChannel();
    const slice = () => {
      if (this.disposed || run !== this.prebuilding) return channel.port1.close();
      const until = performance.now() + PREBUILD_SLICE_MS;
      for (; next < list.length && performance.now() < until; next++) {
        const item = list[next] as DrawnAnnotation;
        const place = places.get(item.annotation.id);
        if (place) this.prebuilt.set(item.annotation.id, this.makeEntry(item, place, drawnVersion(item)));
      }
      if (next < list.length) return channel.port2.postMessage(null);
      channel.port1.close();
      done();
    };
    channel.port1.onmessage = slice;
    slice();
  }

  /** A mark made ahead for this version at this place, set up for the tool now in use; null when there is none. */
  private takePrebuilt(item: DrawnAnnotation, place: BadgePlace, version: string): Entry | null {
    const entry = this.prebuilt.get(item.annotation.id);
    this.prebuilt.delete(item.annotation.id);
    if (!entry || entry.version !== version || !samePlace(entry.place, place) || entry.editable !== item.editable) return null;
    entry.body.set({ selectable: this.tool === 'select' && item.editable, evented: this.tool === 'select' });
    return entry;
  }

  /** Badge places as the PNG and the PDF plan them: on the face as it is seen (turned, mirrored). */
  private layout(marks: readonly BadgeInput[]): BadgePlace[] {
    return layoutBadges(marks, this.imageSize, undefined, this.faceTransform);
  }

  /** Moves the badges whose place changed (places for another list than the one drawn are not used). */
  private applyPlaces(places: readonly BadgePlace[]): void {
    if (this.disposed || !this.built || places.length !== this.drawn.length) return;
    let moved = false;
    this.drawn.forEach((item, i) => {
      const entry = this.entries.get(item.annotation.id);
      const place = places[i];
      if (!entry || !place || place.key !== entry.id || samePlace(entry.place, place)) return;
      this.moveBadge(entry, place);
      moved = true;
    });
    if (moved) this.redraw();
  }

  /** Moves a mark's badge to `place`; its leader line follows (and is made when the badge first moves aside). */
  private moveBadge(entry: Entry, place: BadgePlace): void {
    // Where the badge and its leader were, and where they are, is drawn again.
    this.canvas.changedAt(entry.badge);
    if (entry.chrome) this.canvas.changedAt(entry.chrome);
    entry.place = place;
    entry.badge.set({ left: place.centre.x, top: place.centre.y });
    entry.badge.setCoords();
    this.canvas.changedAt(entry.badge);
    if (entry.chrome) {
      entry.chrome.place = place;
      this.canvas.changedAt(entry.chrome);
    } else if (hasChrome(entry.shape, place)) {
      entry.chrome = this.chromeFor(entry.shape, entry.colour, place);
      this.canvas.insertAt(this.canvas.getObjects().indexOf(entry.body) + 1, entry.chrome);
    }
  }

  /** Chrome (arrowhead, ticks, leader line) drawn at the zoom of each frame, as applyStyle sizes strokes and badges. */
  private chromeFor(shape: AnnotationShape, colour: string, place: BadgePlace): LiveChrome {
    const face = this.imageSize;
    return new LiveChrome(shape, colour, face, place, (zoom) => ({
      unit: canvasChromeUnit(zoom),
      badgeRadius: CHROME.badgeRadius * canvasBadgeUnit(zoom, face),
    }));
  }

  /** Runs `change` without reporting the selection it makes or clears (it follows the model). */
  private quietly(change: () => void): void {
    this.syncing = true;
    try {
      change();
    } finally {
      this.syncing = false;
    }
  }

  setDraft(shape: AnnotationShape | null): void {
    if (this.draft) {
      this.canvas.remove(this.draft);
      this.canvas.live.delete(this.draft);
    }
    this.draft = shape ? this.draftFor(shape) : null;
    if (this.draft) {
      this.draft.set({ selectable: false, evented: false, strokeDashArray: [6 / this.getZoom(), 4 / this.getZoom()] });
      // Drawn live on every frame, over the marks layer: drawing a mark does not draw the other 500 again.
      this.canvas.live.add(this.draft);
      this.canvas.add(this.draft);
    }
    this.canvas.requestRenderAll();
  }

  /** Colour of a pixel of the shown bitmap at image point `x, y` (for the eyedropper). */
  sample(x: number, y: number): { r: number; g: number; b: number } | null {
    const element = this.image?.getElement();
    if (!element || x < 0 || y < 0 || x >= this.imageSize.width || y >= this.imageSize.height) return null;
    const size = pictureSize(element);
    const scratch = document.createElement('canvas');
    scratch.width = 1;
    scratch.height = 1;
    const context = scratch.getContext('2d');
    if (!context) return null;
    const sx = (x / this.imageSize.width) * size.width;
    const sy = (y / this.imageSize.height) * size.height;
    context.drawImage(element, sx, sy, 1, 1, 0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    return { r, g, b };
  }

  private colourOf(item: DrawnAnnotation): string {
    return item.mine ? SEVERITY_COLOURS[item.annotation.severity] : OTHER_MENTOR_COLOUR;
  }

  private draftFor(shape: AnnotationShape): FabricObject {
    const unit = canvasChromeUnit(this.getZoom());
    const body = markBody(shape, '#1a56c4', this.imageSize, unit, true, this.faceTransform);
    const chrome = markChrome(shape, '#1a56c4', unit, null, 0);
    return chrome ? new Group([body, chrome], { objectCaching: false }) : body;
  }

  private removeEntry(entry: Entry): void {
    this.canvas.remove(entry.body, entry.badge);
    if (entry.chrome) this.canvas.remove(entry.chrome);
  }

  private makeEntry(item: DrawnAnnotation, place: BadgePlace, version: string): Entry {
    const colour = this.colourOf(item);
    const body = markBody(item.annotation.shape, colour, this.imageSize, canvasChromeUnit(this.getZoom()), false, this.faceTransform);
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
      cornerSize: 10,
      borderScaleFactor: 1,
      transparentCorners: false,
    });
    body.setControlsVisibility({ mtr: false });
    const badge = markBadge(String(item.annotation.number), colour, place.centre);
    // The view turns and mirrors the face; the number is turned back so it reads upright.
    const { quarterTurns, flipX } = this.faceTransform;
    if (quarterTurns || flipX) badge.set({ flipX, angle: (flipX ? 90 : -90) * quarterTurns });
    return {
      id: item.annotation.id,
      body,
      badge,
      chrome: hasChrome(item.annotation.shape, place) ? this.chromeFor(item.annotation.shape, colour, place) : null,
      place,
      shape: item.annotation.shape,
      colour,
      start: { left: body.left ?? 0, top: body.top ?? 0 },
      version,
      editable: item.editable,
    };
  }

  /**
   * Every mark is to be sized for the present zoom and drawn: the view jumped
   * (fit, a remembered zoom) or rests at a new zoom. Done once, just before
   * the next frame is drawn, however many changes came before it.
   */
  private restyle(): void {
    this.styleDirty = true;
    this.canvas.requestRenderAll();
  }

  /** Some marks changed (made, moved, selected): those in `styleDue` are sized, and drawn again where they changed. */
  private redraw(): void {
    this.canvas.requestRenderAll();
  }

  /**
   * The view moved in a gesture (wheel, drag, arrow keys): frames show the
   * marks layer moved and scaled (reviewCanvas.ts), and the marks are sized
   * and drawn exactly once the view rests.
   */
  private viewMoved(): void {
    this.canvas.requestRenderAll();
    this.scheduleRest();
  }

  /** Keeps strokes and badges the same size on screen at any zoom (chrome sizes itself as it is drawn, LiveChrome). */
  private applyStyle(): void {
    if (!this.styleDirty && this.styleDue.size === 0) return;
    const zoom = this.getZoom();
    const unit = canvasChromeUnit(zoom);
    const badgeUnit = canvasBadgeUnit(zoom, this.imageSize);
    const style = (id: string, entry: Entry) => styleMark(entry.body, entry.badge, unit, badgeUnit, id === this.selectedId, id === this.selectedId);
    // Marks drawn at two zooms would not sit together: when the zoom moved since the last sizing, all are sized.
    // As many as a face's first build: all are sized and a new layer drawn, rather than each one's corners and area.
    if (this.styleDirty || zoom !== this.styledZoom || this.styleDue.size > RESTYLE_ALL_OVER) {
      for (const [id, entry] of this.entries) style(id, entry);
      this.styledZoom = zoom;
      this.canvas.marksChanged();
      this.scheduleRest();
    } else {
      for (const id of this.styleDue) {
        const entry = this.entries.get(id);
        if (!entry) continue;
        this.canvas.changedAt(entry.body);
        style(id, entry);
        entry.body.setCoords();
        entry.badge.setCoords();
        this.canvas.changedAt(entry.body);
        this.canvas.changedAt(entry.badge);
      }
    }
    this.styleDirty = false;
    this.styleDue.clear();
  }

  /**
   * Once the view rests: marks sized for its zoom and the layer drawn for it
   * exactly, and the marks' hit-testing corners brought up to date for their
   * new stroke widths (not on every frame of a wheel gesture over hundreds of
   * marks; Fabric keeps the selected mark's own corners current).
   */
  private scheduleRest(): void {
    if (this.restTimer !== null) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => {
      this.restTimer = null;
      if (this.disposed) return;
      const zoom = this.getZoom();
      if (this.styledZoom !== zoom) return this.restyle();
      if (this.coordsZoom !== zoom) {
        for (const entry of this.entries.values()) entry.body.setCoords();
        this.coordsZoom = zoom;
      }
      this.canvas.drawForView();
    }, REST_AFTER_MS);
  }

  /** Where image point `p` is drawn, in CSS pixels from the canvas's top-left (for things laid over the canvas). */
  toScreen(p: { x: number; y: number }): { x: number; y: number } {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = this.canvas.viewportTransform;
    return { x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f };
  }

  /** Calls `listener` after every frame drawn (the view may have zoomed or panned); returns the unsubscribe. */
  onFrame(listener: () => void): () => void {
    return this.canvas.on('after:render', listener);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.restTimer !== null) clearTimeout(this.restTimer);
    this.layoutWorker?.terminate();
    const picture = this.image?.getElement();
    await this.canvas.dispose();
    releasePicture(picture);
  }
}
