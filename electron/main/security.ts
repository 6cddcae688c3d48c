import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin.ts';

/** Links the studio itself writes (help pages) may open in the system browser; nothing else. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The answer to every request on the file scheme: the studio loads only from app://studio. */
export function refuseFileRequest(): Response {
  return new Response(null, { status: 403 });
}

/**
 * No camera, microphone, notifications, geolocation or anything else a page
 * may ask for; and nothing from the file scheme (not even a link or an image).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.protocol.handle('file', refuseFileRequest);
}

/**
 * Denies navigation away from the studio and every new window; an https link
 * the user clicks goes to the system browser instead.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}
