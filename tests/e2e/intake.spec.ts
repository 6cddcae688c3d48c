import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterBombSvg } from '../support/heavyFiles.ts';
import { writeMixedFolder, packImage } from './intakeFiles.ts';
import { dropFiles, expectAccessible, newWorkshop, screenshot, waitForReady } from './studio.ts';

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-intake-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));



test('Cancel stops the file being read: a file that would hold a worker until its time bound is reported as cancelled, not as too heavy', async ({
  page,
}) => {
  // An SVG whose filters keep a worker busy until the time bound (60 s by default): only a stopped worker ends it sooner.
  const dir = join(work, 'batal');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bomba-filter.svg'), filterBombSvg());
  await newWorkshop(page, 'Workshop Kemasan Jember');
  await dropFiles(page, dir, ['bomba-filter.svg']);
  const running = page.getByRole('region', { name: 'Mengimpor desain' });
  await expect(running).toContainText('bomba-filter.svg');
  await running.getByRole('button', { name: 'Batalkan impor' }).click();

  // The file in progress stops with the queue: the worker reading it is killed, or, if its bytes
  // were still on the way, the host refuses it when it arrives. Either way it was not read to the end.
  const panel = page.getByRole('region', { name: 'Impor dibatalkan' });
  await expect(panel).toContainText('0 tampak diimpor, 0 duplikat dilewati, 1 gagal.', { timeout: 90_000 });
  await panel.getByRole('button', { name: 'Lihat laporan' }).click();
  const report = page.getByRole('dialog', { name: 'Laporan impor' });
  await expect(report.getByRole('row', { name: /bomba-filter\.svg/ })).toContainText('Dibatalkan saat sedang dibaca; berkas ini tidak diimpor.');
  await expectAccessible(page);
  await report.getByRole('button', { name: 'Tutup' }).click();

  // The studio goes on: the next import reads its file.
  await panel.getByRole('button', { name: 'Tutup' }).click();
  writeFileSync(join(dir, 'Kopi Ijen - Kopi Robusta - depan.jpg'), await packImage(600, 900, '#3b2a1d', 'jpeg'));
  await dropFiles(page, dir, ['Kopi Ijen - Kopi Robusta - depan.jpg']);
  await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('1 tampak diimpor', { timeout: 60_000 });
});

