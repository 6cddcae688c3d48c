import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { loadPackFonts } from '#electron/services/pack/packFonts.ts';
import { PackWriter } from '#electron/services/pack/pdfWriter.ts';
import { renderPackPdf } from '#electron/services/pack/renderPackPdf.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import { PACK_SEVERITY_COLOURS } from '#shared/pack/packColours.ts';
import type { PackInput } from '#shared/pack/packInput.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import type { PackModel } from '#shared/pack/packModelSchema.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { annotation, FACE_COLOURS, packInput, review } from '../../support/packFixture.ts';
import { faceImages, findPicture, hasPdftoppm, near, hexRgb, pixel, rasterise, readPdf, ringShare, type PdfText } from '../../support/packPdf.ts';

const OUT = join(import.meta.dirname, '..', '..', '..', 'test-results', 'pack');

async function render(input: PackInput, language: PackLanguage, mode: PackModel['mode'] = 'combined', pageSize: 'A4' | 'Letter' = 'A4') {
  const model = buildPackModel(input, { language, mode });
  const pdf = await renderPackPdf(model, await faceImages(input, FACE_COLOURS), { pageSize });
  return { model, pdf };
}

describe.each(['id', 'en'] as const)('a pack in %s, as a participant reads it', (language) => {
  let model: PackModel;
  let pdf: Buffer;
  let text: PdfText;

  beforeAll(async () => {
    ({ model, pdf } = await render(packInput(), language));
    text = await readPdf(pdf);
  });

  it('holds the translated headings, the scores and the mentors’ words', () => {
    const headings =
      language === 'id'
        ? ['Paket masukan desain kemasan'.toLocaleUpperCase('id-ID'), 'Ringkasan', 'Rencana perbaikan', 'Wajib diperbaiki', 'Saran', 'Sudah baik', 'Tampak depan', 'Tampak belakang', 'Tampak sisi kiri', 'Keterangan tanda', 'Detail yang diperbesar', 'Nilai per kriteria', 'Daftar periksa label', 'Kesiapan cetak', 'Perubahan dari versi 1 ke versi 2']
        : ['PACKAGING DESIGN CRITIQUE PACK', 'Summary', 'Action plan', 'Must fix', 'Suggestions', 'Already good', 'Front view', 'Back view', 'Left side view', 'What the marks say', 'Zoomed details', 'Scores per criterion', 'Label checklist', 'Print readiness', 'What changed from version 1 to version 2'];
    for (const heading of headings) expect(text.all, heading).toContain(heading);

    // The overall score on the cover, each criterion's score, group subtotals.
    expect(text.pages[0]).toContain(model.cover.overall.display);
    expect(text.pages[0]).toContain(model.cover.overall.verdict);
    for (const row of model.scores.groups.flatMap((g) => g.criteria)) expect(text.all, row.name).toContain(row.scoreText);
    for (const group of model.scores.groups) expect(text.all).toContain(group.subtotalText);
    expect(text.all).toContain(language === 'id' ? '2,5 dari 5' : '2.5 of 5');

    // Comments of the marks, the mentors' own words, names with accents.
    expect(text.all).toContain('Nama produk kontras dan mudah dibaca.');
    expect(text.all).toContain('Foto produk menggugah selera.');
    expect(text.all).toContain('Andrés Nuñez-Kurniawan');
    expect(text.all).toContain('Sangat menonjol di rak dibanding pesaing.');
  });

  it('numbers every page and puts the footer on it', () => {
    const count = text.pages.length;
    text.pages.forEach((page, i) => {
      expect(page).toContain(language === 'id' ? `Halaman ${i + 1} dari ${count}` : `Page ${i + 1} of ${count}`);
      expect(page).toContain(model.footer);
    });
  });

  it('carries title, author, subject and language, and is tagged with described pictures', () => {
    expect(text.info.Title).toBe(model.meta.title);
    expect(text.info.Author).toBe('Rina Prasetyo, Andrés Nuñez-Kurniawan');
    expect(text.info.Subject).toBe(model.meta.subject);
    expect(pdf.includes(`/Lang (${language === 'id' ? 'id-ID' : 'en-GB'})`)).toBe(true);
    expect(pdf.includes('/DisplayDocTitle true')).toBe(true);
    expect(text.marked).toBe(true);
    const alts = text.figures.flat();
    for (const face of model.faces) expect(alts).toContain(face.alt);
    expect(alts).toContain(model.scores.radar.alt);
  });

  it('embeds its font, so it reads the same on any phone', () => {
    expect(pdf.includes('/FontFile2')).toBe(true);
    expect(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/.test(pdf.toString('latin1'))).toBe(true);
  });
});

