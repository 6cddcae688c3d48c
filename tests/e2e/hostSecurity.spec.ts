import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '#electron/services/contentSecurityPolicy.ts';
import { expectAccessible, screenshot, studioOrigin, studioUrl, waitForReady } from './studio.ts';

/** A request exactly as written (Host included), from outside any browser. */
function rawStatus(path: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(studioOrigin());
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('browser host refusals', () => {
  test('an API call without the launch token is refused with 401', async ({ request }) => {
    const response = await request.post(`${studioOrigin()}/api/app.info`, { data: {} });
    expect(response.status()).toBe(401);
  });

  test('an API call from a foreign Origin is refused with 403, even with the token', async ({ playwright }) => {
    const token = new URL(studioUrl()).searchParams.get('token') ?? '';
    const context = await playwright.request.newContext();
    const response = await context.post(`${studioOrigin()}/api/app.info`, {
      data: {},
      headers: { Origin: 'http://evil.example', 'X-Kemas-Token': token },
    });
    expect(response.status()).toBe(403);
    const own = await context.post(`${studioOrigin()}/api/app.info`, {
      data: {},
      headers: { Origin: studioOrigin(), 'X-Kemas-Token': token },
    });
    expect(await own.json()).toMatchObject({ ok: true, value: { host: 'browser' } });
    await context.dispose();
  });

  test('a request naming a foreign Host (DNS rebinding) is refused with 403, the page included', async () => {
    const { port } = new URL(studioOrigin());
    const token = new URL(studioUrl()).searchParams.get('token') ?? '';
    expect(await rawStatus('/', { Host: `evil.example:${port}` })).toBe(403);
    expect(await rawStatus(`/?token=${token}`, { Host: `evil.example:${port}` })).toBe(403);
    expect(await rawStatus('/', { Host: `127.0.0.1:${port}` })).toBe(200);
  });

  test('the running host listens on 127.0.0.1 only: another loopback address is refused', async () => {
    test.skip(process.platform !== 'linux', 'only Linux routes all of 127.0.0.0/8 to loopback');
    const { port } = new URL(studioOrigin());
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: Number(port), timeout: 5000 });
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
  });

  test('a page opened without the token says how to get in', async ({ page }) => {
    await page.goto(studioOrigin());
    await expect(page.getByRole('heading', { name: 'Terjadi kesalahan' })).toBeVisible();
    // The way in: the 0600 opener file the host wrote, or a restart that prints the address.
    await expect(page.getByText(/Buka lagi berkas pembuka .*kemas-…-open\.html.*--print-url/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'host-security-no-token');
  });
});

test.describe('content security policy in Chromium', () => {
  test('the studio arrives with the CSP, and Chromium blocks an injected script and a request elsewhere', async ({ page }) => {
    const response = await page.goto(studioUrl());
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await waitForReady(page);

    const outcome = await page.evaluate(async () => {
      const seen: string[] = [];
      (window as unknown as { kemasViolations: string[] }).kemasViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      const injected = document.createElement('script');
      injected.textContent = 'window.kemasInjected = true';
      document.head.append(injected);
      const remote = await fetch('http://127.0.0.1:9/steal').then(
        () => 'fetched',
        () => 'blocked',
      );
      return { ran: (window as unknown as { kemasInjected?: boolean }).kemasInjected === true, remote };
    });
    expect(outcome).toEqual({ ran: false, remote: 'blocked' });
    // Chromium reports both refusals as CSP violations (the events arrive asynchronously).
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { kemasViolations: string[] }).kemasViolations))
      .toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
  });
});