test('a mixed folder dropped on a workshop: good files in, broken ones reported, strays in the tray, all kept after reload', async ({
  page,
}) => {
  const folder = await writeMixedFolder(join(work, 'campur'));
  await newWorkshop(page, 'Workshop Kemasan Malang');
  await dropFiles(page, folder.dir, folder.files);

  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(panel).toContainText('4 tampak diimpor, 1 duplikat dilewati, 3 gagal.');
  await expect(panel).toContainText('1 tampak menunggu di baki "Belum ditetapkan".');
  await screenshot(page, '20-import-finished');

  await panel.getByRole('button', { name: 'Lihat laporan' }).click();
  const report = page.getByRole('dialog', { name: 'Laporan impor' });
  await expect(report.getByRole('row', { name: /rusak\.jpg/ })).toContainText('Berkas terpotong');
  await expect(report.getByRole('row', { name: /catatan\.jpg/ })).toContainText('Ini bukan gambar');
  await expect(report.getByRole('row', { name: /kosong\.png/ })).toContainText('Berkas kosong');
  await expect(report).toContainText('salinan depan.jpg');
  await expectAccessible(page);
  await screenshot(page, '21-import-report');
  await report.getByRole('button', { name: 'Tutup' }).click();
  await panel.getByRole('button', { name: 'Tutup' }).click();

  // File names made the participants.
  await expect(page.getByRole('row', { name: /Keripik Tempe Bu Sari/ })).toContainText('Keripik Tempe');
  await expect(page.getByRole('row', { name: /Kopi Ijen/ })).toContainText('Kopi Arabika');

  // The stray photo waits in the tray; the mentor assigns it from the keyboard.
  await page.getByRole('tab', { name: 'Belum ditetapkan (1)' }).click();
  await expect(page.getByText('IMG_20261124_101500.jpg', { exact: true })).toBeVisible();
  await expectAccessible(page);
  // Its type is corrected right in the tray (the row shows what was stored), and Undo puts it back.
  const trayType = page.getByLabel('Jenis sisi IMG_20261124_101500.jpg');
  await expect(trayType).toHaveValue('other');
  await trayType.selectOption('back');
  await expect(trayType).toHaveValue('back');
  await page.getByRole('button', { name: 'Urungkan' }).last().click();
  await expect(trayType).toHaveValue('other');
  await page.getByLabel('Tetapkan IMG_20261124_101500.jpg ke peserta').selectOption({ label: 'Kopi Ijen' });
  await page.getByRole('button', { name: 'Tetapkan', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Belum ditetapkan (0)' })).toBeVisible();
  // The item left the tray; the keyboard focus did not drop to the page.
  await expect(page.getByRole('heading', { name: 'Belum ditetapkan' })).toBeFocused();

  await page.getByRole('tab', { name: 'Galeri kiriman' }).click();
  await expect(page.getByText('2 kiriman')).toBeVisible();
  const card = page.getByRole('link', { name: /^Kopi Ijen Kopi Arabika · v1/ });
  await expect(card).toContainText('2 tampak');
  const cover = card.locator('img');
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expectAccessible(page);
  await screenshot(page, '22-gallery');

  await page.reload();
  await waitForReady(page);
  await expect(page.getByText('2 kiriman')).toBeVisible();

  await page.getByRole('link', { name: /^Keripik Tempe Bu Sari Keripik Tempe · v1/ }).click();
  await page.getByRole('link', { name: 'Buka tampak Depan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Depan · Keripik Tempe · versi 1');
  await expect(page.getByText('800 × 1.200')).toBeVisible();
  await expect(page.getByText('Ukuran kemasan belum diisi')).toBeVisible();
  const previewImage = page.getByRole('img', { name: 'Depan kemasan Keripik Tempe' });
  await expect.poll(() => previewImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
  await expect(page.getByRole('list', { name: 'Palet warna dominan' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '23-face');
});

test('a roster and its folder create the participants with their data and their designs', async ({ page }) => {
  const dir = join(work, 'roster-desain');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'jamu-depan.jpg'), await packImage(1000, 350, '#d98c1f', 'jpeg'));
  writeFileSync(join(dir, 'kopi-depan.jpg'), await packImage(600, 1500, '#1d2b2a', 'jpeg'));
  const roster = [
    'Nama usaha;Pemilik;Produk;Kategori;Kota;Wilayah;Lebar (mm);Tinggi (mm);Berkas desain',
    'Jamu Kunyit Asam Mbok Darmi;Darmi Rahayu;Jamu Kunyit Asam;Jamu;Madiun;Madiun;200;70;jamu-depan.jpg',
    'Kopi Bubuk Lereng Ijen;Hendra Kurniawan;Kopi Bubuk Arabika;Minuman;Jember;Jember;80;200;kopi-depan.jpg',
    ';Tanpa Nama;Keripik;Camilan;Malang;Malang;;;',
  ].join('\n');
  const rosterFile = join(work, 'daftar-peserta.csv');
  writeFileSync(rosterFile, roster);

  await newWorkshop(page, 'Workshop Roster');
  const rosterChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor daftar peserta…' }).click();
  await (await rosterChooser).setFiles(rosterFile);
  const dialog = page.getByRole('dialog', { name: 'Impor daftar peserta' });
  await expect(dialog.getByRole('definition').first()).toHaveText('2');
  await expect(dialog.getByRole('row', { name: /^4 / }).first()).toContainText('Baris tanpa nama usaha');
  await expectAccessible(page);
  const folderChooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Pilih folder desain…' }).click();
  await (await folderChooser).setFiles(dir);
  await dialog.getByRole('button', { name: 'Impor 2 peserta' }).click();
  await page.getByRole('dialog', { name: 'Laporan impor daftar peserta' }).getByRole('button', { name: 'Tutup' }).click();

  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toContainText('2 tampak diimpor, 0 duplikat dilewati, 0 gagal.', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Tutup' }).click();
  await expect(page.getByRole('row', { name: /Jamu Kunyit Asam Mbok Darmi/ })).toContainText('Darmi Rahayu');
  await page.getByRole('link', { name: 'Kopi Bubuk Lereng Ijen' }).click();
  await expect(page.getByText('80 × 200')).toBeVisible();
  // 600 px across an 80 mm face is 191 dpi: soft in print, and the studio says so.
  await expect(page.getByText('2 peringatan')).toBeVisible();
  await page.getByRole('link', { name: 'Buka tampak Depan' }).click();
  await expect(page.getByText('Resolusi efektif: 191 dpi')).toBeVisible();
  await expect(page.getByText('Resolusi rendah (di bawah 300 dpi)', { exact: false })).toBeVisible();
  await expect(page.getByText('Tidak ada profil warna ICC', { exact: false })).toBeVisible();
});

test('a new version after mentoring keeps the first one', async ({ page }) => {
  const dir = join(work, 'versi');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Sambal Bu Rini - Sambal Bawang - depan.jpg'), await packImage(700, 900, '#b3261e', 'jpeg'));
  writeFileSync(join(dir, 'sambal-depan-revisi.jpg'), await packImage(700, 900, '#2e7d32', 'jpeg'));
  await newWorkshop(page, 'Workshop Versi');
  await dropFiles(page, dir, ['Sambal Bu Rini - Sambal Bawang - depan.jpg']);
  await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('1 tampak diimpor', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Sambal Bu Rini' }).click();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Versi baru…' }).click();
  await (await chooser).setFiles(join(dir, 'sambal-depan-revisi.jpg'));
  await expect(page.getByRole('heading', { level: 3, name: /Versi 2/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 3, name: /Versi 1/ })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expectAccessible(page);
  await screenshot(page, '24-versions');
});
