import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPackPdf } from '#electron/services/pack/renderPackPdf.ts';
import { CHROME, OUTPUT_REFERENCE_SIDE, outputChromeUnit, PHONE_REFERENCE_SIDE } from '#shared/annotations/appearance.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { annotation, FACE_COLOURS, packInput } from '../../support/packFixture.ts';
import { faceImages, hasPdftoppm, rasterise, type RasterPage } from '../../support/packPdf.ts';
import {
  checkSurface,
  cropRaster,
  FIDELITY_FACE,
  FIDELITY_MARKS,
  FIDELITY_TEXT_SIZE,
  fidelityFacePng,
  pictureBox,
  readRaster,
  turnedInk,
} from '../../support/markFidelity.ts';
import { shownSize, type FaceTransform } from '#shared/domain/faceTransform.ts';

const OUT = join(import.meta.dirname, '..', '..', '..', 'test-results', 'fidelity');

/** The face's page of a rasterised pack: the one with the most of the face's background colour, and where the picture is. */
function facePage(pages: readonly RasterPage[]) {
  const rasters = pages.map((p) => ({ data: new Uint8Array(p.data), width: p.width, height: p.height, channels: 3 }));
  // Tight: the pack's light accent panels are within 10 of the face's colour.
  const boxes = rasters.map((r) => pictureBox(r, undefined, 5));
  const index = boxes.reduce((best, b, i) => (b.count > (boxes[best]?.count ?? 0) ? i : best), 0);
  const raster = rasters[index];
  const picture = boxes[index];
  if (!raster || !picture) throw new Error('the fidelity face is on no page');
  return { raster, picture };
}

/*
 * The PDF part of the mark fidelity check (the canvas and the PNG are in
 * tests/e2e/markFidelity.spec.ts, on the same fixture and the same finder).
 */
/*
 * The Ponsel layout draws marks at the phone's scale (PHONE_REFERENCE_SIDE: badges as large to the eye as on the
 * mentor's canvas); the same shared layout plans them at that size, so the same checks hold there.
 */
const LAYOUTS = [
  { pageSize: 'A4', referenceSide: OUTPUT_REFERENCE_SIDE, dpi: 150 },
  { pageSize: 'Ponsel', referenceSide: PHONE_REFERENCE_SIDE, dpi: 250 },
] as const;

describe.skipIf(!hasPdftoppm).each(LAYOUTS)('marks in the $pageSize PDF, rasterised with pdftoppm', ({ pageSize, referenceSide, dpi }) => {
  it('shows every badge where the shared layout puts it, none overlapping, and the note at its stored size', async () => {
    const input = packInput({ annotations: 0 });
    const front = input.faces[0];
    if (!front) throw new Error('no front');
    front.metadata = { ...front.metadata, width: FIDELITY_FACE.width, height: FIDELITY_FACE.height };
    input.annotations = FIDELITY_MARKS.map((m) => annotation(`f${m.number}`, 'm-rina', front.id, m.number, m.shape, { severity: m.severity }));
    const images = await faceImages(input, FACE_COLOURS);
    images.set(front.id, await sharp(await fidelityFacePng()).jpeg({ quality: 92 }).toBuffer());
    const model = buildPackModel(input, { language: 'id', mode: { mentorId: 'm-rina' } });
    const pdf = await renderPackPdf(model, images, { pageSize });
    const pages = await rasterise(pdf, OUT, `pdf-face-${pageSize}`, dpi);

    const { raster, picture } = facePage(pages);
    const scale = picture.width / FIDELITY_FACE.width;
    expect(picture.height / scale).toBeCloseTo(FIDELITY_FACE.height, -1);
    const radius = CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE, referenceSide) * scale;
    // Only the picture: the legend's badges are the same size.
    const report = checkSurface('pdf', cropRaster(raster, picture), { scale, x: 0, y: 0 }, radius, referenceSide);
    expect(report.found).toHaveLength(FIDELITY_MARKS.length);
    for (const [number, miss] of report.misses) expect(miss, `badge ${number}`).toBeLessThan(4);
    expect(report.overlapping).toEqual([]);
    // Cap height of "KOPI 12" in Noto Sans Bold is 0.714 of the font size.
    expect(report.textHeight / (FIDELITY_TEXT_SIZE * 0.714)).toBeGreaterThan(0.9);
    expect(report.textHeight / (FIDELITY_TEXT_SIZE * 0.714)).toBeLessThan(1.1);
  }, 60_000);
});

