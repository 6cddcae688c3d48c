import { expect, test, type Download, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { layoutBadgeRadius } from '#shared/annotations/appearance.ts';
import { annotate, openDemoReview, scoreAndSubmit } from './packJourney.ts';
import { expectAccessible, introduceMentor, openStudio, screenshot } from './studio.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', 'pack-e2e');
const BUSINESS = 'Keripik Tempe Bu Sari';
const STEM_ID = 'Keripik Tempe Bu Sari - Keripik Tempe Rasa Original - v1 - Paket masukan';
const STEM_EN = 'Keripik Tempe Bu Sari - Keripik Tempe Rasa Original - v1 - Critique pack';

/** The pack dialog's "make" button pressed from the keyboard, and the file it downloads, saved under test-results. */
async function makePack(page: Page, name: string): Promise<{ download: Download; path: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Buat paket' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  const path = join(OUT, name);
  await download.saveAs(path);
  return { download, path };
}

/** Each page's text as pdf.js extracts it, whitespace collapsed. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** One page as a PNG at 50 dpi (pdftoppm), kept under test-results for a person to look at. */
function rasterise(pdfPath: string, page: number, name: string): string {
  for (const file of readdirSync(OUT)) if (file.startsWith(`${name}-`)) rmSync(join(OUT, file));
  const run = spawnSync('pdftoppm', ['-r', '50', '-png', '-f', String(page), '-l', String(page), pdfPath, join(OUT, name)]);
  expect(run.status, run.stderr.toString()).toBe(0);
  const file = readdirSync(OUT).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  if (!file) throw new Error('pdftoppm wrote no page');
  return join(OUT, file);
}

const rgbDistance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

