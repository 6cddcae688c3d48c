import { describe, expect, it } from 'vitest';
import { detectFormat, isSvgText } from '#electron/services/ingest/detectFormat.ts';
import { ftypOnly, HEIC_SAMPLE, makePdf, solid } from './samples.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('detectFormat', () => {
  it.each([
    ['jpeg', () => solid(8, 8, '#123456').jpeg().toBuffer()],
    ['png', () => solid(8, 8, '#123456').png().toBuffer()],
    ['webp', () => solid(8, 8, '#123456').webp().toBuffer()],
    ['gif', () => solid(8, 8, '#123456').gif().toBuffer()],
    ['tiff', () => solid(8, 8, '#123456').tiff().toBuffer()],
    ['avif', () => solid(8, 8, '#123456').avif({ effort: 0 }).toBuffer()],
  ] as const)('recognises %s from its bytes', async (format, make) => {
    expect(detectFormat(await make())).toEqual({ kind: 'image', format });
  });

  it('recognises big-endian TIFF and BigTIFF headers', () => {
    expect(detectFormat(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8))).toEqual({ kind: 'image', format: 'tiff' });
    expect(detectFormat(bytes(0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0))).toEqual({ kind: 'image', format: 'tiff' });
  });

  it('tells HEIC from AVIF by the ftyp brands', () => {
    expect(detectFormat(HEIC_SAMPLE)).toEqual({ kind: 'image', format: 'heic' });
    for (const major of ['heic', 'heix', 'hevc', 'mif1', 'msf1']) {
      expect(detectFormat(ftypOnly(major, ['mif1', 'miaf'])), major).toEqual({ kind: 'image', format: 'heic' });
    }
    expect(detectFormat(ftypOnly('avif', ['mif1', 'miaf']))).toEqual({ kind: 'image', format: 'avif' });
    expect(detectFormat(ftypOnly('avis', ['msf1']))).toEqual({ kind: 'image', format: 'avif' });
    // Generic HEIF major brand that lists AVIF among its compatible brands: AV1 inside.
    expect(detectFormat(ftypOnly('mif1', ['mif1', 'avif']))).toEqual({ kind: 'image', format: 'avif' });
  });

  it('refuses other ISO media (an MP4 video) as unsupported', () => {
    expect(detectFormat(ftypOnly('isom', ['iso2', 'mp41'])).kind).toBe('unsupported');
  });

  it('recognises PDF, also after a little leading junk', () => {
    const pdf = makePdf([{ widthPt: 100, heightPt: 100, content: '' }]);
    expect(detectFormat(pdf)).toEqual({ kind: 'image', format: 'pdf' });
    expect(detectFormat(Buffer.concat([Buffer.from('\r\n  '), pdf]))).toEqual({ kind: 'image', format: 'pdf' });
  });

  it.each([
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    '<?xml version="1.0"?>\n<!-- Generator: Adobe Illustrator 27.0 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">\n]>\n<svg version="1.1"></svg>',
    '  \n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"></svg:svg>',
  ])('recognises SVG text: %s', (svg) => {
    expect(isSvgText(svg)).toBe(true);
    expect(detectFormat(text(svg))).toEqual({ kind: 'image', format: 'svg' });
  });

  it('stays fast on a hostile prolog that never reaches an element', () => {
    const started = performance.now();
    expect(isSvgText(`<?xml version="1.0"?>${'<!-- a -->'.repeat(5000)}<!DOCTYPE svg ${'[]'.repeat(5000)}`)).toBe(false);
    expect(isSvgText(`<!DOCTYPE svg ${'[a] '.repeat(20_000)}`)).toBe(false);
    expect(isSvgText(`${'<!-- x --> '.repeat(3000)}<html>`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('recognises SVG written in UTF-16 with a byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>', 'utf16le')]);
    expect(detectFormat(utf16)).toEqual({ kind: 'image', format: 'svg' });
  });

  it('treats HTML that contains an <svg> as text, not SVG', () => {
    expect(detectFormat(text('<!DOCTYPE html><html><body><svg></svg></body></html>'))).toEqual({ kind: 'text' });
  });

  it('says text for a .txt or .csv renamed to .jpg, including Indonesian text in UTF-8', () => {
    expect(detectFormat(text('Kemasan keripik tempe, Bojonegoro.\nHarga: Rp 15.000\n'))).toEqual({ kind: 'text' });
    expect(detectFormat(text('nama,kota\nBu Sri,Malang\nPak Budi,Jember\n'))).toEqual({ kind: 'text' });
    expect(detectFormat(text('Beginning with BM is no bitmap'))).toEqual({ kind: 'text' });
  });

  it.each([
    ['a ZIP archive', bytes(0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0)],
    ['a .docx (a ZIP too)', Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.from('\x14\x00\x06\x00[Content_Types].xml', 'latin1')])],
    ['a legacy .doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0)],
    ['a Photoshop file', Buffer.concat([Buffer.from('8BPS'), bytes(0, 1, 0, 0, 0, 0)])],
    ['EPS', text('%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n')],
    ['a BMP', bytes(0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0)],
    ['gzip (an .svgz)', bytes(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0)],
    ['random binary', Uint8Array.from({ length: 256 }, (_, i) => (i * 73 + 11) % 256)],
  ])('says unsupported for %s', (_, data) => {
    expect(detectFormat(data).kind).toBe('unsupported');
  });
});
