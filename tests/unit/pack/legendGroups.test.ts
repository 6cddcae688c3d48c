import { describe, expect, it } from 'vitest';
import { renderPackPdf } from '#electron/services/pack/renderPackPdf.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { annotation, FACE_COLOURS, packInput } from '../../support/packFixture.ts';
import { faceImages, readPdf } from '../../support/packPdf.ts';

describe('the legend of a face in the PDF', () => {
  it('groups the marks by category, each group under its name, in the studio’s order of categories', async () => {
    const input = packInput({ annotations: 0 });
    const pin = (n: number, category: Annotation['category'], comment: string) =>
      annotation(`g${n}`, 'm-rina', 'a-front', n, { kind: 'pin', at: { x: 100 + n * 150, y: 300 } }, { category, comment, severity: 'suggestion' });
    input.annotations = [
      pin(1, 'brand', 'Logo kurang menonjol'),
      pin(2, 'label-information', 'Nomor P-IRT belum ada'),
      pin(3, 'brand', 'Warna merek tidak konsisten'),
      pin(4, 'legibility', 'Huruf komposisi terlalu kecil'),
    ];
    const model = buildPackModel(input, { language: 'id', mode: { mentorId: 'm-rina' } });
    const pdf = await renderPackPdf(model, await faceImages(input, FACE_COLOURS), { pageSize: 'A4' });
    const text = await readPdf(pdf);
    const page = text.pages.find((p) => p.includes('Keterangan tanda') && p.includes('Logo kurang menonjol'));
    if (!page) throw new Error('no legend page');
    const at = (words: string) => page.indexOf(words);
    // Keterbacaan (legibility) first, then Merek (brand) with both brand marks together, then Informasi label.
    expect(at('Huruf komposisi terlalu kecil')).toBeLessThan(at('Logo kurang menonjol'));
    expect(at('Logo kurang menonjol')).toBeLessThan(at('Warna merek tidak konsisten'));
    expect(at('Warna merek tidak konsisten')).toBeLessThan(at('Nomor P-IRT belum ada'));
    // Each group is named once above its marks (and once more in each of its rows).
    const merek = page.split('Merek').length - 1;
    expect(merek).toBe(1 + 2);
  });
});
