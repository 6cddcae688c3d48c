import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../support/packPdf.ts';
import { createSession, JAMU, KERIPIK, KOPI, openDemoSessions, openFinalResults, watchTranslations } from './sessionFixture.ts';
import { expectAccessible, screenshot } from './studio.ts';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'summary-e2e');

/** The report made from the open dialog, from the keyboard, saved under test-results; its text as pdf.js reads it. */
async function makeReport(page: Page, name: string, toast?: string) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Buat laporan' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  // The toast goes after a few seconds: look for it before the slow reading of the file.
  if (toast) await expect(page.getByText(`${toast}: ${download.suggestedFilename()}`)).toBeVisible();
  const path = join(OUT, name);
  await download.saveAs(path);
  return { fileName: download.suggestedFilename(), path, text: await readPdf(readFileSync(path)) };
}

/** Pages 1–2 as PNGs at 60 dpi (pdftoppm), kept under test-results for a person to look at. */
function rasterise(pdfPath: string, name: string): string[] {
  for (const file of readdirSync(OUT)) if (file.startsWith(`${name}-`) && file.endsWith('.png')) rmSync(join(OUT, file));
  const run = spawnSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdfPath, join(OUT, name)]);
  expect(run.status, run.stderr.toString()).toBe(0);
  return readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

test('a curator makes the summary report from the results tab: the PDF carries the ranks, means and α the tab shows', async ({ page }) => {
  test.setTimeout(360_000);
  mkdirSync(OUT, { recursive: true });
  const missing = watchTranslations(page);
  const { rowOf } = await openFinalResults(page);
  await expect(rowOf(JAMU).getByRole('cell').first()).toHaveText('1');
  await expect(rowOf(JAMU)).toContainText('87,5');
  await expect(rowOf(KERIPIK).getByRole('cell').first()).toHaveText('2');
  await expect(rowOf(KOPI).getByRole('cell').first()).toHaveText('2');
  await expect(page.getByText(/α Krippendorff = 0,24/)).toBeVisible();
  // A wider threshold than the default: only Kopi (spread 50) is flagged, and the report must say 30.
  await page.getByLabel('Batas perbedaan (poin)').fill('30');
  await expect(page.getByText('1 kiriman perlu dibahas (selisih lebih dari 30 poin).')).toBeVisible();

  // The dialog, from the keyboard, says which of the tab's settings the report uses.
  await page.getByRole('button', { name: 'Laporan ringkasan (PDF)…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Laporan ringkasan: Final' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Bahasa laporan')).toBeFocused();
  const settings = dialog.getByRole('region', { name: 'Memakai pengaturan tab Hasil saat ini' });
  await expect(settings).toContainText('Nilai apa adanya (tanpa normalisasi per mentor).');
  await expect(settings).toContainText('lebih dari 30 poin');
  await expect(dialog.getByText('3 kiriman, 2 mentor, 6 penilaian dihitung.')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '66-summary-dialog');

  // Cancel while the host draws: nothing is downloaded, and the curator can make it again.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/pack.summary', async (route) => {
    await held;
    await route.continue();
  });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await dialog.getByRole('button', { name: 'Buat laporan' }).click();
  await expect(dialog.getByRole('list')).toContainText('Membuat PDF');
  await expect(dialog.getByRole('progressbar', { name: 'Membuat laporan ringkasan…' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, '67-summary-progress');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Pembuatan laporan dibatalkan. Tidak ada berkas yang disimpan.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Buat laporan' })).toBeFocused();
  release();
  await page.unrouteAll({ behavior: 'wait' });
  expect(downloads).toBe(0);

  // A host that refuses: the reason in the curator's language, and the dialog stays.
  await page.route('**/api/pack.summary', (route) => route.fulfill({ json: { ok: false, error: { code: 'internal', message: 'font missing' } } }));
  await dialog.getByRole('button', { name: 'Buat laporan' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Laporan tidak bisa dibuat oleh host studio. Coba lagi; bila tetap gagal, muat ulang studio.');
  await page.unrouteAll();

  // Made: downloaded under its readable name, with a toast.
  const report = await makeReport(page, 'summary-id.pdf', 'Laporan ringkasan disimpan');
  expect(report.fileName).toMatch(/ - Final - Laporan ringkasan\.pdf$/);
  await expect(dialog).toBeHidden();
  const all = report.text.all;
  for (const heading of ['LAPORAN RINGKASAN KURATOR', 'Angka utama', 'Peringkat', 'Statistik per kriteria', 'Statistik per wilayah', 'Kesepakatan antarmentor', 'Kemurahan mentor', 'Cara membaca laporan ini']) {
    expect(all, heading).toContain(heading);
  }
  expect(report.text.pageSizes[0]).toEqual([595, 842]);
  // The ranking: Jamu first at 87,5; Keripik and Kopi tied second at 50,0, Kopi flagged (spread 50 > 30), Jamu not (25).
  const ranking = report.text.pages.find((p) => p.includes('Semua kiriman')) ?? '';
  expect(ranking).toMatch(new RegExp(`1 ${JAMU} · v1 .*87,5`));
  expect(ranking).toMatch(new RegExp(`2 ${KERIPIK} · v1 .*50,0`));
  expect(ranking).toMatch(new RegExp(`2 ${KOPI} · v1 .*50,0`));
  expect(all).toContain('lebih dari 30');
  // α as the tab shows it.
  expect(all).toMatch(/α.*0,24/);
  expect(readFileSync(report.path).subarray(0, 5).toString()).toBe('%PDF-');
  expect(rasterise(report.path, 'summary-id')).toHaveLength(2);

  // In English on Letter paper, the same numbers with English decimals.
  await page.getByRole('button', { name: 'Laporan ringkasan (PDF)…' }).click();
  await dialog.getByLabel('Bahasa laporan').selectOption('en');
  await dialog.getByLabel('Ukuran kertas').selectOption('Letter');
  const english = await makeReport(page, 'summary-en.pdf');
  expect(english.fileName).toMatch(/ - Final - Summary report\.pdf$/);
  expect(english.text.all).toContain("CURATOR'S SUMMARY REPORT");
  expect(english.text.all).toContain('87.5');
  expect(english.text.pageSizes[0]).toEqual([612, 792]);
  rasterise(english.path, 'summary-en');
  expect(missing).toEqual([]);
});

test('a mentor of a blind session whose queue is not done sees no summary report button', async ({ page }) => {
  await openDemoSessions(page);
  await createSession(page, 'Buta', { split: true, blind: true });
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(page.getByRole('heading', { name: 'Hasil masih disembunyikan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Laporan ringkasan (PDF)…' })).toHaveCount(0);
});
