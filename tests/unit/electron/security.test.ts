import { EventEmitter } from 'node:events';
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenContents, hardenSession, isSafeExternalUrl } from '#electron/main/security.ts';

/** Enough of WebContents for hardenContents: events and the window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => {
      emitter.on(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: HandlerDetails) => WindowOpenHandlerResponse) => {
      openHandler = handler;
    },
  };
  const openExternal = vi.fn(async (_url: string) => {});
  hardenContents(contents as unknown as WebContents, openExternal);

  /** Emits a navigation-like event and says whether it was stopped. */
  const emit = (name: string, url: string): boolean => {
    const event = { preventDefault: vi.fn(), url };
    emitter.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string): WindowOpenHandlerResponse => {
    if (!openHandler) throw new Error('no window open handler was installed');
    return openHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails);
  };
  return { emit, open, openExternal, listeners: (name: string) => emitter.listenerCount(name) };
}

describe('hardenContents', () => {
  it.each(['https://example.com', 'http://127.0.0.1:4781/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url'])(
    'stops navigation to %s',
    (url) => {
      const { emit } = fakeContents();
      expect(emit('will-navigate', url)).toBe(true);
      expect(emit('will-redirect', url)).toBe(true);
    },
  );

  it.each(['app://studio/index.html#/x', 'app://studio/index.html', 'app://studio/'])('lets the studio navigate within itself (%s)', (url) => {
    const { emit } = fakeContents();
    expect(emit('will-navigate', url)).toBe(false);
    expect(emit('will-redirect', url)).toBe(false);
  });

  it('refuses to attach any webview', () => {
    const { emit, listeners } = fakeContents();
    expect(listeners('will-attach-webview')).toBe(1);
    expect(emit('will-attach-webview', 'app://studio/index.html')).toBe(true);
  });

  it('denies every new window and sends only https links to the system browser', () => {
    const { open, openExternal } = fakeContents();
    expect(open('https://kemas.example/help')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://kemas.example/help');

    for (const url of ['http://kemas.example/help', 'file:///etc/passwd', 'javascript:alert(1)', 'app://studio/index.html', 'smb://share/x', '']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts https only', () => {
    expect(isSafeExternalUrl('https://kemas.example/help')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://kemas.example/')).toBe(true);
    expect(isSafeExternalUrl('http://kemas.example/')).toBe(false);
    expect(isSafeExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('ms-msdt:/id')).toBe(false);
    expect(isSafeExternalUrl('https:')).toBe(false);
  });
});

describe('hardenSession', () => {
  it('denies every permission request, check and device permission', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      protocol: { handle: vi.fn() },
    };
    hardenSession(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'storage-access']) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'app://studio/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://studio', {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://studio', {})).toBe(false);

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://studio' })).toBe(false);
  });
});

describe('persistent storage', () => {
  it('is the one permission granted, and only to the studio itself', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      protocol: { handle: vi.fn() },
    };
    hardenSession(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    const asked = (url: string | undefined) => {
      const callback = vi.fn();
      request({}, 'persistent-storage', callback, url === undefined ? {} : { requestingUrl: url });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(asked('app://studio/index.html')).toBe(true);
    expect(asked('https://example.com/')).toBe(false);
    expect(asked('file:///etc/passwd')).toBe(false);
    expect(asked('app://other/index.html')).toBe(false);
    expect(asked(undefined)).toBe(false);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'persistent-storage', 'app://studio', {})).toBe(true);
    expect(check({}, 'persistent-storage', 'https://example.com', {})).toBe(false);
  });
});

describe('file://', () => {
  it('is answered with 403 for any path: the session serves no local file by its path', async () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      protocol: { handle: vi.fn() },
    };
    hardenSession(session as unknown as Session);
    expect(session.protocol.handle).toHaveBeenCalledExactlyOnceWith('file', expect.any(Function));
    const handler = session.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Response;
    for (const url of ['file:///etc/passwd', 'file:///C:/Users/Sari/Documents/kemas.kemas', 'file:///opt/Kemas%20Studio/resources/app.asar/out/renderer/index.html']) {
      const response = handler(new Request(url));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('');
    }
  });

  it('appears nowhere in the main process or preload: no loadFile, no file:// URL', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..', '..', 'electron');
    for (const folder of ['main', 'preload']) {
      for (const name of await readdir(join(root, folder))) {
        const text = await readFile(join(root, folder, name), 'utf8');
        expect(text, `${folder}/${name}`).not.toMatch(/\bloadFile\s*\(|file:\/\//);
      }
    }
  });
});
