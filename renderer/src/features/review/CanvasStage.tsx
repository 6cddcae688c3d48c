import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Asset } from '#shared/domain/asset.ts';
import type { AnnotationShape, ToolName } from '#shared/annotations/tools.ts';
import { FabricView, type CanvasViewEvents, type DrawnAnnotation } from '../../canvas/fabricView.ts';
import { markMilestone } from '../../app/milestones.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { getAssetBlob } from '../../data/submissionsRepo.ts';
import { rememberedZoom } from './viewMemory.ts';
import styles from '../workspace/workspace.module.css';

/** Formats the browser can draw as they are; others stay at their preview. */
const DRAWABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'avif']);

interface Props {
  face: Asset;
  annotations: readonly DrawnAnnotation[];
  selectedId: string | null;
  tool: ToolName;
  draft: AnnotationShape | null;
  events: CanvasViewEvents;
  /** Hands the live view to the screen (for zoom buttons, sampling), and null when it goes. */
  onView: (view: FabricView | null) => void;
  label: string;
  /** Id of the text that tells how the canvas works from the keyboard. */
  hint?: string;
  /** Called with the face's id once its picture is shown (what the mentor waits for on opening). */
  onShown?: (faceId: string) => void;
}

/**
 * Hosts the Fabric view: a fresh <canvas> per mount (Fabric's dispose is
 * async, and StrictMode mounts twice), the preview first, the original
 * swapped in once the zoom shows more pixels than the preview has.
 */
export function CanvasStage({ face, annotations, selectedId, tool, draft, events, onView, label, hint, onShown }: Props) {
  const db = useDatabase();
  const host = useRef<HTMLDivElement>(null);
  const eventsRef = useRef(events);
  const onViewRef = useRef(onView);
  const onShownRef = useRef(onShown);
  const viewRef = useRef<FabricView | null>(null);
  useEffect(() => {
    eventsRef.current = events;
    onViewRef.current = onView;
    onShownRef.current = onShown;
  });

  // Before the screen is painted, not after: the preview's read from the database and its decode start a frame sooner.
  useLayoutEffect(() => {
    const container = host.current;
    if (!container) return;
    const element = document.createElement('canvas');
    container.append(element);
    const state = { disposed: false, fullResolution: 'none' as 'none' | 'loading' | 'shown', urls: [] as string[] };
    const maybeSwap = (zoom: number) => {
      // One screen pixel shows less than one preview pixel: time for the original.
      if (state.fullResolution !== 'none' || zoom * face.metadata.width <= face.preview.width * 1.01) return;
      if (!DRAWABLE.has(face.metadata.format)) return;
      state.fullResolution = 'loading';
      void getAssetBlob(db, face, 'original').then(async (blob) => {
        if (!blob || state.disposed) return;
        const url = URL.createObjectURL(blob);
        state.urls.push(url);
        // The original as a bitmap, decoded off the main thread: drawn as an <img>, a 24 MP photo held its first frame ~300 ms.
        await view.swapImage({ url, blob, width: face.metadata.width, height: face.metadata.height });
        state.fullResolution = 'shown';
        markMilestone('review-full-resolution');
      });
    };
    const view = new FabricView(element, {
      pointer: (input) => eventsRef.current.pointer(input),
      select: (id) => eventsRef.current.select(id),
      modified: (id, change) => eventsRef.current.modified(id, change),
      open: (id) => eventsRef.current.open(id),
      zoom: (zoom, reason) => {
        eventsRef.current.zoom(zoom, reason);
        maybeSwap(zoom);
      },
    });
    viewRef.current = view;
    onViewRef.current(view);
    const resize = () => view.resize(container.clientWidth, container.clientHeight);
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    void getAssetBlob(db, face, 'preview').then(async (blob) => {
      if (!blob || state.disposed) return;
      const url = URL.createObjectURL(blob);
      state.urls.push(url);
      // The turn first: the marks' badges are laid out for the face as seen while the picture decodes.
      view.setFaceTransform(face.transform);
      // The preview as an <img>: it resolves sooner than a bitmap, and its decode on the first draw is short.
      await view.setImage({ url, width: face.preview.width, height: face.preview.height }, face.metadata);
      if (state.disposed) return;
      const zoom = rememberedZoom();
      if (zoom === 'fit') view.zoomToFit();
      else view.zoomCentred(zoom);
      markMilestone('review-preview');
      container.dataset.faceShown = face.id;
      onShownRef.current?.(face.id);
    });
    return () => {
      state.disposed = true;
      observer.disconnect();
      viewRef.current = null;
      onViewRef.current(null);
      void view.dispose().then(() => element.remove());
      for (const url of state.urls) URL.revokeObjectURL(url);
    };
  }, [db, face]);

  useEffect(() => {
    viewRef.current?.setAnnotations(annotations, selectedId);
  }, [annotations, selectedId, face]);

  useEffect(() => {
    viewRef.current?.setTool(tool);
  }, [tool, face]);

  useEffect(() => {
    viewRef.current?.setDraft(draft);
  }, [draft]);

  // Focusable, with its own keys (the canvas scope of shared/keymap/keymap.ts): marks are made from the keyboard too.
  return <div ref={host} className={styles.canvasStage} role="application" tabIndex={0} aria-label={label} aria-describedby={hint} data-testid="canvas-stage" />;
}
