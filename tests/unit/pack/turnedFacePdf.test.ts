import { describe, expect, it } from 'vitest';
import { pageMatrix, toPage, type ImageView } from '#electron/services/pack/drawMarks.ts';
import { renderPackPdf } from '#electron/services/pack/renderPackPdf.ts';
import { textBox } from '#shared/annotations/appearance.ts';
import { shownRect, shownTextBox } from '#shared/annotations/turnedFace.ts';
import {
  applyMatrix,
  multiply,
  shownSize,
  toShown,
  transformMatrix,
  type FaceTransform,
} from '#shared/domain/faceTransform.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { annotation, FACE_COLOURS, packInput } from '../../support/packFixture.ts';
import { faceImages, readPdf } from '../../support/packPdf.ts';

const FACE = { width: 1000, height: 1400 };
const EVERY_TRANSFORM: FaceTransform[] = [0, 1, 2, 3].flatMap((q) => [false, true].map((flipX) => ({ quarterTurns: q as FaceTransform['quarterTurns'], flipX })));
const POINTS = [
  { x: 0, y: 0 },
  { x: 1000, y: 0 },
  { x: 0, y: 1400 },
  { x: 500, y: 300 },
  { x: 812.5, y: 1333 },
];

describe.each(EVERY_TRANSFORM)('a face turned $quarterTurns× with flipX $flipX in the PDF', (transform) => {
  const view: ImageView = { x: 40, y: 120, scale: 0.37, fromX: 0, fromY: 0, transform, face: FACE };

  it('puts every point of a mark on the page where the review canvas shows it (its view transform, at the same zoom)', () => {
    // The canvas's view: screen = zoom · (face transform · image pixel) + pan (renderer/src/canvas/fabricView.ts setView).
    const canvas = multiply([view.scale, 0, 0, view.scale, view.x, view.y], transformMatrix(transform, FACE));
    for (const p of POINTS) {
      const page = toPage(view, p);
      const screen = applyMatrix(canvas, p);
      expect(page.x).toBeCloseTo(screen.x, 6);
      expect(page.y).toBeCloseTo(screen.y, 6);
      // The picture is drawn with the same matrix, so the artwork under the mark is the artwork under it on the canvas.
      const picture = applyMatrix(pageMatrix(view), p);
      expect(picture.x).toBeCloseTo(page.x, 6);
      expect(picture.y).toBeCloseTo(page.y, 6);
    }
  });

  it('keeps the picture inside its box: the original’s corners land on the shown face’s corners', () => {
    const shown = shownSize(transform, FACE);
    const corners = [POINTS[0], POINTS[1], POINTS[2], { x: 1000, y: 1400 }].map((p) => toPage(view, p as { x: number; y: number }));
    expect(Math.min(...corners.map((c) => c.x))).toBeCloseTo(view.x, 6);
    expect(Math.max(...corners.map((c) => c.x))).toBeCloseTo(view.x + shown.width * view.scale, 6);
    expect(Math.min(...corners.map((c) => c.y))).toBeCloseTo(view.y, 6);
    expect(Math.max(...corners.map((c) => c.y))).toBeCloseTo(view.y + shown.height * view.scale, 6);
  });

  it('turns a zoomed detail’s square with the face and keeps a note upright, centred where its box shows', () => {
    const crop = shownRect(transform, FACE, { x: 430, y: 230, width: 140, height: 140 });
    const centre = toShown(transform, FACE, { x: 500, y: 300 });
    expect(crop.width).toBeCloseTo(140, 6);
    expect(crop.height).toBeCloseTo(140, 6);
    expect(crop.x + 70).toBeCloseTo(centre.x, 6);
    expect(crop.y + 70).toBeCloseTo(centre.y, 6);

    const note = { kind: 'text', at: { x: 300, y: 600 }, text: 'LIHAT 12', fontSize: 56 } as const;
    const original = textBox(note, FACE);
    const upright = shownTextBox(note, FACE, transform);
    // Upright: as wide as the words on every turn.
    expect(upright.width).toBeCloseTo(original.width, 6);
    expect(upright.height).toBeCloseTo(original.height, 6);
    const mid = toShown(transform, FACE, { x: original.x + original.width / 2, y: original.y + original.height / 2 });
    expect(upright.x + upright.width / 2).toBeCloseTo(mid.x, 6);
    expect(upright.y + upright.height / 2).toBeCloseTo(mid.y, 6);
  });
});

