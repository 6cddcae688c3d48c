import { expect, test, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { annotate, openDemoWorkshop, openReview, scoreAndSubmit } from './packJourney.ts';
import { expectAccessible, screenshot } from './studio.ts';

const WORKSHOP = 'Contoh: Workshop Kemasan MJC Malang';
const KERIPIK = 'Keripik Tempe Bu Sari';
const KOPI = 'Kopi Bubuk Lereng Ijen';
const KERIPIK_PDF = `Malang/${KERIPIK} - Keripik Tempe Rasa Original/${KERIPIK} - Keripik Tempe Rasa Original - v1 - Paket masukan.pdf`;
const KOPI_PDF = `Jember/${KOPI} - Kopi Bubuk Arabika/${KOPI} - Kopi Bubuk Arabika - v1 - Paket masukan.pdf`;

/** Every file under `dir`, as forward-slash paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => relative(dir, join(dir, p)).split('\\').join('/'))
    .sort();
}

/** A mentor marks and scores one demo submission, then comes back to the workshop. */
async function review(page: Page, business: string) {
  await openReview(page, business);
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await scoreAndSubmit(page);
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
}

/** The question the browser host's app asks before writing into a typed folder for the first time. */
function grantQuestion(dialog: Locator) {
  return dialog.getByRole('group', { name: /Kemas Studio belum pernah menulis ke folder ini/ });
}

/** Opens the workshop's batch dialog from the header and points it at `folder`. */
async function openExport(page: Page, folder: string) {
  await page.getByRole('button', { name: 'Ekspor paket kritik…' }).click();
  const dialog = page.getByRole('dialog', { name: `Ekspor paket kritik: ${WORKSHOP}` });
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel('Folder tujuan');
  // Prefilled with the host's proposal, under the home folder.
  await expect(field).toHaveValue(/Kemas Studio[/\\]Ekspor$/);
  await field.fill(folder);
  return dialog;
}

/** The browser host's own copy of a face picture is lost, as a broken database would lose it. */
async function losePreview(page: Page, fileNameStart: string) {
  await page.evaluate(async (start) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kemas-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const assets = await new Promise<{ id: string; fileName: string; face: string }[]>((resolve, reject) => {
      const request = db.transaction('assets').objectStore('assets').getAll();
      request.onsuccess = () => resolve(request.result as { id: string; fileName: string; face: string }[]);
      request.onerror = () => reject(request.error);
    });
    const front = assets.find((a) => a.fileName.startsWith(start) && a.face === 'front');
    if (!front) throw new Error('no such face');
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('assetBlobs', 'readwrite');
      tx.objectStore('assetBlobs').delete(`${front.id}:preview`);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, fileNameStart);
}

test('a curator exports the workshop’s critique packs into a folder, keeps existing files and sees a broken one reported', async ({ page }) => {
  test.setTimeout(360_000);
  const root = mkdtempSync(join(tmpdir(), 'kemas-batch-e2e-'));
  try {
    await openDemoWorkshop(page);
    await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
    await review(page, KERIPIK);
    await review(page, KOPI);

    // What will be made, and what is left out and why, before anything is made.
    const folder = join(root, 'Ekspor');
    let dialog = await openExport(page, folder);
    await expect(dialog.getByText('Akan dibuat: 2 paket.')).toBeVisible();
    await expect(dialog.getByText('Dilewati: 1')).toBeVisible();
    await expect(dialog.getByText('Jamu Kunyit Asam Mbok Darmi versi 1: belum ada penilaian terkirim')).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Gabungan semua mentor' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'PDF saja' })).toBeChecked();
    // The browser host has no native folder picker: the folder is typed.
    await expect(dialog.getByRole('button', { name: 'Pilih…' })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, '66-batch-export-dialog');

    // From the keyboard: the start button, then the summary with the way to the folder.
    await dialog.getByRole('button', { name: 'Buat 2 paket' }).focus();
    await page.keyboard.press('Enter');
    // A folder the studio has not written into before: allowed once, naming the folder as the host resolved it.
    const grant = grantQuestion(dialog);
    await expect(grant).toContainText(folder);
    await expect(grant.getByRole('button', { name: 'Izinkan folder ini' })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, '66b-batch-export-grant');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Ekspor selesai' })).toBeFocused({ timeout: 60_000 });
    await expect(dialog.getByText('Ditulis: 2')).toBeVisible();
    await expect(page.getByRole('status').getByText(`Paket kritik selesai: 2 ditulis di ${folder}`)).toBeVisible();
    expect(filesUnder(folder)).toEqual([KOPI_PDF, KERIPIK_PDF]);
    for (const file of filesUnder(folder)) expect(readFileSync(join(folder, file)).subarray(0, 5).toString()).toBe('%PDF-');
    // Not readable by other users of the machine, like backups.
    for (const file of filesUnder(folder)) expect(statSync(join(folder, file)).mode & 0o777).toBe(0o600);
    await dialog.getByRole('button', { name: 'Buka folder' }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Folder tidak bisa dibuka dari sini. Buka sendiri: ${folder}`);
    await expectAccessible(page);
    await screenshot(page, '67-batch-export');
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await expect(dialog).toBeHidden();

    // Again into the same folder (remembered: not asked again): asked once, "skip existing" leaves both files as they were.
    const before = filesUnder(folder).map((f) => statSync(join(folder, f)).mtimeMs);
    dialog = await openExport(page, folder);
    await dialog.getByRole('button', { name: 'Buat 2 paket' }).click();
    await expect(grantQuestion(dialog)).toHaveCount(0);
    const question = dialog.getByRole('group', { name: 'Berkas sudah ada' });
    await expect(question).toBeVisible({ timeout: 60_000 });
    await expect(question).toContainText(KOPI_PDF);
    await expect(question.getByRole('button', { name: 'Lewati yang sudah ada' })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, '68-batch-export-exists');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Ekspor selesai' })).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText('Sudah ada, dibiarkan: 2')).toBeVisible();
    await expect(dialog.getByText('Ditulis: 0')).toBeVisible();
    expect(filesUnder(folder).map((f) => statSync(join(folder, f)).mtimeMs)).toEqual(before);
    await dialog.getByRole('button', { name: 'Tutup' }).click();

    // One pack cannot be made: it is reported, and the other is written.
    await losePreview(page, KOPI);
    const second = join(root, 'Ekspor 2');
    dialog = await openExport(page, second);
    await dialog.getByRole('button', { name: 'Buat 2 paket' }).click();
    // Not allowed: nothing is written, and the field says why.
    await grantQuestion(dialog).getByRole('button', { name: 'Batal' }).click();
    await expect(dialog.getByText('Folder ini belum diizinkan. Izinkan, atau pilih folder lain.')).toBeVisible();
    expect(existsSync(second)).toBe(false);
    await dialog.getByRole('button', { name: 'Buat 2 paket' }).click();
    await grantQuestion(dialog).getByRole('button', { name: 'Izinkan folder ini' }).click();
    await expect(dialog.getByRole('heading', { name: 'Ekspor selesai' })).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText('Ditulis: 1')).toBeVisible();
    await expect(dialog.getByText('Gagal: 1')).toBeVisible();
    await expect(dialog.getByRole('note')).toContainText(`${KOPI} versi 1: gambar tampak depan hilang atau rusak`);
    expect(filesUnder(second)).toEqual([KERIPIK_PDF]);
    await expectAccessible(page);
    await screenshot(page, '69-batch-export-failure');
    await dialog.getByRole('button', { name: 'Tutup' }).click();

    // A selection from the gallery: only the picked submission's pack is made.
    await page.getByRole('tab', { name: 'Galeri kiriman' }).click();
    await page.getByLabel('Cari usaha, pemilik, atau produk').fill(KERIPIK);
    const pick = page.getByRole('checkbox', { name: `Pilih ${KERIPIK} versi 1` });
    await pick.focus();
    await page.keyboard.press('Space');
    await expect(pick).toBeChecked();
    await page.getByLabel('Cari usaha, pemilik, atau produk').fill('');
    await expect(page.getByText('Dipilih: 1')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, '70-gallery-selection');
    await page.getByRole('button', { name: 'Ekspor paket kritik (1)…' }).click();
    dialog = page.getByRole('dialog', { name: 'Ekspor paket kritik: 1 kiriman terpilih' });
    await expect(dialog.getByText('Akan dibuat: 1 paket.')).toBeVisible();
    const third = join(root, 'Pilihan');
    await dialog.getByLabel('Folder tujuan').fill(third);
    await dialog.getByRole('button', { name: 'Buat 1 paket' }).click();
    await grantQuestion(dialog).getByRole('button', { name: 'Izinkan folder ini' }).click();
    await expect(dialog.getByRole('heading', { name: 'Ekspor selesai' })).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText('Ditulis: 1')).toBeVisible();
    expect(filesUnder(third)).toEqual([KERIPIK_PDF]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a folder typed while the host is still proposing one is the folder the packs go to', async ({ page }) => {
  test.setTimeout(360_000);
  const root = mkdtempSync(join(tmpdir(), 'kemas-batch-race-'));
  try {
    await openDemoWorkshop(page);
    await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
    await review(page, KERIPIK);

    // The host's proposal is held back until the mentor is in the folder field.
    let release: () => void = () => undefined;
    const inField = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/export.folder', async (route) => {
      const response = await route.fetch();
      await inField;
      await route.fulfill({ response });
    });

    await page.getByRole('button', { name: 'Ekspor paket kritik…' }).click();
    const dialog = page.getByRole('dialog', { name: `Ekspor paket kritik: ${WORKSHOP}` });
    await expect(dialog.getByText('Akan dibuat: 1 paket.')).toBeVisible();
    const field = dialog.getByLabel('Folder tujuan');
    await expect(field).toHaveValue('');
    const folder = join(root, 'Diketik', '..', 'Pilihan');
    // The mentor is in the empty field (as between the clearing and the typing of a replacement)
    // when the answer lands: it is offered beside the field and does not fill it.
    await field.click();
    release();
    await expect(dialog.getByRole('button', { name: /^Pakai folder usulan: .*Kemas Studio[/\\]Ekspor$/ })).toBeVisible();
    await expect(field).toHaveValue('');
    await page.keyboard.type(folder);
    await expect(field).toHaveValue(folder);
    const resolved = join(root, 'Pilihan');
    await expect(dialog.getByText(`Paket akan disimpan di: ${resolved}`)).toBeVisible();
    await expectAccessible(page);

    await dialog.getByRole('button', { name: 'Buat 1 paket' }).click();
    // The host asks for the folder as it resolves it, not as typed.
    const grant = grantQuestion(dialog);
    await expect(grant).toContainText(resolved);
    await grant.getByRole('button', { name: 'Izinkan folder ini' }).click();
    await expect(dialog.getByRole('heading', { name: 'Ekspor selesai' })).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText('Ditulis: 1')).toBeVisible();
    expect(filesUnder(resolved)).toEqual([KERIPIK_PDF]);
    expect(filesUnder(root)).toEqual([`Pilihan/${KERIPIK_PDF}`]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
