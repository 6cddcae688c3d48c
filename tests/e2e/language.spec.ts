import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../support/browserHost.ts';
import { E2E_PORT } from './globalSetup.ts';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

// The language is a host setting: this test gets a host of its own so that it
// cannot switch the language under tests running beside it.
let host: RunningHost;
test.beforeAll(async () => {
  host = await startBrowserHost(E2E_PORT + 3);
});
test.afterAll(() => host.stop());

test('the studio switches to English, remembers it, and switches back', async ({ page }) => {
  await openStudio(page, host.url);
  await introduceMentor(page, 'Ayu Pratiwi', 'Rumah Kurasi');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Try the demo workshop' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '07-workshops-empty-en');

  // The choice is kept by the host, so it survives a reload.
  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();

  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { name: 'Workshop', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
});
