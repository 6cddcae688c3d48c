import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf } from '../support/packPdf.ts';
import { closeDialog, exportBundle, importBundle, newLaptop, previewBundle } from './bundleJourney.ts';
import { createSession, inStudioDb, JAMU, openDemoSessions, seedReviews, watchTranslations } from './sessionFixture.ts';
import { expectAccessible, screenshot, waitForReady } from './studio.ts';

/*
 * Issue 16 items 2 and 3 as people meet them: a session's curator across two laptops (a mentor who is
 * not a curator sees the settings read-only, and a settings edit of theirs is refused on merge), a
 * blind session revealed by its curator, and a review revised after its mentor saw the others.
 */

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'curators-e2e');

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-curators-'));
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const mentorButton = (page: Page) => page.getByRole('button', { name: /Ganti mentor$/ });

async function switchTo(page: Page, name: string) {
  await mentorButton(page).click();
  await page.getByRole('dialog', { name: 'Ganti mentor' }).getByRole('button', { name: new RegExp(`Beralih ke ${name}`) }).click();
  await expect(page.getByText(`Sekarang menelaah: ${name}.`)).toBeVisible();
}

/** Both sizes the studio is checked at. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`);
  }
}

/** A mentor who is not a curator changes a session's settings behind the app (as a tampered or older studio could). */
async function editSessionBehindTheApp(page: Page, mentorName: string, changes: Record<string, unknown>) {
  await inStudioDb(
    page,
    async ({ all, put }, { mentorName, changes }) => {
      const mentor = (await all<{ id: string; name: string }>('mentors')).find((m) => m.name === mentorName);
      const session = (await all<Record<string, unknown>>('sessions'))[0];
      if (!mentor || !session) throw new Error('no mentor or session');
      await put('sessions', [{ ...session, ...changes, updatedAt: Date.now(), updatedBy: mentor.id }]);
    },
    { mentorName, changes },
  );
  await page.reload();
  await waitForReady(page);
}