describe('a review revised after its mentor saw the other mentors', () => {
  it.each(['A4', 'Ponsel'] as const)('is marked with mentor and time above the scores table (%s)', async (pageSize) => {
    const input = packInput();
    const at = Date.UTC(2026, 10, 27, 3, 32);
    const rina = input.reviews.find((r) => r.mentorId === 'm-rina');
    if (!rina) throw new Error('no review of Rina');
    input.reviews = input.reviews.map((r) => (r === rina ? review(r.id, r.mentorId, r.submissionId, [], { ...r, revisedAfterRevealAt: at, sawOthersAt: at - 60_000 }) : r));
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    const pdf = await renderPackPdf(model, await faceImages(input, FACE_COLOURS), { pageSize });
    const text = await readPdf(pdf);
    const sentence = 'Nilai dari Rina Prasetyo direvisi setelah ia melihat penilaian mentor lain (27 November 2026 pukul 10.32 WIB).';
    const page = text.pages.find((p) => p.includes(sentence)) ?? '';
    expect(page).toContain('Nilai per kriteria');
  });
});

describe('long content', () => {
  it('wraps a long comment whole and repeats the legend’s header on the next page', async () => {
    const input = packInput({ annotations: 0 });
    const ending = 'AKHIR-KOMENTAR-PANJANG';
    const long = `${'Kontras antara tulisan dan latar terlalu rendah di bagian ini. '.repeat(40)}${ending}`;
    input.annotations = Array.from({ length: 36 }, (_, i) =>
      annotation(`l${i}`, 'm-rina', 'a-front', i + 1, { kind: 'pin', at: { x: 100 + i * 25, y: 200 + i * 40 } }, { comment: i === 3 ? long : `Catatan nomor ${i + 1}.` }),
    );
    const { pdf } = await render(input, 'id', { mentorId: 'm-rina' });
    const text = await readPdf(pdf);
    expect(text.all).toContain(ending);
    for (let i = 1; i <= 36; i += 1) if (i !== 4) expect(text.all).toContain(`Catatan nomor ${i}.`);
    const withHeader = text.pages.filter((p) => p.includes('Kategori · Tingkat'));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
  });

  it('writes names in many alphabets', async () => {
    const input = packInput({ annotations: 0 });
    input.participant = { ...input.participant, business: 'Sambal Bu Tini 🌶️', owner: 'Đặng Thị Hương' };
    input.mentors = [{ id: 'm-rina', name: 'Ségolène Łukasiewicz-Сергеевна', organisation: 'Ελληνικά & Co' }, ...input.mentors.slice(1)];
    const { pdf } = await render(input, 'id');
    const text = await readPdf(pdf);
    expect(text.all).toContain('Đặng Thị Hương');
    expect(text.all).toContain('Ségolène Łukasiewicz-Сергеевна');
    expect(text.all).toContain('Ελληνικά & Co');
    expect(text.all).toContain('Sambal Bu Tini');
  });

  it('drops only the characters Noto Sans has no glyph for', async () => {
    const doc = new PDFDocument({ autoFirstPage: true });
    const writer = new PackWriter(doc, doc.struct('Document'), await loadPackFonts());
    expect(writer.printable('Sambal Bu Tini 🌶️')).toBe('Sambal Bu Tini');
    expect(writer.printable('Toko 王小明 Jaya')).toBe('Toko Jaya');
    expect(writer.printable('Đặng Thị Hương\nСергей')).toBe('Đặng Thị Hương\nСергей');
    // Noto Sans has no minus sign (U+2212): a negative change keeps its sign as a hyphen-minus.
    expect(writer.printable('Perubahan −0,5')).toBe('Perubahan -0,5');
  });

  it('is Letter when asked', async () => {
    const { pdf } = await render(packInput({ annotations: 3 }), 'en', 'combined', 'Letter');
    const text = await readPdf(pdf);
    expect(new Set(text.pageSizes.map(([w, h]) => `${w}×${h}`))).toEqual(new Set(['612×792']));
  });

  it('says so where a face’s picture is missing or unreadable, and still makes the pack', async () => {
    const input = packInput({ annotations: 3 });
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    const images = await faceImages(input, FACE_COLOURS);
    images.delete('a-back');
    const left = images.get('a-left') as Buffer;
    images.set('a-left', left.subarray(0, 200));
    const text = await readPdf(await renderPackPdf(model, images, { pageSize: 'A4' }));
    expect(text.all.split('Gambar tampak ini tidak tersedia.').length - 1).toBe(2);
    expect(text.figures.flat()).toContain(model.faces[0]?.alt);
  });
});

