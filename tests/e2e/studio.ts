import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function studioUrl(): string {
  const url = process.env.KEMAS_URL;
  if (!url) throw new Error('KEMAS_URL is not set: globalSetup starts the browser host');
  return url;
}

export function studioOrigin(): string {
  return new URL(studioUrl()).origin;
}

/** Opens the printed link (token → cookie) and waits until the app says it is ready. */
export async function openStudio(page: Page, url: string = studioUrl()): Promise<void> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await waitForReady(page);
  // A missing translation key is logged as an error: fail on it where it happens.
  expect(errors.filter((e) => e.includes('Missing translation'))).toEqual([]);
}

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad).toEqual([]);
}

/** First run: say who is reviewing. */
export async function introduceMentor(page: Page, name = 'Dewi Lestari', organisation = 'Rumah Kurasi'): Promise<void> {
  await page.getByLabel('Nama').fill(name);
  await page.getByLabel('Organisasi').fill(organisation);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Workshop', level: 1 })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** First run, then a new workshop, opened. */
export async function newWorkshop(page: Page, name: string, url: string = studioUrl(), region = 'Malang'): Promise<void> {
  await openStudio(page, url);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Workshop baru' }).first().click();
  await page.getByLabel('Nama workshop').fill(name);
  await page.getByLabel('Wilayah (Bakorwil)').fill(region);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Drops files on the page the way a file manager does: a DataTransfer carrying File objects. */
export async function dropFiles(page: Page, dir: string, names: readonly string[]): Promise<void> {
  const files = names.map((name) => ({ name, bytes: [...readFileSync(join(dir, name))] }));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return data;
  }, files);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByText('Lepaskan berkas atau folder di sini untuk mengimpor')).toBeVisible();
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus: proves it is reachable from the keyboard, in order.
 * Tabs only once the target is on the screen: presses sent while a list is still loading walk past the place it
 * will appear, and the walk round the whole page back to it can be longer than `max`.
 */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < (options.max ?? 80); i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}
