import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { canvasBadgeUnit, CHROME, outputChromeUnit } from '#shared/annotations/appearance.ts';
import { SEVERITY_COLOURS } from '#shared/annotations/severityColours.ts';
import { shownTextBox } from '#shared/annotations/turnedFace.ts';
import { shownSize, transformMatrix, type FaceTransform } from '#shared/domain/faceTransform.ts';
import {
  checkSurface,
  cropRaster,
  FIDELITY_FACE,
  FIDELITY_MARKS,
  FIDELITY_TEXT_SIZE,
  fidelityFacePng,
  pictureBox,
  readRaster,
  textInkHeight,
  turnedInk,
  type SurfaceMap,
  type FidelityReport,
  type Raster,
} from '../support/markFidelity.ts';
import { annotate } from './packJourney.ts';
import { dropFiles, expectAccessible, newWorkshop, waitForReady } from './studio.ts';

/*
 * What the mentor sees is what the participant receives: one face carrying a
 * mark of each kind (overlapping marks, marks crossing the edge), drawn on the
 * canvas at two zooms before and after a reload, burned into the ZIP's PNG and
 * printed in the PDF. On every surface the badges are found by their pixels
 * alone and compared with the shared layout, and the note's letters measured.
 * The pictures stay in test-results/fidelity/ for a person to look at.
 */

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'fidelity');
const BUSINESS = 'Kopi Fidelitas';
const FILE = `${BUSINESS} - Kopi Bubuk - depan.png`;

test.use({ viewport: { width: 1920, height: 1080 } });

/** Puts the fixture's marks in the database as the mentor's own, cloned from one pin the mentor made. */
async function storeFixtureMarks(page: Page): Promise<void> {
  await page.evaluate(async (marks) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kemas-studio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = db.transaction('annotations').objectStore('annotations').getAll();
    const [template] = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      read.onsuccess = () => resolve(read.result as Record<string, unknown>[]);
      read.onerror = () => reject(read.error);
    });
    if (!template) throw new Error('no pin to clone');
    const write = db.transaction('annotations', 'readwrite');
    const store = write.objectStore('annotations');
    marks.forEach((mark, i) => {
      store.put({
        ...template,
        id: i === 0 ? template.id : crypto.randomUUID(),
        number: mark.number,
        shape: mark.shape,
        severity: mark.severity,
        comment: `Tanda ${mark.number}`,
        updatedAt: Date.now(),
      });
    });
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
    });
    db.close();
  }, FIDELITY_MARKS);
}

/** The canvas as drawn now, and the view transform it was drawn with (image pixels → canvas pixels). */
/** A new workshop with the fidelity face imported from `source`, its review open, and the fixture's marks made and stored. */
async function reviewWithFixtureMarks(page: Page, workshop: string, source: string): Promise<void> {
  await newWorkshop(page, workshop);
  await dropFiles(page, source, [FILE]);
  await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('1 tampak diimpor', { timeout: 60_000 });
  await page.getByRole('link', { name: BUSINESS }).click();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Tanda 1');
  await storeFixtureMarks(page);
}

async function canvasSurface(page: Page, name: string): Promise<{ raster: Raster; scale: number; x: number; y: number }> {
  const canvas = page.locator('[data-testid="canvas-stage"] canvas[data-viewport]');
  await expect(canvas).toHaveAttribute('data-marks', String(FIDELITY_MARKS.length));
  // Every mark in the layer on screen, drawn for this view (a layer is drawn over a few frames).
  await expect(canvas).toHaveAttribute('data-marks-exact', 'true');
  const [a, , , , e, f] = ((await canvas.getAttribute('data-viewport')) ?? '').split(' ').map(Number) as number[];
  const file = join(OUT, `${name}.png`);
  await canvas.screenshot({ path: file });
  return { raster: await readRaster(file), scale: a ?? 1, x: e ?? 0, y: f ?? 0 };
}

function checkCanvas(name: string, surface: { raster: Raster; scale: number; x: number; y: number }): FidelityReport {
  const { raster, scale, x, y } = surface;
  const picture = { x, y, width: FIDELITY_FACE.width * scale, height: FIDELITY_FACE.height * scale };
  const radius = CHROME.badgeRadius * canvasBadgeUnit(scale, FIDELITY_FACE) * scale;
  return checkSurface(name, cropRaster(raster, picture), { scale, x: x - Math.max(0, Math.floor(x)), y: y - Math.max(0, Math.floor(y)) }, radius);
}

