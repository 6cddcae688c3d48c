import { expect, test } from '@playwright/test';
import { studioOrigin, studioUrl } from './studio.ts';

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

  test('a page opened without the token says how to get in', async ({ page }) => {
    await page.goto(studioOrigin());
    await expect(page.getByRole('heading', { name: 'Terjadi kesalahan' })).toBeVisible();
    await expect(page.getByText(/Buka alamat lengkap \(dengan token\)/)).toBeVisible();
  });
});
