import { describe, expect, it } from 'vitest';
import { packFileName, uniquePaths } from '#shared/pack/packFileNames.ts';

describe('pack file names', () => {
  it('reads as region / business - product / the pack, in the pack’s language', () => {
    const base = { region: 'Malang', business: 'Keripik Tempe Bu Sari', product: 'Keripik Tempe Original', version: 2 };
    expect(packFileName({ ...base, language: 'id' }).path).toBe(
      'Malang/Keripik Tempe Bu Sari - Keripik Tempe Original/Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Paket masukan.pdf',
    );
    expect(packFileName({ ...base, language: 'en', mentorName: 'Andrés Nuñez' }).file).toBe(
      'Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Critique pack - Andrés Nuñez.pdf',
    );
  });

  it('names a pack laid out for a phone so it never overwrites the paper pack beside it', () => {
    const base = { region: 'Malang', business: 'Keripik Tempe Bu Sari', product: 'Keripik Tempe Original', version: 2 };
    expect(packFileName({ ...base, language: 'id', phone: true }).file).toBe('Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Paket masukan - Ponsel.pdf');
    expect(packFileName({ ...base, language: 'en', phone: true, mentorName: 'Rina' }).file).toBe(
      'Keripik Tempe Bu Sari - Keripik Tempe Original - v2 - Critique pack - Phone - Rina.pdf',
    );
    expect(packFileName({ ...base, language: 'id', phone: true }).path).not.toBe(packFileName({ ...base, language: 'id' }).path);
  });

  it('falls back to plain words when a participant has no region or name', () => {
    expect(packFileName({ region: ' ', business: '', product: '', version: 1, language: 'id' }).path).toBe(
      'Tanpa wilayah/Tanpa nama/Tanpa nama - v1 - Paket masukan.pdf',
    );
    expect(packFileName({ region: '', business: 'Jamu Sehat', product: '', version: 3, language: 'en' }).path).toBe(
      'No region/Jamu Sehat/Jamu Sehat - v3 - Critique pack.pdf',
    );
  });

  it('makes a batch of paths unique as a case-insensitive disk would', () => {
    expect(uniquePaths(['Malang/A/a.pdf', 'Malang/A/A.pdf', 'Malang/A/a.pdf', 'Malang/B/a.pdf'])).toEqual([
      'Malang/A/a.pdf',
      'Malang/A/A (2).pdf',
      'Malang/A/a (3).pdf',
      'Malang/B/a.pdf',
    ]);
  });
});
