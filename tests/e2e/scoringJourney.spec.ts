import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { packImage } from './intakeFiles.ts';
import { dropFiles, expectAccessible, newWorkshop, screenshot } from './studio.ts';

/*
 * Issue 5's "done when", as a curator and two mentors would do it on one
 * laptop, through the real screens only (no data written behind the app's back):
 * five submissions imported, a blind session for Dewi and Budi, each scoring
 * from the keyboard, Budi declaring a conflict, then results and exports.
 */

// Alphabetical, so the session's order (by business) is Kiriman 1..5 in this order.
const BUSINESSES = ['Abon Lele Bu Har', 'Bakpia Ubi Ungu', 'Cokelat Kakao Jember', 'Dodol Nangka Puger', 'Emping Melinjo Pak Sis'];

// Every criterion gets the same level, so a review's overall 0–100 is (level − 1) / 4 × 100.
const DEWI = [5, 4, 3, 2, 4]; // 100, 75, 50, 25, 75
const BUDI = [null, 4, 5, 2, 1]; // conflict, 75, 100, 25, 0

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kemas-journey-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const mentorButton = (page: Page) => page.getByRole('button', { name: /Ganti mentor$/ });
const queueBar = (page: Page) => page.getByRole('navigation', { name: 'Antrean penilaian' });

/** The names a blind session must not show anywhere on a review screen. */
async function expectNoNames(page: Page) {
  for (const business of BUSINESSES) await expect(page.locator('body')).not.toContainText(business);
}

/** Scores the open submission from the keyboard: one digit per criterion, Space for the verdict, Enter to submit. */
async function scoreWithKeyboard(page: Page, level: number) {
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
  await expect(page.getByRole('status', { name: 'Nilai keseluruhan' })).toHaveText(new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1 }).format(((level - 1) / 4) * 100));
  await expect(page.getByRole('radio', { name: 'Siap pasar' })).toBeChecked();
  const submit = page.getByRole('button', { name: 'Kirim penilaian' });
  await expect(submit).toBeEnabled();
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
}

