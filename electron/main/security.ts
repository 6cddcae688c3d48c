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
 * The one permission the studio asks for: persistent storage, so the browser never evicts the
 * only copy of a mentor's work under disk pressure. Granted to the studio's own origin only.
 * (Electron has treated every origin as persistent so far, but the studio asks all the same, and
 * these handlers must not be the reason it is refused.)
 */
export const ALLOWED_PERMISSION = 'persistent-storage';

const allowed = (permission: string, url: string | undefined): boolean =>
  permission === ALLOWED_PERMISSION && url !== undefined && isAppUrl(url);

/**
 * No camera, microphone, notifications, geolocation or anything else a page
 * may ask for, except persistent storage for the studio itself; and nothing
 * from the file scheme (not even a link or an image).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
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