test("a session's curator holds across laptops: read-only settings for a mentor, and their settings edit refused on merge", async ({ browser, page }) => {
  test.setTimeout(300_000);
  const missing = watchTranslations(page);
  // Laptop A: Dewi makes a blind session for herself and Budi; she is its curator.
  await openDemoSessions(page);
  await createSession(page, 'Final', { split: false, blind: true });
  await expect(page.getByTestId('session-curators')).toHaveText('Kurator: Dewi Lestari. Hanya kurator yang mengubah pengaturan, menutup sesi, dan membuka hasil.');
  await expect(page.getByRole('button', { name: 'Ubah sesi' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buka hasil' })).toBeVisible();
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: /Contoh/ }).click();
  const workshopBundle = await exportBundle(page, 'Ekspor bundel lokakarya…', work, 'workshop.kemas');

  // Laptop B: Budi imports it and is no curator: the settings are read-only and say who the curators are.
  const budi = await newLaptop(browser);
  const budiMissing = watchTranslations(budi);
  await importBundle(budi, workshopBundle);
  await budi.getByRole('dialog', { name: 'Laporan penggabungan' }).getByRole('button', { name: 'Lanjutkan sebagai Budi Santoso' }).click();
  await budi.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await expect(budi.getByRole('link', { name: 'Final' })).toBeVisible();
  await expect(budi.getByRole('button', { name: 'Hapus sesi Final' })).toHaveCount(0);
  await budi.getByRole('link', { name: 'Final' }).click();
  await expect(budi.getByTestId('session-curators')).toContainText('Kurator: Dewi Lestari.');
  for (const name of ['Ubah sesi', 'Tutup sesi', 'Buka hasil', 'Hapus sesi']) await expect(budi.getByRole('button', { name })).toHaveCount(0);
  await budi.getByRole('button', { name: 'Lihat pengaturan' }).click();
  const settings = budi.getByRole('dialog', { name: 'Pengaturan sesi penilaian' });
  await expect(settings.getByTestId('settings-read-only')).toHaveText(
    'Anda melihat pengaturan ini tanpa bisa mengubahnya: hanya kurator sesi ini yang dapat mengubahnya (Dewi Lestari).',
  );
  await expect(settings.getByRole('checkbox', { name: 'Penilaian buta' })).toBeChecked();
  await expect(settings.getByRole('checkbox', { name: 'Penilaian buta' })).toBeDisabled();
  await expect(settings.getByRole('button', { name: 'Simpan' })).toHaveCount(0);
  await expectAccessible(budi);
  await screenshots(budi, '90-curators-read-only');
  await budi.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Budi's laptop changes the session anyway (blind off, a timer), as an older studio would let him; his bundle goes to Dewi.
  await editSessionBehindTheApp(budi, 'Budi Santoso', { blind: false, itemTimerMinutes: 3 });
  await budi.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: /Contoh/ }).click();
  const fromBudi = await exportBundle(budi, 'Ekspor bundel lokakarya…', work, 'budi-workshop.kemas');

  // On Dewi's laptop the preview and the report say the edit is refused and why; the rest merges.
  await page.setViewportSize({ width: 1366, height: 768 });
  await previewBundle(page, fromBudi);
  const refused = page.getByTestId('refused-edits');
  await expect(refused.getByRole('heading', { name: 'Suntingan ditolak (1)' })).toBeVisible();
  await expect(refused.getByRole('row', { name: /Final/ })).toContainText('Budi Santoso bukan kurator sesi ini');
  await expect(refused.getByRole('row', { name: /Final/ })).toContainText('penilaian buta, pengatur waktu');
  await page.getByRole('button', { name: 'Gabungkan' }).click();
  const report = page.getByRole('dialog', { name: 'Laporan penggabungan' });
  await expect(report.getByTestId('refused-edits')).toContainText('Budi Santoso bukan kurator sesi ini');
  await expectAccessible(page);
  await screenshots(page, '91-curators-merge-refused');
  const [csv] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: /CSV/ }).click()]);
  expect(readFileSync(await csv.path(), 'utf8')).toContain('Sesi penilaian,Final,"Ditolak: Budi Santoso bukan kurator sesi ini (penilaian buta, pengatur waktu)",Studio ini,');
  await page.setViewportSize({ width: 1360, height: 860 });
  await closeDialog(page);

  // Dewi's session is as she left it: still blind, no timer.
  await page.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await page.getByRole('link', { name: 'Final' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Final/ })).toBeVisible();
  await expect(page.locator('.page-header')).toContainText('Penilaian buta');
  await expect(page.locator('.page-header')).not.toContainText('menit');

  // Dewi names Budi a curator; with her bundle, Budi's laptop lets him change the session.
  await page.getByRole('button', { name: 'Ubah sesi' }).click();
  const edit = page.getByRole('dialog', { name: 'Ubah sesi penilaian' });
  await edit.getByRole('group', { name: 'Kurator' }).getByRole('checkbox', { name: 'Budi Santoso' }).check();
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('session-curators')).toContainText('Kurator: Dewi Lestari, Budi Santoso.');
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: /Contoh/ }).click();
  const named = await exportBundle(page, 'Ekspor bundel lokakarya…', work, 'named.kemas');
  await importBundle(budi, named);
  await closeDialog(budi);
  await budi.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await budi.getByRole('link', { name: 'Final' }).click();
  await expect(budi.getByRole('button', { name: 'Ubah sesi' })).toBeVisible();
  expect(missing).toEqual([]);
  expect(budiMissing).toEqual([]);
});

