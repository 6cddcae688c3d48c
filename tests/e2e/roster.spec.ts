import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeRosterXlsx } from '../support/rosterWorkbook.ts';
import { packImage } from './intakeFiles.ts';
import { expectAccessible, newWorkshop } from './studio.ts';

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-roster-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The dialog as it is on screen at a given window size (not the full page: the dialog scrolls inside). */
async function screenAt(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
}

async function openRoster(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor daftar peserta…' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Impor daftar peserta' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a roster from the regional office is previewed, corrected and imported; Cancel writes nothing', async ({ page }) => {
  const rosterFile = join(work, 'Peserta Bakorwil Madiun.xlsx');
  writeFileSync(rosterFile, await officeRosterXlsx());
  const designs = join(work, 'desain');
  mkdirSync(designs, { recursive: true });
  writeFileSync(join(designs, 'brem-depan.png'), await packImage(1400, 2200, '#c8a15a', 'png'));
  writeFileSync(join(designs, 'Madu Hutan Lestari - Madu Hutan - depan.jpg'), await packImage(1200, 1800, '#7a4a12', 'jpeg'));
  writeFileSync(join(designs, 'poster-acara.jpg'), await packImage(800, 600, '#204060', 'jpeg'));

  await newWorkshop(page, 'Workshop Roster Madiun', undefined, 'Madiun');
  // Already in the workshop: the roster updates it instead of making a second one.
  await page.getByRole('button', { name: 'Peserta baru' }).first().click();
  const form = page.getByRole('dialog', { name: 'Peserta baru' });
  await form.getByLabel('Nama usaha').fill('Madu Hutan Lestari');
  await form.getByLabel('Produk').fill('Madu Hutan');
  await form.getByLabel('Kategori').selectOption({ label: 'Minuman' });
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();

  let dialog = await openRoster(page, rosterFile);
  // The instructions sheet comes first; the roster is found on the second.
  await expect(dialog.getByLabel('Lembar')).toHaveValue('1');
  await expect(dialog).toContainText('Judul kolom dibaca di baris 4.');
  await expect(dialog.getByLabel('Kolom I "Ukuran Kemasan (cm)" dibaca sebagai')).toHaveValue('size');
  await expect(dialog.getByLabel('Satuan kolom I')).toHaveValue('cm');
  await expect(dialog).toContainText('Satuan dari judul kolom.');
  await expect(dialog.getByLabel('Kolom H "Tanggal Daftar" dibaca sebagai')).toHaveValue('');

  const preview = dialog.getByRole('region', { name: 'Pratinjau baris daftar' });
  const brem = preview.getByRole('row', { name: /^5 / });
  await expect(brem).toContainText('Dibuat baru');
  await expect(brem).toContainText('= 140 × 220 × 40 mm');
  // The phone number Excel stored as a number gets its leading 0 back.
  await expect(brem).toContainText('= 081234567890');
  await expect(preview.getByRole('row', { name: /^7 / })).toContainText('= 120 × 180 mm, tanpa tebal');
  await expect(preview.getByRole('row', { name: /^7 / })).toContainText('Diperbarui');
  // The region merged down three rows belongs to each of them.
  await expect(preview.getByRole('row', { name: /^6 / })).toContainText('Madiun');
  const kopi = preview.getByRole('row', { name: /^9 / });
  await expect(kopi).toContainText('Ukuran kemasan tidak terbaca');

  await expect(dialog.getByRole('term')).toHaveText(['Dibuat', 'Diperbarui', 'Tidak berubah', 'Dilewati']);
  await expect(dialog.getByRole('definition')).toHaveText(['4', '1', '0', '0']);

  // Nothing is dropped without a word: unused columns and values not understood are listed.
  const unused = dialog.getByRole('region', { name: /Kolom yang tidak dipakai/ });
  await expect(unused.getByRole('row', { name: /^A · No/ })).toContainText('Judul kolom tidak dikenali.');
  await expect(unused.getByRole('row', { name: /^H · Tanggal Daftar/ })).toContainText('"2024-05-02"');
  const problems = dialog.getByRole('region', { name: /Baris dan nilai yang bermasalah/ });
  await expect(problems.getByRole('row', { name: /^9 / })).toContainText('besar');
  await expect(problems.getByRole('row', { name: /^8 / })).toContainText('Oleh-oleh');

  await expectAccessible(page);
  await screenAt(page, '60-roster-preview', 1366, 768);
  await screenAt(page, '60-roster-preview', 1920, 1080);
  // The far columns (sizes, files) after scrolling the table sideways.
  await preview.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await screenAt(page, '60-roster-preview-right', 1366, 768);
  await page.setViewportSize({ width: 1360, height: 860 });

  // The order of a combined size can be changed, from the keyboard too.
  const order = dialog.getByLabel('Urutan angka kolom I');
  await order.focus();
  await page.keyboard.press('ArrowDown');
  await expect(order).toHaveValue('l-w-h');
  await expect(brem).toContainText('= 140 × 40 × 220 mm');
  await order.selectOption('w-h-d');
  // A column the header did not name can be put to use, and the list of unused columns follows.
  await dialog.getByLabel('Kolom H "Tanggal Daftar" dibaca sebagai').selectOption({ label: 'Kota' });
  await expect(unused.getByRole('row', { name: /Tanggal Daftar/ })).toHaveCount(0);
  await dialog.getByLabel('Kolom H "Tanggal Daftar" dibaca sebagai').selectOption({ label: 'tidak dipakai' });
  await expect(unused.getByRole('row', { name: /^H · Tanggal Daftar/ })).toContainText('Dipilih "tidak dipakai".');

  // Batal writes nothing.
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Brem Suling Bu Warni/ })).toHaveCount(0);

  dialog = await openRoster(page, rosterFile);
  const folderChooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Pilih folder desain…' }).click();
  await (await folderChooser).setFiles(designs);
  await expect(dialog).toContainText('3 berkas di folder: 2 cocok dengan baris daftar, 1 lainnya.');
  await expect(preview.getByRole('row', { name: /^5 / })).toContainText('1 berkas: brem-depan.png');
  await expect(preview.getByRole('row', { name: /^7 / })).toContainText('Madu Hutan Lestari - Madu Hutan - depan.jpg');
  await expectAccessible(page);
  await screenAt(page, '61-roster-preview-folder', 1366, 768);
  await page.setViewportSize({ width: 1360, height: 860 });

  await dialog.getByRole('button', { name: 'Impor 5 peserta' }).click();
  const report = page.getByRole('dialog', { name: 'Laporan impor daftar peserta' });
  await expect(report).toContainText('4 peserta dibuat, 1 diperbarui, 0 tidak berubah, 0 baris dilewati.');
  await expect(report.getByRole('region', { name: /Kolom yang tidak dipakai/ })).toContainText('Tanggal Daftar');
  await expect(report.getByRole('region', { name: /Baris dan nilai yang bermasalah/ })).toContainText('besar');
  await expectAccessible(page);
  await screenAt(page, '62-roster-report', 1366, 768);
  await page.setViewportSize({ width: 1360, height: 860 });
  await report.getByRole('button', { name: 'Tutup' }).click();

  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toContainText('3 tampak diimpor, 0 duplikat dilewati, 0 gagal.', { timeout: 60_000 });
  await expect(panel).toContainText('1 tampak menunggu di baki "Belum ditetapkan".');
  await panel.getByRole('button', { name: 'Tutup' }).click();

  await expect(page.getByRole('row', { name: /Madu Hutan Lestari/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Ledre Pisang Bojonegoro/ })).toContainText('Siti Aminah');
  await page.getByRole('link', { name: 'Brem Suling Bu Warni' }).click();
  await expect(page.getByText('140 × 220 × 40')).toBeVisible();
  await expect(page.getByText('081234567890')).toBeVisible();
});
