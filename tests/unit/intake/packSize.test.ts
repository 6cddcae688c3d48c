import { describe, expect, it } from 'vitest';
import { guessSizeUnit, parsePackSize, sizeOrderFromHeader } from '#shared/intake/packSize.ts';

const cm = { unit: 'cm', order: 'w-h-d' } as const;
const mm = { unit: 'mm', order: 'w-h-d' } as const;
const size = (widthMm: number, heightMm: number, depthMm: number) => ({ widthMm, heightMm, depthMm });

describe('parsePackSize', () => {
  it('reads sizes as people write them', () => {
    expect(parsePackSize('14 x 22 x 4', cm)).toEqual({ ok: true, size: size(140, 220, 40), unit: 'cm' });
    expect(parsePackSize('14×22×4 cm', mm)).toEqual({ ok: true, size: size(140, 220, 40), unit: 'cm' });
    expect(parsePackSize('140 x 220 mm', cm)).toEqual({ ok: true, size: size(140, 220, 0), unit: 'mm' });
    expect(parsePackSize('10x15x5', cm)).toMatchObject({ size: size(100, 150, 50) });
    expect(parsePackSize('12 x 18', cm)).toMatchObject({ size: size(120, 180, 0) });
    expect(parsePackSize('7,5 x 12', cm)).toMatchObject({ size: size(75, 120, 0) });
    expect(parsePackSize('7.5 X 12 X 2,5', cm)).toMatchObject({ size: size(75, 120, 25) });
    expect(parsePackSize(' 14 cm x 22 cm x 4 cm ', mm)).toMatchObject({ size: size(140, 220, 40), unit: 'cm' });
    expect(parsePackSize('14*22*4cm.', mm)).toMatchObject({ size: size(140, 220, 40) });
  });

  it('takes the order it is told, three numbers or two', () => {
    // P × L × T: the length runs across the front, the lebar is the depth.
    expect(parsePackSize('20 x 10 x 15', { unit: 'cm', order: 'l-w-h' })).toMatchObject({ size: size(200, 150, 100) });
    expect(parsePackSize('20 x 10', { unit: 'cm', order: 'l-w-h' })).toMatchObject({ size: size(200, 100, 0) });
    expect(parsePackSize('22 x 14 x 4', { unit: 'cm', order: 'h-w-d' })).toMatchObject({ size: size(140, 220, 40) });
  });

  it('says why a cell is not a size', () => {
    expect(parsePackSize('sedang', cm)).toEqual({ ok: false, reason: 'not-a-size' });
    expect(parsePackSize('14 x 22 x 4 x 2', cm)).toEqual({ ok: false, reason: 'not-a-size' });
    expect(parsePackSize('14 cm', cm)).toEqual({ ok: false, reason: 'one-number' });
    expect(parsePackSize('0 x 12', cm)).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parsePackSize('600 x 12', cm)).toEqual({ ok: false, reason: 'out-of-range' });
  });
});

describe('sizeOrderFromHeader', () => {
  it('reads the order a header spells and says it as written', () => {
    expect(sizeOrderFromHeader('Ukuran Kemasan (P x L x T) cm')).toEqual({ order: 'l-w-h', written: 'P × L × T' });
    expect(sizeOrderFromHeader('PxLxT')).toEqual({ order: 'l-w-h', written: 'P × L × T' });
    expect(sizeOrderFromHeader('Dimensi p×l×t')).toEqual({ order: 'l-w-h', written: 'P × L × T' });
    expect(sizeOrderFromHeader('Panjang x Lebar x Tinggi')).toEqual({ order: 'l-w-h', written: 'panjang × lebar × tinggi' });
    expect(sizeOrderFromHeader('Ukuran (L x T x Tebal)')?.order).toBe('w-h-d');
    expect(sizeOrderFromHeader('Ukuran (L x T)')?.order).toBe('w-h-d');
    expect(sizeOrderFromHeader('Size (W x H x D)')?.order).toBe('w-h-d');
    expect(sizeOrderFromHeader('Size L x W x H')?.order).toBe('l-w-h');
    expect(sizeOrderFromHeader('Tinggi x Lebar')?.order).toBe('h-w-d');
  });

  it('finds none where the header spells none', () => {
    expect(sizeOrderFromHeader('Ukuran Kemasan (cm)')).toBeNull();
    expect(sizeOrderFromHeader('Lebar (cm)')).toBeNull();
    expect(sizeOrderFromHeader('No. HP')).toBeNull();
    expect(sizeOrderFromHeader('P x P')).toBeNull();
  });
});

describe('guessSizeUnit', () => {
  it('guesses centimetres for small numbers and millimetres for large ones, ignoring cells with a unit', () => {
    expect(guessSizeUnit(['14 x 22 x 4', '10x15x5', '12 x 18'])).toBe('cm');
    expect(guessSizeUnit(['140 x 220', '100 x 150 x 50'])).toBe('mm');
    expect(guessSizeUnit(['140 x 220 mm', '12 x 18'])).toBe('cm');
    expect(guessSizeUnit(['sedang', ''])).toBeNull();
  });
});
