import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPackPdf } from '#electron/services/pack/renderPackPdf.ts';
import { CHROME, outputChromeUnit, PHONE_REFERENCE_SIDE } from '#shared/annotations/appearance.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import type { PackModel } from '#shared/pack/packModelSchema.ts';
import { PACK_MESSAGES, type PackLanguage } from '#shared/pack/packText.ts';
import { packPreview } from '../../bench/support/packPreview.ts';
import { FACE_COLOURS, packInput } from '../../support/packFixture.ts';
import { faceImages, findPicture, hasPdftoppm, rasteriseToWidth, readPdf, textSizesAt, type PdfText, type RasterPage, type SizedText } from '../../support/packPdf.ts';

const OUT = join(import.meta.dirname, '..', '..', '..', 'test-results', 'phone');
/** A common phone's width in CSS pixels; a PDF viewer fits the page's width to it. */
const PHONE_PX = 360;
/** Words a UMKM owner should not meet before the printer's appendix. */
const JARGON = /\b(ICC|dpi|RGB|CMYK|sRGB)\b/i;

/** The three faces as the intake stores them: 2,560-px JPEG previews with a photo's grain (not flat drawings that compress to nothing). */
async function storedPreviews(input: ReturnType<typeof packInput>): Promise<Map<string, Buffer>> {
  const hues = [200, 280, 30];
  const previews = new Map<string, Buffer>();
  for (const [i, face] of input.faces.entries()) previews.set(face.id, await packPreview(face.metadata.width, face.metadata.height, hues[i] ?? 0, 2560));
  return previews;
}

const sizesOf = (pages: SizedText[][], needle: string) => pages.flat().filter((run) => run.text.includes(needle)).map((run) => run.px);

describe.each(['id', 'en'] as const)('a Ponsel pack in %s, read on a phone 360 px wide', (language: PackLanguage) => {
  const words = PACK_MESSAGES[language];
  let model: PackModel;
  let pdf: Buffer;
  let text: PdfText;
  let sizes: SizedText[][];

  beforeAll(async () => {
    const input = packInput();
    model = buildPackModel(input, { language, mode: 'combined' });
    pdf = await renderPackPdf(model, await storedPreviews(input), { pageSize: 'Ponsel' });
    text = await readPdf(pdf);
    sizes = await textSizesAt(pdf, PHONE_PX);
  }, 60_000);

  it('has pages shaped like a phone held upright (90 × 160 mm, 9 : 16)', () => {
    expect(text.pageSizes.length).toBeGreaterThan(3);
    for (const [w, h] of text.pageSizes) {
      expect(w).toBe(255);
      expect(h).toBe(454);
    }
  });

  it('is small enough for WhatsApp: three faces from the stored 2,560-px previews stay under 1.5 MB', () => {
    expect(pdf.byteLength).toBeLessThan(1_500_000);
    // Still pictures worth looking at: not shrunk to nothing.
    expect(pdf.byteLength).toBeGreaterThan(150_000);
  });

  it('reads without zooming: no text under 12 px, the mentors’ words at 15 px or more', () => {
    const all = sizes.flat();
    expect(all.length).toBeGreaterThan(100);
    expect(Math.min(...all.map((run) => run.px))).toBeGreaterThanOrEqual(12);
    const first = model.actions.mustFix[0]?.text ?? '';
    const comment = model.faces[0]?.marks[0]?.comment ?? '';
    for (const needle of [first.slice(0, 20), comment.slice(0, 20)]) {
      const found = sizesOf(sizes, needle);
      expect(found.length, needle).toBeGreaterThan(0);
      for (const px of found) expect(px, needle).toBeGreaterThanOrEqual(15);
    }
  });

  it('opens with the action plan: must fix, then suggestions, then what is already good, before any face', () => {
    const first = text.pages[0] ?? '';
    expect(first).toContain(words.actions.title);
    expect(first).toContain(words.actions.mustFix);
    expect(first).toContain((model.actions.mustFix[0]?.text ?? '-').slice(0, 30));
    const at = (needle: string) => text.all.indexOf(needle);
    const faceTitle = model.faces[0]?.title ?? '-';
    expect(at(words.actions.mustFix)).toBeGreaterThan(-1);
    expect(at(words.actions.mustFix)).toBeLessThan(at(words.actions.suggestions));
    expect(at(words.actions.suggestions)).toBeLessThan(at(words.actions.strengths));
    expect(at(words.actions.strengths)).toBeLessThan(at(faceTitle));
  });

  it('speaks plainly until the appendix for the printer, which comes last and holds the technical detail', () => {
    const appendix = text.pages.findIndex((page) => page.includes(words.phone.printerTitle));
    expect(appendix).toBeGreaterThan(0);
    text.pages.slice(0, appendix).forEach((page, i) => expect(page, `page ${i + 1}`).not.toMatch(JARGON));
    // What the jargon means, said plainly, before it.
    const plain = text.pages.slice(0, appendix).join(' ');
    expect(plain).toContain(words.phone.printTitle);
    expect(plain).toContain(words.phone.printPlain['no-profile']);
    expect(plain).toContain(words.phone.printPlain['low-resolution']);
    // The appendix: the numbers and terms a printer needs, and nothing of the owner's sections after it.
    const rest = text.pages.slice(appendix).join(' ');
    expect(rest).toMatch(/\bdpi\b/);
    expect(rest).toMatch(/\bICC\b/);
    expect(rest).toContain(model.print[0]?.pixelsText ?? '-');
    expect(rest).not.toContain(words.phone.about);
    expect(rest).not.toContain(words.scores.title);
  });

  it('tags every face and detail with its alt text', () => {
    const figures = text.figures.flat();
    for (const face of model.faces) expect(figures).toContain(face.alt);
    for (const crop of model.faces.flatMap((f) => f.crops)) expect(figures).toContain(crop.alt);
  });
});

