import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../services/contentSecurityPolicy.ts';
import { mimeTypeFor, resolveStaticPath } from '../services/staticFiles.ts';
import { APP_HOST, APP_SCHEME } from './appOrigin.ts';

/** Privileges the scheme needs before `ready`; IndexedDB is off on non-standard schemes. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * Answers one request on app://studio/ from the built renderer folder, with the
 * security headers. Anything outside that folder or host is a 404.
 */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || request.method !== 'GET') return new Response(null, { status: 404 });
  const filePath = resolveStaticPath(rendererDir, url.pathname);
  if (!filePath) return new Response(null, { status: 404 });
  try {
    const body = await readFile(filePath);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': mimeTypeFor(filePath), ...SECURITY_HEADERS },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
