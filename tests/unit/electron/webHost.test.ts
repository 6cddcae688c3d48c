import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '#shared/contract/dispatch.ts';
import { CONTENT_SECURITY_POLICY } from '#electron/services/contentSecurityPolicy.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { createWebHost, listen, LOOPBACK, tokenCookieName } from '#electron/web/webHost.ts';
import { memoryStore } from './memoryStore.ts';
import { decodeFrame, encodeFrame, FRAME_CONTENT_TYPE } from '#shared/contract/binaryFrame.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_BACKUP_SETTINGS } from '#shared/contract/backups.ts';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';

const TOKEN = 'a3f1c9d2e4b5a6978877665544332211a3f1c9d2e4b5a697';
const INDEX = '<!doctype html><title>Kemas Studio</title>';
const SECRET = '{"name":"outside-the-renderer"}';

/** A port that was free a moment ago: the host's allow-list needs the real port up front. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, LOOPBACK, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())));
  return port;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** http.request, so Host and the raw path reach the server exactly as written. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: LOOPBACK, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let base: string;
let rendererDir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kemas-web-host-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(base, 'package.json'), SECRET);
  await writeFile(join(base, 'secret.txt'), SECRET);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

let server: Server;
let port: number;
let origin: string;
let store: ReturnType<typeof memoryStore>;

function handlers(): Handlers {
  store = memoryStore();
  return createHostHandlers({
    appInfo: {
      name: 'Kemas Studio',
      version: '0.1.0',
      host: 'browser',
      platform: process.platform,
      capabilities: { nativeDialogs: false },
    },
    settings: createSettingsService(store),
    dialogs: noDialogs,
    // Stands in for the image pipeline: answers with the file's bytes reversed as its "preview".
    ingest: async (bytes, fileName) =>
      fileName.endsWith('.txt')
        ? { ok: false, reason: 'not-an-image', detail: 'text' }
        : { ok: true, faces: [fakeFace(bytes)] },
    // Stands in for the pack worker (tested in packPool.test.ts): a PDF header only.
    pack: async () => ({ pdf: new TextEncoder().encode('%PDF-1.7'), zip: null }),
    summary: async () => ({ pdf: new TextEncoder().encode('%PDF-1.7') }),
  });
}

function fakeFace(bytes: Uint8Array) {
  const image = { bytes: bytes.slice().reverse(), mimeType: 'image/jpeg' as const, width: 2, height: 1 };
  return {
    metadata: {
      format: 'jpeg' as const,
      width: 2,
      height: 1,
      densityDpi: null,
      colourSpace: 'srgb',
      iccProfileName: null,
      hasAlpha: false,
      bitDepth: 8,
      byteSize: bytes.length,
      sha256: 'a'.repeat(64),
      captureDate: null,
      device: null,
      exifOrientation: null,
      pageNumber: null,
      pageSize: null,
    },
    palette: [],
    preview: image,
    thumbnail: image,
  };
}

beforeEach(async () => {
  port = await freePort();
  origin = `http://${LOOPBACK}:${port}`;
  server = createWebHost({ rendererDir, port, token: TOKEN, handlers: handlers() });
  await listen(server, port);
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const api = (channel: string, init: RequestInit = {}) =>
  fetch(`${origin}/api/${channel}`, { method: 'POST', ...init, redirect: 'manual' });

const withToken = (extra: Record<string, string> = {}) => ({ 'X-Kemas-Token': TOKEN, ...extra });

describe('browser host: binding', () => {
  it('listens on loopback only, never on all interfaces', () => {
    const address = server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(port);
  });

  it.runIf(process.platform === 'linux')(
    'cannot be reached on another loopback address (127.0.0.2), as a server on all interfaces could',
    async () => {
      // Linux routes all of 127.0.0.0/8 to the loopback interface: only a bind to 127.0.0.1 itself refuses this.
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.2', port, timeout: 2000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome).toBe('ECONNREFUSED');
    },
  );

  it('rejects when the port is taken instead of picking another', async () => {
    const second = createWebHost({ rendererDir, port, token: TOKEN, handlers: handlers() });
    await expect(listen(second, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(second.listening).toBe(false);
  });
});

describe('browser host: API', () => {
  it('refuses a call without the token', async () => {
    const response = await api('app.info', { body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Kemas Studio');
  });

  it('refuses a wrong token, including one of the wrong length', async () => {
    expect((await api('app.info', { headers: { 'X-Kemas-Token': TOKEN.replace(/.$/, '0') } })).status).toBe(401);
    expect((await api('app.info', { headers: { 'X-Kemas-Token': TOKEN.slice(0, 10) } })).status).toBe(401);
    expect((await api('app.info', { headers: { 'X-Kemas-Token': '' } })).status).toBe(401);
  });

  it('answers a call with the token header', async () => {
    const response = await api('app.info', { headers: withToken(), body: '{}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ ok: true, value: { host: 'browser', capabilities: { nativeDialogs: false } } });
  });

  it('accepts its own origin, on 127.0.0.1 or localhost', async () => {
    expect((await api('settings.get', { headers: withToken({ Origin: origin }) })).status).toBe(200);
    const localhost = await raw(port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: withToken({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` }),
    });
    expect(localhost.status).toBe(200);
  });

  it.each(['http://evil.example', 'null', `http://${LOOPBACK}:${port + 1}`, `https://${LOOPBACK}:${port}`])(
    'refuses a foreign Origin (%s) even with the token',
    async (foreign) => {
      const response = await raw(port, {
        method: 'POST',
        path: '/api/settings.update',
        headers: withToken({ Origin: foreign, 'Content-Type': 'application/json' }),
        body: JSON.stringify({ language: 'en' }),
      });
      expect(response.status).toBe(403);
      expect(store.store.language).toBeUndefined();
    },
  );

  it.each(['evil.example:PORT', 'evil.example', '0.0.0.0:PORT', `${LOOPBACK}:1`, `${LOOPBACK}:PORT.evil.example`])(
    'refuses a foreign Host header (%s), DNS rebinding included',
    async (host) => {
      const response = await raw(port, {
        method: 'POST',
        path: '/api/app.info',
        headers: withToken({ Host: host.replace('PORT', String(port)) }),
        body: '{}',
      });
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('Kemas Studio');
    },
  );

  it('refuses a request with no Host header at all', async () => {
    for (const version of ['1.0', '1.1']) {
      const head = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, LOOPBACK, () => {
          socket.end(`POST /api/app.info HTTP/${version}\r\nX-Kemas-Token: ${TOKEN}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(head).not.toContain('Kemas Studio');
    }
  });

  it('refuses a foreign Host for static files as well', async () => {
    const response = await raw(port, { path: '/index.html', headers: { Host: `evil.example:${port}` } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain(INDEX);
  });

  it('changes settings for a trusted call and keeps them', async () => {
    const update = await api('settings.update', {
      headers: withToken({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ language: 'en' }),
    });
    expect(await update.json()).toEqual({ ok: true, value: { language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS } });
    const read = await api('settings.get', { headers: withToken() });
    expect(await read.json()).toEqual({ ok: true, value: { language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS } });
  });

  it('answers malformed JSON with 400 and a bad-request result', async () => {
    const response = await api('settings.update', { headers: withToken(), body: '{"language": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers a payload that breaks the contract with bad-request and changes nothing', async () => {
    const response = await api('settings.update', { headers: withToken(), body: JSON.stringify({ language: 'fr' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(store.store).toEqual({});
  });

  it('answers an unknown channel with unknown-channel', async () => {
    const response = await api('fs.readFile', { headers: withToken(), body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('answers files.opened with an empty list: only the desktop app is opened with .kemas files', async () => {
    const response = await api('files.opened', { headers: withToken(), body: '{}' });
    expect(await response.json()).toEqual({ ok: true, value: { files: [], refused: [] } });
  });

  it('says native dialogs are unsupported in the browser', async () => {
    for (const channel of ['dialog.open', 'dialog.save']) {
      const response = await api(channel, { headers: withToken(), body: '{}' });
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    }
  });

  it('refuses GET on the API', async () => {
    const response = await fetch(`${origin}/api/app.info`, { headers: withToken() });
    expect(response.status).toBe(405);
  });

  it('answers an oversized body with 413, applies nothing, and keeps serving', async () => {
    const huge = JSON.stringify({ language: 'en', padding: 'x'.repeat(2 * 1024 * 1024) });
    const outcome = await raw(port, {
      method: 'POST',
      path: '/api/settings.update',
      headers: withToken({ 'Content-Type': 'application/json' }),
      body: huge,
    }).then(
      (response) => response.status,
      () => 'connection closed',
    );
    expect(outcome).toBe(413);
    expect(store.store).toEqual({});
    expect((await api('app.info', { headers: withToken() })).status).toBe(200);
  });
});

describe('browser host: files for the intake', () => {
  it('carries a file in and its derived images back as binary frames, byte for byte', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const response = await fetch(`${origin}/api/ingest.file`, {
      method: 'POST',
      headers: withToken({ 'Content-Type': FRAME_CONTENT_TYPE }),
      body: Buffer.from(encodeFrame({ fileName: 'depan.jpg', bytes })),
    });
    expect(response.headers.get('content-type')).toBe(FRAME_CONTENT_TYPE);
    const result = decodeFrame(new Uint8Array(await response.arrayBuffer())) as {
      ok: boolean;
      value: { ok: boolean; faces: { preview: { bytes: Uint8Array } }[] };
    };
    expect(result.ok).toBe(true);
    const preview = result.value.faces[0]?.preview.bytes;
    expect(preview).toBeInstanceOf(Uint8Array);
    expect(preview?.length).toBe(bytes.length);
    expect(preview?.[0]).toBe(bytes[bytes.length - 1]);
  });

  it('answers a rejected file as plain JSON with its reason', async () => {
    const response = await fetch(`${origin}/api/ingest.file`, {
      method: 'POST',
      headers: withToken({ 'Content-Type': FRAME_CONTENT_TYPE }),
      body: Buffer.from(encodeFrame({ fileName: 'catatan.txt', bytes: new Uint8Array([104, 105]) })),
    });
    expect(await response.json()).toEqual({ ok: true, value: { ok: false, reason: 'not-an-image', detail: 'text' } });
  });

  it('refuses a malformed frame with 400', async () => {
    const response = await fetch(`${origin}/api/ingest.file`, {
      method: 'POST',
      headers: withToken({ 'Content-Type': FRAME_CONTENT_TYPE }),
      body: Buffer.from([0, 0, 0, 99, 1, 2]),
    });
    expect(response.status).toBe(400);
  });
});

describe('browser host: slow request bodies', () => {
  /** Sends headers and the start of a body to a host with a 300 ms body timer, then nothing; answers what came back before the connection closed. */
  async function stalledBody(): Promise<string> {
    const body = JSON.stringify({ language: 'en' });
    const slowPort = await freePort();
    const slow = createWebHost({ rendererDir, port: slowPort, token: TOKEN, handlers: handlers(), bodyTimeoutMs: 300 });
    await listen(slow, slowPort);
    try {
      const socket = connect(slowPort, LOOPBACK);
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      const headers = [
        'POST /api/settings.update HTTP/1.1',
        `Host: ${LOOPBACK}:${slowPort}`,
        `X-Kemas-Token: ${TOKEN}`,
        'Content-Type: application/json',
        `Content-Length: ${body.length + 100}`,
        '',
        '',
      ].join('\r\n');
      socket.write(headers + body.slice(0, 5));
      await closed;
      return answer;
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  }

  it('answers 408 and closes the connection when a body stops arriving, instead of waiting minutes', async () => {
    const answer = await stalledBody();
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    // Nothing of the half-sent body was applied.
    expect(store.store).toEqual({});
  });

  it('sets Node\'s own header and request timeouts well under its 300 s default', () => {
    expect(server.headersTimeout).toBeLessThanOrEqual(15_000);
    expect(server.requestTimeout).toBeLessThanOrEqual(35_000);
    expect(server.requestTimeout).toBeGreaterThan(0);
  });

  it('still takes a whole body that arrives in time', async () => {
    const update = await api('settings.update', { headers: withToken({ 'Content-Type': 'application/json' }), body: JSON.stringify({ language: 'en' }) });
    expect(await update.json()).toMatchObject({ ok: true, value: { language: 'en' } });
  });
});

