import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chooseBundle,
  closeDialog,
  exportBundle,
  importBundle,
  newLaptop,
  pinFace,
  previewBundle,
  scoreWithKeyboard,
  studioCounts,
} from './bundleJourney.ts';
import { BUNDLE_FORMAT_VERSION } from '#shared/bundles/bundleFormat.ts';
import { HOSTILE_FILES, type HostileFile } from '../support/hostileZip.ts';
import { createSession, openDemoSessions, watchTranslations } from './sessionFixture.ts';
import { dropFiles, expectAccessible, screenshot } from './studio.ts';

/*
 * Issue 7's "done when", as people would do it with files: a curator's workshop bundle taken to
 * two mentors' laptops, each mentor scoring and annotating there and sending a review bundle back,
 * and the two review bundles merged on two fresh laptops in opposite orders giving the same results.
 * Every laptop is its own browser context, so its own IndexedDB.
 */

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-bundles-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A mentor's laptop: first run by importing the curator's bundle and choosing their own name from it. */
async function mentorLaptop(page: Page, workshopBundle: string, name: string, shot?: string) {
  await expect(page.getByRole('heading', { name: 'Punya bundel lokakarya dari kurator?' })).toBeVisible();
  await importBundle(page, workshopBundle);
  const report = page.getByRole('dialog', { name: 'Laporan penggabungan' });
  await expect(report.getByRole('heading', { name: 'Siapa yang menelaah di laptop ini?' })).toBeVisible();
  if (shot) {
    await expectAccessible(page);
    await screenshot(page, shot);
  }
  await report.getByRole('button', { name: `Lanjutkan sebagai ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Contoh/ })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`${name}.*Ganti mentor$`) })).toBeVisible();
}

/** On a mentor's laptop: open the session's queue, annotate and score two submissions, export "my reviews". */
async function scoreAndSend(page: Page, levels: [number, number], saveAs: string): Promise<string> {
  await page.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await page.getByRole('link', { name: 'Final' }).click();
  await page.getByRole('link', { name: /^(Mulai|Lanjut) menilai$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Telaah .* · versi 1$/ })).toBeVisible();
  await pinFace(page);
  await scoreWithKeyboard(page, levels[0]);
  await page.locator('h1').click();
  await page.keyboard.press('Shift+N');
  await expect(page.getByRole('heading', { level: 1, name: /Keripik Tempe Bu Sari · versi 1/ })).toBeVisible();
  await scoreWithKeyboard(page, levels[1]);
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Final' }).click();
  return exportBundle(page, 'Ekspor penilaian saya…', work, saveAs);
}

/** The session's results table as text, row by row. */
async function resultsOf(page: Page): Promise<string[]> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('link', { name: /Contoh/ }).click();
  await page.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await page.getByRole('link', { name: 'Final' }).click();
  await page.getByRole('tab', { name: 'Hasil' }).click();
  const table = page.getByRole('table', { name: 'Hasil per kiriman' });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').allInnerTexts();
}

test('a workshop bundle to two mentors’ laptops, their review bundles merged on two more in opposite orders: the same results', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const missing = watchTranslations(page);

  // The curator's laptop: the demo workshop, a session for Dewi and Budi, and its bundle.
  await openDemoSessions(page);
  await createSession(page, 'Final', { split: false, blind: false });
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: /Contoh/ }).click();
  await page.getByRole('button', { name: 'Ekspor bundel lokakarya…' }).click();
  const exportDialog = page.getByRole('dialog', { name: /^Ekspor bundel lokakarya: / });
  const contents = exportDialog.getByRole('table', { name: 'Isi bundel' });
  await expect(contents.getByRole('row', { name: /^Peserta/ }).getByRole('cell')).toHaveText('3');
  await expect(contents.getByRole('row', { name: /^Sesi penilaian/ }).getByRole('cell')).toHaveText('1');
  await expect(contents.getByRole('row', { name: /^Mentor/ }).getByRole('cell')).toHaveText('2');
  await expectAccessible(page);
  await screenshot(page, '70-bundle-export');
  await page.keyboard.press('Escape');
  const workshopBundle = await exportBundle(page, 'Ekspor bundel lokakarya…', work, 'workshop.kemas');

  // Budi's and Dewi's laptops: each imports the workshop, scores two submissions, annotates, sends reviews back.
  const budi = await newLaptop(browser);
  await mentorLaptop(budi, workshopBundle, 'Budi Santoso', '71-bundle-first-run-report');
  const fromBudi = await scoreAndSend(budi, [5, 3], 'budi.kemas');
  const dewi = await newLaptop(browser);
  await mentorLaptop(dewi, workshopBundle, 'Dewi Lestari');
  const fromDewi = await scoreAndSend(dewi, [4, 2], 'dewi.kemas');

  // Two fresh laptops: the workshop bundle, then the review bundles in opposite orders.
  const first = await newLaptop(browser);
  await mentorLaptop(first, workshopBundle, 'Dewi Lestari');
  await importBundle(first, fromBudi);
  const report = first.getByRole('dialog', { name: 'Laporan penggabungan' });
  // Budi's two reviews are new here; his mentor record was already in the workshop bundle.
  const outcomes = report.getByRole('table', { name: 'Hasil penggabungan per jenis data' });
  await expect(outcomes.getByRole('row', { name: /^Penilaian/ }).getByRole('cell')).toHaveText(['2', '2', '0', '0', '0']);
  await expect(outcomes.getByRole('row', { name: /^Mentor/ }).getByRole('cell')).toHaveText(['1', '0', '0', '1', '0']);
  await expect(report.getByRole('img', { name: /Hasil penggabungan: Baru \d+; Diperbarui 0; Tetap \d+; Konflik 0/ })).toBeVisible();
  await expectAccessible(first);
  await screenshot(first, '72-bundle-merge-report');
  await closeDialog(first);
  await importBundle(first, fromDewi);
  await closeDialog(first);

  const second = await newLaptop(browser);
  await mentorLaptop(second, workshopBundle, 'Dewi Lestari');
  // Dropped on the workshop screen, a .kemas goes to the bundle import.
  await dropFiles(second, work, ['dewi.kemas']);
  const preview = second.getByRole('dialog', { name: 'Pratinjau: dewi.kemas' });
  await expect(preview).toContainText('Bundel penilaian');
  await expect(preview).toContainText('Dewi Lestari');
  await expectAccessible(second);
  await screenshot(second, '73-bundle-preview');
  await second.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(second.getByRole('dialog', { name: 'Laporan penggabungan' })).toBeVisible();
  await closeDialog(second);
  await importBundle(second, fromBudi);
  await closeDialog(second);

  const one = await resultsOf(first);
  const two = await resultsOf(second);
  expect(one).toEqual(two);
  // Jamu: Budi 100, Dewi 75; Keripik: Budi 50, Dewi 25.
  expect(one.join('\n')).toContain('87,5');
  expect(one.join('\n')).toContain('37,5');
  await screenshot(first, '74-bundle-results-after-merge');

  // The same bundle again: nothing changes, and the report says so.
  const before = await studioCounts(first);
  await importBundle(first, fromBudi);
  await expect(first.getByRole('dialog', { name: 'Laporan penggabungan' }).getByText('Tidak ada yang berubah: semua isi bundel ini sudah ada di studio Anda.')).toBeVisible();
  await closeDialog(first);
  expect(await studioCounts(first)).toEqual(before);
  expect(await resultsOf(first)).toEqual(one);

  // A laptop whose disk is nearly full: the merge fails as a whole and says so; nothing is half-written.
  // The browser refuses to store the images as a full disk would (QuotaExceededError from IndexedDB).
  // DevTools' quota override (Storage.overrideQuotaForOrigin) stopped being enforced for these writes
  // in this Chromium once the studio gained its version 3 tables, so the refusal is raised where
  // IndexedDB raises it, on the image store's writes.
  const full = await newLaptop(browser);
  const empty = await studioCounts(full);
  await previewBundle(full, workshopBundle);
  await full.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'assetBlobs') throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await full.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(full.getByRole('alert')).toHaveText('Disk penuh: bundel tidak bisa digabungkan dan tidak ada yang ditulis. Kosongkan ruang disk lalu coba lagi.');
  expect(await studioCounts(full)).toEqual(empty);
  expect(missing).toEqual([]);
});

/** Hostile `.kemas` files (tests/support/hostileZip.ts) and what the person reads about each. */
const REFUSALS: readonly { name: string; says: string }[] = [
  { name: 'traversal ../x', says: 'Bundel berisi path yang tidak aman (../x)' },
  { name: 'symlink entry', says: 'Bundel berisi tautan simbolik (blobs/0); tautan tidak diizinkan.' },
  { name: 'compression bomb (declared 10 KB, inflates to 100 MB)', says: 'Bundel tampak seperti bom kompresi (blobs.json)' },
  { name: 'schema-invalid record', says: 'Bundel berisi data yang tidak sah (records/mentors.json[1]).' },
  { name: 'newer format version', says: `Bundel ini dibuat oleh Kemas Studio yang lebih baru (format versi ${BUNDLE_FORMAT_VERSION + 1}). Perbarui aplikasi untuk membukanya.` },
  { name: 'sha256 mismatch', says: 'isi berkas tidak cocok dengan checksum-nya (blobs/2)' },
];

test('hostile bundles are refused with a translated reason naming the entry, and nothing is written', async ({ page }) => {
  test.setTimeout(360_000);
  await openDemoSessions(page);
  const before = await studioCounts(page);

  await page.keyboard.press('b');
  await expect(page.getByRole('dialog', { name: 'Impor bundel' })).toBeVisible();
  await expectAccessible(page);
  for (const [i, refusal] of REFUSALS.entries()) {
    const made = await (HOSTILE_FILES[refusal.name] as () => Promise<HostileFile>)();
    const path = join(work, `jahat-${i}.kemas`);
    writeFileSync(path, made.bytes);
    await chooseBundle(page, path, i === 0 ? /^Pilih berkas/ : 'Pilih berkas lain…');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`jahat-${i}.kemas`);
    await expect(alert).toContainText('Bundel ini tidak diimpor');
    await expect(alert).toContainText(refusal.says);
    await expect(alert).toContainText('Tidak ada yang ditulis: studio Anda tetap seperti sebelumnya.');
    if (i === 0) {
      await expectAccessible(page);
      await screenshot(page, '75-bundle-refused');
    }
  }

  // Not a ZIP at all, dropped on the dialog.
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['bukan arsip'], 'catatan.kemas'));
    return data;
  });
  await page.getByTestId('bundle-refusal').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('alert')).toContainText('catatan.kemas');
  await expect(page.getByRole('alert')).toContainText('Berkas ini bukan bundel .kemas');
  await closeDialog(page);
  expect(await studioCounts(page)).toEqual(before);
});