/*
 * A turned or mirrored face: the picture is drawn as the face is shown, every
 * badge lands where the canvas shows it (the shared layout on the original,
 * carried through the face's transform) and the note still reads upright at
 * its stored size.
 */
const TURNS: { pageSize: 'A4' | 'Ponsel'; referenceSide: number; dpi: number; transform: FaceTransform }[] = [
  { pageSize: 'A4', referenceSide: OUTPUT_REFERENCE_SIDE, dpi: 150, transform: { quarterTurns: 1, flipX: false } },
  { pageSize: 'Ponsel', referenceSide: PHONE_REFERENCE_SIDE, dpi: 250, transform: { quarterTurns: 3, flipX: true } },
  { pageSize: 'A4', referenceSide: OUTPUT_REFERENCE_SIDE, dpi: 150, transform: { quarterTurns: 2, flipX: false } },
];

describe.skipIf(!hasPdftoppm).each(TURNS)('marks on a face turned $transform.quarterTurns× with flipX $transform.flipX in the $pageSize PDF', ({ pageSize, referenceSide, dpi, transform }) => {
  it('draws the picture turned, each badge on the artwork the canvas shows it on, and the note upright', async () => {
    const input = packInput({ annotations: 0 });
    const front = input.faces[0];
    if (!front) throw new Error('no front');
    front.metadata = { ...front.metadata, width: FIDELITY_FACE.width, height: FIDELITY_FACE.height };
    front.transform = transform;
    input.annotations = FIDELITY_MARKS.map((m) => annotation(`f${m.number}`, 'm-rina', front.id, m.number, m.shape, { severity: m.severity }));
    const images = await faceImages(input, FACE_COLOURS);
    images.set(front.id, await sharp(await fidelityFacePng()).jpeg({ quality: 92 }).toBuffer());
    const model = buildPackModel(input, { language: 'id', mode: { mentorId: 'm-rina' } });
    const name = `pdf-turned-${transform.quarterTurns}${transform.flipX ? 'f' : ''}-${pageSize}`;
    const pages = await rasterise(await renderPackPdf(model, images, { pageSize }), OUT, name, dpi);

    const { raster, picture } = facePage(pages);
    const shown = shownSize(transform, FIDELITY_FACE);
    const scale = picture.width / shown.width;
    // The picture has the shown proportions (landscape after a quarter turn).
    expect(picture.height / scale).toBeCloseTo(shown.height, -1);
    const crop = cropRaster(raster, picture);
    const map = { scale, x: 0, y: 0, turn: transform };
    // The artwork itself is turned: "KOPI" is where the transform carries it (an unturned picture has none there).
    // The badges may hide part of the word: it is compared with the source turned the same way, outside the badges.
    const radius = CHROME.badgeRadius * outputChromeUnit(FIDELITY_FACE, referenceSide) * scale;
    const ink = turnedInk(crop, map, await readRaster(await fidelityFacePng()), radius, referenceSide);
    expect(ink.found, 'pixels of the word KOPI where the turn puts it').toBeGreaterThan(150 * scale * scale);
    expect(ink.found / ink.truth, "share of the word's visible pixels found").toBeGreaterThan(0.6);
    expect(ink.off, 'KOPI off where the turn puts it by').toBeLessThan(6 * scale + 4);
    const report = checkSurface('pdf', crop, map, radius, referenceSide);
    expect(report.found).toHaveLength(FIDELITY_MARKS.length);
    for (const [number, miss] of report.misses) expect(miss, `badge ${number}`).toBeLessThan(4);
    expect(report.overlapping).toEqual([]);
    expect(report.textHeight / (FIDELITY_TEXT_SIZE * 0.714)).toBeGreaterThan(0.9);
    expect(report.textHeight / (FIDELITY_TEXT_SIZE * 0.714)).toBeLessThan(1.1);
  }, 60_000);
});