describe('browser host: launch link and cookie', () => {
  it('trades the right token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const response = await fetch(`${origin}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${tokenCookieName(port)}=${TOKEN}`);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    // A session cookie: the token changes at every launch, so the cookie ends with the browser session.
    expect(cookie).not.toMatch(/Max-Age|Expires/i);

    const pair = cookie.split(';')[0] ?? '';
    const call = await api('app.info', { headers: { Cookie: pair, Origin: origin } });
    expect(call.status).toBe(200);
    expect(await call.json()).toMatchObject({ ok: true });
  });

  it('does not accept a cookie meant for another port', async () => {
    const call = await api('app.info', { headers: { Cookie: `${tokenCookieName(port + 1)}=${TOKEN}` } });
    expect(call.status).toBe(401);
  });

  it('refuses a wrong token in the link and sets no cookie', async () => {
    const response = await fetch(`${origin}/?token=wrong`, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('browser host: static files', () => {
  it.each(['/', '/index.html'])('serves %s with the CSP', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves assets with their type', async () => {
    const response = await fetch(`${origin}/assets/main.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/..%2f..%2fetc%2fpasswd',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/index.html%00',
    '/%E0%A4%A',
    '/missing.js',
    '/assets',
  ])('answers %s with 404 and never leaks a file outside the renderer', async (path) => {
    const response = await raw(port, { path, headers: { Host: `${LOOPBACK}:${port}` } });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside-the-renderer');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${origin}/index.html`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${origin}/index.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