describe.skipIf(!hasPdftoppm)('the Ponsel pack as pictures on a phone', () => {
  let phone: RasterPage[];
  let paper: RasterPage[];
  let model: PackModel;

  beforeAll(async () => {
    const input = packInput();
    model = buildPackModel(input, { language: 'id', mode: 'combined' });
    const images = await faceImages(input, FACE_COLOURS);
    const pdf = await renderPackPdf(model, images, { pageSize: 'Ponsel' });
    phone = await rasteriseToWidth(pdf, OUT, 'ponsel-id-360', PHONE_PX);
    // Twice as wide, as a 2× screen draws it: for a person to look at.
    await rasteriseToWidth(pdf, OUT, 'ponsel-id-720', PHONE_PX * 2);
    paper = await rasteriseToWidth(await renderPackPdf(model, images, { pageSize: 'A4' }), OUT, 'a4-id-360', PHONE_PX);
  }, 120_000);

  it('renders every page 360 px wide and 9 : 16 tall (640 px, poppler rounds up to 641)', () => {
    expect(phone.length).toBeGreaterThan(3);
    for (const page of phone) {
      expect(page.width).toBe(360);
      expect(page.height).toBeGreaterThanOrEqual(640);
      expect(page.height).toBeLessThanOrEqual(641);
    }
  });

  it('shows each face across the screen with badges about as large as on the mentor’s canvas', () => {
    model.faces.forEach((face) => {
      const colour = FACE_COLOURS[face.face as keyof typeof FACE_COLOURS];
      const boxes = phone.map((page) => findPicture(page, colour)).filter((b): b is NonNullable<typeof b> => b !== null);
      const picture = boxes.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
      const longSide = Math.max(face.width, face.height);
      const pxPerImagePixel = picture.height / face.height;
      const badge = 2 * CHROME.badgeRadius * outputChromeUnit(face, PHONE_REFERENCE_SIDE) * pxPerImagePixel;
      // Full width for a face wider than the screen allows; a tall face as tall as the page's room.
      expect(Math.max(picture.width / PHONE_PX, picture.height / 640), face.title).toBeGreaterThan(0.62);
      expect(badge, `${face.title}: badge ${badge} px across`).toBeGreaterThanOrEqual(22);
      expect(longSide).toBeGreaterThan(0);
    });
  });

  it('the same pack on A4 would need zooming on a phone (what the Ponsel layout is for)', async () => {
    const a4 = await textSizesAt(await renderPackPdf(model, new Map(), { pageSize: 'A4' }), PHONE_PX);
    expect(Math.max(...sizesOf(a4, (model.faces[0]?.marks[0]?.comment ?? '-').slice(0, 20)))).toBeLessThan(10);
    expect(paper[0]?.width).toBe(PHONE_PX);
  });
});
