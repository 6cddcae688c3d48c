import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type RunningHost } from '../support/browserHost.ts';
import { E2E_PORT } from './globalSetup.ts';
import { packImage } from './intakeFiles.ts';
import { expectAccessible, introduceMentor, openStudio, screenshot } from './studio.ts';

// Limits are host settings: this test has a host of its own so it cannot change them under others.
let host: RunningHost;
let work: string;
test.beforeAll(async () => {
  host = await startBrowserHost(E2E_PORT + 5);
  work = mkdtempSync(join(tmpdir(), 'kemas-limits-'));
});
test.afterAll(async () => {
  await host.stop();
  rmSync(work, { recursive: true, force: true });
});

test('a mentor lowers the image-size limit and a larger image is refused with that reason', async ({ page }) => {
  await openStudio(page, host.url);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pengaturan' });
  await expect(dialog.getByLabel('Ukuran gambar maksimum (megapiksel)')).toHaveValue('200');
  await expect(dialog.getByRole('region', { name: 'Penyimpanan studio' }).getByText(/^Penyimpanan (tetap|belum tetap):/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '25-settings');
  // Larger originals than a backup can restore are not allowed.
  await dialog.getByLabel('Ukuran berkas maksimum (MB)').fill('5000');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Paling besar 1.024.')).toBeVisible();
  await dialog.getByLabel('Ukuran berkas maksimum (MB)').fill('250');
  await dialog.getByLabel('Ukuran gambar maksimum (megapiksel)').fill('nol');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Masukkan angka lebih dari 0.')).toBeVisible();
  await dialog.getByLabel('Ukuran gambar maksimum (megapiksel)').fill('1');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Workshop baru' }).first().click();
  await page.getByLabel('Nama workshop').fill('Workshop Batas');
  await page.getByRole('button', { name: 'Simpan' }).click();
  const big = join(work, 'Tahu Walik Pak Man - Tahu Walik - depan.jpg');
  writeFileSync(big, await packImage(1600, 1200, '#c62828', 'jpeg'));
  expect(readFileSync(big).length).toBeGreaterThan(0);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor berkas…' }).click();
  await (await chooser).setFiles(big);
  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toContainText('0 tampak diimpor, 0 duplikat dilewati, 1 gagal.', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Lihat laporan' }).click();
  await expect(page.getByRole('dialog', { name: 'Laporan impor' })).toContainText('terlalu banyak piksel');
});
