import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

const KERIPIK = 'Keripik Tempe Bu Sari';

const ITEMS = {
  productName: 'Nama produk',
  ingredients: 'Daftar bahan (komposisi)',
  netContent: 'Berat/isi bersih (netto)',
  producer: 'Nama dan alamat produsen',
  halal: 'Logo halal (desain BPJPH)',
  productionCode: 'Kode produksi / tanggal produksi',
  bestBefore: 'Tanggal kedaluwarsa (baik digunakan sebelum)',
  registration: 'Nomor izin edar (P-IRT atau BPOM MD/ML)',
  nutrition: 'Informasi nilai gizi',
  bahasa: 'Teks dalam Bahasa Indonesia',
} as const;

async function openDemoReview(page: Page) {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await page.getByRole('link', { name: KERIPIK }).click();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Telaah ${KERIPIK} · versi 1` })).toBeVisible();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
}

/** A pin on the face with a comment and a severity, made as a mentor does (tool key, click, editor). */
async function annotate(page: Page, y: number, severity: string, comment: string) {
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.locator('h1').click();
  await page.keyboard.press('p');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * y);
  await page.getByRole('radio', { name: severity }).click();
  await page.getByLabel('Komentar', { exact: true }).fill(comment);
  await page.keyboard.press('Escape');
}

/** The label item whose status radio group has focus (its fieldset's legend). */
const focusedItem = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent ?? '');

const item = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const status = (page: Page, name: string, label: string) => item(page, name).getByRole('radio', { name: label, exact: true });

test('a mentor checks the label from the keyboard, proves a missing date with a pin, reads the P-IRT number, and the checklist locks once submitted', async ({
  page,
}) => {
  await openDemoReview(page);
  // The label information is on the back: the pin goes there, then back to the front.
  await page.getByRole('tab', { name: 'Belakang' }).click();
  await expect(page.getByRole('tab', { name: 'Belakang', selected: true })).toBeVisible();
  await annotate(page, 0.75, 'Wajib diperbaiki', 'Tanggal kedaluwarsa tidak ada');
  await page.getByRole('tab', { name: 'Depan' }).click();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
  const zoom = page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true });
  const zoomBefore = await zoom.textContent();

  // The Label tab from the keyboard: ← from the first side tab wraps round to the last.
  await page.getByRole('tab', { name: 'Anotasi' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Label', selected: true })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Label kemasan' })).toBeVisible();
  await expect(page).toHaveURL(/side=label/);
  const summary = page.getByRole('region', { name: 'Ringkasan' });
  await expect(summary).toContainText('0 dari 10 butir sudah dicek');
  await expect(page.getByText('Dalam pilihan status: panah untuk berpindah; 1–4 memilih status lalu lanjut ke butir berikutnya.')).toBeVisible();

  // Registration number: the demo participant declared P-IRT 2063507010123-29 on a composite pouch;
  // its first digit, 2, means plastic, so the panel says they do not agree.
  const registration = page.getByRole('region', { name: 'Nomor registrasi' });
  await expect(registration).toContainText('P-IRT 2063507010123-29');
  await expect(registration).toContainText('P-IRT (pangan industri rumah tangga)');
  await expect(registration.getByRole('row', { name: /Kemasan \(angka 1\)/ })).toContainText('2 — Plastik');
  await expect(registration.getByRole('row', { name: /Berlaku sampai/ })).toContainText('2029');
  await expect(registration).toContainText(
    'Pemeriksaan bahan kemasan. Tidak cocok: kode kemasan 2 berarti Plastik, tetapi peserta menyatakan Multilapis (aluminium foil).',
  );
  // The snack declares a halal certificate: no item is suggested as not applicable.
  await expect(page.getByRole('region', { name: 'Saran: tidak berlaku' })).toHaveCount(0);

  // Into the panel: the tab panel, the number printed on the pack, then the first item's statuses.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Nomor yang tertulis pada kemasan')).toBeFocused();
  await page.keyboard.type('P-IRT No. 2063507010123-29');
  await expect(registration.getByRole('status')).toHaveText('Sama dengan nomor yang dinyatakan.');
  await page.keyboard.press('Tab');
  expect(await focusedItem(page)).toBe(ITEMS.productName);

  // 1–4 choose a status and move on; arrows move within a status choice (and choose, as radios do).
  await page.keyboard.press('1');
  expect(await focusedItem(page)).toBe(ITEMS.ingredients);
  await expect(status(page, ITEMS.productName, 'Ada')).toBeChecked();
  await page.keyboard.press('1');
  await page.keyboard.press('ArrowRight');
  expect(await focusedItem(page)).toBe(ITEMS.netContent);
  await expect(status(page, ITEMS.netContent, 'Tidak ada')).toBeChecked();
  await expect(status(page, ITEMS.netContent, 'Tidak ada')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(status(page, ITEMS.netContent, 'Ada')).toBeChecked();
  await page.keyboard.press('1');
  expect(await focusedItem(page)).toBe(ITEMS.producer);
  await page.keyboard.press('1');
  await page.keyboard.press('1'); // halal logo
  await page.keyboard.press('3'); // production code: wrong
  expect(await focusedItem(page)).toBe(ITEMS.bestBefore);
  await page.keyboard.press('2'); // best-before: missing
  expect(await focusedItem(page)).toBe(ITEMS.registration);
  await page.keyboard.press('1');
  await page.keyboard.press('4'); // nutrition facts: not applicable
  expect(await focusedItem(page)).toBe(ITEMS.bahasa);
  await expect(status(page, ITEMS.productionCode, 'Salah')).toBeChecked();
  await expect(status(page, ITEMS.bestBefore, 'Tidak ada')).toBeChecked();
  await expect(status(page, ITEMS.nutrition, 'Tidak berlaku')).toBeChecked();
  await expect(status(page, ITEMS.bahasa, 'Ada')).not.toBeChecked();
  await expect(status(page, ITEMS.bahasa, 'Ada')).toBeFocused();

  // The digits chose statuses: the canvas zoom did not move.
  await expect(zoom).toHaveText(zoomBefore ?? '');

  await expect(summary).toContainText('9 dari 10 butir sudah dicek');
  await expect(summary.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Status butir label: 6 ada, 1 tidak ada, 1 salah, 1 tidak berlaku, 1 belum dicek',
  );
  await expect(summary).toContainText('Perlu diperbaiki: Kode produksi / tanggal produksi dan Tanggal kedaluwarsa (baik digunakan sebelum)');
  const unproved = summary.getByText(/^Belum ada bukti anotasi:/);
  await expect(unproved).toContainText(ITEMS.bestBefore);
  await expect(item(page, ITEMS.bestBefore)).toContainText('Butuh bukti: tautkan anotasi pada desain.');

  // Back to best-before (its note, then its link select) and link the pin as proof, from the keyboard.
  await status(page, ITEMS.registration, 'Ada').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('textbox', { name: `Catatan untuk ${ITEMS.bestBefore}` })).toBeFocused();
  await page.keyboard.type('Cap tanggal di belakang kosong');
  await page.keyboard.press('Shift+Tab');
  const link = page.getByRole('combobox', { name: `Tautkan anotasi sebagai bukti ${ITEMS.bestBefore}` });
  await expect(link).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(link).toHaveValue(/.+/);
  await expect(link.locator('option:checked')).toHaveText('1. Tanggal kedaluwarsa tidak ada');
  const proof = item(page, ITEMS.bestBefore).getByTestId('checklist-proof');
  await expect(proof).toContainText('Bukti:1Tanggal kedaluwarsa tidak ada');
  await expect(item(page, ITEMS.bestBefore)).not.toContainText('Butuh bukti');
  await expect(unproved).not.toContainText(ITEMS.bestBefore);
  await expect(unproved).toContainText(ITEMS.productionCode);
  await expect(zoom).toHaveText(zoomBefore ?? '');

  await expectAccessible(page);
  await page.getByTestId('review-side-panel').evaluate((side) => side.scrollTo(0, 0));
  await screenshot(page, '45-label-checklist');
  await registration.evaluate((box) => box.scrollIntoView({ block: 'start' }));
  await screenshot(page, '45-label-checklist-registration');
  await item(page, ITEMS.productionCode).evaluate((fieldset) => fieldset.scrollIntoView({ block: 'start' }));
  await screenshot(page, '45-label-checklist-items');

  // "Tampilkan" (Space, as on any button) shows the proof's face and selects it: the Anotasi tab then edits annotation 1.
  await expect(page.getByRole('tab', { name: 'Depan', selected: true })).toBeVisible();
  await proof.getByRole('button', { name: 'Tampilkan anotasi 1 di kanvas' }).focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('tab', { name: 'Belakang', selected: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Label' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Anotasi', selected: true })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Anotasi 1' })).toBeVisible();
  await expect(page.getByLabel('Komentar', { exact: true })).toHaveValue('Tanggal kedaluwarsa tidak ada');

  // Everything is kept after a reload.
  await page.getByRole('tab', { name: 'Anotasi' }).press('End');
  await expect(page.getByRole('tab', { name: 'Label', selected: true })).toBeVisible();
  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('tab', { name: 'Label', selected: true })).toBeVisible();
  await expect(summary).toContainText('9 dari 10 butir sudah dicek');
  await expect(summary.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Status butir label: 6 ada, 1 tidak ada, 1 salah, 1 tidak berlaku, 1 belum dicek',
  );
  await expect(status(page, ITEMS.bestBefore, 'Tidak ada')).toBeChecked();
  await expect(status(page, ITEMS.productionCode, 'Salah')).toBeChecked();
  await expect(status(page, ITEMS.nutrition, 'Tidak berlaku')).toBeChecked();
  await expect(proof).toContainText('Tanggal kedaluwarsa tidak ada');
  await expect(page.getByRole('textbox', { name: `Catatan untuk ${ITEMS.bestBefore}` })).toHaveValue('Cap tanggal di belakang kosong');
  await expect(page.getByLabel('Nomor yang tertulis pada kemasan')).toHaveValue('P-IRT No. 2063507010123-29');

  // Submitted (here by abstaining), the checklist is read-only; withdrawn, it can be edited again.
  await page.getByRole('tab', { name: 'Nilai' }).click();
  await page.getByRole('button', { name: 'Abstain…' }).click();
  await page.getByRole('dialog', { name: 'Abstain dari kiriman ini?' }).getByRole('button', { name: 'Ya, abstain' }).click();
  await expect(page.getByLabel('Status penilaian: Abstain')).toBeVisible();
  await page.getByRole('tab', { name: 'Label' }).click();
  await expect(
    page.getByText('Penilaian Anda untuk kiriman ini sudah dikirim, jadi daftar periksa ini hanya dapat dilihat. Buka lagi penilaian di tab Nilai untuk mengubahnya.'),
  ).toBeVisible();
  const radios = page.getByRole('tabpanel', { name: 'Label' }).getByRole('radio');
  await expect(radios).toHaveCount(40);
  for (const radio of await radios.all()) await expect(radio).toBeDisabled();
  await expect(page.getByLabel('Nomor yang tertulis pada kemasan')).toBeDisabled();
  await expect(page.getByRole('combobox', { name: /Tautkan anotasi/ })).toHaveCount(0);
  await expect(item(page, ITEMS.bestBefore)).toContainText('Cap tanggal di belakang kosong');
  await expect(proof.getByRole('button', { name: 'Tampilkan anotasi 1 di kanvas' })).toBeEnabled();
  await expectAccessible(page);
  await screenshot(page, '46-label-checklist-read-only');

  await page.getByRole('tab', { name: 'Nilai' }).click();
  await page.getByRole('button', { name: 'Tarik pernyataan ini' }).click();
  await expect(page.getByLabel('Status penilaian: Draf')).toBeVisible();
  await page.getByRole('tab', { name: 'Label' }).click();
  await expect(status(page, ITEMS.bahasa, 'Ada')).toBeEnabled();
  const zoomNow = await zoom.textContent();
  await status(page, ITEMS.bahasa, 'Ada').focus();
  await page.keyboard.press('1');
  await expect(summary).toContainText('10 dari 10 butir sudah dicek');
  await expect(zoom).toHaveText(zoomNow ?? '');
});
