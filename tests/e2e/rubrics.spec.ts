import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';
import { expectAccessible, introduceMentor, openStudio, screenshot, tabTo } from './studio.ts';

const MJC = 'MJC Kualitas & Inovasi Kemasan';

async function openRubrics(page: Page): Promise<void> {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Rubrik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rubrik' })).toBeVisible();
}

test('a curator makes version 2 of the MJC rubric from the keyboard, publishes it, and moves it between laptops as JSON', async ({ page }) => {
  // Hundreds of Tab presses, each checked: minutes when the cores are busy.
  test.setTimeout(360_000);
  await openRubrics(page);
  const mjcRow = page.getByRole('row', { name: new RegExp(MJC) });
  await expect(mjcRow.getByRole('link', { name: `${MJC}, v1 · Terbit` })).toBeVisible();
  await expect(page.getByRole('row', { name: /Gaya Penghargaan Kemasan/ }).getByRole('link', { name: /v1 · Terbit/ })).toBeVisible();
  await expect(mjcRow.getByRole('cell', { name: '10', exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '50-rubrics-list');

  await mjcRow.getByRole('button', { name: `Versi baru dari ${MJC}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: MJC })).toBeVisible();
  await expect(page.getByText('Versi 2 · Draf')).toBeVisible();
  await expect(page.getByText('Bobot kelompok: 60 + 40 = 100.')).toBeVisible();
  const publishButton = page.getByRole('button', { name: 'Terbitkan', exact: true });
  await expect(publishButton).toBeEnabled();

  // Keyboard only from here: Kualitas to 70 breaks the weight check.
  const quality = page.getByRole('region', { name: 'Kelompok 1: Kualitas' });
  const innovation = page.getByRole('region', { name: 'Kelompok 2: Inovasi' });
  const qualityWeight = quality.getByLabel('Bobot kelompok');
  await page.getByLabel('Nama (Bahasa Indonesia)').first().focus();
  await tabTo(page, qualityWeight, { max: 120 });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('70');
  await expect(page.getByText('Bobot kelompok: 70 + 40 = 110. Jumlahnya harus tepat 100 (kurangi 10).')).toBeVisible();
  await expect(publishButton).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Jumlah bobot kelompok 110, harus tepat 100.' })).toBeVisible();
  await expect(qualityWeight).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('img', { name: /Porsi bobot: Kualitas 63,6%/ })).toBeVisible();
  await screenshot(page, '51-rubric-weights-wrong');
  await expectAccessible(page);

  // Ctrl+Z takes the change back, Ctrl+Shift+Z makes it again.
  await page.keyboard.press('Control+z');
  await expect(qualityWeight).toHaveValue('60');
  await expect(page.getByText('Bobot kelompok: 60 + 40 = 100.')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(qualityWeight).toHaveValue('70');

  // Inovasi to 30 fixes it.
  const innovationWeight = innovation.getByLabel('Bobot kelompok');
  await tabTo(page, innovationWeight, { max: 200 });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('30');
  await expect(page.getByText('Bobot kelompok: 70 + 30 = 100.')).toBeVisible();
  await expect(publishButton).toBeEnabled();

  // A descriptor: open the print criterion's levels with Enter, and rewrite level 5 in English.
  const print = page.getByRole('region', { name: 'Kriteria 1.3: Kualitas cetak & produksi' });
  await page.getByLabel('Nama (Bahasa Indonesia)').first().focus();
  await tabTo(page, print.locator('summary'), { max: 120 });
  await page.keyboard.press('Enter');
  const level5 = print.getByLabel('Deskriptor level 5 (Inggris)');
  await tabTo(page, level5, { max: 20 });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Factory-grade print with a precise dieline.');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '52-rubric-draft-editor');

  // Saved as it went: a reload shows the same draft.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Kelompok 1: Kualitas' }).getByLabel('Bobot kelompok')).toHaveValue('70');

  await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
  await expect(page.getByText('Versi 2 · Terbit')).toBeVisible();
  await expect(page.getByText(/Versi ini sudah terbit dan tidak bisa diubah/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Factory-grade print with a precise dieline.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buat versi baru' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '53-rubric-published');

  // Version 1 is still there, unchanged.
  await page.getByRole('link', { name: `${MJC}, v1 · Terbit` }).click();
  await expect(page.getByText('Versi 1 · Terbit')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kelompok 1: Kualitas' }).getByText('Bobot kelompok: 60')).toBeVisible();

  await page.getByRole('link', { name: 'Rubrik', exact: true }).first().click();
  await expect(mjcRow.getByRole('link', { name: `${MJC}, v2 · Terbit` })).toBeVisible();
  await expect(mjcRow.getByRole('link', { name: `${MJC}, v1 · Terbit` })).toBeVisible();

  // Export version 2 as JSON.
  const downloading = page.waitForEvent('download');
  await mjcRow.getByRole('button', { name: `Ekspor JSON: ${MJC} versi 2` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${MJC} v2.json`);
  const dir = mkdtempSync(join(tmpdir(), 'kemas-rubric-'));
  const exported = join(dir, download.suggestedFilename());
  await download.saveAs(exported);
  const file = JSON.parse(readFileSync(exported, 'utf8')) as {
    format: string;
    formatVersion: number;
    rubric: { groups: { weight: number; criteria: { levels: { descriptor: { en: string } }[] }[] }[] };
  };
  expect(file.format).toBe('kemas-rubric');
  expect(file.formatVersion).toBe(RECORDS_VERSION);
  expect(file.rubric.groups.map((g) => g.weight)).toEqual([70, 30]);
  expect(file.rubric.groups[0]?.criteria[2]?.levels[4]?.descriptor.en).toBe('Factory-grade print with a precise dieline.');

  // And import it back: a new draft family, opened in the editor.
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor JSON…' }).click();
  await (await choosing).setFiles(exported);
  await expect(page.getByText(`“${MJC}” diimpor sebagai draf baru.`)).toBeVisible();
  await expect(page.getByText('Versi 1 · Draf')).toBeVisible();
  await expect(page.getByText('Bobot kelompok: 70 + 30 = 100.')).toBeVisible();
  await page.getByRole('link', { name: 'Rubrik', exact: true }).first().click();
  await expect(page.getByRole('row', { name: new RegExp(MJC) })).toHaveCount(2);
  await expect(page.getByRole('link', { name: `${MJC}, v1 · Draf` })).toBeVisible();

  // A file from a newer app is refused with a clear reason; nothing is added.
  const newer = join(dir, 'rubrik-baru.json');
  writeFileSync(newer, JSON.stringify({ ...file, formatVersion: 99 }));
  const choosingNewer = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor JSON…' }).click();
  await (await choosingNewer).setFiles(newer);
  await expect(
    page.getByText(
      '“rubrik-baru.json” tidak bisa diimpor: berkas ini dibuat oleh Kemas Studio yang lebih baru (format versi 99). Perbarui aplikasi Anda untuk membukanya.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(MJC) })).toHaveCount(2);
  await expectAccessible(page);
  await screenshot(page, '54-rubric-import-refused');
});

test('a workshop picks a published rubric version; without one it uses the default preset', async ({ page }) => {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Workshop baru' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Workshop baru' });
  await dialog.getByLabel('Nama workshop').fill('Kurasi Jember');
  const picker = dialog.getByLabel('Rubrik penilaian');
  await expect(picker.locator('option:checked')).toHaveText(`Bawaan: versi terbit terbaru dari “${MJC}”`);
  await picker.selectOption({ label: 'Gaya Penghargaan Kemasan · versi 1' });
  await expectAccessible(page);
  await screenshot(page, '55-workshop-rubric');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kurasi Jember' })).toBeVisible();
  await page.getByRole('button', { name: 'Ubah workshop' }).click();
  await expect(page.getByRole('dialog').getByLabel('Rubrik penilaian').locator('option:checked')).toHaveText('Gaya Penghargaan Kemasan · versi 1');
});
