// Steps of the bundle journeys (bundles.spec.ts): a fresh "laptop" (its own browser context, so its own
// IndexedDB), exporting a bundle through its dialog, importing one through the import dialog, keyboard
// scoring, and a count of every record in the studio to prove a refusal wrote nothing.
import { expect, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openStudio } from './studio.ts';

/** A new browser context is a new laptop: its own IndexedDB, first run ahead. */
export async function newLaptop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await openStudio(page);
  return page;
}

/** Opens an export dialog by its button, exports, and saves the downloaded `.kemas` into `dir`; returns its path. */
export async function exportBundle(page: Page, button: string | RegExp, dir: string, saveAs: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Ekspor', exact: true })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.kemas$/);
  await expect(page.getByText(/^Bundel tersimpan: /)).toBeVisible();
  const path = join(dir, saveAs);
  await download.saveAs(path);
  return path;
}

/** Chooses `file` in the open import dialog (its "choose" button opens the file picker). */
export async function chooseBundle(page: Page, file: string, button: string | RegExp = /^Pilih berkas/): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('dialog').getByRole('button', { name: button }).click()]);
  await chooser.setFiles(file);
}

/** Opens "Impor bundel" (its button where the screen has one, else the `B` key), checks `file`, and waits for its preview. */
export async function previewBundle(page: Page, file: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Impor bundel…' });
  if ((await button.count()) > 0) await button.click();
  else {
    await page.locator('h1').first().click();
    await page.keyboard.press('b');
  }
  await expect(page.getByRole('dialog', { name: 'Impor bundel' })).toBeVisible();
  await chooseBundle(page, file);
  await expect(page.getByRole('dialog', { name: /^Pratinjau: / })).toBeVisible();
}

/** Previews and merges `file`; leaves the merge report open. */
export async function importBundle(page: Page, file: string): Promise<void> {
  await previewBundle(page, file);
  await page.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(page.getByRole('dialog', { name: 'Laporan penggabungan' })).toBeVisible();
}

export async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Scores the open submission from the keyboard: one digit per criterion, Space for the verdict, Enter to submit. */
export async function scoreWithKeyboard(page: Page, level: number): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Nilai' });
  if ((await tab.getAttribute('aria-selected')) !== 'true') {
    await page.getByRole('tab', { name: 'Anotasi' }).focus();
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Informasi & kepatuhan label' }).getByRole('radio').first().focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press(String(level));
  await expect(page.getByRole('radio', { name: 'Siap pasar' })).toBeFocused();
  await page.keyboard.press('Space');
  const submit = page.getByRole('button', { name: 'Kirim penilaian' });
  await expect(submit).toBeEnabled();
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
}

/** Places a pin in the middle of the face shown on the review canvas (P, then a click). */
export async function pinFace(page: Page): Promise<void> {
  const stage = page.getByTestId('canvas-stage');
  await expect(stage).toHaveAttribute('data-face-shown', /.+/);
  const box = await stage.boundingBox();
  if (!box) throw new Error('no canvas stage');
  await page.keyboard.press('p');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.4);
  await expect(page.getByRole('heading', { name: 'Anotasi 1' })).toBeVisible();
  await page.keyboard.press('Escape');
}

/** Records per object store of the studio's IndexedDB (tombstones included), read behind the app. */
export async function studioCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kemas-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('no database'));
    });
    const counts: Record<string, number> = {};
    for (const store of [...db.objectStoreNames]) {
      counts[store] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  });
}
