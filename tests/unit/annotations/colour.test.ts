import { describe, expect, it } from 'vitest';
import {
  approximateCmyk,
  contrastRatio,
  hexFromRgb,
  legibility,
  relativeLuminance,
  rgbFromHex,
} from '#shared/annotations/colour.ts';

describe('hex and RGB', () => {
  it('writes lower-case #rrggbb, rounding and clamping channels', () => {
    expect(hexFromRgb(255, 136, 0)).toBe('#ff8800');
    expect(hexFromRgb(0, 0, 0)).toBe('#000000');
    expect(hexFromRgb(12.6, -4, 300)).toBe('#0d00ff');
  });

  it('reads long, short, bare and upper-case hex', () => {
    expect(rgbFromHex('#ff8800')).toEqual({ r: 255, g: 136, b: 0 });
    expect(rgbFromHex('F80')).toEqual({ r: 255, g: 136, b: 0 });
    expect(rgbFromHex(' #777 ')).toEqual({ r: 119, g: 119, b: 119 });
  });

  it('says null to anything that is not a colour', () => {
    for (const bad of ['', '#', '#12', '#1234', '#ggg', 'red', '#12345678']) expect(rgbFromHex(bad)).toBeNull();
  });

  it('round-trips every grey', () => {
    for (let v = 0; v < 256; v++) expect(rgbFromHex(hexFromRgb(v, v, v))).toEqual({ r: v, g: v, b: v });
  });
});

describe('approximate CMYK', () => {
  it('gives the textbook inks for primaries, black and white', () => {
    expect(approximateCmyk(255, 255, 255)).toEqual({ c: 0, m: 0, y: 0, k: 0 });
    expect(approximateCmyk(0, 0, 0)).toEqual({ c: 0, m: 0, y: 0, k: 100 });
    expect(approximateCmyk(255, 0, 0)).toEqual({ c: 0, m: 100, y: 100, k: 0 });
    expect(approximateCmyk(0, 0, 255)).toEqual({ c: 100, m: 100, y: 0, k: 0 });
  });

  it('in whole percent for a brand orange', () => {
    expect(approximateCmyk(230, 120, 30)).toEqual({ c: 0, m: 48, y: 87, k: 10 });
  });
});

describe('WCAG contrast', () => {
  it('luminance runs from 0 for black to 1 for white', () => {
    expect(relativeLuminance(0, 0, 0)).toBe(0);
    expect(relativeLuminance(255, 255, 255)).toBeCloseTo(1, 12);
    expect(relativeLuminance(119, 119, 119)).toBeCloseTo(0.1845, 4);
  });

  it('black on white is 21:1, whichever is text', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#fff', '#000')).toBe(21);
    expect(contrastRatio('#3a7', '#3a7')).toBe(1);
  });

  it('#777 on white is about 4.48:1, just short of body text', () => {
    expect(contrastRatio('#777', '#fff')).toBe(4.48);
    expect(legibility(contrastRatio('#777', '#fff'))).toBe('large-only');
    expect(contrastRatio('#767676', '#fff')).toBe(4.54);
    expect(legibility(contrastRatio('#767676', '#fff'))).toBe('pass');
  });

  it('never rounds up onto a threshold, so the number shown and the verdict agree', () => {
    // Exactly 4.49989…: WCAG calls it a fail for body text.
    expect(contrastRatio('#006ffb', '#ffffff')).toBe(4.49);
    expect(legibility(contrastRatio('#006ffb', '#ffffff'))).toBe('large-only');
    // 6.9987…
    expect(contrastRatio('#004ed0', '#ffffff')).toBe(6.99);
    expect(legibility(contrastRatio('#004ed0', '#ffffff'))).toBe('pass');
  });

  it('names the use each ratio allows', () => {
    expect(legibility(2.99)).toBe('fail');
    expect(legibility(3)).toBe('large-only');
    expect(legibility(4.49)).toBe('large-only');
    expect(legibility(4.5)).toBe('pass');
    expect(legibility(6.99)).toBe('pass');
    expect(legibility(7)).toBe('enhanced');
    expect(legibility(21)).toBe('enhanced');
  });

  it('refuses a string that is not a colour', () => {
    expect(() => contrastRatio('putih', '#000')).toThrow(RangeError);
  });
});
