import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '#electron/main/windowOptions.ts';
import { DEFAULT_SIZE } from '#electron/main/windowState.ts';

const PRELOAD = '/opt/kemas/out/preload/preload.cjs';

describe('mainWindowOptions', () => {
  it('sandboxes the renderer, isolates the preload and gives the page no Node', () => {
    const web = mainWindowOptions(PRELOAD, null).webPreferences;
    expect(web).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // No auxclick: a middle click cannot try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('opens at the default size when nothing was saved, hidden until ready', () => {
    const options = mainWindowOptions(PRELOAD, null);
    expect(options.width).toBe(DEFAULT_SIZE.width);
    expect(options.height).toBe(DEFAULT_SIZE.height);
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
    expect(options.show).toBe(false);
  });

  it('uses the saved bounds when given', () => {
    const options = mainWindowOptions(PRELOAD, { x: 120, y: 80, width: 1024, height: 700, maximized: true });
    expect(options).toMatchObject({ x: 120, y: 80, width: 1024, height: 700 });
    expect(options.webPreferences?.sandbox).toBe(true);
  });
});
