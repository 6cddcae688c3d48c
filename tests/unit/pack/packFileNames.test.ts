import { describe, expect, it } from 'vitest';
import { packFileName, safeSegment, uniquePaths } from '../../../shared/pack/packFileNames.ts';

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

  it('keeps names safe on Windows, macOS and Linux', () => {
    expect(safeSegment('Kopi "Ijen" <Arabika>: 100% / 250g?', 'x')).toBe('Kopi Ijen Arabika 100% - 250g');
    expect(safeSegment('  ..Jamu.  ', 'x')).toBe('Jamu');
    expect(safeSegment('CON', 'x')).toBe('_CON');
    expect(safeSegment('aux.txt', 'x')).toBe('_aux.txt');
    expect(safeSegment('a\u0000b\tc\nd', 'x')).toBe('a b c d');
    expect(safeSegment('///', 'Tanpa nama')).toBe('---');
    expect(safeSegment(' ... ', 'Tanpa nama')).toBe('Tanpa nama');
  });

  it('never cuts a character in half and never ends a name on a dot or space', () => {
    const long = `${'Keripik Tempe '.repeat(10)}🌶️`;
    const cut = safeSegment(long, 'x', 20);
    expect([...cut].length).toBeLessThanOrEqual(20);
    expect(cut).toBe('Keripik Tempe Keripi');
    // The pepper keeps its variation selector: one character to a reader, two code points.
    expect(safeSegment('Sambal Bu Tini 🌶️🌶️', 'x', 16)).toBe('Sambal Bu Tini 🌶️');
    expect(safeSegment('Kopi Sidikalang', 'x', 5)).toBe('Kopi');
    expect(cut.endsWith(' ')).toBe(false);
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
