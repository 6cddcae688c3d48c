import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packImage } from './intakeFiles.ts';
import { openDemoReview } from './packJourney.ts';
import { KERIPIK } from './sessionFixture.ts';
import { dropFiles, expectAccessible, newWorkshop, screenshot } from './studio.ts';

let work = '';
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-workspace-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;


/** The canvas's share of the window, measured from bounding boxes as a mentor would see it. */
async function canvasShare(page: Page): Promise<number> {
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  const window = page.viewportSize();
  if (!window) throw new Error('no viewport');
  return (box.width * box.height) / (window.width * window.height);
}

/** True when the page itself scrolls (the workspace must not). */
async function pageScrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth);
}

for (const size of SIZES) {
  test(`review at ${size.width}×${size.height}: the canvas gets 70 % of the window, 90 % with the side panel hidden, and the page never scrolls`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDemoReview(page, KERIPIK);
    expect(await pageScrolls(page)).toBe(false);
    // The demo's "loaded" toast shows in the strip under the canvas for a few seconds (it takes its room, over
    // nothing); the shares are those of the workspace itself, once it has gone.
    await expect(page.locator('.toast')).toHaveCount(0, { timeout: 20_000 });
    expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.7);
    // The whole side list is within the window (it scrolls on its own, not the page).
    const side = page.getByRole('complementary', { name: 'Anotasi' });
    const sideBox = await side.boundingBox();
    expect(sideBox && sideBox.y + sideBox.height).toBeLessThanOrEqual(size.height);
    await screenshot(page, `workspace-review-${size.width}`);
    await expectAccessible(page);

    // The shortcut hides the side panel; the canvas takes the room.
    await page.getByRole('application', { name: /^Kanvas Depan/ }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.keyboard.press('\\');
    await expect(side).toBeHidden();
    await expect.poll(() => canvasShare(page)).toBeGreaterThanOrEqual(0.9);
    expect(await pageScrolls(page)).toBe(false);
    await screenshot(page, `workspace-review-${size.width}-collapsed`);
    await page.getByRole('button', { name: 'Tampilkan panel samping' }).click();
    await expect(side).toBeVisible();
  });
}

test('the side panel resizes from the keyboard and keeps its width after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemoReview(page, KERIPIK);
  const splitter = page.getByRole('separator', { name: 'Ubah lebar panel samping' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 64));
  const side = page.getByRole('complementary', { name: 'Anotasi' });
  await expect.poll(async () => (await side.boundingBox())?.width).toBeCloseTo(before + 64, 0);
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Ubah lebar panel samping' })).toHaveAttribute('aria-valuenow', String(before + 64));
});

test('the measure length and the eyedropper colour show next to the cursor on the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemoReview(page, KERIPIK);
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  const readout = page.getByTestId('cursor-readout');

  await page.keyboard.press('m');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 5 });
  await expect(readout).toHaveText(/^\d[\d.,]* (mm|px)$/);
  const near = await readout.boundingBox();
  expect(near && Math.abs(near.x - (box.x + box.width * 0.55))).toBeLessThan(60);
  await screenshot(page, 'workspace-measure-readout');
  await page.mouse.up();

  await page.getByRole('button', { name: 'Pipet warna' }).click();
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
  await expect(readout).toContainText(/#[0-9A-F]{6}.*C\d+ M\d+ Y\d+ K\d+/);
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await expect(readout).toContainText(/kontras [\d,]+ : 1/);
  const at = await readout.boundingBox();
  expect(at && at.y).toBeGreaterThan(box.y + box.height * 0.2 - 80);
  expect(at && at.y).toBeLessThan(box.y + box.height * 0.2 + 80);
  await screenshot(page, 'workspace-eyedropper-readout');
  await expectAccessible(page);
});