test('a blind session with two mentors on one laptop: keyboard scoring, a conflict, ranks, flags, agreement and exports', async ({ page }) => {
  test.setTimeout(360_000);
  await newWorkshop(page, 'Penjurian Kemasan Jember', undefined, 'Jember');

  // Five designs, named as participants hand them in: business - product - face.
  const files: string[] = [];
  const colours = ['#a8322d', '#2e7d32', '#5d4037', '#e8b931', '#1d2b2a'];
  for (const [i, business] of BUSINESSES.entries()) {
    const name = `${business} - Produk ${i + 1} - depan.jpg`;
    writeFileSync(join(work, name), await packImage(600, 800, colours[i] as string, 'jpeg'));
    files.push(name);
  }
  await dropFiles(page, work, files);
  const panel = page.getByRole('region', { name: 'Impor selesai' });
  await expect(panel).toContainText('5 tampak diimpor', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Tutup' }).click();

  // The curator's session: Budi added on the spot, everyone scores everything, blind.
  await page.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await page.getByRole('button', { name: 'Sesi penilaian baru' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sesi penilaian baru' });
  await dialog.getByLabel('Nama sesi').fill('Penjurian akhir');
  await expect(dialog.getByText('5 kiriman cocok.')).toBeVisible();
  await dialog.getByLabel('Nama mentor baru').fill('Budi Santoso');
  await dialog.getByLabel('Organisasi mentor baru').fill('Dinas Koperasi');
  await dialog.getByRole('button', { name: 'Tambahkan mentor' }).click();
  await expect(dialog.getByRole('group', { name: 'Mentor', exact: true }).getByRole('checkbox', { name: /Budi Santoso/ })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Penilaian buta' }).check();
  // The curator lets each mentor see the others once their own queue is done.
  await dialog.getByRole('radio', { name: 'Juga begitu antrean mentor itu sendiri selesai' }).check();
  await dialog.getByRole('button', { name: 'Buat sesi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Penjurian akhir/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kiriman di antrean saya dan statusnya' }).locator('tbody tr')).toHaveCount(5);
  await expectNoNames(page);

  // Dewi scores all five from the keyboard; Shift+N takes her to the next unscored one.
  const start = page.getByRole('link', { name: 'Mulai menilai' });
  await start.focus();
  await page.keyboard.press('Enter');
  for (const [i, level] of DEWI.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: `Telaah Kiriman ${i + 1} · versi 1` })).toBeVisible();
    await expectNoNames(page);
    await scoreWithKeyboard(page, level);
    await expect(queueBar(page)).toContainText(`${i + 1} dari 5 dinilai`);
    if (i === 0) {
      await expectAccessible(page);
      await screenshot(page, '46-journey-dewi-scored');
    }
    if (i < DEWI.length - 1) {
      await page.locator('h1').click();
      await page.keyboard.press('Shift+N');
    }
  }

  // Budi takes the laptop.
  await mentorButton(page).focus();
  await page.keyboard.press('Enter');
  const switcher = page.getByRole('dialog', { name: 'Ganti mentor' });
  await switcher.getByRole('button', { name: /Beralih ke Budi Santoso/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Sekarang menelaah: Budi Santoso.')).toBeVisible();
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Penjurian akhir' }).click();
  await expect(page.getByRole('heading', { name: 'Antrean Budi Santoso' })).toBeVisible();
  // Blind: Dewi has finished but Budi has not, so he sees no results yet.
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(page.getByRole('heading', { name: 'Hasil masih disembunyikan' })).toBeVisible();
  await page.getByRole('tab', { name: 'Antrean saya' }).click();
  // Opening Kiriman 5 as Budi (the switch happened there) already started his draft: "Lanjut".
  await page.getByRole('link', { name: /^(Mulai|Lanjut) menilai$/ }).focus();
  await page.keyboard.press('Enter');

  // Kiriman 1 is his cousin's business: he declares a conflict and it leaves his queue.
  await expect(page.getByRole('heading', { level: 1, name: 'Telaah Kiriman 1 · versi 1' })).toBeVisible();
  await page.getByRole('tab', { name: 'Anotasi' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Konflik kepentingan…' }).focus();
  await page.keyboard.press('Enter');
  const conflict = page.getByRole('dialog', { name: 'Nyatakan konflik kepentingan?' });
  await conflict.getByRole('button', { name: 'Ya, ada konflik kepentingan' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Anda punya konflik kepentingan dengan kiriman ini/)).toBeVisible();
  await expect(queueBar(page)).toContainText('0 dari 4 dinilai');

  for (const [i, level] of BUDI.entries()) {
    if (level === null) continue;
    await page.locator('h1').click();
    await page.keyboard.press('Shift+N');
    await expect(page.getByRole('heading', { level: 1, name: `Telaah Kiriman ${i + 1} · versi 1` })).toBeVisible();
    // Until his own queue is done, Dewi's scores stay hidden from him.
    await expect(page.getByText('Nilai dan anotasi mentor lain disembunyikan sampai antrean Anda selesai atau kurator membuka hasil.')).toBeVisible();
    await expect(page.getByRole('img', { name: /Nilai keseluruhan per mentor/ })).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('Dewi Lestari');
    await scoreWithKeyboard(page, level);
    if (i === BUDI.length - 1) {
      const dewiOverall = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1 }).format((((DEWI[i] as number) - 1) / 4) * 100);
      await expect(page.getByRole('img', { name: new RegExp(`Nilai keseluruhan per mentor, 0–100: .*Dewi Lestari ${dewiOverall}`) })).toBeVisible();
    } else await expect(page.getByRole('img', { name: /Nilai keseluruhan per mentor/ })).toHaveCount(0);
    await expectNoNames(page);
  }
  await expect(queueBar(page)).toContainText('4 dari 4 dinilai');

  // The dashboard: both mentors done.
  await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Penjurian akhir' }).click();
  await page.getByRole('tab', { name: 'Dasbor' }).click();
  await expect(page.getByText('9 dari 9 penilaian selesai')).toBeVisible();
  await expect(page.getByRole('img', { name: /Dewi Lestari 5 dari 5; Budi Santoso 4 dari 4/ })).toBeVisible();

  // Results: means of the counted reviews, ranks with a tie (1 2 2 4 5), two disagreements flagged.
  await page.getByRole('tab', { name: 'Hasil' }).click();
  const results = page.getByRole('table', { name: 'Hasil per kiriman' });
  const rowOf = (business: string) => results.getByRole('row', { name: new RegExp(`${business} · versi 1`) });
  const expected = [
    { business: BUSINESSES[0], rank: '1', mean: '100,0', flagged: false },
    { business: BUSINESSES[1], rank: '2', mean: '75,0', flagged: false },
    { business: BUSINESSES[2], rank: '2', mean: '75,0', flagged: true },
    { business: BUSINESSES[3], rank: '5', mean: '25,0', flagged: false },
    { business: BUSINESSES[4], rank: '4', mean: '37,5', flagged: true },
  ];
  for (const row of expected) {
    await expect(rowOf(row.business as string).getByRole('cell').first()).toHaveText(row.rank);
    await expect(rowOf(row.business as string)).toContainText(row.mean);
    if (row.flagged) await expect(rowOf(row.business as string)).toContainText('Perlu dibahas');
    else await expect(rowOf(row.business as string)).not.toContainText('Perlu dibahas');
  }
  await expect(page.getByText('2 kiriman perlu dibahas (selisih lebih dari 20 poin).')).toBeVisible();
  // Krippendorff's alpha (interval) over the four submissions both scored: 0.1165.
  await expect(page.getByText(/α Krippendorff = 0,12 \[[^\]]+\] — kesepakatan rendah/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Diagram peringkat/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '47-journey-results');

  // The exports carry the same numbers.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
  // The rows follow the header block that says what the file holds, after its first blank line.
  const csvText = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const csv = Papa.parse<Record<string, string>>(csvText.slice(csvText.indexOf('\r\n\r\n') + 4), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(csv.map((r) => [r['Peserta'], r['Peringkat'], r['Rata-rata (0-100)'], r['Jumlah penilaian'], r['Tanda']])).toEqual([
    [BUSINESSES[0], '1', '100', '1', ''],
    [BUSINESSES[1], '2', '75', '2', ''],
    [BUSINESSES[2], '2', '75', '2', 'Perlu dibahas'],
    [BUSINESSES[4], '4', '37.5', '2', 'Perlu dibahas'],
    [BUSINESSES[3], '5', '25', '2', ''],
  ]);
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor XLSX' }).click()]);
  const sheets = await readXlsxFile(await xlsxDownload.path());
  const hasil = sheets.find((s) => s.sheet === 'Hasil')?.data ?? [];
  const header = hasil[0] as unknown[];
  const column = (name: string) => header.indexOf(name);
  const byBusiness = new Map(hasil.slice(1).map((row) => [row[column('Peserta')], row]));
  expect(byBusiness.get(BUSINESSES[4])?.[column('Rata-rata (0-100)')]).toBe(37.5);
  expect(byBusiness.get(BUSINESSES[4])?.[column('Peringkat')]).toBe(4);
  expect(byBusiness.get(BUSINESSES[0])?.[column('Jumlah penilaian')]).toBe(1);

  // The session's critique packs, one folder per region and participant, from the session screen.
  const folder = join(work, 'Ekspor sesi');
  await page.getByRole('button', { name: 'Ekspor paket kritik…' }).click();
  const batch = page.getByRole('dialog', { name: /^Ekspor paket kritik: / });
  await batch.getByLabel('Folder tujuan').fill(folder);
  await expect(batch.getByText('Akan dibuat: 5 paket.')).toBeVisible();
  await batch.getByRole('button', { name: 'Buat 5 paket' }).click();
  await batch.getByRole('button', { name: 'Izinkan folder ini' }).click();
  await expect(batch.getByRole('heading', { name: 'Ekspor selesai' })).toBeVisible({ timeout: 90_000 });
  await expect(batch.getByText('Ditulis: 5')).toBeVisible();
  const written = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.pdf'));
  expect(written).toHaveLength(5);
  for (const business of BUSINESSES) expect(written.some((p) => p.startsWith(join('Jember', `${business} - `)))).toBe(true);
});
