import { useCallback, useEffect, useState } from 'react';

/** Narrowest side panel that still shows an annotation's editor. */
export const MIN_SIDE_WIDTH = 240;

/** The widest the side panel may grow in a window `windowWidth` wide: the canvas keeps most of it. */
export function maxSideWidth(windowWidth: number): number {
  return Math.max(MIN_SIDE_WIDTH, Math.min(640, Math.round(windowWidth * 0.45)));
}

/**
 * The side panel's width before the mentor chooses one: a fifth of the
 * window, between 260 and 420 px, which leaves the canvas 70 % of the window
 * at 1366×768 and at 1920×1080.
 */
export function defaultSideWidth(windowWidth: number): number {
  return Math.min(420, Math.max(260, Math.round(windowWidth * 0.2)));
}

/** A width the mentor asked for, kept inside what this window allows. */
export function clampSideWidth(width: number, windowWidth: number): number {
  return Math.round(Math.min(maxSideWidth(windowWidth), Math.max(MIN_SIDE_WIDTH, width)));
}

const STORAGE_KEY = 'kemas.workspace.side';

interface Stored {
  width: number | null;
  collapsed: boolean;
}

function load(): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Stored> | null;
    return {
      width: typeof raw?.width === 'number' && Number.isFinite(raw.width) ? raw.width : null,
      collapsed: raw?.collapsed === true,
    };
  } catch {
    return { width: null, collapsed: false };
  }
}

function save(value: Stored): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // A full or disabled storage only loses the preference.
  }
}

export interface SidePanel {
  width: number;
  collapsed: boolean;
  setWidth(width: number): void;
  toggle(): void;
}

/** The side panel's width and whether it is collapsed: one preference for review and compare, kept across restarts. */
export function useSidePanel(): SidePanel {
  const [stored, setStored] = useState(load);
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const update = useCallback((change: Partial<Stored>) => {
    setStored((current) => {
      const next = { ...current, ...change };
      save(next);
      return next;
    });
  }, []);
  const toggle = useCallback(() => {
    setStored((current) => {
      const next = { ...current, collapsed: !current.collapsed };
      save(next);
      return next;
    });
  }, []);
  const width = clampSideWidth(stored.width ?? defaultSideWidth(windowWidth), windowWidth);
  return {
    width,
    collapsed: stored.collapsed,
    setWidth: (w) => update({ width: clampSideWidth(w, windowWidth) }),
    toggle,
  };
}
