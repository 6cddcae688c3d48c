import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

async function openDemoReview(page: Page) {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await page.getByRole('link', { name: 'Keripik Tempe Bu Sari' }).click();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Telaah Keripik Tempe Bu Sari · versi 1' })).toBeVisible();
  await faceShown(page);
}

/** Waits until the canvas shows a face (the stage marks it), and returns the stage's box. */
async function faceShown(page: Page) {
  const stage = page.getByTestId('canvas-stage');
  await expect(stage).toHaveAttribute('data-face-shown', /.+/);
  const box = await stage.boundingBox();
  if (!box) throw new Error('no canvas stage');
  return box;
}

test('a mentor pins, draws, comments from the bank, undoes and redoes, and finds it all after a reload', async ({ page }) => {
  await openDemoReview(page);
  const box = await faceShown(page);
  await expectAccessible(page);

  // P, then a click: a numbered pin, selected, ready for its comment.
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: /Pin/, pressed: true })).toBeVisible();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.3);
  const list = page.getByRole('region', { name: /Anotasi \(/ });
  await expect(page.getByRole('heading', { name: 'Anotasi 1' })).toBeVisible();
  await page.getByRole('radio', { name: 'Wajib diperbaiki' }).click();
  await expect(page.getByRole('radio', { name: 'Wajib diperbaiki' })).toBeChecked();
  await page.getByLabel('Kategori').selectOption({ label: 'Informasi label' });
  await page.getByLabel('Cari di bank komentar').fill('pirt');
  await expect(page.getByRole('list', { name: 'Komentar yang cocok' })).toBeVisible();
  await page.getByLabel('Cari di bank komentar').press('Enter');
  await expect(page.getByLabel('Komentar', { exact: true })).toHaveValue(/P-IRT/);

  // The rectangle tool from the toolbar, and a drag: a rectangle, number 2.
  await page.getByRole('button', { name: /^Kotak/ }).click();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('heading', { name: 'Anotasi 2' })).toBeVisible();
  await expect(list.getByRole('button', { name: /^1 Wajib diperbaiki · Informasi label/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /^2 Saran · Lainnya/ })).toBeVisible();
  await screenshot(page, '30-review');
  await expectAccessible(page);

  // Undo takes the rectangle away; redo brings it back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('button', { name: /^2 / })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(list.getByRole('button', { name: /^2 / })).toBeVisible();

  await page.reload();
  await waitForReady(page);
  await faceShown(page);
  await expect(list.getByRole('button', { name: /^1 Wajib diperbaiki · Informasi label.*P-IRT/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /^2 Saran/ })).toBeVisible();

  // The back face has none of them; [ and ] move between faces.
  await page.keyboard.press(']');
  await expect(page.getByRole('tab', { name: 'Belakang', selected: true })).toBeVisible();
  await faceShown(page);
  await expect(page.getByRole('application', { name: /Kanvas Belakang dengan 0 anotasi/ })).toBeVisible();
});

test('zoom keys: 1 is 100 %, 0 fits, and the zoom stays when changing face', async ({ page }) => {
  await openDemoReview(page);
  await page.keyboard.press('1');
  await expect(page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true })).toHaveText('100%');
  await page.keyboard.press('+');
  await expect(page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true })).toHaveText('125%');
  await page.keyboard.press(']');
  await faceShown(page);
  await expect(page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true })).toHaveText('125%');
  await page.keyboard.press('0');
  await expect(page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true })).not.toHaveText('125%');
});

test('after a reload at another window size, an annotation sits on the same image pixels', async ({ page }) => {
  // The demo's front of Keripik Tempe is 1018 × 1600 px; the view fits it with a 5 % margin.
  const image = { width: 1018, height: 1600 };
  const fit = (box: { x: number; y: number; width: number; height: number }) => {
    const zoom = Math.min(box.width / image.width, box.height / image.height) * 0.95;
    return { zoom, x: box.x + (box.width - image.width * zoom) / 2, y: box.y + (box.height - image.height * zoom) / 2 };
  };
  await page.setViewportSize({ width: 1360, height: 860 });
  await openDemoReview(page);
  const before = fit(await faceShown(page));
  const target = { x: 300, y: 520 }; // image pixels: the logo's lower edge
  await page.keyboard.press('p');
  await page.mouse.click(before.x + target.x * before.zoom, before.y + target.y * before.zoom);
  await page.getByRole('radio', { name: 'Wajib diperbaiki' }).click();
  await expect(page.getByRole('radio', { name: 'Wajib diperbaiki' })).toBeChecked();

  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.reload();
  await waitForReady(page);
  const after = fit(await faceShown(page));
  expect(after.zoom).not.toBeCloseTo(before.zoom, 3);
  // The marks come after the picture, drawn over a frame or more: read the pixel once they are on screen for this view.
  const lower = page.getByTestId('canvas-stage').locator('canvas').first();
  await expect(lower).toHaveAttribute('data-marks', '1');
  await expect(lower).toHaveAttribute('data-marks-exact', 'true');
  // The numbered badge (must-fix red) is centred on the pin: sample just left of its number.
  const at = { x: after.x + target.x * after.zoom - 8, y: after.y + target.y * after.zoom };
  const png = await page.screenshot({ clip: { x: Math.round(at.x) - 1, y: Math.round(at.y) - 1, width: 3, height: 3 } });
  const pixel = await page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(1, 1, 1, 1).data];
  }, [...png]);
  const [r = 0, g = 0, b = 0] = pixel;
  // #d32f2f give or take anti-aliasing.
  expect(Math.abs(r - 0xd3)).toBeLessThan(30);
  expect(Math.abs(g - 0x2f)).toBeLessThan(30);
  expect(Math.abs(b - 0x2f)).toBeLessThan(30);
});

