import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { join } from 'node:path';
import { packImage } from './intakeFiles.ts';
import { startBrowserHost, type RunningHost } from '../support/browserHost.ts';
import { E2E_PORT } from './globalSetup.ts';
import { dropFiles, expectAccessible, newWorkshop, screenshot } from './studio.ts';

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-compare-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));



type Rgba = [number, number, number, number];

interface PaneRead {
  /** Where the image is on the canvas: its non-transparent box, in canvas pixels. */
  rect: { left: number; top: number; right: number; bottom: number };
  pixels: Rgba[];
}

/**
 * Reads a pane's canvas at points given relative to the image drawn in it
 * (0–1 across and down): the image is wherever the canvas is not transparent.
 */
async function readPane(pane: Locator, points: readonly [number, number][]): Promise<PaneRead> {
  await expect(pane).toHaveAttribute('data-drawn', 'true');
  return pane.locator('canvas').evaluate((canvas: HTMLCanvasElement, wanted) => {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    const { width, height } = canvas;
    const data = context.getImageData(0, 0, width, height).data;
    let left = width;
    let top = height;
    let right = -1;
    let bottom = -1;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        if ((data[(y * width + x) * 4 + 3] ?? 0) > 250) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    if (right < 0) throw new Error('nothing drawn');
    const pixels = wanted.map(([u, v]) => {
      const x = Math.round(left + u * (right - left));
      const y = Math.round(top + v * (bottom - top));
      const i = (y * width + x) * 4;
      return [data[i], data[i + 1], data[i + 2], data[i + 3]] as Rgba;
    });
    return { rect: { left, top, right, bottom }, pixels };
  }, points);
}

async function samplePane(pane: Locator, points: readonly [number, number][]): Promise<Rgba[]> {
  return (await readPane(pane, points)).pixels;
}

// The two versions: the same pack, its background ink changed from red to green.
const isRed = ([r, g, b]: Rgba) => r > 140 && g < 80 && b < 80;
const isGreen = ([r, g, b]: Rgba) => g > 90 && r < 90 && b < 90;
const isHighlight = ([r, g, b]: Rgba) => r > 200 && g < 40 && b > 90 && b < 160;
const isGrey = ([r, g, b]: Rgba) => Math.abs(r - g) < 8 && Math.abs(g - b) < 8;
/** Background corner (changed), middle of the sun circle and of the label block (unchanged). */
const BACKGROUND: [number, number] = [0.05, 0.05];
const CIRCLE: [number, number] = [0.5, 0.3];
const LABEL: [number, number] = [0.5, 0.7];

const zoomOf = (page: Page, name: string) => page.getByRole('group', { name, exact: true }).locator('output');

/**
 * A pane at fit shows the figure that fits its box, and the box can settle by a pixel as the screen lays out (a fitted
 * pane keeps its zoom within FIT_SLACK, but `0` fits exactly again): a fit is read as the first one within a point.
 */
async function expectFit(page: Page, name: string, fitted: string): Promise<void> {
  const figure = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));
  await expect.poll(async () => Math.abs(figure(await zoomOf(page, name).textContent()) - figure(fitted))).toBeLessThanOrEqual(1);
}