/** Says what differs from the model on one surface, for a readable failure. */
function expectFaithful(report: FidelityReport): void {
  expect(report.found, `${report.surface}: badges found`).toHaveLength(FIDELITY_MARKS.length);
  for (const [number, miss] of report.misses) expect(miss, `${report.surface}: badge ${number} off its place by`).toBeLessThan(4);
  expect(report.overlapping, `${report.surface}: overlapping badges`).toEqual([]);
}

/** Presses a zoom button and waits until the canvas is drawn at the new zoom (a face may already be shown whole). */
async function zoomTo(page: Page, button: '0' | '-'): Promise<void> {
  const canvas = page.locator('[data-testid="canvas-stage"] canvas[data-viewport]');
  const before = await canvas.getAttribute('data-viewport');
  await page.getByRole('group', { name: 'Kontrol kanvas' }).locator(`[aria-keyshortcuts="${button}"]`).click();
  if (button === '-') await expect(canvas).not.toHaveAttribute('data-viewport', before ?? '');
  else await expect(canvas).toHaveAttribute('data-marks', String(FIDELITY_MARKS.length));
}

test('marks look the same and sit in the same places on the canvas, after a reload, in the PNG and in the PDF', async ({ page }) => {
  test.setTimeout(240_000);
  // Each journey clears only its own folder: the two run side by side.
  const out = join(OUT, 'upright');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const source = join(out, 'source');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, FILE), await fidelityFacePng());

  await reviewWithFixtureMarks(page, 'Workshop Fidelitas', source);

  const reports: FidelityReport[] = [];
  const textHeights = new Map<string, number>();
  for (const round of ['before', 'after']) {
    await page.reload();
    await waitForReady(page);
    await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
    await page.locator('h1').click();
    await page.keyboard.press('Escape');
    await zoomTo(page, '0');
    const fit = checkCanvas(`canvas-${round}-fit`, await canvasSurface(page, `canvas-${round}-fit`));
    await zoomTo(page, '-');
    const out = checkCanvas(`canvas-${round}-zoomed-out`, await canvasSurface(page, `canvas-${round}-zoomed-out`));
    for (const report of [fit, out]) {
      expectFaithful(report);
      reports.push(report);
      textHeights.set(report.surface, report.textHeight);
    }
  }
  await page.screenshot({ path: join(out, 'review-screen.png') });
  await expectAccessible(page);

  // The ZIP carries the PDF and the burned-in PNG.
  await page.getByRole('button', { name: 'Paket kritik…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Paket kritik/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /^Paket ZIP/ }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Buat paket' }).click();
  const download = await downloading;
  const zipPath = join(out, 'pack.zip');
  await download.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));

  // (b) the burned-in PNG, at the original's size.
  const png = entries['gambar/depan.png'];
  if (!png) throw new Error(`no front PNG in ${Object.keys(entries).join(', ')}`);
  writeFileSync(join(out, 'burned-front.png'), png);
  const burned = await readRaster(Buffer.from(png));
  const pngScale = burned.width / FIDELITY_FACE.width;
  const pngReport = checkSurface('png', burned, { scale: pngScale, x: 0, y: 0 }, CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE) * pngScale);
  expectFaithful(pngReport);
  textHeights.set('png', pngReport.textHeight);

  // (c) the PDF, rasterised.
  const { picture, page: pdfPage } = await pdfFacePage(entries, out);
  const pdfScale = picture.width / FIDELITY_FACE.width;
  const pdfReport = checkSurface('pdf', cropRaster(pdfPage, picture), { scale: pdfScale, x: 0, y: 0 }, CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE) * pdfScale);
  expectFaithful(pdfReport);
  textHeights.set('pdf', pdfReport.textHeight);

  // The note's letters are as tall, in artwork pixels, on every surface: within 10 % of their mean and of its stored size.
  const heights = [...textHeights.values()];
  const mean = heights.reduce((a, b) => a + b, 0) / heights.length;
  for (const [surface, height] of textHeights) {
    expect(height / mean, `${surface}: note height ${height.toFixed(1)} vs mean ${mean.toFixed(1)}`).toBeGreaterThan(0.9);
    expect(height / mean, `${surface}: note height ${height.toFixed(1)} vs mean ${mean.toFixed(1)}`).toBeLessThan(1.1);
    // Capitals are about 0.72 of the font size in Noto Sans and DejaVu Sans alike.
    expect(height / (FIDELITY_TEXT_SIZE * 0.72), `${surface}: note height against its stored size`).toBeGreaterThan(0.9);
    expect(height / (FIDELITY_TEXT_SIZE * 0.72), `${surface}: note height against its stored size`).toBeLessThan(1.1);
  }
  writeFileSync(
    join(out, 'summary.json'),
    JSON.stringify(
      [...reports, pngReport, pdfReport].map((r) => ({ surface: r.surface, badges: r.found.length, worstMiss: Math.max(...r.misses.values()), text: r.textHeight })),
      null,
      2,
    ),
  );
});

