import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HandoutDownload } from '#shared/contract/handout.ts';
import { isCapabilityShaped } from './capability.ts';
import { PHONE_CSP, phonePageHtml, plainMessage, type PhoneLanguage, type PhonePack } from './phonePage.ts';
import { MISS_COST, type RateLimiter } from './rateLimit.ts';

/*
 * The hand-out server: on the one address the mentor picked, on a port of its
 * own (never the studio's), it answers exactly three kinds of path for each
 * pack it holds, all under the pack's capability:
 *
 *   GET /p/<capability>             the phone page (?lang=en for English)
 *   GET /p/<capability>/pack.pdf    the critique pack, as a download
 *   GET /p/<capability>/face/<n>.png  a face with the marks burned in
 *
 * Everything else is 404: no listing, no contract, no studio page, no other
 * pack. Every request takes a token from its client's bucket and a miss takes
 * more (rateLimit.ts); an empty bucket gets 429. Past the time limit every
 * link answers 404 even before the service closes the server.
 */

export interface ServedFace {
  label: string;
  path: string;
  size: number;
}

export interface ServedPack extends PhonePack {
  packId: string;
  capability: string;
  pdfFileName: string;
  pdfPath: string;
  faces: readonly ServedFace[];
}

export interface HandoutServerOptions {
  /** The pack at a capability, or undefined (a wrong or revoked link). */
  lookup(capability: string): ServedPack | undefined;
  /** The `Host` header phones send: `192.168.1.20:4790`; anything else is 404. */
  host: string;
  expiresAt: number;
  limiter: RateLimiter;
  onDownload(download: HandoutDownload): void;
  onLimited(): void;
  now?: () => number;
}

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PHONE_CSP,
  'X-Content-Type-Options': 'nosniff',
  // The link is the key: no page it leads to may pass it on.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'no-store',
};

/** What browsers ask for by themselves on every page: a 404 that costs no more than a hit, or a phone would run dry opening its own page. */
const ASKED_BY_BROWSERS = /^\/(favicon\.ico|apple-touch-icon[a-z0-9-]*\.png|robots\.txt)$/;

const PATH = /^\/p\/([A-Za-z0-9_-]{1,64})(?:\/(pack\.pdf|face\/(\d{1,2})\.png))?$/;

/** `Content-Disposition` for a UTF-8 file name, with a plain fallback for old browsers. */
function attachment(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function clientOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

export function createHandoutServer(options: HandoutServerOptions): Server {
  const now = options.now ?? Date.now;
  const { limiter } = options;

  function plain(response: ServerResponse, status: number, kind: 'notFound' | 'tooMany', extra: Record<string, string> = {}): void {
    const body = plainMessage(kind);
    response.writeHead(status, { ...HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  }

  function sendFile(request: IncomingMessage, response: ServerResponse, path: string, size: number, headers: Record<string, string>, done: () => void): void {
    response.writeHead(200, { ...HEADERS, ...headers, 'Content-Length': size });
    if (request.method === 'HEAD') return void response.end();
    // The phone knows at once that its download started, before the first chunk is read from disk.
    response.flushHeaders();
    // Large reads: a pack crosses in a few chunks, not in dozens of 64 KB trips through the thread pool.
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
    // A file gone (the hand-out stopped mid-download) ends the answer; the phone sees a broken download.
    stream.on('error', () => response.destroy());
    response.on('finish', done);
    stream.pipe(response);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const client = clientOf(request);
    if (!limiter.take(client)) {
      options.onLimited();
      return plain(response, 429, 'tooMany', { 'Retry-After': String(limiter.retryAfter(client)), Connection: 'close' });
    }
    const miss = () => {
      limiter.charge(client, MISS_COST);
      plain(response, 404, 'notFound');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return miss();
    if (ASKED_BY_BROWSERS.test((request.url ?? '/').split('?')[0] ?? '')) return plain(response, 404, 'notFound');
    if (request.headers.host !== options.host) return miss();
    if (now() >= options.expiresAt) return miss();
    const url = (request.url ?? '/').split('?');
    const match = PATH.exec(url[0] ?? '');
    const capability = match?.[1];
    if (!match || !capability || !isCapabilityShaped(capability)) return miss();
    const pack = options.lookup(capability);
    if (!pack) return miss();
    const base = `/p/${capability}`;
    if (match[2] === undefined) {
      const language: PhoneLanguage = new URLSearchParams(url[1] ?? '').get('lang') === 'en' ? 'en' : 'id';
      const body = phonePageHtml(pack, base, language, options.expiresAt);
      response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Content-Language': language });
      response.end(request.method === 'HEAD' ? undefined : body);
      if (request.method === 'GET') options.onDownload({ packId: pack.packId, what: 'page', at: now() });
      return;
    }
    if (match[2] === 'pack.pdf') {
      return sendFile(request, response, pack.pdfPath, pack.pdfBytes, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(pack.pdfFileName) }, () => {
        if (request.method === 'GET') options.onDownload({ packId: pack.packId, what: 'pdf', at: now() });
      });
    }
    const face = pack.faces[Number(match[3]) - 1];
    if (!face) return miss();
    sendFile(request, response, face.path, face.size, { 'Content-Type': 'image/png' }, () => {});
  }

  const server = createServer((request, response) => {
    // A request body is never read: drop whatever arrives.
    request.resume();
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) plain(response, 404, 'notFound');
      else response.destroy();
    }
  });
  // Phones on a busy Wi-Fi are slow, but nobody needs a connection held for minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 50;
  server.maxConnections = 256;
  return server;
}
