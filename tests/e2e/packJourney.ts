import { expect, type Page } from '@playwright/test';
import { introduceMentor, openStudio } from './studio.ts';

/*
 * Steps of a mentor's journey shared by the critique-pack specs: open the
 * demo workshop, review a submission, mark it, score it and submit.
 */

/** A fresh studio with a mentor and the demo workshop, opened at the demo workshop's screen. */
export async function openDemoWorkshop(page: Page): Promise<void> {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
}

/** From the demo workshop's screen, the review canvas of `business`'s version 1, with its face shown. */
export async function openReview(page: Page, business: string): Promise<void> {
  await page.getByRole('link', { name: business }).click();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Telaah ${business} · versi 1` })).toBeVisible();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
}

export async function openDemoReview(page: Page, business: string): Promise<void> {
  await openDemoWorkshop(page);
  await openReview(page, business);
}

/** A pin at a height of the face with a severity and a comment, made as a mentor does. */
export async function annotate(page: Page, y: number, severity: string, comment: string): Promise<void> {
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.locator('h1').click();
  await page.keyboard.press('p');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * y);
  await page.getByRole('radio', { name: severity }).click();
  await page.getByLabel('Komentar', { exact: true }).fill(comment);
  await page.keyboard.press('Escape');
}

/**
 * Every criterion from the keyboard (5, then 4s), a verdict, the must-fix item
 * gathered (a must-fix mark "Nomor P-IRT belum dicantumkan" is expected), and submit.
 */
export async function scoreAndSubmit(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Anotasi' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('5');
  for (const key of '444444444') await page.keyboard.press(key);
  await expect(page.getByRole('status', { name: 'Nilai keseluruhan' })).toHaveText('79,5');
  await expect(page.getByRole('radio', { name: 'Siap pasar' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Perbaikan kecil' })).toBeChecked();
  await page.getByRole('button', { name: /^Kumpulkan dari anotasi/ }).click();
  await expect(page.getByRole('textbox', { name: 'Wajib diperbaiki nomor 1' })).toHaveValue('Nomor P-IRT belum dicantumkan');
  await page.getByRole('textbox', { name: 'Butir baru untuk Saran' }).fill('Perbesar tulisan berat bersih');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Kirim penilaian' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
}