/** The page's pixels in `clip` (CSS pixels), as RGBA rows. */
async function pixelsIn(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const rounded = { x: Math.round(clip.x), y: Math.round(clip.y), width: Math.round(clip.width), height: Math.round(clip.height) };
  const png = await page.screenshot({ clip: rounded });
  const data = await page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(0, 0, bitmap.width, bitmap.height).data];
  }, [...png]);
  return { ...rounded, data };
}

/** The box (page CSS pixels) of the must-fix red (#d32f2f, give or take anti-aliasing) in `clip`; null when there is none. */
async function redBox(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const { x, y, width, data } = await pixelsIn(page, clip);
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (let i = 0; i < data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = data.slice(i, i + 3);
    if (Math.abs(r - 0xd3) > 24 || Math.abs(g - 0x2f) > 24 || Math.abs(b - 0x2f) > 24) continue;
    const px = x + ((i / 4) % width);
    const py = y + Math.floor(i / 4 / width);
    box = box ? { left: Math.min(box.left, px), top: Math.min(box.top, py), right: Math.max(box.right, px), bottom: Math.max(box.bottom, py) } : { left: px, top: py, right: px, bottom: py };
  }
  return box && { ...box, width: box.right - box.left + 1, height: box.bottom - box.top + 1, centre: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 } };
}

test('the face and its marks follow the hand while dragging and the wheel while zooming; at rest a badge is its size on screen again', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await openDemoReview(page);
  const box = await faceShown(page);
  const lower = page.getByTestId('canvas-stage').locator('canvas').first();
  // A must-fix pin in the middle of the canvas: its red badge is what is followed.
  const pin = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.keyboard.press('p');
  await page.mouse.click(pin.x, pin.y);
  await page.getByRole('radio', { name: 'Wajib diperbaiki' }).click();
  await expect(lower).toHaveAttribute('data-marks-exact', 'true');
  const around = (p: { x: number; y: number }) => ({ x: p.x - 60, y: p.y - 60, width: 120, height: 120 });
  const atFit = await redBox(page, around(pin));
  expect(atFit, 'the badge at fit').not.toBeNull();

  // The hand tool: the picture moves with the pointer while the button is still down, not when it is let go.
  await page.keyboard.press('h');
  await page.mouse.move(pin.x, pin.y);
  await page.mouse.down();
  await page.mouse.move(pin.x + 90, pin.y + 50, { steps: 5 });
  const moved = { x: pin.x + 90, y: pin.y + 50 };
  // Read once, the button still down: the frame after the last move shows the badge under the hand.
  const dragged = await redBox(page, around(moved));
  expect(dragged?.centre, 'the badge under the hand mid-drag').toEqual({ x: (atFit?.centre.x ?? 0) + 90, y: (atFit?.centre.y ?? 0) + 50 });
  await page.mouse.up();

  const zoomLevel = page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true });
  /** Once the wheel rests the marks are drawn exactly for the zoom: the badge is as big on screen as at fit, under the pointer. */
  const badgeAtRest = async (name: string) => {
    await expect(lower).toHaveAttribute('data-marks-exact', 'true');
    const badge = await redBox(page, around(moved));
    expect(badge, name).not.toBeNull();
    expect(Math.abs((badge?.width ?? 0) - (atFit?.width ?? 0)), `${name}: its width against the one at fit`).toBeLessThanOrEqual(2);
    expect(Math.abs((badge?.centre.x ?? 0) - moved.x)).toBeLessThanOrEqual(3);
    expect(Math.abs((badge?.centre.y ?? 0) - moved.y)).toBeLessThanOrEqual(3);
  };

  // The wheel over the badge zooms in about it: 6 steps in, the badge stays under the pointer.
  const zoomBefore = await zoomLevel.textContent();
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -150);
  await expect(zoomLevel).not.toHaveText(zoomBefore ?? '');
  await badgeAtRest('the badge after zooming in');

  // And back out as far: the marks are drawn again for each zoom on the way (a layer drawn ahead of the wheel, over a
  // few frames), and at rest the badge is where it was, at its size.
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 150);
  await expect(zoomLevel).toHaveText(zoomBefore ?? '');
  await badgeAtRest('the badge after zooming back out');
});

