import { expect, test, type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { E2E_PORT } from './globalSetup.ts';
import { annotate, openDemoWorkshop, openReview, scoreAndSubmit } from './packJourney.ts';
import { expectAccessible, screenshot } from './studio.ts';

/*
 * Hand-out mode end to end: a mentor hands the demo workshop's packs to the
 * room; a phone (360×740, touch) on "the Wi-Fi" — the second loopback address
 * 127.0.0.2, which Linux answers like any other interface — gets its own pack
 * and nothing else.
 */

const WORKSHOP = 'Contoh: Workshop Kemasan MJC Malang';
const KERIPIK = 'Keripik Tempe Bu Sari';
const KOPI = 'Kopi Bubuk Lereng Ijen';
const WIFI = '127.0.0.2';
/** The hand-out's own port: beside this run's studio port, never the same. */
const HANDOUT_PORT = E2E_PORT + 200;

async function review(page: Page, business: string) {
  await openReview(page, business);
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await scoreAndSubmit(page);
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
}

/** A phone on the room's Wi-Fi: small, touch, its own browser profile. */
async function phone(browser: Browser) {
  return browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' });
}

/**
 * A GET from another device on the Wi-Fi: its own source address (127.0.0.3,
 * 127.0.0.4…), so the server sees another client with a bucket of its own.
 * Rejects when nothing listens.
 */
function getFrom(device: string, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { localAddress: device }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

async function bothSizes(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectAccessible(page);
    await screenshot(page, `${name}-${width}`);
  }
}

test('a mentor hands the packs to phones in the room: the right pack downloads, nothing else answers, guessing is rate-limited, stop kills every link', async ({ page, browser }) => {
  test.setTimeout(360_000);
  await openDemoWorkshop(page);
  await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
  await review(page, KERIPIK);
  await review(page, KOPI);

  // Off by default: nothing listens on the Wi-Fi address before the mentor starts.
  const probe = await phone(browser);
  await expect(probe.request.get(`http://${WIFI}:${HANDOUT_PORT}/`)).rejects.toThrow();

  await page.getByRole('link', { name: 'Bagikan di ruangan…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Bagikan di ruangan: ${WORKSHOP}` })).toBeVisible();
  const network = page.getByLabel('Jaringan');
  await expect(network.locator('option', { hasText: WIFI })).toHaveCount(1);
  await network.selectOption(WIFI);
  await page.getByLabel('Port').fill(String(HANDOUT_PORT));
  await expect(page.getByLabel('Batas waktu (menit)')).toHaveValue('120');
  await expect(page.getByRole('checkbox', { name: `${KERIPIK} – Keripik Tempe Rasa Original · versi 1` })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Kopi Bubuk Lereng Ijen/ })).toBeChecked();
  await expect(page.getByText('Jamu Kunyit Asam Mbok Darmi versi 1: belum ada penilaian terkirim')).toBeVisible();
  await bothSizes(page, '80-handout-setup');

  // From the keyboard: Start.
  await page.getByRole('button', { name: 'Mulai membagikan (2 paket)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sedang membagikan' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(`Alamat: http://${WIFI}:${HANDOUT_PORT}`)).toBeVisible();
  // Visible on every screen while it runs.
  const indicator = page.getByRole('link', { name: 'Membagikan · 0 unduhan' });
  await expect(indicator).toBeVisible();

  // One QR at a time, the arrows move through the participants.
  const qr = page.getByRole('region', { name: 'Kode QR peserta' });
  await expect(qr).toBeFocused();
  const qrImage = qr.getByRole('img', { name: /^Kode QR tautan paket / });
  const urls = new Map<string, string>();
  const codes = new Map<string, string>();
  for (let i = 0; i < 2; i++) {
    const business = (await qr.getByTestId('qr-business').textContent()) ?? '';
    // What a phone's camera reads from the screen is the link (not just an attribute beside a picture).
    const { data, info } = await sharp(await qrImage.screenshot()).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const seen = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? '';
    expect(seen).toBe(await qrImage.getAttribute('data-qr-text'));
    urls.set(business, seen);
    codes.set(business, (await qr.getByTestId('handout-code').textContent()) ?? '');
    await page.keyboard.press('ArrowRight');
  }
  expect([...urls.keys()].sort()).toEqual([KERIPIK, KOPI]);
  const keripikUrl = urls.get(KERIPIK) as string;
  expect(keripikUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:${HANDOUT_PORT}/p/[A-Za-z0-9_-]{32}$`));
  await expect(qr).toContainText('Peserta 1 dari 2');
  await bothSizes(page, '81-handout-running');

  // The phone scans Bu Sari's card: her page, in Bahasa Indonesia, with her faces.
  const phoneContext = await phone(browser);
  const phonePage = await phoneContext.newPage();
  const opened = await phonePage.goto(keripikUrl);
  expect(opened?.status()).toBe(200);
  await expect(phonePage.getByRole('heading', { level: 1, name: `Untuk ${KERIPIK}` })).toBeVisible();
  await expect(phonePage.getByText(`Kode kartu: ${codes.get(KERIPIK)}`)).toBeVisible();
  await expect(phonePage.getByText(KOPI)).toHaveCount(0);
  const face = phonePage.getByRole('img', { name: /dengan nomor catatan mentor$/ }).first();
  await face.scrollIntoViewIfNeeded();
  await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(300);
  await expectAccessible(phonePage);
  await screenshot(phonePage, '82-handout-phone');
  // Readable at 360 px: nothing wider than the screen.
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The download button, by touch: the right PDF arrives.
  const downloading = phonePage.waitForEvent('download');
  await phonePage.getByRole('link', { name: /^Unduh paket masukan \(PDF, / }).tap();
  const download = await downloading;
  // Packs handed out in the hall are laid out for a phone.
  expect(download.suggestedFilename()).toBe(`${KERIPIK} - Keripik Tempe Rasa Original - v1 - Paket masukan - Ponsel.pdf`);
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');

  // English on a switch.
  await phonePage.getByRole('link', { name: 'English' }).tap();
  await expect(phonePage.getByRole('heading', { level: 1, name: `For ${KERIPIK}` })).toBeVisible();
  await expect(phonePage.getByRole('link', { name: 'Bahasa Indonesia' })).toBeVisible();
  await screenshot(phonePage, '82b-handout-phone-en');

  // The studio's list follows: which pack, when.
  const downloads = page.getByRole('table', { name: 'Unduhan' });
  await expect(downloads.getByRole('row', { name: new RegExp(`${KERIPIK} mengunduh PDF`) })).toBeVisible();
  await expect(page.getByText('Sudah diunduh: 1 dari 2 paket')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Membagikan · 1 unduhan' })).toBeVisible();

  // A wrong link, and the studio's own pages, get nothing on the Wi-Fi.
  const wrong = keripikUrl.replace(/[A-Za-z0-9_-]{32}$/, 'A'.repeat(32));
  const refused = await phonePage.goto(wrong);
  expect(refused?.status()).toBe(404);
  await expect(phonePage.getByText('Halaman tidak ditemukan.')).toBeVisible();
  // Other phones on the Wi-Fi probe the studio's paths (one path each, so no rate limit gets in the way): nothing answers.
  for (const [i, path] of ['/', '/index.html', '/api/app.info', '/api/handout.status', `/p/${keripikUrl.slice(-32)}/../`].entries()) {
    const answer = await getFrom(`127.0.0.${10 + i}`, `http://${WIFI}:${HANDOUT_PORT}${path}`);
    expect(answer.status, path).toBe(404);
    expect(answer.body).not.toContain('Kemas Studio</title>');
  }
  // The studio itself listens on 127.0.0.1 only: nothing answers on the Wi-Fi's address at its port.
  await expect(getFrom('127.0.0.3', `http://${WIFI}:${E2E_PORT}/`)).rejects.toThrow();

  // A bounded burst of wrong guesses from a third device: its bucket runs dry, then even a right link waits for it…
  const guesser = '127.0.0.4';
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) statuses.push((await getFrom(guesser, `http://${WIFI}:${HANDOUT_PORT}/p/${String(i).padStart(32, 'x')}`)).status);
  expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
  expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
  expect((await getFrom(guesser, keripikUrl)).status).toBe(429);
  // …while Bu Sari's phone, a client of its own, still gets her page.
  expect((await phoneContext.request.get(keripikUrl)).status()).toBe(200);
  await expect(page.getByText(/^Ditolak karena terlalu sering: \d+ permintaan$/)).toBeVisible();

  // The sheet of QR cards to print and cut.
  const sheetDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Cetak kartu QR (PDF A4)…' }).click();
  const sheet = await sheetDownload;
  // Named for the workshop, as a file name every system accepts (no colon).
  expect(sheet.suggestedFilename()).toBe('Kartu QR - Contoh Workshop Kemasan MJC Malang.pdf');
  await sheet.saveAs('test-results/screens/83-handout-sheet.pdf');
  expect(readFileSync('test-results/screens/83-handout-sheet.pdf').subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('status').filter({ hasText: 'Lembar kartu QR siap diunduh.' })).toBeVisible();

  // Stop: every link dead at once, the indicator gone, and it says so.
  await page.getByRole('button', { name: 'Hentikan' }).click();
  await expect(page.getByText('Pembagian dihentikan. Semua tautan sudah mati.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Membagikan · / })).toHaveCount(0);
  for (const url of urls.values()) await expect(phoneContext.request.get(url)).rejects.toThrow();
  await expectAccessible(page);
  await screenshot(page, '84-handout-stopped');
  await phoneContext.close();
  await probe.close();
});