for (const size of SIZES) {
  test(`compare at ${size.width}×${size.height} fills the window without a page scroll`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDemoReview(page, KERIPIK);
    await page.getByRole('link', { name: 'Bandingkan versi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Bandingkan desain Keripik Tempe Bu Sari$/ })).toBeVisible();
    const paneA = page.getByRole('img', { name: /^Gambar A:/ });
    const paneB = page.getByRole('img', { name: /^Gambar B:/ });
    await expect(paneA).toHaveAttribute('data-drawn', 'true');
    await expect(paneB).toHaveAttribute('data-drawn', 'true');
    expect(await pageScrolls(page)).toBe(false);
    const boxes = await Promise.all([paneA.boundingBox(), paneB.boundingBox()]);
    const area = boxes.reduce((sum, box) => sum + (box ? box.width * box.height : 0), 0);
    expect(area / (size.width * size.height)).toBeGreaterThanOrEqual(0.7);
    await screenshot(page, `workspace-compare-${size.width}`);
    await expectAccessible(page);
  });
}

test('in a narrow window the rarer actions move into the menu, which works from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openDemoReview(page, KERIPIK);
  await expect(page.getByRole('button', { name: 'Pratinjau rak & marketplace' })).toBeHidden();
  const more = page.getByRole('button', { name: 'Tindakan lainnya' });
  await more.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Tindakan lainnya' });
  await expect(menu.getByRole('menuitem', { name: 'Pratinjau rak & marketplace' })).toBeFocused();
  await screenshot(page, 'workspace-menu-1024');
  await expectAccessible(page);
  // Escape gives the focus back; Enter on the item opens the shelf preview.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Pratinjau rak dan marketplace' })).toBeVisible();
});

test('the import panel stays on the screen where the import started and never covers a review', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  writeFileSync(join(work, 'Sambal Bu Rini - Sambal Bawang - depan.jpg'), await packImage(600, 800, '#b3261e', 'jpeg'));
  await newWorkshop(page, 'Workshop Panel Impor', undefined, 'Kediri');
  await dropFiles(page, work, ['Sambal Bu Rini - Sambal Bawang - depan.jpg']);
  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toContainText('1 tampak diimpor', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Sambal Bu Rini' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sambal Bu Rini/ })).toBeVisible();
  await expect(panel).toBeHidden();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
  await expect(panel).toBeHidden();
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Workshop Panel Impor' }).click();
  await expect(panel).toContainText('1 tampak diimpor');
});

/** True when the two boxes share any area. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const size of SIZES) {
  test(`toasts at ${size.width}×${size.height} sit under the canvas, over no canvas control or side list, and a screen's toast goes with the screen`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDemoReview(page, KERIPIK);
    // A face turned: its toast (with Undo) belongs to this review.
    await page.getByRole('tab', { name: 'Depan' }).focus();
    await page.keyboard.press('Shift+R');
    const toast = page.locator('.toast').filter({ hasText: 'Sisi Depan: Putar 90° ke kanan. Berkas asli tidak diubah.' });
    await expect(toast).toBeVisible();
    const toastBox = (await toast.boundingBox())!;
    const controls = (await page.getByRole('group', { name: 'Kontrol kanvas' }).boundingBox())!;
    const side = (await page.getByRole('complementary', { name: 'Anotasi' }).boundingBox())!;
    const canvas = (await page.getByTestId('canvas-stage').boundingBox())!;
    expect(overlaps(toastBox, controls)).toBe(false);
    expect(overlaps(toastBox, side)).toBe(false);
    expect(overlaps(toastBox, canvas)).toBe(false);
    // Under the canvas, within the window, and the page still does not scroll.
    expect(toastBox.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(size.height);
    expect(await pageScrolls(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, `workspace-toast-${size.width}`);

    // With the side panel hidden it stays under the canvas.
    await page.keyboard.press('\\');
    await expect(page.getByRole('complementary', { name: 'Anotasi' })).toBeHidden();
    await expect(toast).toBeVisible();
    expect(overlaps((await toast.boundingBox())!, (await page.getByRole('group', { name: 'Kontrol kanvas' }).boundingBox())!)).toBe(false);
    await page.getByRole('button', { name: 'Tampilkan panel samping' }).click();

    // Leaving the review: its toast does not follow to the workshop.
    await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link').nth(1).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Sisi Depan: Putar 90° ke kanan. Berkas asli tidak diubah.')).toHaveCount(0);
  });
}