test('a mentor compares two versions side by side, locked, overlaid, swiped and as a difference', async ({ page }) => {
  const dir = join(work, 'versi');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Sambal Bu Rini - Sambal Bawang - depan.jpg'), await packImage(700, 900, '#b3261e', 'jpeg'));
  writeFileSync(join(dir, 'sambal-depan-revisi.jpg'), await packImage(700, 900, '#2e7d32', 'jpeg'));
  await newWorkshop(page, 'Workshop Bandingkan', undefined, 'Jember');
  await dropFiles(page, dir, ['Sambal Bu Rini - Sambal Bawang - depan.jpg']);
  await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('1 tampak diimpor', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Sambal Bu Rini' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Versi baru…' }).click();
  await (await chooser).setFiles(join(dir, 'sambal-depan-revisi.jpg'));
  await expect(page.getByRole('heading', { level: 3, name: /Versi 2/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('region', { name: 'Impor selesai' }).getByRole('button', { name: 'Tutup' }).click();

  // From the review of version 2: compare it with version 1.
  await page.getByRole('link', { name: 'Telaah versi 2' }).click();
  await page.getByRole('link', { name: 'Bandingkan versi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bandingkan desain Sambal Bu Rini' })).toBeVisible();
  await expect(page.getByLabel('Gambar A (sebelum)').locator('option:checked')).toHaveText('Versi 1 · Depan');
  await expect(page.getByLabel('Gambar B (sesudah)').locator('option:checked')).toHaveText('Versi 2 · Depan');
  await expect(page.getByLabel('Gambar B (sesudah)').locator('option')).toHaveText(['Versi 2 · Depan', 'Versi 1 · Depan']);

  // Side by side: A red, B green.
  await expect(page.getByRole('tab', { name: 'Berdampingan', selected: true })).toBeVisible();
  const paneA = page.getByRole('img', { name: 'Gambar A: Versi 1 · Depan' });
  const paneB = page.getByRole('img', { name: 'Gambar B: Versi 2 · Depan' });
  expect(isRed((await samplePane(paneA, [BACKGROUND]))[0]!)).toBe(true);
  expect(isGreen((await samplePane(paneB, [BACKGROUND]))[0]!)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, '40-compare-side');

  // Locked (the default): + on A zooms B the same; the keys do it too; 0 fits both.
  const lock = page.getByRole('checkbox', { name: 'Kunci zoom & geser' });
  await expect(lock).toBeChecked();
  // Both panes fitted (each fits once its box has settled, which a busy machine can delay): they read the same.
  await expect
    .poll(async () => {
      const [a, b] = [await zoomOf(page, 'Perbesaran A').textContent(), await zoomOf(page, 'Perbesaran B').textContent()];
      return a !== null && /\d/.test(a) && a === b;
    })
    .toBe(true);
  const fitted = await zoomOf(page, 'Perbesaran A').textContent();
  await expect(zoomOf(page, 'Perbesaran B')).toHaveText(fitted!);
  await page.getByRole('group', { name: 'Perbesaran A', exact: true }).getByRole('button', { name: 'Perbesar' }).click();
  await expect(zoomOf(page, 'Perbesaran A')).not.toHaveText(fitted!);
  const zoomed = await zoomOf(page, 'Perbesaran A').textContent();
  await expect(zoomOf(page, 'Perbesaran B')).toHaveText(zoomed!);
  // A drag on B pans A as well: the same spot stays under both.
  const box = (await paneB.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 100, { steps: 4 });
  await page.mouse.up();
  // Both panes draw the pan on their next frames: read them together until they agree.
  const panned = async () => {
    const [a, b] = [(await readPane(paneA, [])).rect, (await readPane(paneB, [])).rect];
    return { moved: b.left > 0 && b.top > 0, same: JSON.stringify(a) === JSON.stringify(b) };
  };
  await expect.poll(panned).toEqual({ moved: true, same: true });
  await page.keyboard.press('0');
  await expectFit(page, 'Perbesaran A', fitted!);
  await expectFit(page, 'Perbesaran B', fitted!);
  // The wheel over A zooms in around the pointer, B along with it.
  const boxA = (await paneA.boundingBox())!;
  await page.mouse.move(boxA.x + boxA.width / 3, boxA.y + boxA.height / 3);
  await page.mouse.wheel(0, -300);
  await expect(zoomOf(page, 'Perbesaran A')).not.toHaveText(fitted!);
  await expect(zoomOf(page, 'Perbesaran B')).toHaveText((await zoomOf(page, 'Perbesaran A').textContent())!);
  await page.keyboard.press('0');

  // Unlocked: each pane on its own: + on A zooms A, B stays at its fit; locking again brings B to A.
  await expectFit(page, 'Perbesaran A', fitted!);
  await lock.uncheck();
  const fitB = (await zoomOf(page, 'Perbesaran B').textContent())!;
  await paneA.focus();
  await page.keyboard.press('+');
  await expect(zoomOf(page, 'Perbesaran A')).not.toHaveText(fitB);
  const zoomedA = (await zoomOf(page, 'Perbesaran A').textContent())!;
  await expect(zoomOf(page, 'Perbesaran B')).toHaveText(fitB);
  await lock.check();
  await expect(zoomOf(page, 'Perbesaran B')).toHaveText(zoomedA);
  await page.keyboard.press('0');

  // Overlay: the opacity slider fades B in over A.
  await page.getByRole('tab', { name: 'Tumpuk' }).click();
  const opacity = page.getByLabel('Kepekatan Versi 2 · Depan');
  await expect(opacity).toHaveValue('50');
  await opacity.fill('0');
  const overlayEmpty = page.getByRole('img', { name: 'Versi 2 · Depan di atas Versi 1 · Depan, kepekatan 0%' });
  expect(isRed((await samplePane(overlayEmpty, [BACKGROUND]))[0]!)).toBe(true);
  await opacity.fill('100');
  const overlayFull = page.getByRole('img', { name: 'Versi 2 · Depan di atas Versi 1 · Depan, kepekatan 100%' });
  expect(isGreen((await samplePane(overlayFull, [BACKGROUND]))[0]!)).toBe(true);
  await opacity.fill('50');
  const [half] = await samplePane(page.getByRole('img', { name: /kepekatan 50%/ }), [BACKGROUND]);
  expect(isRed(half!) || isGreen(half!)).toBe(false);
  await expectAccessible(page);
  await screenshot(page, '41-compare-overlay');

  // Swipe: a divider that is a slider, from the keyboard and with the mouse.
  await page.getByRole('radio', { name: 'Geser pembatas' }).check();
  const divider = page.getByRole('slider', { name: 'Pembatas A | B' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '49');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '59');
  await page.keyboard.press('Home');
  await expect(divider).toHaveAttribute('aria-valuenow', '0');
  const swipe = page.getByRole('img', { name: /di kiri pembatas/ });
  expect(isGreen((await samplePane(swipe, [BACKGROUND]))[0]!)).toBe(true);
  await page.keyboard.press('End');
  await expect(divider).toHaveAttribute('aria-valuenow', '100');
  expect(isRed((await samplePane(swipe, [[0.95, 0.05]]))[0]!)).toBe(true);
  // Drag the divider to a quarter of the pane, then back to the middle by keys: A left, B right.
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('PageDown');
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  const stage = (await swipe.boundingBox())!;
  const handle = (await divider.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, stage.y + stage.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width / 4, stage.y + stage.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(divider).toHaveAttribute('aria-valuenow', /^(24|25|26)(\.\d)?$/);
  await divider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('PageUp');
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  const [left, right] = await samplePane(swipe, [BACKGROUND, [0.95, 0.05]]);
  expect(isRed(left!)).toBe(true);
  expect(isGreen(right!)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, '42-compare-swipe');

  // Difference: the changed background in magenta, the unchanged sun and label grey.
  await page.getByRole('tab', { name: 'Perbedaan' }).click();
  const status = page.getByRole('status').filter({ hasText: 'gambar berubah' });
  await expect(status).toHaveText(/^\d+(,\d)?% gambar berubah$/);
  const share = Number((await status.textContent())!.replace(/%.*/, '').replace(',', '.'));
  expect(share).toBeGreaterThan(20);
  expect(share).toBeLessThan(95);
  const difference = page.getByRole('img', { name: /^Perbedaan Versi 1 · Depan dan Versi 2 · Depan: \d/ });
  const [changed, sun, label] = await samplePane(difference, [BACKGROUND, CIRCLE, LABEL]);
  expect(isHighlight(changed!)).toBe(true);
  expect(isHighlight(sun!)).toBe(false);
  expect(isGrey(sun!)).toBe(true);
  expect(isHighlight(label!)).toBe(false);
  expect(isGrey(label!)).toBe(true);
  await expectAccessible(page);
  await screenshot(page, '43-compare-difference');

  // Red against green is about 29 % apart (pixelmatch's OKLab distance): a 50 % threshold lets it pass.
  const atDefault = (await status.textContent())!;
  await page.getByLabel('Ambang perbedaan warna').fill('50');
  await expect(status).not.toHaveText(atDefault);
  expect(Number((await status.textContent())!.replace(/%.*/, '').replace(',', '.'))).toBeLessThan(share / 10);
  const [tolerated] = await samplePane(difference, [BACKGROUND]);
  expect(isHighlight(tolerated!)).toBe(false);
});

// This test switches the language, a host setting: it gets a host of its own so
// that it cannot switch the language under tests running beside it.
test('a version shot sideways and turned upright in the review compares upright against the version before', async ({ page }) => {
  const dir = join(work, 'miring');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Sambal Bu Wati - Sambal Ijo - depan.jpg'), await packImage(700, 900, '#b3261e', 'jpeg'));
  // Version 2 photographed on its side: the design's top is on the left (turned a quarter anticlockwise).
  writeFileSync(join(dir, 'sambal-ijo-depan-revisi.jpg'), await sharp(await packImage(700, 900, '#2e7d32', 'jpeg')).rotate(270).jpeg().toBuffer());
  await newWorkshop(page, 'Workshop Bandingkan Putar', undefined, 'Jember');
  await dropFiles(page, dir, ['Sambal Bu Wati - Sambal Ijo - depan.jpg']);
  await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('1 tampak diimpor', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Sambal Bu Wati' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Versi baru…' }).click();
  await (await chooser).setFiles(join(dir, 'sambal-ijo-depan-revisi.jpg'));
  await expect(page.getByRole('heading', { level: 3, name: /Versi 2/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('region', { name: 'Impor selesai' }).getByRole('button', { name: 'Tutup' }).click();

  // The mentor turns version 2 right from its face tab, then compares.
  await page.getByRole('link', { name: 'Telaah versi 2' }).click();
  await page.getByRole('tab', { name: 'Depan' }).focus();
  await page.keyboard.press('Shift+R');
  await expect(page.getByText('Sisi Depan: Putar 90° ke kanan. Berkas asli tidak diubah.')).toBeVisible();
  await page.getByRole('link', { name: 'Bandingkan versi' }).click();
  const paneA = page.getByRole('img', { name: 'Gambar A: Versi 1 · Depan' });
  const paneB = page.getByRole('img', { name: 'Gambar B: Versi 2 · Depan' });

  // Side by side, B stands upright like A: as tall as wide in the same proportion, the sun and the label where A has them.
  const a = await readPane(paneA, [BACKGROUND, CIRCLE, LABEL]);
  const b = await readPane(paneB, [BACKGROUND, CIRCLE, LABEL]);
  const ratio = (r: PaneRead['rect']) => (r.right - r.left) / (r.bottom - r.top);
  expect(ratio(b.rect)).toBeCloseTo(700 / 900, 1);
  expect(ratio(a.rect)).toBeCloseTo(700 / 900, 1);
  expect(isGreen(b.pixels[0]!)).toBe(true);
  for (const i of [1, 2]) {
    const [pa, pb] = [a.pixels[i]!, b.pixels[i]!];
    expect(Math.max(...pa.map((v, k) => Math.abs(v - (pb[k] ?? 0)))), `point ${i}: A ${pa.join(',')} B ${pb.join(',')}`).toBeLessThan(40);
  }
  await screenshot(page, '44-compare-turned');

  // The difference: only the background changed; the sun and the label lie on each other, unchanged.
  await page.getByRole('tab', { name: 'Perbedaan' }).click();
  const diff = page.getByRole('img', { name: /^Perbedaan Versi 1 · Depan dan Versi 2 · Depan: \d/ });
  const [background, circle, label] = await samplePane(diff, [BACKGROUND, CIRCLE, LABEL]);
  expect(isHighlight(background!)).toBe(true);
  expect(isGrey(circle!)).toBe(true);
  expect(isGrey(label!)).toBe(true);
  await expectAccessible(page);
});

test.describe('one version', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startBrowserHost(E2E_PORT + 7);
  });
  test.afterAll(() => host.stop());

  test('with one version, compare shows two of its faces, and the pickers change what is shown', async ({ page }) => {
    const dir = join(work, 'satu');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'Kopi Ijen - Kopi Arabika - depan.jpg'), await packImage(640, 800, '#1d2b2a', 'jpeg'));
    writeFileSync(join(dir, 'Kopi Ijen - Kopi Arabika - belakang.png'), await packImage(640, 800, '#f2f2ee', 'png'));
    await newWorkshop(page, 'Workshop Satu Versi', host.url, 'Jember');
    await dropFiles(page, dir, ['Kopi Ijen - Kopi Arabika - depan.jpg', 'Kopi Ijen - Kopi Arabika - belakang.png']);
    await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('2 tampak diimpor', { timeout: 60_000 });
    await page.getByRole('region', { name: 'Impor selesai' }).getByRole('button', { name: 'Tutup' }).click();
    await page.getByRole('link', { name: 'Kopi Ijen' }).click();
    await page.getByRole('link', { name: 'Telaah versi 1' }).click();
    await page.getByRole('tab', { name: 'Depan' }).click();
    await expect(page.getByRole('tab', { name: 'Depan', selected: true })).toBeVisible();
    await page.getByRole('link', { name: 'Bandingkan versi' }).click();

    const pickA = page.getByLabel('Gambar A (sebelum)');
    const pickB = page.getByLabel('Gambar B (sesudah)');
    // The face under review stays B; the other face of the only version is A.
    await expect(pickA.locator('option:checked')).toHaveText('Versi 1 · Belakang');
    await expect(pickB.locator('option:checked')).toHaveText('Versi 1 · Depan');
    await page.getByRole('button', { name: 'Tukar A dan B' }).click();
    await expect(pickA.locator('option:checked')).toHaveText('Versi 1 · Depan');
    await expect(page.getByRole('img', { name: 'Gambar A: Versi 1 · Depan' })).toHaveAttribute('data-drawn', 'true');
    await expect(page.getByRole('img', { name: 'Gambar B: Versi 1 · Belakang' })).toHaveAttribute('data-drawn', 'true');
    await pickB.selectOption({ label: 'Versi 1 · Depan' });
    await expect(page.getByText('A dan B adalah gambar yang sama.')).toBeVisible();
    await page.getByRole('tab', { name: 'Perbedaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'gambar berubah' })).toHaveText('0% gambar berubah');

    // The choice and the mode live in the address: a reload keeps them.
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Perbedaan', selected: true })).toBeVisible();
    await expect(pickA.locator('option:checked')).toHaveText('Versi 1 · Depan');
    await expect(pickB.locator('option:checked')).toHaveText('Versi 1 · Depan');

    // English names for everything on the screen, too.
    await page.keyboard.press('l');
    await expect(page.getByRole('heading', { level: 1, name: 'Compare Kopi Ijen designs' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Difference', selected: true })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'of the image changed' })).toHaveText('0% of the image changed');
    await page.getByRole('tab', { name: 'Side by side' }).click();
    await expect(page.getByRole('checkbox', { name: 'Lock zoom and pan' })).toBeChecked();
    await expectAccessible(page);

    // Tab reaches every control of the mode and both images, in reading order.
    await page.getByRole('tab', { name: 'Side by side' }).focus();
    const reached: string[] = [];
    for (let i = 0; i < 14; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
        return el?.getAttribute('aria-label') ?? label?.trim() ?? el?.textContent?.trim() ?? '';
      }));
    }
    const order = ['Lock zoom and pan', 'Fit', 'Zoom out', 'Zoom in', 'Image A: Version 1 · Front', 'Fit', 'Zoom out', 'Zoom in', 'Image B: Version 1 · Front'];
    let at = -1;
    for (const name of order) {
      at = reached.indexOf(name, at + 1);
      expect(at, `${name} in ${reached.join(' | ')}`).toBeGreaterThan(-1);
    }
  });
});
