import { expect, test, type Page } from '@playwright/test';
import { openSync, readdirSync, readSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { annotate, openDemoReview, scoreAndSubmit } from './packJourney.ts';
import { KERIPIK } from './sessionFixture.ts';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

/*
 * Backups, as people use them: a laptop backs up its studio, a new laptop (a fresh browser
 * profile against the same host) restores it and everything is back, images included; a studio
 * whose database cannot open offers the latest backup; a damaged backup is refused.
 * The tests share the host's backup folder and run in order.
 */
test.describe.configure({ mode: 'serial' });

const WORKSHOP = 'Contoh: Workshop Kemasan MJC Malang';

async function openBackups(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  if (await nav.isVisible()) await nav.getByRole('link', { name: 'Cadangan' }).click();
  else {
    // The review workspace hides the header; its app key still opens Cadangan.
    await page.locator('h1').click();
    await page.keyboard.press('c');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Cadangan' })).toBeVisible();
}

/** The folder the host writes backups into, as the screen shows it. */
async function backupFolder(page: Page): Promise<string> {
  const text = (await page.getByTestId('backup-folder').textContent()) ?? '';
  expect(text).toMatch(/^\//);
  return text;
}

/** Record counts the preview shows, by kind. */
async function previewCount(page: Page, kind: string): Promise<string> {
  return (await page.getByRole('dialog').getByRole('row', { name: new RegExp(`^${kind}`) }).getByRole('cell').textContent()) ?? '';
}

test('a backup made on one laptop is restored into an empty studio on another, images included', async ({ browser }) => {
  test.setTimeout(360_000);
  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await openDemoReview(page, KERIPIK);
  await annotate(page, 0.2, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await scoreAndSubmit(page);

  await openBackups(page);
  await expect(page.getByText('Belum ada cadangan di folder ini.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Belum ada cadangan' })).toBeVisible();
  // Whether the browser keeps the studio's data for good, and the room left, as words and a meter.
  const storage = page.getByRole('region', { name: 'Penyimpanan studio' });
  await expect(storage.getByText(/^Penyimpanan (tetap|belum tetap):/)).toBeVisible();
  await expect(storage.getByText(/^Ruang tersisa: .+ dari .+ \(terpakai .+\)\.$/)).toBeVisible();
  await expect(storage.getByRole('meter', { name: 'Ruang terpakai' })).toBeVisible();
  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByRole('status').getByText(/^Cadangan tersimpan: kemas-cadangan-\d{8}-\d{6}-manual\.kemas/)).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Manual');
  await expect(rows.nth(1)).toContainText(/MB|kB/);
  // The header says when the last backup was made, in Indonesian time format.
  await expect(page.getByRole('link', { name: /^Cadangan terakhir: \d{2}\.\d{2}$/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'backups-01-list');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'backups-01-list-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'backups-01-list-1366');
  const folder = await backupFolder(page);
  expect(readdirSync(folder).filter((n) => n.endsWith('.kemas'))).toHaveLength(1);
  expect(readdirSync(folder).filter((n) => n.endsWith('.part'))).toEqual([]);

  // A new laptop: an empty browser profile against the same host.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openStudio(other);
  await introduceMentor(other, 'Budi Santoso', 'Laptop baru');
  await expect(other.getByRole('heading', { name: 'Belum ada workshop' })).toBeVisible();
  // C opens the Cadangan screen from the keyboard.
  await other.keyboard.press('c');
  await expect(other.getByRole('heading', { level: 1, name: 'Cadangan' })).toBeVisible();
  await other.getByRole('button', { name: /^Pulihkan cadangan / }).click();
  const dialog = other.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Isi cadangan' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('oleh Dewi Lestari');
  expect(await previewCount(other, 'Workshop')).toBe('1');
  expect(await previewCount(other, 'Peserta')).toBe('3');
  expect(await previewCount(other, 'Anotasi')).toBe('1');
  expect(await previewCount(other, 'Penilaian')).toBe('1');
  expect(await previewCount(other, 'Gambar')).toMatch(/^\d+ berkas, [\d,]+ (MB|kB)$/);
  await expect(dialog.getByRole('img', { name: 'Jumlah data per jenis dalam cadangan' })).toBeVisible();
  await expectAccessible(other);
  await screenshot(other, 'backups-02-preview');

  await dialog.getByRole('button', { name: 'Pulihkan ke studio kosong' }).click();
  await expect(dialog.getByRole('heading', { name: 'Ganti semua data studio?' })).toBeVisible();
  await screenshot(other, 'backups-03-confirm');
  await dialog.getByRole('button', { name: 'Ya, ganti semuanya' }).click();
  await expect(other.getByRole('status').getByText(/^Cadangan dipulihkan: [\d.]+ data, \d+ gambar\.$/)).toBeVisible({ timeout: 30_000 });

  // Everything is back: the workshop, its three participants, the images, the mark and the score.
  await expect(other.getByRole('heading', { name: 'Workshop', level: 1 })).toBeVisible();
  await expect(other.getByRole('row', { name: new RegExp(WORKSHOP) })).toContainText('3');
  // The person who made the backup reviews here now (the new laptop's own profile was replaced).
  await expect(other.getByRole('button', { name: /Dewi Lestari/ })).toBeVisible();
  await other.getByRole('link', { name: WORKSHOP }).click();
  await other.getByRole('link', { name: KERIPIK }).click();
  const front = other.getByRole('img', { name: /Depan kemasan Keripik Tempe Rasa Original/ });
  await expect(front).toBeVisible();
  await expect.poll(() => front.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(384);
  await other.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(other.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
  await expect(other.getByRole('region', { name: /^Anotasi \(/ }).getByRole('button', { name: /^1 Wajib diperbaiki/ })).toBeVisible();
  await other.getByRole('tab', { name: 'Nilai' }).click();
  await expect(other.getByLabel('Status penilaian: Terkirim')).toBeVisible();
  await expect(other.getByRole('status', { name: 'Nilai keseluruhan' })).toHaveText('79,5');
  await screenshot(other, 'backups-04-restored-review');
  await laptop.close();
  await fresh.close();
});

test('a database made by a newer app shows the recovery screen, which restores the latest backup', async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await openStudio(page);
  // A newer Kemas Studio upgraded the database on this computer.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('kemas-studio', 1000);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Basis data studio tidak bisa dibuka' })).toBeVisible();
  await expect(page.getByText(/dibuat oleh Kemas Studio yang lebih baru/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Cadangan terbaru di / })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'backups-05-recovery');

  await page.getByRole('button', { name: 'Pulihkan cadangan terbaru' }).click();
  await page.getByRole('button', { name: 'Ya, ganti semuanya' }).click();
  // Before the old database went, a raw copy of it was written into the backup folder, and the screen names it.
  await expect(page.getByText('Studio dipulihkan.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Salinan mentah basis data lama tersimpan sebagai kemas-cadangan-\d{8}-\d{6}-rescue\.kemas di / })).toBeVisible();
  await expectAccessible(page);
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `backups-05-recovery-done-${width}`);
  }
  await page.getByRole('button', { name: 'Buka studio' }).click();
  await waitForReady(page);
  await expect(page.getByRole('row', { name: new RegExp(WORKSHOP) })).toContainText('3', { timeout: 30_000 });
  expect(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'kemas-studio')?.version)).toBe(RECORDS_VERSION * 10); // Dexie stores version n as n × 10
  await context.close();
});

test('a damaged backup is refused with the checksum reason and nothing changes', async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await openDemoReview(page, KERIPIK);
  await openBackups(page);
  const folder = await backupFolder(page);
  const before = new Set(readdirSync(folder));
  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByRole('status').getByText(/^Cadangan tersimpan/)).toBeVisible();
  const [written] = readdirSync(folder).filter((n) => !before.has(n));
  if (!written) throw new Error('no new backup file');

  // Flip bytes in the middle of the file (inside an image) on disk.
  const path = join(folder, written);
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  const bytes = Buffer.alloc(16);
  readSync(fd, bytes, 0, 16, Math.floor(size / 2));
  for (let i = 0; i < bytes.length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  writeSync(fd, bytes, 0, 16, Math.floor(size / 2));
  closeSync(fd);

  // Something in the studio to prove nothing changes: one workshop, three participants.
  const row = page.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Manual');
  await row.getByRole('button', { name: /^Pulihkan cadangan / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toHaveText(/^Cadangan ini ditolak: checksum tidak cocok: berkas rusak atau diubah \(.+\)\. Tidak ada yang diubah\.$/, {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('button', { name: 'Pulihkan ke studio kosong' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'backups-06-refused');
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Workshop' }).click();
  await expect(page.getByRole('row', { name: new RegExp(WORKSHOP) })).toContainText('3');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await context.close();
});