test('every drawing tool, the measure in millimetres, the eyedropper contrast and the shelf preview', async ({ page }) => {
  await openDemoReview(page);
  const box = await faceShown(page);
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const drag = async (key: string, from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.keyboard.press(key);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.press('Escape');
  };
  const items = page.getByTestId('annotation-items').locator(':scope > li');
  await drag('e', at(0.45, 0.2), at(0.55, 0.3));
  await expect(items).toHaveCount(1);
  await drag('a', at(0.6, 0.5), at(0.5, 0.4));
  await expect(items).toHaveCount(2);
  await drag('f', at(0.4, 0.7), at(0.55, 0.75));
  await expect(items).toHaveCount(3);

  // Measure across the whole width of the front: the declared pouch is 140 mm wide.
  const image = { width: 1018, height: 1600 };
  const zoom = Math.min(box.width / image.width, box.height / image.height) * 0.95;
  const left = box.x + (box.width - image.width * zoom) / 2;
  const y = box.y + box.height / 2;
  await page.keyboard.press('m');
  await page.mouse.move(left + 1, y);
  await page.mouse.down();
  await page.mouse.move(left + image.width * zoom - 1, y, { steps: 8 });
  await page.mouse.up();
  await expect(items).toHaveCount(4);
  await expect(page.getByText(/^Panjang: /)).toHaveText(/Panjang: 1[34]\d(,\d)? mm/);

  // Text: place, then type the label in the side panel.
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  await page.mouse.click(at(0.35, 0.62).x, at(0.35, 0.62).y);
  await page.getByLabel('Teks label').fill('Perbesar netto');
  await expect(items).toHaveCount(5);
  await expect(items.nth(4)).toContainText('Saran');

  // Eyedropper: two samples, their contrast and a legibility verdict.
  await page.getByRole('button', { name: /^Pipet warna/ }).click();
  await page.mouse.click(at(0.5, 0.05).x, at(0.5, 0.05).y);
  await page.mouse.click(at(0.5, 0.38).x, at(0.5, 0.38).y);
  await expect(page.getByText(/Kontras \d+(,\d+)? : 1/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '31-review-tools');

  await page.getByRole('button', { name: 'Pratinjau rak & marketplace' }).click();
  const shelf = page.getByRole('dialog', { name: 'Pratinjau rak dan marketplace' });
  await expect(shelf.getByRole('img', { name: /dilihat dari 4 meter/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '32-shelf');
  await page.keyboard.press('Escape');
  await expect(shelf).toBeHidden();
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const) {
  test(`an existing note is edited in place at ${size.width}×${size.height}: double-click or Enter, mirrored in the side field, undoable`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDemoReview(page);
    const box = await faceShown(page);
    const at = { x: box.x + box.width * 0.4, y: box.y + box.height * 0.6 };
    const sideField = page.getByLabel('Teks label');
    const canvas = page.getByTestId('canvas-stage');

    // A new note, typed in place.
    await page.keyboard.press('t');
    await page.mouse.click(at.x, at.y);
    const note = page.getByRole('textbox', { name: 'Teks catatan 1' });
    await expect(note).toBeFocused();
    await page.keyboard.type('Netto 100 g');
    await page.keyboard.press('Enter');
    await expect(note).toHaveCount(0);
    await expect(sideField).toHaveValue('Netto 100 g');

    // A double-click on it: the same field over the note, holding its text; the side field follows the typing.
    await page.mouse.dblclick(at.x + 12, at.y + 8);
    await expect(note).toBeFocused();
    await expect(note).toHaveValue('Netto 100 g');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Netto 250 g');
    await expect(sideField).toHaveValue('Netto 250 g');
    await expectAccessible(page);
    await screenshot(page, `review-note-edit-${size.width}`);
    await page.keyboard.press('Enter');
    await expect(note).toHaveCount(0);
    await expect(sideField).toHaveValue('Netto 250 g');
    await expect(canvas).toBeFocused();

    // Undo brings the old text back.
    await page.keyboard.press('Control+z');
    await expect(sideField).toHaveValue('Netto 100 g');

    // From the keyboard: Enter on the selected note edits it in place; Esc leaves it as it was.
    await page.keyboard.press('Enter');
    await expect(note).toBeFocused();
    await expect(note).toHaveValue('Netto 100 g');
    await page.keyboard.type(' saja');
    await expect(sideField).toHaveValue('Netto 100 g saja');
    await page.keyboard.press('Escape');
    await expect(note).toHaveCount(0);
    await expect(sideField).toHaveValue('Netto 100 g');
    await expect(page.getByTestId('annotation-items').getByRole('listitem')).toHaveCount(1);
  });
}
