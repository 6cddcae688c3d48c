import { describe, expect, it } from 'vitest';
import {
  assessPrintReadiness,
  effectiveDpi,
  MIN_DPI,
  PRINT_DPI,
  PRINT_WARNINGS,
  printReadinessSchema,
  type PrintReadinessInput,
} from '#shared/intake/printReadiness.ts';

// A JPEG with a profile, measured against a declared pack size: the usual case.
const base: PrintReadinessInput = {
  widthPx: 1748,
  heightPx: 2480,
  colourSpace: 'srgb',
  iccProfileName: 'sRGB IEC61966-2.1',
  format: 'jpeg',
  packSize: { widthMm: 148, heightMm: 210 },
  pageSize: null,
};

const inch = 25.4;

describe('effective resolution', () => {
  it('is 300 dpi for an A5 pouch front exported at 1748 × 2480 px, and that is print-ready', () => {
    const result = assessPrintReadiness(base);
    expect(result).toEqual({ effectiveDpi: 300, basis: 'pack', warnings: [] });
    expect(PRINT_DPI).toBe(300);
    expect(MIN_DPI).toBe(150);
  });

  it('turns a landscape phone photo to match a portrait pouch instead of squashing it', () => {
    // 4000 × 3000 photo of a 120 × 180 mm stand-up pouch: the long side is the height.
    const result = assessPrintReadiness({ ...base, widthPx: 4000, heightPx: 3000, packSize: { widthMm: 120, heightMm: 180 } });
    // 4000 px over 180 mm = 564 dpi; 3000 px over 120 mm = 635 dpi: the smaller limits.
    expect(result.effectiveDpi).toBe(564);
    expect(result.warnings).toEqual([]);
  });

  it('does not turn a square image', () => {
    expect(effectiveDpi(1000, 1000, { widthMm: 100, heightMm: 200 })).toBe(127);
  });

  it('takes the limiting axis when the artwork is cropped tighter one way', () => {
    const a4 = { widthMm: 210, heightMm: 297 };
    // 2480 px across 210 mm would be 300 dpi, but 3000 px down 297 mm is only 257.
    expect(effectiveDpi(2480, 3000, a4)).toBe(257);
    // 3508 px down 297 mm would be 300 dpi, but 2000 px across 210 mm is only 242.
    expect(effectiveDpi(2000, 3508, a4)).toBe(242);
  });

  it('flags a WhatsApp-compressed photo of a 200 × 300 mm box face as very low resolution', () => {
    const result = assessPrintReadiness({ ...base, widthPx: 1280, heightPx: 960, packSize: { widthMm: 200, heightMm: 300 } });
    expect(result.effectiveDpi).toBe(108);
    expect(result.warnings).toEqual(['very-low-resolution']);
  });

  it('puts the thresholds where the numbers shown to the user say', () => {
    const at = (px: number) =>
      assessPrintReadiness({ ...base, widthPx: px, heightPx: px, packSize: { widthMm: inch, heightMm: inch } });
    expect(at(149)).toMatchObject({ effectiveDpi: 149, warnings: ['very-low-resolution'] });
    expect(at(150)).toMatchObject({ effectiveDpi: 150, warnings: ['low-resolution'] });
    expect(at(299)).toMatchObject({ effectiveDpi: 299, warnings: ['low-resolution'] });
    expect(at(300)).toMatchObject({ effectiveDpi: 300, warnings: [] });
  });
});

describe('which size the resolution is judged against', () => {
  it('uses the PDF page size over the declared pack size', () => {
    const result = assessPrintReadiness({
      ...base,
      format: 'pdf',
      colourSpace: 'cmyk',
      widthPx: 2480,
      heightPx: 3508,
      packSize: { widthMm: 100, heightMm: 150 },
      pageSize: { widthMm: 210, heightMm: 297 },
    });
    // Against the pack it would look like 630 dpi; the A4 page makes it 300.
    expect(result).toEqual({ effectiveDpi: 300, basis: 'page', warnings: [] });
  });

  it('says the size is unknown instead of guessing a resolution', () => {
    const result = assessPrintReadiness({ ...base, widthPx: 640, heightPx: 480, packSize: null });
    expect(result).toEqual({ effectiveDpi: null, basis: null, warnings: ['no-size'] });
  });

  it('treats a pack size with a zero side as unknown', () => {
    const result = assessPrintReadiness({ ...base, packSize: { widthMm: 0, heightMm: 180 } });
    expect(result.basis).toBeNull();
    expect(result.warnings).toContain('no-size');
  });
});

describe('colour warnings', () => {
  it('flags an RGB print PDF or TIFF, not a CMYK or greyscale one', () => {
    const warn = (format: PrintReadinessInput['format'], colourSpace: string) =>
      assessPrintReadiness({ ...base, format, colourSpace }).warnings.includes('rgb-for-print');
    expect(warn('pdf', 'srgb')).toBe(true);
    expect(warn('tiff', 'rgb16')).toBe(true);
    expect(warn('tiff', 'cmyk')).toBe(false);
    expect(warn('pdf', 'b-w')).toBe(false);
  });

  it('does not flag the RGB of ordinary JPEG and PNG submissions', () => {
    expect(assessPrintReadiness({ ...base, format: 'jpeg' }).warnings).not.toContain('rgb-for-print');
    expect(assessPrintReadiness({ ...base, format: 'png' }).warnings).not.toContain('rgb-for-print');
  });

  it('flags a file without an embedded ICC profile', () => {
    expect(assessPrintReadiness({ ...base, iccProfileName: null }).warnings).toEqual(['no-profile']);
    expect(assessPrintReadiness({ ...base, iccProfileName: ' ' }).warnings).toEqual(['no-profile']);
  });

  it('lists every problem of a bad print PDF once, in a stable order', () => {
    const result = assessPrintReadiness({
      ...base,
      format: 'pdf',
      widthPx: 600,
      heightPx: 848,
      iccProfileName: null,
      pageSize: { widthMm: 210, heightMm: 297 },
    });
    expect(result.warnings).toEqual(['very-low-resolution', 'rgb-for-print', 'no-profile']);
    expect(printReadinessSchema.parse(result)).toEqual(result);
    expect(PRINT_WARNINGS).toEqual(expect.arrayContaining(result.warnings));
  });
});

describe('vector artwork', () => {
  it('raises nothing for an SVG: it prints sharp at any size', () => {
    const result = assessPrintReadiness({ ...base, format: 'svg', widthPx: 300, heightPx: 300, iccProfileName: null });
    expect(result).toEqual({ effectiveDpi: null, basis: null, warnings: [] });
  });
});
