import { expect, test } from '@playwright/test';
import { expectAccessible, introduceMentor, openStudio, screenshot } from './studio.ts';

test('the demo workshop loads with three participants and their packaging designs', async ({ page }) => {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await expect(page.getByRole('heading', { name: 'Contoh: Workshop Kemasan MJC Malang', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Workshop contoh siap');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4); // header + three participants
  await expect(page.getByRole('row', { name: /Jamu Kunyit Asam Mbok Darmi/ })).toContainText('Jamu & herbal');
  await expectAccessible(page);
  await screenshot(page, '08-demo-workshop');

  await page.getByRole('link', { name: 'Keripik Tempe Bu Sari' }).click();
  const front = page.getByRole('img', { name: /Depan kemasan Keripik Tempe Rasa Original/ });
  await expect(front).toBeVisible();
  // The thumbnail the host made: long edge 384 px.
  await expect.poll(() => front.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(384);
  await expect(page.getByRole('img', { name: /Belakang kemasan/ })).toBeVisible();
  await expect(page.getByText('P-IRT 2063507010123-29')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '09-demo-participant');

  // Loading it again does not make a second copy.
  await page.getByRole('link', { name: 'Workshop', exact: true }).first().click();
  await expect(page.getByRole('row', { name: /Contoh: Workshop Kemasan MJC Malang/ })).toContainText('3');
  await expect(page.getByRole('button', { name: 'Coba dengan contoh' })).toBeHidden();
});

test('deleting a workshop can be undone', async ({ page }) => {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Contoh/ })).toBeVisible();
  await page.getByRole('link', { name: 'Workshop', exact: true }).first().click();
  await page.getByRole('button', { name: 'Hapus workshop Contoh: Workshop Kemasan MJC Malang' }).click();
  await expect(page.getByRole('heading', { name: 'Belum ada workshop' })).toBeVisible();
  await page.getByRole('button', { name: 'Urungkan' }).click();
  await expect(page.getByRole('row', { name: /Contoh: Workshop Kemasan MJC Malang/ })).toBeVisible();
});
