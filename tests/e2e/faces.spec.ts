import { expect, test, type Page } from '@playwright/test';
import { openDemoReview } from './packJourney.ts';
import { KERIPIK } from './sessionFixture.ts';
import { expectAccessible, screenshot } from './studio.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;


/** The canvas's view transform (original image pixels → canvas pixels). */
async function viewport(page: Page): Promise<number[]> {
  const value = await page.locator('[data-testid="canvas-stage"] canvas[data-viewport]').first().getAttribute('data-viewport');
  return (value ?? '').split(' ').map(Number);
}

const onScreen = (m: number[], p: { x: number; y: number }) => ({ x: m[0]! * p.x + m[2]! * p.y + m[4]!, y: m[1]! * p.x + m[3]! * p.y + m[5]! });

for (const size of SIZES) {
  test(`faces at ${size.width}×${size.height}: retype from the tab, turn a face with a mark on it, measure names the pack dimensions`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDemoReview(page, KERIPIK);
    const canvas = page.getByTestId('canvas-stage');

    // A pin on the artwork, placed with the mouse at a point of the face.
    await page.keyboard.press('p');
    const box = (await canvas.boundingBox())!;
    const at = { x: box.x + box.width * 0.4, y: box.y + box.height * 0.3 };
    await page.mouse.click(at.x, at.y);
    await expect(canvas.locator('canvas[data-marks="1"]').first()).toBeAttached();
    const before = await viewport(page);
    // The image point under the click: invert the view.
    const [a, b, c, d, e, f] = before as [number, number, number, number, number, number];
    const det = a * d - b * c;
    const sx = at.x - box.x - e;
    const sy = at.y - box.y - f;
    const scene = { x: (d * sx - c * sy) / det, y: (a * sy - b * sx) / det };

    // Turn it right with the keyboard: the view turns a quarter, the mark stays on the same artwork.
    await page.getByRole('tab', { name: 'Depan' }).focus();
    await page.keyboard.press('Shift+R');
    await expect(page.getByText('Sisi Depan: Putar 90° ke kanan. Berkas asli tidak diubah.')).toBeVisible();
    await expect.poll(async () => Math.round((await viewport(page))[0]! * 1000)).toBe(0);
    const after = await viewport(page);
    expect(after[1]).toBeGreaterThan(0);
    const shown = onScreen(after, scene);
    // The pin's point is inside the canvas, at the turned place of the same image pixel.
    const pixel = await page.evaluate(
      ({ x, y }) => {
        const el = document.querySelector<HTMLCanvasElement>('[data-testid="canvas-stage"] canvas.upper-canvas, [data-testid="canvas-stage"] canvas');
        return el ? { w: el.clientWidth, h: el.clientHeight, x, y } : null;
      },
      shown,
    );
    expect(pixel && pixel.x > 0 && pixel.x < pixel.w && pixel.y > 0 && pixel.y < pixel.h).toBe(true);
    await screenshot(page, `faces-turned-${size.width}`);

    // Measure on the front names width × height of the pack.
    await page.keyboard.press('Escape');
    await page.keyboard.press('m');
    // Turned a quarter, the portrait front now lies across the 140 × 220 mm pack: the measure says it matched crosswise.
    await expect(
      page.getByText(
        'Ukur memakai lebar × tinggi kemasan (140 × 220 mm) untuk depan, dipasangkan melintang karena gambar tampil miring terhadap kemasan (putar sisi ini bila gambarnya miring).',
      ),
    ).toBeVisible();
    // Turned back left, it stands upright again: width across, height up, nothing to match crosswise.
    await page.getByRole('tab', { name: 'Depan' }).focus();
    await page.keyboard.press('Shift+L');
    await expect(page.getByText('Sisi Depan: Putar 90° ke kiri. Berkas asli tidak diubah.')).toBeVisible();
    await expect(page.getByText('Ukur memakai lebar × tinggi kemasan (140 × 220 mm) untuk depan.')).toBeVisible();

    // Retype from the face tab's menu, keyboard only: the tab says Lainnya, and measure asks for the type.
    await page.getByRole('button', { name: 'Ubah sisi Depan' }).focus();
    await page.keyboard.press('ArrowDown');
    const lainnya = page.getByRole('menuitem', { name: 'Jadikan Lainnya' });
    await lainnya.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Lainnya' })).toBeVisible();
    await expect(page.getByText('Ukur dalam piksel: tetapkan jenis sisi ini agar ukuran kemasan dapat dipakai.')).toBeVisible();
    await expectAccessible(page);
    // Chosen right there: a side, which is depth × height.
    await page.getByLabel(/^Jenis sisi /).last().selectOption('left');
    await expect(page.getByRole('tab', { name: 'Sisi kiri' })).toBeVisible();
    await expect(page.getByText('Ukur memakai kedalaman × tinggi kemasan (40 × 220 mm) untuk sisi kiri.')).toBeVisible();
    await screenshot(page, `faces-retyped-${size.width}`);

    // Undo from the toast puts the type back.
    await page.getByRole('button', { name: 'Urungkan' }).last().click();
    await expect(page.getByRole('tab', { name: 'Lainnya' })).toBeVisible();
  });
}
