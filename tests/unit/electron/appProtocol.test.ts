import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol, serveAppRequest } from '#electron/main/appProtocol.ts';
import { CONTENT_SECURITY_POLICY } from '#electron/services/contentSecurityPolicy.ts';

const INDEX = '<!doctype html><title>Kemas Studio</title>';
const SCRIPT = 'console.log("studio")';
const SECRET = 'mentor password';

let base: string;
let rendererDir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kemas-app-protocol-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'main.js'), SCRIPT);
  await writeFile(join(rendererDir, 'assets', 'logo mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Outside the renderer folder: no URL may ever reach it.
  await writeFile(join(base, 'secret.txt'), SECRET);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => serveAppRequest(rendererDir, new Request(url, init));

describe('serveAppRequest', () => {
  it.each(['app://studio/', 'app://studio/index.html', 'app://studio'])(
    'serves index.html for %s with the CSP and HTML type',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(INDEX);
    },
  );

  it('serves a script with a JavaScript type and the security headers', async () => {
    const response = await get('app://studio/assets/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(SCRIPT);
  });

  it('serves a file whose name is percent-encoded', async () => {
    const response = await get('app://studio/assets/logo%20mark.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
  });

  it.each([
    'app://studio/../secret.txt',
    'app://studio/assets/../../secret.txt',
    'app://studio/%2e%2e/secret.txt',
    'app://studio/%2e%2e%2fsecret.txt',
    'app://studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://studio/..%5csecret.txt',
    'app://studio/..%5c..%5csecret.txt',
    'app://studio/..\\secret.txt',
    'app://studio/index.html%00.js',
    'app://studio/%00',
    'app://studio/%E0%A4%A',
    'app://studio/missing.js',
    'app://studio/assets',
    'app://studio//secret.txt',
  ])('answers %s with an empty 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('does not read an absolute file path smuggled in the URL', async () => {
    const response = await get(`app://studio/${encodeURIComponent(join(base, 'secret.txt'))}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(['app://other/index.html', 'app://studio.evil.example/index.html', 'app://studio:8080/index.html'])(
    'refuses another host (%s)',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('refuses the %s method', async (method) => {
    expect((await get('app://studio/index.html', { method })).status).toBe(404);
  });
});

describe('registerAppProtocol', () => {
  it('handles the app scheme with the renderer folder', async () => {
    const handle = vi.fn();
    registerAppProtocol({ handle } as unknown as Protocol, rendererDir);
    expect(handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://studio/index.html'));
    expect(await response.text()).toBe(INDEX);
  });

  it('asks for a standard, secure scheme (IndexedDB) and never bypasses the CSP or enables CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    const privileges: Record<string, boolean> = APP_SCHEME_PRIVILEGES.privileges;
    expect(privileges).toMatchObject({ standard: true, secure: true });
    expect(privileges.bypassCSP).not.toBe(true);
    expect(privileges.corsEnabled).not.toBe(true);
  });
});
