import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { dispatch, type Handlers } from '#shared/contract/dispatch.ts';
import { err } from '#shared/contract/result.ts';
import { decodeFrame, encodeFrame, FRAME_CONTENT_TYPE, hasBinary } from '#shared/contract/binaryFrame.ts';
import { SECURITY_HEADERS } from '../services/contentSecurityPolicy.ts';
import { mimeTypeFor, resolveStaticPath } from '../services/staticFiles.ts';
import { killRequestSchema, type WorkerFaults } from './workerFaults.ts';

export const LOOPBACK = '127.0.0.1';
export const DEFAULT_PORT = 4781;
const MAX_JSON_BYTES = 1024 * 1024;
/** Frames carry a file for the intake; the renderer refuses files over the size limit first. */
const MAX_FRAME_BYTES = 300 * 1024 * 1024;
/**
 * A request body must arrive in full within this long (Node would wait 300 s):
 * a client that trickles a body, or stops sending, cannot hold a connection
 * and its memory. The largest frame (300 MB) crosses loopback in about a second.
 */
export const BODY_TIMEOUT_MS = 30_000;
/** Request headers must arrive within this long. */
export const HEADERS_TIMEOUT_MS = 15_000;

export interface WebHostOptions {
  rendererDir: string;
  port: number;
  token: string;
  handlers: Handlers;
  /** Only when started with KEMAS_FAULTS=1, for end-to-end tests: `POST /api/__fault/kill-workers`. */
  faults?: WorkerFaults | null;
  /** How long a request body may take to arrive; BODY_TIMEOUT_MS unless a test says otherwise. */
  bodyTimeoutMs?: number;
  /**
   * `npm run dev` only: serves the page and its modules (Vite in middleware mode, with hot
   * reload) instead of the built files in rendererDir. The Host check, the token and the API
   * stay exactly as they are.
   */
  frontend?: Frontend;
}

/** Answers a request for the page or one of its files (a Connect-style handler). */
export type Frontend = (request: IncomingMessage, response: ServerResponse) => void;

const KILL_WORKERS_PATH = '__fault/kill-workers';

/** Cookie name carries the port: cookies are shared across ports of one host. */
export function tokenCookieName(port: number): string {
  return `kemas_token_${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function readCookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  response.end(body);
}

/** The body, or why there is none: 'too-large' past `maxBytes`, 'timeout' when it did not arrive in full within `timeoutMs`. */
function readBody(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer | 'too-large' | 'timeout'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stopWith = (outcome: 'too-large' | 'timeout') => {
      // Stop collecting; the caller answers and closes the connection.
      clearTimeout(timer);
      request.off('data', onData);
      resolve(outcome);
    };
    const timer = setTimeout(() => stopWith('timeout'), timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stopWith('too-large');
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Answers and then closes the connection: the rest of the body is never read. */
function refuseBody(request: IncomingMessage, response: ServerResponse, outcome: 'too-large' | 'timeout'): void {
  response.setHeader('Connection', 'close');
  response.on('finish', () => request.destroy());
  if (outcome === 'too-large') send(response, 413, 'Request too large');
  else send(response, 408, 'The request body did not arrive in time');
}

/**
 * The browser host: serves the built renderer and the host contract over HTTP
 * on loopback. Requests naming another Host (DNS rebinding) or another Origin
 * are refused with 403; API calls without the launch token get 401.
 */
export function createWebHost(options: WebHostOptions): Server {
  const { port, token, handlers, rendererDir } = options;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const ownHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const ownOrigins = new Set([...ownHosts].map((h) => `http://${h}`));
  const cookieName = tokenCookieName(port);

  const hasToken = (request: IncomingMessage): boolean => {
    const header = request.headers['x-kemas-token'];
    const presented = (typeof header === 'string' ? header : null) ?? readCookie(request, cookieName);
    return presented !== null && sameSecret(presented, token);
  };

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    const origin = request.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin)) return send(response, 403, 'Forbidden origin');
    if (!hasToken(request)) return send(response, 401, 'Missing or wrong token');
    if (request.method !== 'POST') return send(response, 405, 'Use POST');
    if (channel === KILL_WORKERS_PATH && options.faults) return killWorkers(request, response, options.faults);
    const isFrame = request.headers['content-type'] === FRAME_CONTENT_TYPE;
    const body = await readBody(request, isFrame ? MAX_FRAME_BYTES : MAX_JSON_BYTES, bodyTimeoutMs);
    if (!Buffer.isBuffer(body)) return refuseBody(request, response, body);
    let payload: unknown;
    try {
      if (isFrame) payload = decodeFrame(new Uint8Array(body.buffer, body.byteOffset, body.length));
      else payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, JSON.stringify(err('bad-request', 'Body is not JSON or a frame')), 'application/json');
    }
    const result = await dispatch(handlers, channel, payload);
    if (hasBinary(result)) {
      const frame = encodeFrame(result);
      response.writeHead(200, { 'Content-Type': FRAME_CONTENT_TYPE, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
      response.end(frame);
      return;
    }
    send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  async function killWorkers(request: IncomingMessage, response: ServerResponse, faults: WorkerFaults): Promise<void> {
    const body = await readBody(request, MAX_JSON_BYTES, bodyTimeoutMs);
    if (!Buffer.isBuffer(body)) return refuseBody(request, response, body);
    let parsed;
    try {
      parsed = killRequestSchema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return send(response, 400, 'Expected {"pool":"ingest"|"pack","fileName"?:string}');
    send(response, 200, JSON.stringify(faults.kill(parsed.data)), 'application/json; charset=utf-8');
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    // Opening the printed link trades the token for a cookie, then drops it from the address bar.
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameSecret(offered, token)) return send(response, 401, 'Wrong token: open the link the studio printed.');
      response.writeHead(303, {
        Location: '/',
        // A session cookie: the token changes at every launch, so it need not outlive the browser.
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if (options.frontend) return options.frontend(request, response);
    const filePath = resolveStaticPath(rendererDir, url.pathname);
    const info = filePath ? await stat(filePath).catch(() => null) : null;
    if (!filePath || !info?.isFile()) return send(response, 404, 'Not found');
    response.writeHead(200, {
      'Content-Type': mimeTypeFor(filePath),
      'Content-Length': info.size,
      'Cache-Control': filePath.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
      ...SECURITY_HEADERS,
    });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(filePath).pipe(response);
  }

  const server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (!ownHosts.has(host)) return send(response, 403, 'Forbidden host');
    const url = new URL(request.url ?? '/', `http://${host}`);
    const task = url.pathname.startsWith('/api/')
      ? handleApi(request, response, url.pathname.slice('/api/'.length))
      : handleStatic(request, response, url);
    task.catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error');
      else response.destroy();
    });
  });
  // Node's own limits as a backstop to the body timer above (it checks them only every few seconds).
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, bodyTimeoutMs);
  server.requestTimeout = bodyTimeoutMs + 5000;
  return server;
}

/** Starts listening on loopback only; resolves once the port is bound. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