test('a blind session: results only after the curator reveals them; a review revised after seeing the others stays counted and is marked', async ({ page }) => {
  test.setTimeout(300_000);
  const missing = watchTranslations(page);
  await openDemoSessions(page);
  await createSession(page, 'Final', { split: false, blind: true });
  await seedReviews(page, [
    { item: 0, mentor: 'Dewi Lestari', level: 5 },
    { item: 0, mentor: 'Budi Santoso', level: 4 },
    { item: 1, mentor: 'Dewi Lestari', level: 3 },
    { item: 1, mentor: 'Budi Santoso', level: 3 },
    { item: 2, mentor: 'Dewi Lestari', level: 4 },
    { item: 2, mentor: 'Budi Santoso', level: 2 },
  ]);
  // Both have finished their queues; by default that reveals nothing.
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(page.getByTestId('results-hidden')).toContainText('setelah kurator membuka hasil atau menutup sesi');
  await expect(page.getByRole('table', { name: 'Hasil per kiriman' })).toHaveCount(0);
  await switchTo(page, 'Budi Santoso');
  await expect(page.getByTestId('results-hidden')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buka hasil' })).toHaveCount(0);
  await switchTo(page, 'Dewi Lestari');

  // The curator reveals, from the keyboard, after a confirmation.
  await page.getByRole('button', { name: 'Buka hasil' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Buka hasil untuk semua mentor?' });
  await expect(confirm).toContainText('tidak bisa ditarik kembali');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Buka hasil' }).click();
  await expect(page.getByText('Hasil dibuka untuk semua mentor.')).toBeVisible();
  await expect(page.locator('.page-header')).toContainText('hasil dibuka');
  const results = page.getByRole('table', { name: 'Hasil per kiriman' });
  const jamu = results.getByRole('row', { name: /Jamu.* · versi 1/ });
  await expect(jamu).toContainText('87,5');

  // Seeing them is a stored fact on Dewi's reviews.
  await expect.poll(() => sawOthers(page, 'Dewi Lestari')).toEqual([true, true, true]);
  expect(await sawOthers(page, 'Budi Santoso')).toEqual([false, false, false]);

  // Dewi reopens her Jamu review: warned first; then still counted as submitted, and marked with the time.
  await page.getByRole('tab', { name: 'Antrean saya' }).click();
  await page.getByRole('table', { name: 'Kiriman di antrean saya dan statusnya' }).getByRole('link', { name: /Jamu/ }).click();
  await page.getByRole('tab', { name: 'Nilai' }).click();
  await expect(page.getByTestId('reopen-warning')).toContainText('ditandai "direvisi setelah melihat penilaian lain"');
  await page.getByRole('button', { name: 'Buka lagi untuk mengubah' }).click();
  await expect(page.getByLabel('Status penilaian: Draf')).toBeVisible();
  await expect(page.getByTestId('revised-mark')).toContainText('Dewi Lestari: dibuka lagi setelah melihat penilaian lain');
  await expectAccessible(page);
  await screenshots(page, '92-curators-reopened-after-reveal');
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Final' }).click();
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(jamu).toContainText('87,5');
  await expect(jamu.locator('td').nth(4)).toHaveText('2');
  await expect(jamu).toContainText('Dewi Lestari: dibuka lagi setelah melihat penilaian lain');
  await expect(jamu).toContainText('versi yang terkirim tetap dihitung sampai revisinya dikirim');
  await expect(page.getByTestId('counted-rule')).toContainText('1 penilaian direvisi setelah melihat penilaian lain');
  await expectAccessible(page);
  await screenshots(page, '93-curators-results-revised');
  // At 1366 × 768 every column up to the flag and its revision note is in view; the criteria scroll sideways, and the table says so.
  await page.setViewportSize({ width: 1366, height: 768 });
  const region = page.getByRole('region', { name: 'Hasil per kiriman' });
  await expect(page.getByTestId('results-scroll-hint')).toContainText('geser ke samping untuk nilai per kriteria');
  const inView = async (cell: ReturnType<Page['locator']>) => {
    const [box, frame] = await Promise.all([cell.boundingBox(), region.boundingBox()]);
    return box !== null && frame !== null && box.x >= frame.x && box.x + box.width <= frame.x + frame.width;
  };
  expect(await inView(results.getByRole('columnheader', { name: 'Tanda' }))).toBe(true);
  expect(await inView(jamu.getByRole('listitem').filter({ hasText: 'setelah melihat penilaian lain' }))).toBe(true);
  // Scrolled to the last criterion, the submission's name is still there beside it.
  await region.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
  expect(await inView(results.getByRole('columnheader', { name: 'Kesiapan pasar' }))).toBe(true);
  expect(await inView(jamu.getByRole('rowheader'))).toBe(true);
  await screenshot(page, '93-curators-results-scrolled-1366');

  // The exports carry the mark with the time.
  await page.setViewportSize({ width: 1360, height: 860 });
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv).toContain('Direvisi setelah melihat penilaian lain');
  expect(csv).toMatch(/Jamu[^\r\n]*Dewi Lestari: dibuka lagi setelah melihat penilaian lain, \d/);
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor XLSX' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  // So does the summary report: under the submission, who reopened it and when (WIB), and that the sent version counts.
  const pending = await summaryReport(page, 'revised-pending.pdf');
  expect(pending.all).toMatch(
    new RegExp(`1 ${JAMU} · v1 Dewi Lestari: dibuka lagi setelah melihat penilaian lain, ${WHEN}; versi yang terkirim tetap dihitung sampai revisinya dikirim`),
  );
  expect(pending.all).toContain('Penilaian yang direvisi setelah mentornya melihat penilaian lain: 1 (ditandai di tabel dengan nama mentor dan waktunya).');

  // Dewi sends the revision: still counted, now "direvisi" with the time, on screen and in the report.
  await page.getByRole('tab', { name: 'Antrean saya' }).click();
  await page.getByRole('table', { name: 'Kiriman di antrean saya dan statusnya' }).getByRole('link', { name: /Jamu/ }).click();
  await page.getByRole('tab', { name: 'Nilai' }).click();
  await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Final' }).click();
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(jamu).toContainText('Dewi Lestari: direvisi setelah melihat penilaian lain');
  const sent = await summaryReport(page, 'revised-sent.pdf');
  const ranking = sent.pages.find((p) => p.includes('Semua kiriman')) ?? '';
  expect(ranking).toMatch(new RegExp(`1 ${JAMU} · v1 Dewi Lestari: direvisi setelah melihat penilaian lain, ${WHEN} .*87,5 2 25,0 Perlu dibahas Direvisi`));
  expect(sent.all).toContain('Direvisi setelah melihat penilaian lain: di sesi penilaian buta');
  expect(missing).toEqual([]);
});

/** A moment as the summary report prints it: "7 Desember 2026 pukul 10.32 WIB". */
const WHEN = '\\d{1,2} \\S+ \\d{4} pukul \\d{2}\\.\\d{2} WIB';

/** The summary report made from the Results tab, kept under test-results; its text as pdf.js reads it. */
async function summaryReport(page: Page, name: string) {
  await page.getByRole('button', { name: 'Laporan ringkasan (PDF)…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Laporan ringkasan: Final' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Buat laporan' }).click()]);
  await expect(dialog).toBeHidden();
  const path = join(OUT, name);
  await download.saveAs(path);
  return readPdf(readFileSync(path));
}

/** Whether each of a mentor's reviews records having seen the others (`sawOthersAt`), read behind the app. */
async function sawOthers(page: Page, mentorName: string): Promise<boolean[]> {
  return inStudioDb(
    page,
    async ({ all }, name) => {
      const mentor = (await all<{ id: string; name: string }>('mentors')).find((m) => m.name === name);
      const reviews = (await all<{ mentorId: string; sawOthersAt: number | null }>('reviews')).filter((r) => r.mentorId === mentor?.id);
      return reviews.map((r) => r.sawOthersAt !== null);
    },
    mentorName,
  );
}