/** A per-mentor pack with one pin of each severity and a rectangle on the front, at places we know. */
function pinnedInput(): { input: PackInput; pins: Annotation[]; rect: Annotation } {
  const input = packInput({ annotations: 0 });
  const pins = [
    annotation('pin-must', 'm-rina', 'a-front', 1, { kind: 'pin', at: { x: 300, y: 430 } }, { severity: 'must-fix', comment: 'Wajib' }),
    annotation('pin-suggest', 'm-rina', 'a-front', 2, { kind: 'pin', at: { x: 930, y: 430 } }, { severity: 'suggestion', comment: 'Saran' }),
    annotation('pin-good', 'm-rina', 'a-front', 3, { kind: 'pin', at: { x: 600, y: 1300 } }, { severity: 'strength', comment: 'Baik' }),
  ];
  const rect = annotation('rect', 'm-rina', 'a-front', 4, { kind: 'rect', x: 150, y: 1600, width: 500, height: 120 }, { severity: 'must-fix', comment: 'Kotak' });
  input.annotations = [...pins, rect];
  return { input, pins, rect };
}

describe.skipIf(!hasPdftoppm)('marks on the rasterised page (pdftoppm from poppler-utils)', () => {
  it.each(['id', 'en'] as const)('draws each pin where its annotation is, in its severity colour (%s)', async (language) => {
    const { input, pins, rect } = pinnedInput();
    const { pdf } = await render(input, language, { mentorId: 'm-rina' });
    const pages = await rasterise(pdf, OUT, `pins-${language}`, 50);
    const background = FACE_COLOURS.front;
    // The front's page is the one with the most of its background colour.
    const counts = pages.map((page) => {
      let n = 0;
      for (let y = 0; y < page.height; y += 2) for (let x = 0; x < page.width; x += 2) if (near(pixel(page, x, y), hexRgb(background), 28)) n += 1;
      return n;
    });
    const page = pages[counts.indexOf(Math.max(...counts))];
    if (!page) throw new Error('no pages');
    const picture = findPicture(page, background);
    if (!picture) throw new Error('front picture not found');
    // The picture keeps the face's proportions (1200 × 1800).
    expect(picture.height / picture.width).toBeCloseTo(1.5, 1);
    const at = (p: { x: number; y: number }) => ({ x: picture.x + (p.x / 1200) * picture.width, y: picture.y + (p.y / 1800) * picture.height });

    for (const pin of pins) {
      if (pin.shape.kind !== 'pin') continue;
      const centre = at(pin.shape.at);
      const share = ringShare(page, centre.x, centre.y, 2, 4, PACK_SEVERITY_COLOURS[pin.severity]);
      expect(share, `${pin.id} at ${Math.round(centre.x)},${Math.round(centre.y)}`).toBeGreaterThan(0.5);
    }
    // A point away from every mark shows the design itself.
    const away = at({ x: 80, y: 80 });
    expect(ringShare(page, away.x, away.y, 0, 3, background, 28)).toBeGreaterThan(0.9);
    expect(ringShare(page, away.x, away.y, 0, 3, PACK_SEVERITY_COLOURS['must-fix'])).toBe(0);
    // The rectangle's left edge, halfway down, is drawn in its colour.
    if (rect.shape.kind === 'rect') {
      const edge = at({ x: rect.shape.x, y: rect.shape.y + rect.shape.height / 2 });
      let found = false;
      for (let dx = -2; dx <= 2; dx += 1) if (near(pixel(page, edge.x + dx, edge.y), hexRgb(PACK_SEVERITY_COLOURS['must-fix']), 70)) found = true;
      expect(found).toBe(true);
    }
  });

  it('writes every page of a full pack as a picture to look at', async () => {
    for (const language of ['id', 'en'] as const) {
      const { pdf } = await render(packInput(), language);
      const pages = await rasterise(pdf, OUT, `full-${language}`, 60);
      expect(pages.length).toBe((await readPdf(pdf)).pages.length);
    }
  });
});
