import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { facePngNames, packFileStem, packReviewJson, packScoresCsv } from '#renderer/src/features/packs/packFiles.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { packInput } from '../../support/packFixture.ts';

describe('pack file names', () => {
  it('reads as business, product, version and what it is, in the pack’s language, safe on every system', () => {
    const v2 = { business: 'Keripik Tempe Bu Sari', product: 'Keripik Tempe Original', version: 2 };
    expect(packFileStem(v2, 'id')).toBe('Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Paket masukan');
    expect(packFileStem(v2, 'en', 'Andrés Nuñez')).toBe('Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Critique pack - Andrés Nuñez');
    expect(packFileStem({ business: 'Kopi: "Ijen" / Bondowoso?', product: '', version: 1 }, 'id')).toBe('Kopi Ijen - Bondowoso - v1 - Paket masukan');
    expect(packFileStem({ business: '  ', product: '', version: 3 }, 'en')).toBe('No name - v3 - Critique pack');
  });

  it('names each face’s PNG after the face, numbering a second one of the same kind', () => {
    expect(facePngNames(['front', 'back', 'left', 'other', 'other'], 'id')).toEqual(['depan.png', 'belakang.png', 'sisi kiri.png', 'lainnya.png', 'lainnya 2.png']);
    expect(facePngNames(['front', 'back'], 'en')).toEqual(['front.png', 'back.png']);
  });
});

describe('the scores CSV', () => {
  it('has a row per criterion, a subtotal per group and the overall, with numbers as numbers', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const text = packScoresCsv(model);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;
    expect(header).toEqual(['Kelompok', 'Kriteria', 'Bobot', 'Nilai', 'Skala terendah', 'Skala tertinggi', 'Nilai terendah', 'Nilai tertinggi', 'Tingkat yang dicapai', 'Catatan mentor']);
    const criteria = model.scores.groups.flatMap((g) => g.criteria);
    expect(rows).toHaveLength(criteria.length + model.scores.groups.length + 1);
    // Rina gave 2 and Andrés 3 for label information: the mean, the spread and her note.
    const label = rows.find((r) => r[1] === 'Informasi & kepatuhan label');
    expect(label?.slice(3, 8)).toEqual(['2.5', '1', '5', '2', '3']);
    expect(label?.[9]).toContain('Nomor P-IRT dan berat bersih belum lengkap.');
    const overall = rows.at(-1);
    expect(overall?.[1]).toBe('Skor keseluruhan (0–100)');
    expect(Number(overall?.[3])).toBeCloseTo(model.scores.overall.value as number, 2);
  });
});

describe('the review JSON', () => {
  it('holds the pack’s scores and only the records of the mentors it speaks for', () => {
    const input = packInput();
    const rinaOnly = buildPackModel(input, { language: 'en', mode: { mentorId: 'm-rina' } });
    const json = JSON.parse(packReviewJson(input, rinaOnly)) as {
      format: string;
      language: string;
      participant: { business: string };
      mentors: { name: string }[];
      reviews: { id: string }[];
      annotations: { mentorId: string }[];
      labelChecklists: { id: string }[];
      overall: { score: number };
    };
    expect(json.format).toBe('kemas-studio/critique-pack-review');
    expect(json.language).toBe('en');
    expect(json.participant.business).toBe('Keripik Tempe Bu Sari');
    expect(json.mentors.map((m) => m.name)).toEqual(['Rina Prasetyo']);
    expect(json.reviews.map((r) => r.id)).toEqual(['r-rina']);
    expect(new Set(json.annotations.map((a) => a.mentorId))).toEqual(new Set(['m-rina']));
    expect(json.annotations).toHaveLength(rinaOnly.faces.reduce((n, f) => n + f.marks.length, 0));
    expect(json.labelChecklists.map((c) => c.id)).toEqual(['c-rina']);
    expect(json.overall.score).toBeCloseTo(rinaOnly.scores.overall.value as number, 2);
  });
});
