import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { annotate, openDemoWorkshop } from './packJourney.ts';
import { createSession } from './sessionFixture.ts';
import { openStudio } from './studio.ts';

/*
 * The main screens at 1366×768, written to $KEMAS_SCREENS for a before/after comparison of a change that must not
 * move a pixel (the CSS Modules conversion): run it on main's build into one folder and on the branch's build into
 * another, then `node scripts/compareScreens.ts <before> <after>`. Runs only when KEMAS_SCREENS names a folder
 * (playwright.config.ts), never among the journeys.
 * Masked: clocks and times of day (the scoring panel's time spent ticks), temporary folders and this run's signing key.
 */
const OUT = process.env.KEMAS_SCREENS;
if (!OUT) throw new Error('KEMAS_SCREENS names no folder to write the screens into');
test.use({ viewport: { width: 1366, height: 768 } });

async function shot(page: Page, name: string): Promise<void> {
  // Every picture on the page decoded, so a thumbnail still loading does not count as a change.
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  mkdirSync(OUT!, { recursive: true });
  // Masked: clocks and times of day, the host's temporary folder in the backup paths, and this run's signing key.
  const mask = [page.locator('time'), page.getByText(/kemas-host-/), page.getByLabel('Folder cadangan'), page.getByText(/Sidik jari/), page.getByText(/\b\d{2}\.\d{2}\b/)];
  await page.screenshot({ path: join(OUT!, `${name}.png`), fullPage: true, animations: 'disabled', mask });
}

/** The demo workshop, its "ready" toast closed (it goes by itself after a while, at a different moment each run). */
async function openDemo(page: Page): Promise<void> {
  await openDemoWorkshop(page);
  const toast = page.getByRole('status').filter({ hasText: 'Workshop contoh siap' });
  await toast.getByRole('button', { name: 'Tutup' }).click();
  await expect(toast).toHaveCount(0);
}

