import { useSyncExternalStore } from 'react';

/**
 * The view's zoom as it changes, for what shows it: a wheel gesture changes
 * it on every frame, and only the zoom readout is drawn again for that, not
 * the whole review screen. Where a zoom is needed to act (a key, a button),
 * the view is asked.
 */
export class ZoomFeed {
  private value = 1;
  private readonly listeners = new Set<() => void>();

  readonly get = (): number => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(zoom: number): void {
    if (zoom === this.value) return;
    this.value = zoom;
    for (const listener of this.listeners) listener();
  }
}

/** The zoom in the canvas controls, as a percentage in the interface's language. */
export function ZoomLevel({ feed, label, format }: { feed: ZoomFeed; label: string; format: Intl.NumberFormat }) {
  const zoom = useSyncExternalStore(feed.subscribe, feed.get);
  return (
    <output aria-live="polite" aria-label={label} className="zoom-level">
      {format.format(zoom)}
    </output>
  );
}
