import { describe, expect, it } from 'vitest';
import { medianCutPalette } from '#electron/services/ingest/palette.ts';

/** `count` pixels of each colour, interleaved RGB (or RGBA with the given alpha). */
function pixels(parts: readonly { rgb: readonly [number, number, number]; count: number; alpha?: number }[], channels: 3 | 4 = 3) {
  const out: number[] = [];
  for (const part of parts) {
    for (let i = 0; i < part.count; i += 1) {
      out.push(...part.rgb);
      if (channels === 4) out.push(part.alpha ?? 255);
    }
  }
  return Uint8Array.from(out);
}

const totalShare = (palette: { share: number }[]) => palette.reduce((sum, swatch) => sum + swatch.share, 0);

describe('medianCutPalette', () => {
  it('finds both colours of a two-colour image with their shares, largest first', () => {
    const palette = medianCutPalette(pixels([{ rgb: [200, 16, 46], count: 3072 }, { rgb: [255, 255, 255], count: 1024 }]), 3);
    expect(palette).toEqual([
      { hex: '#c8102e', share: 0.75 },
      { hex: '#ffffff', share: 0.25 },
    ]);
  });

  it('merges the near-identical shades compression leaves in a flat colour', () => {
    const palette = medianCutPalette(
      pixels([
        { rgb: [250, 2, 1], count: 1000 },
        { rgb: [255, 0, 3], count: 1000 },
        { rgb: [0, 0, 250], count: 1000 },
        { rgb: [3, 4, 255], count: 1000 },
      ]),
      3,
    );
    expect(palette.map((swatch) => swatch.share)).toEqual([0.5, 0.5]);
  });

  it('gives at most eight colours for a busy image, with shares summing to 1', () => {
    const busy = Uint8Array.from({ length: 4096 * 3 }, (_, i) => (i * 2654435761) % 251);
    const palette = medianCutPalette(busy, 3);
    expect(palette.length).toBeGreaterThanOrEqual(5);
    expect(palette.length).toBeLessThanOrEqual(8);
    expect(totalShare(palette)).toBeCloseTo(1, 3);
    for (const swatch of palette) expect(swatch.hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('is deterministic', () => {
    const busy = Uint8Array.from({ length: 4096 * 3 }, (_, i) => (i * 40503) % 256);
    expect(medianCutPalette(busy, 3)).toEqual(medianCutPalette(busy, 3));
  });

  it('ignores transparent pixels: they are not part of the design', () => {
    const palette = medianCutPalette(
      pixels(
        [
          { rgb: [0, 0, 0], count: 3000, alpha: 0 },
          { rgb: [0, 128, 0], count: 1000, alpha: 255 },
        ],
        4,
      ),
      4,
    );
    expect(palette).toEqual([{ hex: '#008000', share: 1 }]);
  });

  it('drops specks below one percent and gives an empty palette for a fully transparent image', () => {
    const palette = medianCutPalette(pixels([{ rgb: [10, 10, 10], count: 995 }, { rgb: [250, 250, 0], count: 5 }]), 3);
    expect(palette).toEqual([{ hex: '#0a0a0a', share: 1 }]);
    expect(medianCutPalette(pixels([{ rgb: [1, 2, 3], count: 10, alpha: 0 }], 4), 4)).toEqual([]);
  });
});