/** The canvas's view read back as a surface map for a face shown with `turn`: viewport = zoom · turn + pan. */
async function turnedCanvasMap(page: Page, turn: FaceTransform, name: string): Promise<{ raster: Raster; map: SurfaceMap; zoom: number }> {
  const canvas = page.locator('[data-testid="canvas-stage"] canvas[data-viewport]');
  await expect(canvas).toHaveAttribute('data-marks', String(FIDELITY_MARKS.length));
  await expect(canvas).toHaveAttribute('data-marks-exact', 'true');
  const [a = 1, b = 0, , , e = 0, f = 0] = ((await canvas.getAttribute('data-viewport')) ?? '').split(' ').map(Number);
  const zoom = Math.hypot(a, b);
  const [, , , , te, tf] = transformMatrix(turn, FIDELITY_FACE);
  const file = join(OUT, `${name}.png`);
  await canvas.screenshot({ path: file });
  return { raster: await readRaster(file), map: { scale: zoom, x: e - zoom * te, y: f - zoom * tf, turn }, zoom };
}

const note = FIDELITY_MARKS.find((m) => m.shape.kind === 'text');
if (note?.shape.kind !== 'text') throw new Error('the fidelity marks hold no note');
const FIDELITY_NOTE = { severity: note.severity, shape: note.shape };

/**
 * The pack's PDF from the ZIP, rasterised at 150 dpi into `out`: the page holding the face and the face's box on it.
 * The face's page has the most of the face's colour; tight, for the pack's light accent panels are close to it.
 */
async function pdfFacePage(entries: Record<string, Uint8Array>, out: string): Promise<{ picture: ReturnType<typeof pictureBox>; page: Raster }> {
  const pdfName = Object.keys(entries).find((name) => name.endsWith('.pdf'));
  if (!pdfName) throw new Error('no PDF in the ZIP');
  const pdfPath = join(out, 'pack.pdf');
  writeFileSync(pdfPath, entries[pdfName] as Uint8Array);
  const run = spawnSync('pdftoppm', ['-r', '150', '-png', pdfPath, join(out, 'pdf')]);
  expect(run.status, run.stderr.toString()).toBe(0);
  const pages = await Promise.all(
    readdirSync(out)
      .filter((f) => f.startsWith('pdf-') && f.endsWith('.png'))
      .sort()
      .map((f) => readRaster(join(out, f))),
  );
  const boxes = pages.map((p) => pictureBox(p, undefined, 5));
  const index = boxes.reduce((best, b, i) => (b.count > (boxes[best]?.count ?? 0) ? i : best), 0);
  const picture = boxes[index];
  const page = pages[index];
  if (!picture || !page) throw new Error('the face is on no page');
  return { picture, page };
}

/** Paints a rectangle of a picture white. */
function blank(r: Raster, rect: { x: number; y: number; width: number; height: number }): void {
  for (let y = Math.max(0, Math.floor(rect.y)); y < Math.min(r.height, Math.ceil(rect.y + rect.height)); y += 1)
    for (let x = Math.max(0, Math.floor(rect.x)); x < Math.min(r.width, Math.ceil(rect.x + rect.width)); x += 1)
      r.data.fill(255, (y * r.width + x) * r.channels, (y * r.width + x + 1) * r.channels);
}

/** The word on the face is where the turn carries it on a surface: the picture itself is turned, not only the marks. */
function expectArtworkTurned(surface: string, raster: Raster, map: SurfaceMap, source: Raster, badgeRadius: number): void {
  const ink = turnedInk(raster, map, source, badgeRadius);
  expect(ink.found, `${surface}: pixels of the word KOPI where the turn puts it`).toBeGreaterThan(150 * map.scale * map.scale);
  expect(ink.found / ink.truth, `${surface}: share of the word's visible pixels found`).toBeGreaterThan(0.6);
  expect(ink.off, `${surface}: KOPI off by`).toBeLessThan(6 * map.scale + 4);
}