async function dialogShot(page: Page, button: string, dialogName: string | RegExp, name: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await shot(page, name);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('first run, workshops, header dialogs, rubrics, backups, hand-out', async ({ page }) => {
  await openStudio(page);
  await expect(page.getByLabel('Nama')).toBeVisible();
  await shot(page, '01-identity');
  await openDemo(page);
  await expect(page.getByRole('heading', { level: 1, name: /Contoh/ })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
  await shot(page, '02-workshop');
  await page.getByRole('tab', { name: 'Galeri kiriman' }).click();
  await expect(page.getByRole('tab', { name: 'Galeri kiriman', selected: true })).toBeVisible();
  await expect(page.getByText('3 kiriman', { exact: true })).toBeVisible();
  await shot(page, '03-workshop-gallery');
  await page.getByRole('link', { name: 'Workshop', exact: true }).first().click();
  // The participant and submission counts arrive after the row: wait for them.
  await expect(page.getByRole('row', { name: /Contoh: Workshop Kemasan MJC Malang/ })).toContainText('3');
  await shot(page, '04-workshops');
  await dialogShot(page, 'Pintasan', /Pintasan/, '05-shortcuts');
  await dialogShot(page, 'Pengaturan', /Pengaturan/, '06-settings');
  await dialogShot(page, 'Tentang', /Tentang/, '07-about');
  await page.getByRole('button', { name: /Dewi Lestari/ }).first().click();
  await expect(page.getByRole('dialog', { name: 'Ganti mentor' })).toBeVisible();
  await shot(page, '08-mentor-switch');
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Rubrik' }).click();
  await expect(page.getByRole('row', { name: /Gaya Penghargaan Kemasan/ })).toBeVisible();
  await shot(page, '09-rubrics');
  await page.getByRole('row', { name: /Gaya Penghargaan Kemasan/ }).getByRole('link', { name: /v1 · Terbit/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gaya Penghargaan Kemasan');
  await shot(page, '10-rubric-editor');
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Cadangan' }).click();
  await expect(page.getByText('Belum ada cadangan di folder ini.')).toBeVisible();
  await shot(page, '11-backups');
});

test('participant, face, review tabs, pack dialog', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Keripik Tempe Bu Sari' }).click();
  const front = page.getByRole('img', { name: /Depan kemasan Keripik Tempe Rasa Original/ });
  await expect(front).toBeVisible();
  await expect.poll(() => front.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBeGreaterThan(0);
  await shot(page, '20-participant');
  await page.getByRole('link', { name: 'Buka tampak Depan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Depan · Keripik Tempe Rasa Original/ })).toBeVisible();
  await shot(page, '25-face');
  await page.goBack();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await annotate(page, 0.6, 'Sudah baik', 'Logo Bu Sari mudah diingat');
  await expect(page.getByRole('region', { name: /Anotasi \(2\)/ })).toBeVisible();
  await shot(page, '21-review-annotations');
  // The list of marks, below the editor in the side panel.
  await page.getByRole('tabpanel', { name: 'Anotasi' }).evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
  await expect(page.getByRole('region', { name: /Anotasi \(2\)/ })).toBeInViewport();
  await shot(page, '21b-review-list');
  await page.getByRole('tabpanel', { name: 'Anotasi' }).evaluate((panel) => panel.scrollTo(0, 0));
  await page.getByRole('tab', { name: 'Nilai' }).click();
  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeVisible();
  await shot(page, '22-review-scoring');
  await page.getByRole('tab', { name: 'Label' }).click();
  await expect(page.getByRole('tab', { name: 'Label', selected: true })).toBeVisible();
  await shot(page, '23-review-checklist');
  await page.getByRole('button', { name: 'Paket kritik…' }).click();
  await expect(page.getByRole('dialog', { name: /Paket kritik: / }).getByText(/^Isi: /)).toBeVisible();
  await shot(page, '24-pack-dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Pratinjau rak & marketplace' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, '26-shelf-preview');
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Bandingkan versi' }).click();
  await expect(page.getByRole('img', { name: /^Gambar A: / })).toHaveAttribute('data-drawn', 'true');
  await expect(page.getByRole('img', { name: /^Gambar B: / })).toHaveAttribute('data-drawn', 'true');
  await shot(page, '27-compare');
  await page.getByRole('tab', { name: 'Tumpuk' }).click();
  await expect(page.getByRole('tab', { name: 'Tumpuk', selected: true })).toBeVisible();
  await shot(page, '28-compare-overlay');
});

test('sessions, batch export, bundle export, hand-out', async ({ page }) => {
  await openDemo(page);
  await expect(page.getByRole('heading', { level: 1, name: /Contoh/ })).toBeVisible();
  await page.getByRole('button', { name: 'Ekspor paket kritik…' }).click();
  await expect(page.getByRole('dialog', { name: /Ekspor paket kritik: / })).toBeVisible();
  await shot(page, '30-batch-export');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Ekspor bundel lokakarya…' }).click();
  const bundleDialog = page.getByRole('dialog', { name: /^Ekspor bundel lokakarya: / });
  await expect(bundleDialog.getByRole('table')).toBeVisible();
  await expect(bundleDialog.getByRole('button', { name: 'Ekspor', exact: true })).toBeEnabled();
  await shot(page, '31-bundle-export');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await expect(page.getByRole('heading', { name: 'Belum ada sesi penilaian' })).toBeVisible();
  await shot(page, '32-sessions-empty');
  await createSession(page, 'Penilaian akhir MJC', { split: true, blind: false });
  const made = page.getByRole('status').filter({ hasText: 'Penilaian akhir MJC' });
  await made.getByRole('button', { name: 'Tutup' }).click();
  await expect(made).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Kiriman di antrean saya dan statusnya' })).toBeVisible();
  await shot(page, '33-session-queue');
  await page.getByRole('tab', { name: 'Dasbor' }).click();
  await expect(page.getByText('0 dari 3 penilaian selesai')).toBeVisible();
  await shot(page, '34-session-dashboard');
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(page.getByRole('tab', { name: 'Hasil', selected: true })).toBeVisible();
  await shot(page, '35-session-results');
  await page.getByRole('link', { name: /Contoh: Workshop Kemasan MJC Malang/ }).click();
  await page.getByRole('link', { name: 'Bagikan di ruangan…' }).click();
  await expect(page.getByText('Tidak bisa dibagikan: 3')).toBeVisible();
  await expect(page.getByLabel('Jaringan')).toBeVisible();
  await shot(page, '36-handout');
});
