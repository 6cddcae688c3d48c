import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBundle, closeDialog, exportBundle, importBundle, newLaptop, previewBundle, scoreWithKeyboard, studioCounts } from './bundleJourney.ts';
import { createSession, openDemoSessions, watchTranslations } from './sessionFixture.ts';
import { expectAccessible, screenshot } from './studio.ts';
import { tamperBundle } from '../support/tamperBundle.ts';

/*
 * Issue 16, items 7 and 8, as people would meet them with files: a mentor's signed review bundle
 * whose key the curator's studio sees for the first time (accepted by its fingerprint), a forged copy
 * (a score raised, every checksum recomputed) refused with nothing written, the same copy stripped of
 * its signature (the forged review refused, listed), and a workshop edited by two mentors one after
 * the other on one laptop taken by another laptop without a conflict.
 */

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-trust-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A store's rows as JSON, read behind the app (to prove a refusal changed nothing). */
async function storeRows(page: Page, store: string): Promise<string> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kemas-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('no database'));
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.stringify(rows);
  }, store);
}

async function editVenue(page: Page, venue: string): Promise<void> {
  await page.getByRole('button', { name: 'Ubah workshop' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah workshop' });
  await dialog.getByLabel('Tempat').fill(venue);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Perubahan workshop tersimpan.')).toBeVisible();
}

test('signed work: a first-seen key accepted by its fingerprint, a forged review refused with nothing written, no false conflict', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const missing = watchTranslations(page);

  // Laptop A, the curator Dewi's: the demo workshop, a session with Budi, the workshop bundle.
  await openDemoSessions(page);
  await createSession(page, 'Final', { split: false, blind: false });
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: /Contoh/ }).click();
  const workshopBundle = await exportBundle(page, 'Ekspor bundel lokakarya…', work, 'workshop.kemas');

  // Laptop B, Budi's: first run from the bundle, one submission scored, his reviews sent back signed.
  const budi = await newLaptop(browser);
  await importBundle(budi, workshopBundle);
  await budi.getByRole('dialog', { name: 'Laporan penggabungan' }).getByRole('button', { name: 'Lanjutkan sebagai Budi Santoso' }).click();
  await budi.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await budi.getByRole('link', { name: 'Final' }).click();
  await budi.getByRole('link', { name: /^(Mulai|Lanjut) menilai$/ }).click();
  await expect(budi.getByRole('heading', { level: 1, name: /^Telaah .* · versi 1$/ })).toBeVisible();
  await scoreWithKeyboard(budi, 3);
  await budi.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Final' }).click();
  await budi.getByRole('button', { name: 'Ekspor penilaian saya…' }).click();
  const budiFingerprint = (await budi.getByRole('dialog').getByTestId('fingerprint').textContent())?.trim() ?? '';
  expect(budiFingerprint).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/);
  await budi.keyboard.press('Escape');
  const fromBudi = await exportBundle(budi, 'Ekspor penilaian saya…', work, 'budi.kemas');

  // A: Budi's key is new here: shown with the fingerprint his own laptop shows, accepted, merged.
  await previewBundle(page, fromBudi);
  const preview = page.getByRole('dialog', { name: 'Pratinjau: budi.kemas' });
  await expect(preview).toContainText('Kunci baru untuk Budi Santoso, pertama kali terlihat di studio ini.');
  await expect(preview.getByTestId('fingerprint')).toHaveText(budiFingerprint);
  await expectAccessible(page);
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `90-trust-first-seen-${width}`);
  }
  await preview.getByRole('checkbox', { name: 'Sidik jarinya cocok: percayai kunci Budi Santoso' }).check();
  await preview.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(page.getByRole('dialog', { name: 'Laporan penggabungan' })).toBeVisible();
  await closeDialog(page);
  const reviewsBefore = await storeRows(page, 'reviews');
  const countsBefore = await studioCounts(page);

  // A forger raises Budi's review to all 5s, moves its date a minute on and recomputes every checksum.
  const raise = (records: Record<string, unknown[]>) => {
    for (const review of records.reviews as { scores: Record<string, { score: number | null }>; updatedAt: number }[]) {
      for (const s of Object.values(review.scores)) s.score = 5;
      review.updatedAt += 60_000;
    }
  };
  const original = new Uint8Array(readFileSync(fromBudi));
  writeFileSync(join(work, 'budi-forged.kemas'), await tamperBundle(original, raise));
  await page.locator('h1').first().click();
  await page.keyboard.press('b');
  await chooseBundle(page, join(work, 'budi-forged.kemas'));
  const refusal = page.getByRole('dialog', { name: 'Impor bundel' }).getByRole('alert');
  await expect(refusal).toContainText('Bundel ini telah diubah setelah ditandatangani pengirimnya');
  await expect(refusal).toContainText('Tidak ada yang ditulis');
  await expectAccessible(page);
  await screenshot(page, '91-trust-forged-refused');
  await closeDialog(page);
  expect(await studioCounts(page)).toEqual(countsBefore);
  expect(await storeRows(page, 'reviews')).toBe(reviewsBefore);

  // The same forgery with the signature removed: it reads as unsigned, and Budi's review is refused, not written.
  writeFileSync(join(work, 'budi-unsigned.kemas'), await tamperBundle(original, raise, { kind: 'strip' }));
  await previewBundle(page, join(work, 'budi-unsigned.kemas'));
  const unsigned = page.getByRole('dialog', { name: 'Pratinjau: budi-unsigned.kemas' });
  await expect(unsigned).toContainText('Bundel ini tidak ditandatangani');
  await expect(unsigned.getByRole('alert')).toContainText('Ditolak, tidak akan ditulis (1)');
  await expect(unsigned.getByRole('alert')).toContainText('bundel ini bukan dari Budi Santoso atau tidak ditandatangani kuncinya');
  await expectAccessible(page);
  await screenshot(page, '92-trust-unsigned-refused');
  await unsigned.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(page.getByRole('dialog', { name: 'Laporan penggabungan' })).toBeVisible();
  await closeDialog(page);
  expect(await storeRows(page, 'reviews')).toBe(reviewsBefore);

  // A: Dewi, then Budi (switching on the same laptop), edit the workshop one after the other.
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('link', { name: /Contoh/ }).click();
  await editVenue(page, 'Aula Bakorwil Malang');
  await page.getByRole('button', { name: /Ganti mentor$/ }).click();
  await page.getByRole('dialog', { name: 'Ganti mentor' }).getByRole('button', { name: /Beralih ke Budi Santoso/ }).click();
  await expect(page.getByText('Sekarang menelaah: Budi Santoso.')).toBeVisible();
  await editVenue(page, 'Aula Bakorwil Malang, lantai 2');
  const updated = await exportBundle(page, 'Ekspor bundel lokakarya…', work, 'workshop-2.kemas');

  // B never touched the workshop: it takes both edits as an update, not a conflict.
  await importBundle(budi, updated);
  const report = budi.getByRole('dialog', { name: 'Laporan penggabungan' });
  const outcomes = report.getByRole('table', { name: 'Hasil penggabungan per jenis data' });
  await expect(outcomes.getByRole('row', { name: /^Workshop/ }).getByRole('cell')).toHaveText(['1', '0', '1', '0', '0']);
  await expect(report.getByRole('img', { name: /Konflik 0/ })).toBeVisible();
  await expect(report).toContainText('Tidak ada konflik.');
  await expectAccessible(budi);
  await screenshot(budi, '93-trust-no-false-conflict');
  expect(missing).toEqual([]);
});
