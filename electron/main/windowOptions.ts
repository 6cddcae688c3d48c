import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from '#shared/contract/channels.ts';
import { DEFAULT_SIZE } from './windowState.ts';

/** The only window options the studio uses: sandboxed, isolated, no Node. */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds | null): BrowserWindowConstructorOptions {
  return {
    ...(bounds
      ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }
      : { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kemas Studio',
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // No auxclick event: a middle click on a link cannot try to open a window (panning uses pointer events).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
