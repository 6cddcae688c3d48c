import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningHost } from '../support/browserHost.ts';
import { fillDisk, freeDisk, killWorkers, limitDisk, startFaultHost } from './faultJourney.ts';
import { packImage } from './intakeFiles.ts';
import { annotate, openDemoReview, openReview } from './packJourney.ts';
import { inStudioDb } from './sessionFixture.ts';
import { dropFiles, expectAccessible, introduceMentor, newWorkshop, openStudio, screenshot, waitForReady } from './studio.ts';

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-faults-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Three designs whose names make three participants. */
async function writeDesigns(dir: string, businesses: readonly string[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const colours = ['#a8322d', '#1d2b2a', '#d98c1f', '#2d8a3e'];
  const names: string[] = [];
  for (const [i, business] of businesses.entries()) {
    const name = `${business} - Produk ${i + 1} - depan.jpg`;
    writeFileSync(join(dir, name), await packImage(900, 1300, colours[i % colours.length] as string, 'jpeg'));
    names.push(name);
  }
  return names;
}

test.describe('a host worker stopped in the middle of the work', () => {
  // One host with fault injection for these tests, in one worker (its port is fixed).
  test.describe.configure({ mode: 'serial' });
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startFaultHost();
  });
  test.afterAll(() => host?.stop());

  test('an import of three files with the image worker killed on the second: the others come in, the second is named and retried', async ({ page }) => {
    const dir = join(work, 'tiga');
    const names = await writeDesigns(dir, ['Sambal Bu Rudy', 'Kopi Ijen', 'Jamu Mbok Darmi']);
    const victim = names[1] as string;
    await newWorkshop(page, 'Workshop Gangguan', host.url);

    // Armed before the drop: the worker that gets the second file stops at once, as a crash would.
    expect(await killWorkers(host, 'ingest', victim)).toEqual({ killed: 0, armed: true });
    await dropFiles(page, dir, names);
    const panel = page.getByRole('region', { name: 'Impor selesai' });
    await expect(panel).toContainText('2 tampak diimpor, 0 duplikat dilewati, 1 gagal.', { timeout: 60_000 });
    await panel.getByRole('button', { name: 'Lihat laporan' }).click();
    const report = page.getByRole('dialog', { name: 'Laporan impor' });
    await expect(report.getByRole('row', { name: new RegExp(victim) })).toContainText(
      'Pengolah gambar studio berhenti saat membaca berkas ini. Berkas lain tidak terganggu; coba lagi.',
    );
    await expectAccessible(page);
    await screenshot(page, 'f1-import-worker-stopped');

    // Retry from the report: the host started a fresh worker, so the file comes in now.
    await report.getByRole('button', { name: 'Coba lagi 1 berkas yang gagal' }).click();
    await expect(report).toBeHidden();
    await expect(panel).toContainText('1 tampak diimpor, 0 duplikat dilewati, 0 gagal.', { timeout: 60_000 });
    await expect(panel.getByRole('button', { name: /^Coba lagi/ })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Tutup' }).click();
    for (const business of ['Sambal Bu Rudy', 'Kopi Ijen', 'Jamu Mbok Darmi']) {
      await expect(page.getByRole('row', { name: new RegExp(business) })).toBeVisible();
    }
    await page.getByRole('tab', { name: 'Galeri kiriman' }).click();
    await expect(page.getByText('3 kiriman')).toBeVisible();
  });

  test('a critique pack whose PDF worker is killed: a translated error in the dialog, then the same Export works', async ({ page }) => {
    await openStudio(page, host.url);
    await introduceMentor(page);
    await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
    await openReview(page, 'Keripik Tempe Bu Sari');
    await page.getByRole('button', { name: 'Paket kritik…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paket kritik: Keripik Tempe Bu Sari, versi 1' });
    await expect(dialog.getByText(/^Isi: 2 tampak/)).toBeVisible();

    expect(await killWorkers(host, 'pack')).toEqual({ killed: 0, armed: true });
    const create = dialog.getByRole('button', { name: 'Buat paket' });
    await create.click();
    await expect(dialog.getByText('Pembuat PDF studio berhenti di tengah jalan, jadi paket belum dibuat.', { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    await expect(create).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, 'f2-pack-worker-stopped');

    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await downloading;
    const path = join(work, 'paket.pdf');
    await download.saveAs(path);
    expect(new TextDecoder().decode(readFileSync(path).subarray(0, 5))).toBe('%PDF-');
    await expect(dialog).toBeHidden();
  });
});

/** A pin placed where the disk is full: no editor opens for it. */
async function annotateFails(page: Page, y: number) {
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.locator('h1').click();
  await page.keyboard.press('p');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * y);
}

/** The review screen's annotation list, and what it says of each mark. */
const marks = (page: Page) => page.getByRole('region', { name: /^Anotasi \(/ });

/** What IndexedDB holds (what survives a reload or a crash): every review's scores and notes, every mark's comment. */
const stored = (page: Page) =>
  inStudioDb(
    page,
    async ({ all }) => {
      const reviews = await all<{ scores: Record<string, { score: number | null; note: string }> }>('reviews');
      const annotations = await all<{ comment: string }>('annotations');
      const scores = reviews.flatMap((r) => Object.values(r.scores));
      return { scores: scores.map((x) => x.score), notes: scores.map((x) => x.note), comments: annotations.map((a) => a.comment) };
    },
    null,
  );
/** How many stored scores are `score`: a click on a level is stored once this count grows. */
const storedCount = async (page: Page, score: number) => (await stored(page)).scores.filter((x) => x === score).length;

const criterion = (page: Page, name: string) => page.getByRole('radiogroup', { name });

test('a reload in the middle of annotating and scoring: everything typed before it is kept', async ({ page }) => {
  await openDemoReview(page, 'Keripik Tempe Bu Sari');
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await annotate(page, 0.6, 'Sudah baik', 'Logo Bu Sari mudah diingat');
  await page.getByRole('tab', { name: 'Nilai' }).click();
  await criterion(page, 'Informasi & kepatuhan label').getByRole('radio', { name: '2' }).click();
  await criterion(page, 'Keterbacaan & hierarki informasi').getByRole('radio', { name: '4' }).click();
  await criterion(page, 'Orisinalitas').getByRole('radio', { name: '3' }).click();
  // The last change is typing, saved after a pause: the reload comes as soon as IndexedDB holds it.
  await page.getByRole('textbox', { name: 'Catatan untuk Orisinalitas' }).click();
  await page.keyboard.type('Mirip kemasan keripik lain di pasar');
  await expect.poll(async () => (await stored(page)).notes).toContain('Mirip kemasan keripik lain di pasar');
  await page.reload();
  await waitForReady(page);

  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeVisible();
  await expect(criterion(page, 'Informasi & kepatuhan label').getByRole('radio', { name: '2' })).toHaveAttribute('aria-checked', 'true');
  await expect(criterion(page, 'Keterbacaan & hierarki informasi').getByRole('radio', { name: '4' })).toHaveAttribute('aria-checked', 'true');
  await expect(criterion(page, 'Orisinalitas').getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('textbox', { name: 'Catatan untuk Orisinalitas' })).toHaveValue('Mirip kemasan keripik lain di pasar');
  await page.getByRole('tab', { name: 'Anotasi' }).click();
  await expect(marks(page).getByRole('button', { name: /^1 Wajib diperbaiki.*Nomor P-IRT belum dicantumkan/ })).toBeVisible();
  await expect(marks(page).getByRole('button', { name: /^2 Sudah baik.*Logo Bu Sari mudah diingat/ })).toBeVisible();
});

test('the page crashes while a comment is being typed: a new window finds the comment and the scores', async ({ page }) => {
  await openDemoReview(page, 'Keripik Tempe Bu Sari');
  await page.getByRole('tab', { name: 'Nilai' }).click();
  await criterion(page, 'Informasi & kepatuhan label').getByRole('radio', { name: '5' }).click();
  await criterion(page, 'Orisinalitas').getByRole('radio', { name: '2' }).click();
  await page.getByRole('tab', { name: 'Anotasi' }).click();
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.locator('h1').click();
  await page.keyboard.press('p');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.4);
  await page.getByLabel('Komentar', { exact: true }).click();
  await page.keyboard.type('Warna merah terlalu gelap di rak');
  await expect.poll(async () => (await stored(page)).comments).toContain('Warna merah terlalu gelap di rak');
  const address = page.url();

  // The renderer process dies: no unload, no flush, only what is already in IndexedDB survives.
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {});
  await crashed;

  const again = await page.context().newPage();
  await again.goto(address);
  await waitForReady(again);
  await expect(again.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
  await expect(marks(again).getByRole('button', { name: /^1 .*Warna merah terlalu gelap di rak/ })).toBeVisible();
  await again.getByRole('tab', { name: 'Nilai' }).click();
  await expect(criterion(again, 'Informasi & kepatuhan label').getByRole('radio', { name: '5' })).toHaveAttribute('aria-checked', 'true');
  await expect(criterion(again, 'Orisinalitas').getByRole('radio', { name: '2' })).toHaveAttribute('aria-checked', 'true');
  await screenshot(again, 'f3-after-crash');
});

test('a full disk during an import: a translated reason, nothing half-imported, and the import works once there is room', async ({ page }) => {
  const names = await writeDesigns(join(work, 'penuh'), ['Sambal Bu Rudy', 'Kopi Ijen']);
  const disk = await limitDisk(page);
  await newWorkshop(page, 'Workshop Disk Penuh');
  await fillDisk(page);
  await dropFiles(page, join(work, 'penuh'), names);
  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toContainText('0 tampak diimpor, 0 duplikat dilewati, 2 gagal.', { timeout: 60_000 });
  await expect(panel).toContainText('Penyimpanan penuh. Kosongkan ruang disk, lalu coba lagi. Tidak ada data yang hilang.');
  await panel.getByRole('button', { name: 'Lihat laporan' }).click();
  const report = page.getByRole('dialog', { name: 'Laporan impor' });
  for (const name of names) {
    await expect(report.getByRole('row', { name: new RegExp(name) })).toContainText('Penyimpanan penuh. Kosongkan ruang disk, lalu impor lagi.');
  }
  await expectAccessible(page);
  await screenshot(page, 'f4-import-disk-full');
  await report.getByRole('button', { name: 'Tutup' }).click();
  // Nothing half-imported: the participants the file names would have made are not there either.
  await expect(page.getByRole('tab', { name: 'Peserta (0)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Galeri kiriman' })).toBeVisible();

  await freeDisk(page, disk);
  await panel.getByRole('button', { name: 'Coba lagi 2 berkas yang gagal' }).click();
  await expect(panel).toContainText('2 tampak diimpor, 0 duplikat dilewati, 0 gagal.', { timeout: 60_000 });
  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('tab', { name: 'Peserta (2)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Kopi Ijen/ })).toBeVisible();
});

test('a full disk while scoring and annotating: the mentor is told, nothing stored is harmed, and saving works again once there is room', async ({ page }) => {
  const disk = await limitDisk(page);
  await openDemoReview(page, 'Keripik Tempe Bu Sari');
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await page.getByRole('tab', { name: 'Nilai' }).click();
  const fours = await storedCount(page, 4);
  await criterion(page, 'Informasi & kepatuhan label').getByRole('radio', { name: '4' }).click();
  await expect.poll(() => storedCount(page, 4)).toBe(fours + 1);
  await fillDisk(page);

  await criterion(page, 'Orisinalitas').getByRole('radio', { name: '2' }).click();
  const full = page.getByRole('status').getByText('Penyimpanan penuh. Kosongkan ruang disk, lalu coba lagi. Tidak ada data yang hilang.');
  await expect(full).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'f5-scoring-disk-full');
  await page.locator('.toast-error').getByRole('button', { name: 'Tutup' }).click();
  await expect(full).toBeHidden();
  // A new mark cannot be stored either: the mentor is told, and the list shows only what is stored.
  await page.getByRole('tab', { name: 'Anotasi' }).click();
  await annotateFails(page, 0.6);
  await expect(full).toBeVisible();
  await expect(marks(page).getByRole('button', { name: /^2 / })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Nilai' }).click();

  await freeDisk(page, disk);
  const threes = await storedCount(page, 3);
  await criterion(page, 'Orisinalitas').getByRole('radio', { name: '3' }).click();
  await expect(criterion(page, 'Orisinalitas').getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => storedCount(page, 3)).toBe(threes + 1);
  await page.reload();
  await waitForReady(page);
  await expect(criterion(page, 'Informasi & kepatuhan label').getByRole('radio', { name: '4' })).toHaveAttribute('aria-checked', 'true');
  await expect(criterion(page, 'Orisinalitas').getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('tab', { name: 'Anotasi' }).click();
  await expect(marks(page).getByRole('button', { name: /^1 Wajib diperbaiki.*Nomor P-IRT belum dicantumkan/ })).toBeVisible();
});