test('a mentor exports a critique pack as a PDF in Bahasa Indonesia and as a ZIP in English', async ({ page }) => {
  test.setTimeout(360_000);
  mkdirSync(OUT, { recursive: true });
  await openDemoReview(page, BUSINESS);
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan');
  await annotate(page, 0.6, 'Sudah baik', 'Logo Bu Sari mudah diingat');
  await scoreAndSubmit(page);

  // The dialog, opened from the header; what the pack will hold is said before it is made.
  await page.getByRole('button', { name: 'Paket kritik…' }).click();
  const dialog = page.getByRole('dialog', { name: `Paket kritik: ${BUSINESS}, versi 1` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Isi: 2 tampak, 2 tanda, nilai dari 1 penilaian terkirim.')).toBeVisible();
  await expect(dialog.getByLabel('Bahasa paket')).toHaveValue('id');
  await expect(dialog.getByLabel('Tata letak')).toHaveValue('A4');
  await expect(dialog.getByRole('radio', { name: 'Gabungan semua mentor' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'PDF saja' })).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, '48-pack-dialog');

  // PDF, in Bahasa Indonesia: the business, the score, the comments and the headings a participant reads.
  const pdf = await makePack(page, 'pack-id.pdf');
  expect(pdf.download.suggestedFilename()).toBe(`${STEM_ID}.pdf`);
  await expect(page.getByRole('status').getByText(`Paket kritik disimpan: ${STEM_ID}.pdf`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const pdfBytes = new Uint8Array(readFileSync(pdf.path));
  expect(new TextDecoder().decode(pdfBytes.subarray(0, 5))).toBe('%PDF-');
  const pages = await pdfPages(pdfBytes);
  const all = pages.join(' ');
  expect(pages[0]).toContain(BUSINESS);
  expect(pages[0]).toContain('79,5');
  expect(pages[0]).toContain('Perlu perbaikan kecil');
  for (const words of ['Wajib diperbaiki', 'Saran', 'Sudah baik', 'Rencana perbaikan', 'Tampak depan', 'Nilai per kriteria', 'Nomor P-IRT belum dicantumkan', 'Logo Bu Sari mudah diingat', 'Perbesar tulisan berat bersih']) {
    expect(all, words).toContain(words);
  }
  expect(all).toContain('Dewi Lestari');

  // The first face page, as a participant would see it printed.
  const facePage = pages.findIndex((p) => p.includes('Keterangan tanda')) + 1;
  expect(facePage).toBeGreaterThan(1);
  const raster = rasterise(pdf.path, facePage, 'pack-id-face');
  const rasterMeta = await sharp(raster).metadata();
  expect(rasterMeta.width).toBeGreaterThan(350);

  // ZIP, in English. The host is held back once, to see the steps and cancel: nothing is downloaded.
  await page.getByRole('button', { name: 'Paket kritik…' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Bahasa paket').selectOption('en');
  await dialog.getByRole('radio', { name: /^Paket ZIP/ }).check();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/pack.render', async (route) => {
    await held;
    await route.continue();
  });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await dialog.getByRole('button', { name: 'Buat paket' }).click();
  const steps = dialog.getByRole('list');
  await expect(steps.getByRole('listitem')).toHaveText([
    /Mengumpulkan data.*\(selesai\)/,
    /Menggambar tanda pada gambar resolusi penuh.*\(selesai\)/,
    /Membuat PDF dan mengemas ZIP.*\(sedang berjalan\)/,
  ]);
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, '49-pack-progress');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Pembuatan paket dibatalkan. Tidak ada berkas yang disimpan.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Buat paket' })).toBeFocused();
  release();
  await page.unrouteAll({ behavior: 'wait' });
  expect(downloads).toBe(0);
  const zip = await makePack(page, 'pack-en.zip');
  expect(zip.download.suggestedFilename()).toBe(`${STEM_EN}.zip`);
  const entries = unzipSync(new Uint8Array(readFileSync(zip.path)));
  expect(Object.keys(entries).sort()).toEqual([`${STEM_EN}.pdf`, 'images/', 'images/back.png', 'images/front.png', 'review.json', 'scores.csv']);
  const englishPages = await pdfPages(entries[`${STEM_EN}.pdf`] as Uint8Array);
  expect(englishPages.join(' ')).toContain('Must fix');
  expect(englishPages[0]).toContain('79.5');

  // Each PNG is the original at full size, with the marks burned in where the mentor put them.
  const original = await sharp(join(ROOT, 'assets', 'demo', 'keripik-tempe-front.jpg')).metadata();
  const front = sharp(Buffer.from(entries['images/front.png'] as Uint8Array));
  const frontMeta = await front.metadata();
  expect([frontMeta.format, frontMeta.width, frontMeta.height]).toEqual(['png', original.width, original.height]);
  const review = JSON.parse(strFromU8(entries['review.json'] as Uint8Array)) as {
    overall: { score: number; verdict: string };
    annotations: { severity: string; comment: string; shape: { kind: string; at: { x: number; y: number } } }[];
    reviews: unknown[];
  };
  expect(review.overall).toMatchObject({ score: 79.5, verdict: 'minor-revision' });
  expect(review.reviews).toHaveLength(1);
  const mustFix = review.annotations.find((a) => a.severity === 'must-fix');
  expect(mustFix?.comment).toBe('Nomor P-IRT belum dicantumkan');
  const { data, info } = await front.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const radius = layoutBadgeRadius({ width: info.width, height: info.height });
  const at = mustFix?.shape.at ?? { x: 0, y: 0 };
  // Left of the badge's number, inside its red circle.
  const x = Math.round(at.x - 0.6 * radius);
  const y = Math.round(at.y);
  const i = (y * info.width + x) * 3;
  expect(rgbDistance([data[i]!, data[i + 1]!, data[i + 2]!], [0xd3, 0x2f, 0x2f])).toBeLessThan(40);
  await sharp(entries['images/front.png'] as Uint8Array).resize({ width: 600 }).toFile(join(OUT, 'pack-en-front-small.png'));

  // UTF-8 with a byte order mark, so Excel keeps the Indonesian text.
  expect([...(entries['scores.csv'] as Uint8Array).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = strFromU8(entries['scores.csv'] as Uint8Array);
  expect(csv).toContain('Overall score (0–100)');
  expect(csv).toContain('79.5');
});

test('the participant screen offers a pack per version, and the dialog works and closes from the keyboard', async ({ page }) => {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await page.getByRole('link', { name: BUSINESS }).click();
  await page.getByRole('button', { name: 'Paket kritik versi 1…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Paket kritik: ${BUSINESS}, versi 1` });
  await expect(dialog).toBeVisible();
  // Nothing scored or marked yet: the mentor is told what the pack will (not) hold.
  await expect(dialog.getByText('Belum ada penilaian yang terkirim: paket berisi tanda dan daftar periksa saja, tanpa nilai.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Satu mentor saja' })).toBeDisabled();
  await expectAccessible(page);

  // A host that refuses the pack: the mentor reads why, in their language, and can try again.
  await page.route('**/api/pack.render', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'bad-request', message: 'at most 293601280 bytes in all' } } }),
  );
  await dialog.getByRole('button', { name: 'Buat paket' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Paket terlalu besar untuk dibuat (gambar atau datanya melebihi batas). Coba format PDF saja.',
  );
  await page.unrouteAll();

  // Made anyway: a pack of the design alone says it is not scored yet.
  mkdirSync(OUT, { recursive: true });
  const pdf = await makePack(page, 'pack-unscored.pdf');
  const pages = await pdfPages(new Uint8Array(readFileSync(pdf.path)));
  expect(pages[0]).toContain('Belum dinilai');
  expect(pages[0]).toContain('Desain ini belum selesai dinilai.');
  await expect(page.getByRole('button', { name: 'Paket kritik versi 1…' })).toBeFocused();

  // The same pack for a phone, chosen from the keyboard: pages 9 : 16, the action plan on the first, a name that says so.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const layout = dialog.getByLabel('Tata letak');
  await layout.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(layout).toHaveValue('Ponsel');
  await expect(layout).toHaveAccessibleDescription(/halaman seukuran layar HP/);
  await expectAccessible(page);
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `48b-pack-dialog-ponsel-${width}`);
  }
  const phone = await makePack(page, 'pack-ponsel.pdf');
  expect(phone.download.suggestedFilename()).toBe('Keripik Tempe Bu Sari - Keripik Tempe Rasa Original - v1 - Paket masukan - Ponsel.pdf');
  const phoneBytes = new Uint8Array(readFileSync(phone.path));
  const phonePages = await pdfPages(phoneBytes);
  expect(phonePages[0]).toContain('Rencana perbaikan');
  const phoneRun = spawnSync('pdftoppm', ['-scale-to-x', '360', '-scale-to-y', '-1', '-png', '-f', '1', '-l', '1', phone.path, join(OUT, 'pack-ponsel-360')]);
  expect(phoneRun.status, phoneRun.stderr.toString()).toBe(0);
  const first = readdirSync(OUT).find((f) => f.startsWith('pack-ponsel-360-') && f.endsWith('.png'));
  const firstMeta = await sharp(join(OUT, first ?? 'missing.png')).metadata();
  expect([firstMeta.width, Math.round((firstMeta.height ?? 0) / 10)]).toEqual([360, 64]);
  await expect(page.getByRole('button', { name: 'Paket kritik versi 1…' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Paket kritik versi 1…' })).toBeFocused();
});