test('a face turned right keeps its marks on the same artwork on the canvas, in the PNG and in the PDF, notes upright', async ({ page }) => {
  test.setTimeout(240_000);
  const out = join(OUT, 'turned');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'source'), { recursive: true });
  const sourcePng = await fidelityFacePng();
  writeFileSync(join(out, 'source', FILE), sourcePng);
  const source = await readRaster(sourcePng);
  const turn: FaceTransform = { quarterTurns: 1, flipX: false };
  const shown = shownSize(turn, FIDELITY_FACE);

  await reviewWithFixtureMarks(page, 'Workshop Fidelitas Putar', join(out, 'source'));
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);

  // Turned right from the face tab with the keyboard, as a mentor fixes a photo shot sideways.
  await page.getByRole('tab', { name: 'Depan' }).focus();
  await page.keyboard.press('Shift+R');
  await expect(page.getByText('Sisi Depan: Putar 90° ke kanan. Berkas asli tidak diubah.')).toBeVisible();
  const canvas = page.locator('[data-testid="canvas-stage"] canvas[data-viewport]');
  await expect.poll(async () => Math.round(Number(((await canvas.getAttribute('data-viewport')) ?? '1').split(' ')[0]) * 1000)).toBe(0);
  await zoomTo(page, '0');

  // (a) the canvas: badges where the shared layout puts them, through the turn.
  const { raster: screen, map, zoom } = await turnedCanvasMap(page, turn, 'turned/canvas');
  const picture = { x: map.x, y: map.y, width: shown.width * zoom, height: shown.height * zoom };
  const cropped = cropRaster(screen, picture);
  const canvasMap = { ...map, x: map.x - Math.max(0, Math.floor(map.x)), y: map.y - Math.max(0, Math.floor(map.y)) };
  // The note reads upright on the canvas too; its bold letters, large at this zoom, pass for badges: measure it, then
  // leave its box out of the badge search.
  const noteHeight = textInkHeight(cropped, canvasMap, SEVERITY_COLOURS[FIDELITY_NOTE.severity]);
  const noteBox = shownTextBox(FIDELITY_NOTE.shape, FIDELITY_FACE, turn);
  blank(cropped, { x: canvasMap.x + noteBox.x * zoom, y: canvasMap.y + noteBox.y * zoom, width: noteBox.width * zoom, height: noteBox.height * zoom });
  const canvasReport = { ...checkSurface('canvas-turned', cropped, canvasMap, CHROME.badgeRadius * canvasBadgeUnit(zoom, FIDELITY_FACE) * zoom), textHeight: noteHeight };
  expectFaithful(canvasReport);
  expectArtworkTurned('canvas-turned', cropped, canvasMap, source, CHROME.badgeRadius * canvasBadgeUnit(zoom, FIDELITY_FACE) * zoom);
  await page.screenshot({ path: join(out, 'review-screen.png') });

  // The ZIP: the PNG and the PDF of the turned face.
  await page.getByRole('button', { name: 'Paket kritik…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Paket kritik/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /^Paket ZIP/ }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Buat paket' }).click();
  const zipPath = join(out, 'pack.zip');
  await (await downloading).saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));

  // (b) the PNG is the face as shown: landscape, the artwork and every badge turned, the note upright.
  const png = entries['gambar/depan.png'];
  if (!png) throw new Error(`no front PNG in ${Object.keys(entries).join(', ')}`);
  writeFileSync(join(out, 'burned-front.png'), png);
  const burned = await readRaster(Buffer.from(png));
  expect(burned.width).toBe(shown.width);
  expect(burned.height).toBe(shown.height);
  const pngMap = { scale: 1, x: 0, y: 0, turn };
  const pngReport = checkSurface('png-turned', burned, pngMap, CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE));
  expectFaithful(pngReport);
  expectArtworkTurned('png-turned', burned, pngMap, source, CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE));

  // (c) the PDF page, rasterised.
  const { picture: pdfPicture, page: pdfPage } = await pdfFacePage(entries, out);
  const pdfScale = pdfPicture.width / shown.width;
  expect(pdfPicture.height / pdfScale).toBeCloseTo(shown.height, -1);
  const pdfMap = { scale: pdfScale, x: 0, y: 0, turn };
  const pdfRaster = cropRaster(pdfPage, pdfPicture);
  const pdfReport = checkSurface('pdf-turned', pdfRaster, pdfMap, CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE) * pdfScale);
  expectFaithful(pdfReport);
  expectArtworkTurned('pdf-turned', pdfRaster, pdfMap, source, CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE) * pdfScale);

  // The note reads upright at its stored size on the canvas, in the PNG and in the PDF (capitals ~0.72 of the font size):
  // what the mentor sees is what the participant gets.
  for (const report of [canvasReport, pngReport, pdfReport]) {
    expect(report.textHeight / (FIDELITY_TEXT_SIZE * 0.72), `${report.surface}: upright note height against its stored size`).toBeGreaterThan(0.9);
    expect(report.textHeight / (FIDELITY_TEXT_SIZE * 0.72), `${report.surface}: upright note height against its stored size`).toBeLessThan(1.1);
  }
});
