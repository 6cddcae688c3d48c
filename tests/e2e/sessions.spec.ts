import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { createSession, JAMU, KERIPIK, KOPI, openDemoSessions, openFinalResults, renameParticipant, seedReviews, watchTranslations } from './sessionFixture.ts';
import { expectAccessible, screenshot } from './studio.ts';

test('a curator makes a blind, split session with a mentor added on the spot; each sees their queue and the dashboard', async ({ page }) => {
  const missing = watchTranslations(page);
  await openDemoSessions(page);
  await createSession(page, 'Penilaian akhir MJC', { split: true, blind: true, revealOnQueueDone: true, screenshotName: '60-session-create' });

  // My queue: split in turn (Jamu → Dewi, Keripik → Budi, Kopi → Dewi), blind numbers instead of names.
  await expect(page.getByRole('heading', { name: 'Antrean Dewi Lestari' })).toBeVisible();
  const queue = page.getByRole('table', { name: 'Kiriman di antrean saya dan statusnya' });
  await expect(queue.getByRole('row')).toHaveCount(3);
  await expect(queue.getByRole('row', { name: /Kiriman 1 .*Belum dinilai/ })).toBeVisible();
  await expect(queue.getByRole('row', { name: /Kiriman 3 .*Belum dinilai/ })).toBeVisible();
  await expect(page.getByText(JAMU)).toHaveCount(0);
  const start = page.getByRole('link', { name: 'Mulai menilai' });
  await expect(start).toHaveAttribute('href', /\/participants\/demo-jamu-kunyit\/review\/demo-jamu-kunyit-v1\?session=/);
  await expect(page.getByRole('progressbar', { name: 'Kemajuan antrean saya' })).toHaveAttribute('max', '2');
  await expectAccessible(page);
  await screenshot(page, '61-session-queue');

  // The dashboard, reached from the keyboard: progress per mentor, as numbers and as a chart.
  await page.getByRole('tab', { name: 'Antrean saya' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Dasbor', selected: true })).toBeFocused();
  const perMentor = page.getByRole('table', { name: 'Kemajuan tiap mentor' });
  await expect(perMentor.getByRole('row', { name: /Dewi Lestari/ })).toContainText('2');
  await expect(perMentor.getByRole('row', { name: /Budi Santoso/ }).getByRole('cell').first()).toHaveText('1');
  await expect(page.getByRole('img', { name: /Dewi Lestari 0 dari 2; Budi Santoso 0 dari 1/ })).toBeVisible();
  await expect(page.getByText('0 dari 3 penilaian selesai')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '62-session-dashboard');

  // Blind: results stay hidden from Dewi until her queue is done.
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await expect(page.getByRole('heading', { name: 'Hasil masih disembunyikan' })).toBeVisible();
  await expect(page.getByText(/tinggal 2/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '63-session-results-hidden');

  // Dewi submits both of hers (written as the scoring panel would): names and results appear for her.
  await seedReviews(page, [
    { item: 0, mentor: 'Dewi Lestari', level: 4 },
    { item: 2, mentor: 'Dewi Lestari', level: 3 },
  ]);
  await expect(page.getByRole('heading', { name: 'Hasil masih disembunyikan' })).toBeHidden();
  const results = page.getByRole('table', { name: 'Hasil per kiriman' });
  await expect(results.getByRole('row', { name: new RegExp(`${JAMU} · versi 1`) })).toContainText('75,0');
  await expect(results.getByRole('row', { name: new RegExp(`${KOPI} · versi 1`) })).toContainText('50,0');
  await page.getByRole('tab', { name: 'Antrean saya' }).click();
  await expect(page.getByText('Semua kiriman di antrean Anda sudah dinilai. Terima kasih!')).toBeVisible();
  await expect(queue.getByRole('row', { name: new RegExp(`${JAMU}.*Terkirim`) })).toBeVisible();

  // The workshop's sessions list shows it with its progress; the session can be closed and reopened.
  await page.getByRole('link', { name: /Contoh: Workshop Kemasan MJC Malang/ }).click();
  const row = page.getByRole('row', { name: /Penilaian akhir MJC/ });
  await expect(row).toContainText('2 dari 3 selesai');
  await expect(row).toContainText('Penilaian buta');
  await expectAccessible(page);
  await screenshot(page, '64-session-list');
  expect(missing).toEqual([]);
});

test('results: ranks with ties, disagreement flags, agreement and leniency; CSV and XLSX carry the same numbers', async ({ page }) => {
  const missing = watchTranslations(page);
  const { results, rowOf } = await openFinalResults(page);
  await expect(rowOf(JAMU).getByRole('cell').first()).toHaveText('1');
  await expect(rowOf(JAMU)).toContainText('87,5');
  await expect(rowOf(JAMU)).toContainText('Perlu dibahas');
  // Keripik and Kopi tie at 50: both rank 2 (1224).
  await expect(rowOf(KERIPIK).getByRole('cell').first()).toHaveText('2');
  await expect(rowOf(KOPI).getByRole('cell').first()).toHaveText('2');
  await expect(rowOf(KOPI)).toContainText('25,0–75,0');
  await expect(rowOf(KERIPIK)).not.toContainText('Perlu dibahas');
  await expect(page.getByText('2 kiriman perlu dibahas (selisih lebih dari 20 poin).')).toBeVisible();
  // Krippendorff's alpha (interval) on 100/75, 50/50, 75/25: 1 − 1041.67 / 1375 = 0.24, with its bootstrap interval;
  // the reading is judged on the interval's lower bound.
  await expect(page.getByTestId('overall-agreement')).toHaveText(/α Krippendorff = 0,24 \[-?\d,\d\d–\d,\d\d\] — kesepakatan rendah, perlu dibahas, dinilai dari batas bawah selang 95% \(dari 3 kiriman/);
  // Each figure says what it used: α 3 submissions / 2 mentors / 6 values; the ICC 3 submissions / 2 mentors.
  const agreement = page.getByRole('table', { name: 'Kesepakatan per kriteria' });
  await expect(agreement.getByRole('row', { name: /Nilai keseluruhan/ })).toContainText('3 / 2 / 6');
  await expect(agreement.getByRole('row', { name: /Nilai keseluruhan/ })).toContainText('3 / 2');
  await expect(page.getByTestId('overall-agreement')).toContainText('ICC(2,k)');
  // Dewi gives 25 points more than Budi on average: +25 and −25.
  const leniency = page.getByRole('table', { name: 'Kemurahan tiap mentor' });
  await expect(leniency.getByRole('row', { name: /Dewi Lestari/ })).toContainText('+25,0');
  await expect(leniency.getByRole('row', { name: /Budi Santoso/ })).toContainText('-25,0');
  await expect(page.getByRole('img', { name: /Diagram peringkat, 3 teratas: peringkat 1 Jamu/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Diagram kemurahan mentor: Dewi Lestari \+25,0; Budi Santoso -25,0/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '65-session-results');

  // A wider threshold flags only Kopi; ranking within categories puts each first in its own.
  await page.getByLabel('Batas perbedaan (poin)').fill('30');
  await expect(page.getByText('1 kiriman perlu dibahas (selisih lebih dari 30 poin).')).toBeVisible();
  await expect(rowOf(JAMU)).not.toContainText('Perlu dibahas');
  await page.getByLabel('Peringkat', { exact: true }).selectOption({ label: 'Dalam kategori' });
  await expect(results.getByRole('columnheader', { name: 'Peringkat kategori' })).toBeVisible();
  for (const business of [JAMU, KERIPIK, KOPI]) await expect(rowOf(business).getByRole('cell').first()).toHaveText('1');
  await page.getByLabel('Peringkat', { exact: true }).selectOption({ label: 'Keseluruhan' });
  await page.getByLabel('Batas perbedaan (poin)').fill('20');

  // Normalised per mentor, Dewi's and Budi's scores of Jamu both become 62.5 + 1.2247 × 23.94 = 91.8; the range and
  // the flag stay raw (they were 25 points apart), and the leniency table says both mentors were normalised.
  await page.getByLabel('Normalisasi per mentor').check();
  await expect(rowOf(JAMU)).toContainText('91,8');
  await expect(rowOf(JAMU)).toContainText('75,0–100,0');
  await expect(rowOf(JAMU)).toContainText('Perlu dibahas');
  await expect(page.getByTestId('normalise-hint')).toContainText('kurang dari 3 kiriman dinilai');
  await expect(leniency.getByRole('row', { name: /Budi Santoso/ })).toContainText('Dinormalisasi');
  await expectAccessible(page);
  await screenshot(page, '65-session-results-normalised');
  const [normalisedCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
  expect(normalisedCsv.suggestedFilename()).toMatch(/ - Final - hasil dinormalisasi - batas 20 - .+ v\d+ - \d{4}-\d{2}-\d{2}\.csv$/);
  expect(readFileSync(await normalisedCsv.path(), 'utf8')).toContain('Rata-rata,"Dinormalisasi per mentor');
  await page.getByLabel('Normalisasi per mentor').uncheck();
  await expect(rowOf(JAMU)).toContainText('87,5');

  // CSV: UTF-8 with a BOM, a header block saying what it holds, then dot decimals, best first.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/ - Final - hasil mentah - batas 20 - .+ v\d+ - \d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const all = csv.slice(1).split('\r\n');
  expect(all[0]).toBe('Tentang berkas ini');
  expect(all).toContain('Rata-rata,Mentah: nilai mentor apa adanya');
  expect(all).toContain('"Tanda ""perlu dibahas""",Selisih nilai mentah tertinggi dan terendah lebih dari 20 poin');
  expect(all.some((line) => line.startsWith('Rubrik,MJC Kualitas & Inovasi Kemasan · versi '))).toBe(true);
  expect(all.some((line) => line.startsWith('Peringkat,"Rata-rata dihitung tepat'))).toBe(true);
  const lines = all.slice(all.indexOf('') + 1);
  expect(lines[0]).toMatch(/^Peringkat,Peringkat kategori,Peringkat wilayah,Peserta,Versi,Kategori,Wilayah,Rata-rata \(0-100\),Jumlah penilaian,SD,Terendah,Tertinggi,Selisih,Tanda,Direvisi setelah melihat penilaian lain,Informasi & kepatuhan label \(1–5\),/);
  expect(lines[1]).toBe(`1,1,1,${JAMU},1,Jamu & herbal,Madiun,87.5,2,17.68,75,100,25,Perlu dibahas,,${Array(10).fill('4.5').join(',')}`);
  expect(lines.slice(2, 4).sort()).toEqual(
    [`2,1,1,${KERIPIK},1,Camilan,Malang,50,2,0,50,50,0,,,${Array(10).fill('3').join(',')}`, `2,1,1,${KOPI},1,Minuman,Jember,50,2,35.36,25,75,50,Perlu dibahas,,${Array(10).fill('3').join(',')}`].sort(),
  );

  // XLSX: the same rows with numbers as numbers, and the agreement and mentor sheets.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor XLSX' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/ - Final - hasil mentah - batas 20 - .+\.xlsx$/);
  const sheets = await readXlsxFile(await xlsxDownload.path());
  expect(sheets.map((s) => s.sheet)).toEqual(['Tentang berkas ini', 'Hasil', 'Kesepakatan', 'Mentor', 'Perubahan versi']);
  const [tentang, hasil, kesepakatan, mentor] = sheets.map((s) => s.data);
  expect(tentang).toContainEqual(['Rata-rata', 'Mentah: nilai mentor apa adanya']);
  expect(hasil?.[1]?.slice(0, 14)).toEqual([1, 1, 1, JAMU, 1, 'Jamu & herbal', 'Madiun', 87.5, 2, 17.68, 75, 100, 25, 'Perlu dibahas']);
  expect(hasil?.[1]?.[15]).toBe(4.5);
  // The agreement sheet: the overall row's data level, alpha with its interval and what it used (3 submissions, 2 mentors, 6 values).
  const overallRow = kesepakatan?.at(-1) ?? [];
  expect([overallRow[1], overallRow[6], overallRow[7], overallRow[10], overallRow[11], overallRow[12]]).toEqual(['Nilai keseluruhan (0–100)', 'interval', 0.24, 3, 2, 6]);
  expect(overallRow[8] as number).toBeLessThan(0.24);
  expect(mentor?.slice(1).map((r) => [r[0], r[6]])).toEqual([
    ['Dewi Lestari', 25],
    ['Budi Santoso', -25],
  ]);
  expect(missing).toEqual([]);
});

test('exact scores: the two MJC reviews worth 44,5 share a rank in the table, the chart and the CSV (issue 16)', async ({ page }) => {
  const missing = watchTranslations(page);
  await openDemoSessions(page);
  await createSession(page, 'Seri', { split: false, blind: false });
  // Level keys that floating point once scored 44.49999999999999 and 44.5; Kopi scores 75.
  await seedReviews(page, [
    { item: 0, mentor: 'Dewi Lestari', level: 0, key: '4143251511' },
    { item: 1, mentor: 'Dewi Lestari', level: 0, key: '1335125215' },
    { item: 2, mentor: 'Dewi Lestari', level: 4 },
  ]);
  // Kopi's name arrived from another laptop as a spreadsheet formula.
  const FORMULA = '=HYPERLINK("http://evil.example","Kopi")';
  await renameParticipant(page, KOPI, FORMULA);
  await page.getByRole('tab', { name: 'Hasil' }).click();
  const results = page.getByRole('table', { name: 'Hasil per kiriman' });
  const rowOf = (business: string) => results.getByRole('row', { name: new RegExp(`${business} · versi 1`) });
  await expect(page.getByTestId('tie-rule')).toHaveText(/dibulatkan sekali ke 1 desimal.*\(1, 2, 2, 4\)/);
  await expect(results.getByRole('row', { name: /HYPERLINK/ }).getByRole('cell').first()).toHaveText('1');
  for (const business of [JAMU, KERIPIK]) {
    await expect(rowOf(business).getByRole('cell').first()).toHaveText('2');
    await expect(rowOf(business)).toContainText('44,5');
  }
  await expect(page.getByRole('img', { name: /peringkat 1 =HYPERLINK.*peringkat 2 .*44,5.*peringkat 2 .*44,5/ })).toBeVisible();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
  const rows = readFileSync(await csvDownload.path(), 'utf8').split('\r\n');
  const tied = rows.filter((line) => line.includes(JAMU) || line.includes(KERIPIK));
  expect(tied).toHaveLength(2);
  for (const line of tied) expect(line).toMatch(/^2,.*,44\.5,1,/);
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `66-results-ties-${width}`);
  }
  // The formula is written as text: an apostrophe first, so no spreadsheet runs it.
  expect(rows.find((line) => line.includes('HYPERLINK'))).toMatch(/^1,1,1,"'=HYPERLINK\(""http:\/\/evil\.example"",""Kopi""\)",/);
  await expectAccessible(page);
  expect(missing).toEqual([]);
});
