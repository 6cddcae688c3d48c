import { expect, test } from '@playwright/test';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

test('a new mentor introduces themselves, creates a workshop and a participant, and finds them after a reload', async ({
  page,
}) => {
  await openStudio(page);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Kemas Studio' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expectAccessible(page);
  await screenshot(page, '01-identity');

  // An empty name is refused with a message, and nothing else happens.
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByText('Isian ini wajib diisi.')).toBeVisible();

  await introduceMentor(page);
  await expect(page.getByRole('heading', { name: 'Belum ada workshop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Coba dengan contoh' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dewi Lestari' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '02-workshops-empty');

  await page.getByRole('button', { name: 'Workshop baru' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Workshop baru' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Nama workshop').fill('Workshop Kemasan Jember');
  await dialog.getByLabel('Wilayah (Bakorwil)').fill('Jember');
  await dialog.getByLabel('Tanggal mulai').fill('2026-11-24');
  await dialog.getByLabel('Tanggal selesai').fill('2026-11-20');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Tanggal selesai tidak boleh sebelum tanggal mulai.')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '03-workshop-form-error');
  await dialog.getByLabel('Tanggal selesai').fill('2026-11-26');
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  // Saving a new workshop opens it.
  await expect(page.getByRole('heading', { name: 'Workshop Kemasan Jember', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Belum ada peserta' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Peserta baru' }).first().click();
  const form = page.getByRole('dialog', { name: 'Peserta baru' });
  await form.getByLabel('Nama usaha').fill('Kopi Bubuk Lereng Ijen');
  await form.getByLabel('Pemilik').fill('Hendra Kurniawan');
  await form.getByLabel('Produk').fill('Kopi Bubuk Arabika');
  await form.getByLabel('Kategori').selectOption({ label: 'Minuman' });
  await form.getByLabel('Kota').fill('Jember');
  await form.getByLabel('Nomor P-IRT / BPOM').fill('P-IRT 3093509020456-30');
  await form.getByLabel('Bahan kemasan').selectOption({ label: 'Kertas / karton' });
  await form.getByLabel('Lebar').fill('80');
  await form.getByLabel('Tinggi').fill('200,5');
  await expectAccessible(page);
  await screenshot(page, '04-participant-form');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();

  const row = page.getByRole('row', { name: /Kopi Bubuk Lereng Ijen/ });
  await expect(row).toContainText('Hendra Kurniawan');
  await expect(row).toContainText('Minuman');
  await expectAccessible(page);
  await screenshot(page, '05-workshop-detail');

  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('row', { name: /Kopi Bubuk Lereng Ijen/ })).toBeVisible();
  await page.getByRole('link', { name: 'Kopi Bubuk Lereng Ijen' }).click();
  await expect(page.getByRole('heading', { name: 'Kopi Bubuk Lereng Ijen', level: 1 })).toBeVisible();
  await expect(page.getByText('P-IRT 3093509020456-30')).toBeVisible();
  await expect(page.getByText('80 × 200,5')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Workshop', exact: true }).first().click();
  const workshopRow = page.getByRole('row', { name: /Workshop Kemasan Jember/ });
  await expect(workshopRow).toContainText('Jember');
  await expect(workshopRow.getByRole('cell').nth(2)).toHaveText('1');
});

test('the whole journey works from the keyboard alone', async ({ page }) => {
  await openStudio(page);
  // Tab past the skip link and the header's buttons to the first field.
  const name = page.getByLabel('Nama');
  for (let presses = 0; presses < 10 && !(await name.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(name).toBeFocused();
  await page.keyboard.type('Budi Santoso');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dinas Koperasi Madiun');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Belum ada workshop' })).toBeVisible();

  // N opens the new-workshop form; Enter saves it.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Workshop baru' });
  await expect(dialog.getByLabel('Nama workshop')).toBeFocused();
  await page.keyboard.type('Workshop Madiun');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Workshop Madiun', level: 1 })).toBeVisible();

  // Shift+P opens the new-participant form (P alone is the review screen's pin); Escape closes it without saving.
  await page.keyboard.press('Shift+P');
  await expect(page.getByRole('dialog', { name: 'Peserta baru' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Belum ada peserta' })).toBeVisible();

  // ? lists the shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Pintasan papan ketik' });
  await expect(help).toContainText('Workshop baru');
  // The dialog is written from the keymap: every scope, with the keys the screens really use.
  await expect(help.getByRole('row', { name: /Shift\+P Peserta baru/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /^P Pin$/ })).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Di layar perbandingan' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '06-shortcuts');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('a mentor corrects their name in the profile and reads the About dialog', async ({ page }) => {
  await openStudio(page);
  await introduceMentor(page, 'Dewi Lestar', 'Rumah Kurasi');
  await page.getByRole('button', { name: 'Dewi Lestar' }).click();
  await page.getByRole('button', { name: 'Ubah profil saya' }).click();
  const profile = page.getByRole('dialog', { name: 'Profil penelaah' });
  await expect(profile.getByLabel('Nama')).toHaveValue('Dewi Lestar');
  await expectAccessible(page);
  await profile.getByLabel('Nama').fill('Dewi Lestari');
  await profile.getByRole('button', { name: 'Simpan' }).click();
  await expect(profile).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dewi Lestari' })).toBeVisible();

  await page.getByRole('button', { name: 'Tentang' }).click();
  const about = page.getByRole('dialog', { name: 'Tentang Kemas Studio' });
  await expect(about).toContainText('Berjalan di: peramban (host lokal)');
  await expect(about).toContainText(/Versi \d+\.\d+\.\d+/);
  await expectAccessible(page);
  await screenshot(page, '10-about');
  await about.getByRole('button', { name: 'Tutup' }).click();
  await expect(about).toBeHidden();
});
