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
  const list = page.getByRole('region', { name: /Anotasi \(/ }).or(page.locator('.annotation-list'));
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
  await expect(page.getByRole('img', { name: /Kanvas Belakang dengan 0 anotasi/ })).toBeVisible();
});

test('zoom keys: 1 is 100 %, 0 fits, and the zoom stays when changing face', async ({ page }) => {
  await openDemoReview(page);
  await page.keyboard.press('1');
  await expect(page.locator('.zoom-level')).toHaveText('100%');
  await page.keyboard.press('+');
  await expect(page.locator('.zoom-level')).toHaveText('125%');
  await page.keyboard.press(']');
  await faceShown(page);
  await expect(page.locator('.zoom-level')).toHaveText('125%');
  await page.keyboard.press('0');
  await expect(page.locator('.zoom-level')).not.toHaveText('125%');
});
