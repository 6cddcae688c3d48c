import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeRelativePath } from '#shared/contract/exportFiles.ts';
import { safeFileName, safeSegment } from '#shared/files/safeFileName.ts';

describe('the file-name sanitiser', () => {
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

  it('refuses every Windows device name, in any case and with any extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'com1', 'COM9', 'lpt3', 'COM¹', 'lpt²']) {
      expect(safeFileName(name, 'json')).toBe(`_${name}.json`);
      expect(safeSegment(`${name}.tar.gz`, 'x')).toBe(`_${name}.tar.gz`);
    }
    // Only the whole name is reserved: words that merely start with one are left alone.
    expect(safeFileName('Console kopi', 'csv')).toBe('Console kopi.csv');
    expect(safeFileName('COM10', 'csv')).toBe('COM10.csv');
  });

  it('keeps what the mentor typed (NFC), joining only a letter split from its accent', () => {
    const decomposed = 'Cafe\u0301 Nusantara';
    expect(safeFileName(decomposed, 'pdf')).toBe('Caf\u00e9 Nusantara.pdf');
    expect(safeFileName(decomposed, 'pdf')).toBe(safeFileName('Caf\u00e9 Nusantara', 'pdf'));
    expect(safeFileName('Kopi ½ Gula™ CO₂', 'csv')).toBe('Kopi ½ Gula™ CO₂.csv');
    expect(safeFileName('Ｋｏｐｉ', 'csv')).toBe('Ｋｏｐｉ.csv');
    // Look-alike slashes still cannot pass for a folder.
    expect(safeFileName('Teh\u2215Kopi', 'csv')).toBe('Teh-Kopi.csv');
  });

  it('names a download from any title, with a plain word when nothing is left', () => {
    expect(safeFileName('Lokakarya Malang / Sari 2026-12-07', 'kemas')).toBe('Lokakarya Malang - Sari 2026-12-07.kemas');
    expect(safeFileName(' ?*: ', 'csv')).toBe('kemas.csv');
    expect(safeFileName('', 'json', 'rubrik')).toBe('rubrik.json');
    const long = safeFileName('Keripik '.repeat(40), 'xlsx');
    expect([...long.replace(/\.xlsx$/, '')].length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/[^ .]\.xlsx$/);
  });

  it('gives, from any text at all, a name the host accepts as a path inside its folder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 1, max: 150 }), (text, max) => {
        const name = safeSegment(text, 'x', max);
        expect(isSafeRelativePath(name), JSON.stringify(name)).toBe(true);
        expect(safeSegment(name, 'x', max)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});