it('keeps a turned note near an edge inside the shown face', () => {
  const transform: FaceTransform = { quarterTurns: 1, flipX: false };
  const note = { kind: 'text', at: { x: 10, y: 1300 }, text: 'A LONG NOTE ON THE EDGE', fontSize: 60 } as const;
  const box = shownTextBox(note, FACE, transform);
  const shown = shownSize(transform, FACE);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(shown.width + 1e-9);
  expect(box.y + box.height).toBeLessThanOrEqual(shown.height + 1e-9);
});

describe('the Ponsel pack’s zoomed details', () => {
  it('print a long comment whole under its detail instead of cutting it after four lines', async () => {
    const input = packInput({ annotations: 0 });
    const front = input.faces[0];
    if (!front) throw new Error('no front');
    const long =
      'Teks komposisi di panel ini terlalu kecil dan warnanya terlalu pucat di atas latar krem, sehingga sulit dibaca oleh pembeli ' +
      'yang berdiri di depan rak. Perbesar ukuran huruf sampai sekurang-kurangnya 1,2 mm tinggi huruf kecil, gunakan warna yang ' +
      'lebih gelap, dan beri jarak antarbaris yang lebih lega. Periksa juga apakah nomor PIRT dan tanggal kedaluwarsa ' +
      'mudah ditemukan. Akhir catatan PENUTUPKOMENTAR';
    input.annotations = [annotation('long', 'm-rina', front.id, 1, { kind: 'pin', at: { x: 300, y: 400 } }, { comment: long, severity: 'must-fix' })];
    const model = buildPackModel(input, { language: 'id', mode: { mentorId: 'm-rina' } });
    const pdf = await renderPackPdf(model, await faceImages(input, FACE_COLOURS), { pageSize: 'Ponsel' });
    const text = await readPdf(pdf);
    // The details' page carries the comment's last words, after the part beside the detail.
    const details = text.pages.find((page) => page.includes(model.text.faces.details)) ?? '';
    expect(details).toContain('Teks komposisi di panel ini');
    expect(details).toContain('PENUTUPKOMENTAR');
    expect(details).toContain('(lanjutan)');
  }, 60_000);
});

describe('the A4 pack’s zoomed details', () => {
  it('continue a comment too long for the caption under the row instead of cutting it after three lines', async () => {
    const input = packInput({ annotations: 0 });
    const front = input.faces[0];
    if (!front) throw new Error('no front');
    const long = (end: string) =>
      'Teks komposisi di panel ini terlalu kecil dan warnanya terlalu pucat di atas latar krem, sehingga sulit dibaca oleh pembeli ' +
      'yang berdiri di depan rak. Perbesar ukuran huruf sampai sekurang-kurangnya 1,2 mm tinggi huruf kecil dan gunakan warna ' +
      `yang lebih gelap. Akhir catatan ${end}`;
    input.annotations = [
      annotation('a', 'm-rina', front.id, 1, { kind: 'pin', at: { x: 300, y: 400 } }, { comment: long('PENUTUPSATU'), severity: 'must-fix' }),
      annotation('b', 'm-rina', front.id, 2, { kind: 'pin', at: { x: 800, y: 1200 } }, { comment: 'Bagus.', severity: 'strength' }),
      annotation('c', 'm-rina', front.id, 3, { kind: 'pin', at: { x: 500, y: 900 } }, { comment: long('PENUTUPTIGA'), severity: 'suggestion' }),
    ];
    const model = buildPackModel(input, { language: 'id', mode: { mentorId: 'm-rina' } });
    const pdf = await renderPackPdf(model, await faceImages(input, FACE_COLOURS), { pageSize: 'A4' });
    const text = await readPdf(pdf);
    // The legend before the details carries each comment whole too: read only what follows the details' heading.
    const all = text.pages.join(' ');
    const details = all.slice(all.lastIndexOf(model.text.faces.details));
    expect(details).toContain('Teks komposisi di panel ini');
    // Both long comments end after the heading, each continued once, in the details' order; the short one is whole beside its detail.
    expect(details).toContain('PENUTUPSATU');
    expect(details).toContain('PENUTUPTIGA');
    expect(details.indexOf('PENUTUPSATU')).toBeLessThan(details.indexOf('PENUTUPTIGA'));
    expect(details.match(/\(lanjutan\)/g)).toHaveLength(2);
    expect(details).toContain('Bagus.');
  }, 60_000);
});
