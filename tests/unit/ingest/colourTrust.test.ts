import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { tiffWithProfile } from '#electron/services/ingest/tiffWithProfile.ts';
import { iccColourSpace, iccProfileName } from '#electron/services/ingest/iccProfile.ts';
import { pressProfile } from '#electron/services/ingest/colourManagement.ts';
import { colourProfileOf, PRESS_PROFILE_NAME } from '#shared/intake/colourProfile.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { deltaE2000, srgbToLab } from '../../support/deltaE.ts';
import { onlyFace } from './samples.ts';

/*
 * Colour you can trust: the preview a mentor judges colour on agrees with
 * libvips' own conversion of the same file, patch by patch, within ΔE00 2.
 * Test images are made here (never stored): CMYK without a profile, CMYK with
 * one, and RGB in Adobe RGB and Display P3.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PATCH = 48;
/** Ink percentages: the navy and brown of the report, and a spread of press colours. */
const INKS: readonly [number, number, number, number][] = [
  [85, 65, 35, 30], // navy
  [25, 65, 95, 25], // brown
  [0, 0, 0, 0],
  [100, 0, 0, 0],
  [0, 100, 0, 0],
  [0, 0, 100, 0],
  [0, 0, 0, 100],
  [0, 90, 85, 0],
  [70, 0, 100, 10],
  [40, 30, 30, 10],
  [10, 5, 5, 0],
  [60, 90, 0, 0],
];
const COLUMNS = 4;

function cmykPatches(patch = PATCH): { pixels: Uint8Array; width: number; height: number } {
  const rows = Math.ceil(INKS.length / COLUMNS);
  const width = COLUMNS * patch;
  const height = rows * patch;
  const pixels = new Uint8Array(width * height * 4);
  INKS.forEach((ink, i) => {
    const x0 = (i % COLUMNS) * patch;
    const y0 = Math.floor(i / COLUMNS) * patch;
    for (let y = y0; y < y0 + patch; y += 1)
      for (let x = x0; x < x0 + patch; x += 1) pixels.set(ink.map((v) => Math.round((v / 100) * 255)), (y * width + x) * 4);
  });
  return { pixels, width, height };
}

/** Mean sRGB of the middle of patch `i` in an image `scale` times the patch grid. */
async function patchColours(bytes: Uint8Array, count: number): Promise<number[][]> {
  const { data, info } = await sharp(bytes).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const scale = info.width / (COLUMNS * PATCH);
  return Array.from({ length: count }, (_, i) => {
    const cx = ((i % COLUMNS) + 0.5) * PATCH * scale;
    const cy = (Math.floor(i / COLUMNS) + 0.5) * PATCH * scale;
    const half = Math.max(2, Math.floor(PATCH * scale * 0.25));
    const sum = [0, 0, 0];
    let n = 0;
    for (let y = Math.round(cy - half); y < cy + half; y += 1)
      for (let x = Math.round(cx - half); x < cx + half; x += 1) {
        const k = (y * info.width + x) * info.channels;
        for (let c = 0; c < 3; c += 1) sum[c] = (sum[c] ?? 0) + (data[k + c] ?? 0);
        n += 1;
      }
    return sum.map((v) => v / n);
  });
}

async function expectLikeLibvips(file: Uint8Array, name: string, count: number) {
  const face = onlyFace(await ingestFile(file, name, DEFAULT_INGEST_LIMITS));
  const preview = await patchColours(face.preview.bytes, count);
  // libvips' own conversion of the same file: sharp's default, to sRGB at full size.
  const reference = await patchColours(await sharp(file).toColourspace('srgb').png().toBuffer(), count);
  const differences = preview.map((p, i) => deltaE2000(srgbToLab(p), srgbToLab(reference[i] ?? [])));
  for (const [i, d] of differences.entries()) expect(d, `patch ${i}: preview ${preview[i]?.map(Math.round)} vs libvips ${reference[i]?.map(Math.round)}`).toBeLessThan(2);
  return face;
}

describe('ΔE2000', () => {
  it('agrees with the published test pairs (Sharma et al. 2005, table 1)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });
});

describe('colour of previews against libvips', () => {
  it.each([
    ['small', PATCH],
    ['reduced for its preview', 800],
  ])('converts a CMYK TIFF without a profile (%s) with the standard press profile, as libvips does, and says it assumed none', async (_, patch) => {
    const { pixels, width, height } = cmykPatches(patch);
    const tiff = tiffWithProfile(pixels, width, height, 4, null, 'cmyk');
    expect((await sharp(tiff).metadata()).icc).toBeUndefined();
    const face = await expectLikeLibvips(tiff, 'kemasan-cmyk.tif', INKS.length);
    expect(face.metadata.colourSpace).toBe('cmyk');
    expect(face.metadata.iccProfileName).toBeNull();
    // The face's details say which profile was assumed: libvips' own, by name.
    expect(colourProfileOf(face.metadata)).toEqual({ name: PRESS_PROFILE_NAME, assumed: true });
    expect(iccProfileName(await pressProfile(sharp))).toBe(PRESS_PROFILE_NAME);
  }, 60_000);

  it('honours the profile embedded in a CMYK TIFF, which gives other colours than the assumed one', async () => {
    const { pixels, width, height } = cmykPatches();
    // A CMYK profile that ships with a dependency (pdf.js), so none is stored here.
    const icc = new Uint8Array(readFileSync(join(ROOT, 'node_modules', 'pdfjs-dist', 'iccs', 'CGATS001Compat-v2-micro.icc')));
    expect(iccColourSpace(icc)).toBe('CMYK');
    const tiff = tiffWithProfile(pixels, width, height, 4, icc, 'cmyk');
    const face = await expectLikeLibvips(tiff, 'kemasan-cmyk-profil.tif', INKS.length);
    expect(face.metadata.iccProfileName).toBe(iccProfileName(icc));
    expect(colourProfileOf(face.metadata)).toEqual({ name: iccProfileName(icc), assumed: false });
    // The test can tell: with the press profile assumed instead, some patch would be visibly off.
    const assumed = await patchColours((await sharp(tiffWithProfile(pixels, width, height, 4, null, 'cmyk')).toColourspace('srgb').png().toBuffer()), INKS.length);
    const honoured = await patchColours(face.preview.bytes, INKS.length);
    expect(Math.max(...honoured.map((c, i) => deltaE2000(srgbToLab(c), srgbToLab(assumed[i] ?? []))))).toBeGreaterThan(3);
  });

  it.each([
    ['Adobe RGB', 'adobe'],
    ['Display P3', 'p3'],
  ] as const)('converts RGB in %s to sRGB as libvips does', async (_, profile) => {
    const rgb = [
      [220, 40, 40],
      [40, 160, 60],
      [30, 60, 200],
      [250, 200, 30],
      [128, 128, 128],
      [20, 30, 60],
      [200, 120, 60],
      [90, 200, 220],
    ];
    const width = COLUMNS * PATCH;
    const height = Math.ceil(rgb.length / COLUMNS) * PATCH;
    const raw = new Uint8Array(width * height * 3);
    rgb.forEach((c, i) => {
      for (let y = Math.floor(i / COLUMNS) * PATCH; y < (Math.floor(i / COLUMNS) + 1) * PATCH; y += 1)
        for (let x = (i % COLUMNS) * PATCH; x < ((i % COLUMNS) + 1) * PATCH; x += 1) raw.set(c, (y * width + x) * 3);
    });
    const icc = await adobeOrP3(profile);
    // The pixel values stay as they are; the profile says they are in the wider space.
    const tiff = tiffWithProfile(raw, width, height, 3, icc);
    const png = await sharp(tiff).keepIccProfile().png().toBuffer();
    expect(iccProfileName((await sharp(png).metadata()).icc)).toMatch(profile === 'p3' ? /P3/ : /Adobe|RGB/);
    const face = await expectLikeLibvips(png, `foto-${profile}.png`, rgb.length);
    // The test can tell: shown as if sRGB, the saturated patches would be visibly off.
    const preview = await patchColours(face.preview.bytes, rgb.length);
    expect(Math.max(...preview.map((c, i) => deltaE2000(srgbToLab(c), srgbToLab(rgb[i] ?? []))))).toBeGreaterThan(3);
  });
});

/** An ICC profile from libvips' own set: Display P3 is built in; Adobe RGB (1998)-compatible is made here as a matrix profile. */
async function adobeOrP3(profile: 'adobe' | 'p3'): Promise<Uint8Array> {
  if (profile === 'p3') {
    const icc = (await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } }).withIccProfile('p3').png().toBuffer().then((b) => sharp(b).metadata())).icc;
    if (!icc) throw new Error('no P3 profile');
    return new Uint8Array(icc);
  }
  return adobeRgbProfile();
}

/**
 * A minimal ICC v2 matrix/TRC display profile with Adobe RGB (1998)'s primaries
 * (D50-adapted, as ICC requires) and gamma 563/256: what "Adobe RGB" means to
 * any colour engine. Written here so no profile file is stored.
 */
function adobeRgbProfile(): Uint8Array {
  const tags: [string, Uint8Array][] = [];
  const s15 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, Math.round(v * 65536));
    return b;
  };
  const xyz = (x: number, y: number, z: number) => concat([ascii('XYZ '), new Uint8Array(4), s15(x), s15(y), s15(z)]);
  const curve = () => {
    const b = new Uint8Array(14);
    b.set(ascii('curv'));
    new DataView(b.buffer).setUint32(8, 1);
    new DataView(b.buffer).setUint16(12, 563);
    return b;
  };
  const text = (t: string) => {
    const body = ascii(t + '\0');
    const b = new Uint8Array(12 + body.length + 67 + 12);
    b.set(ascii('desc'));
    new DataView(b.buffer).setUint32(8, body.length);
    b.set(body, 12);
    return b;
  };
  tags.push(['desc', text('Adobe RGB (1998) compatible')]);
  tags.push(['wtpt', xyz(0.9642, 1, 0.8249)]);
  tags.push(['rXYZ', xyz(0.60974, 0.31111, 0.01947)]);
  tags.push(['gXYZ', xyz(0.20528, 0.62567, 0.06087)]);
  tags.push(['bXYZ', xyz(0.14919, 0.06322, 0.74457)]);
  tags.push(['rTRC', curve()]);
  tags.push(['gTRC', curve()]);
  tags.push(['bTRC', curve()]);
  tags.push(['cprt', concat([ascii('text'), new Uint8Array(4), ascii('none\0')])]);
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const entries: Uint8Array[] = [];
  const bodies: Uint8Array[] = [];
  for (const [sig, body] of tags) {
    const padded = concat([body, new Uint8Array((4 - (body.length % 4)) % 4)]);
    const e = new Uint8Array(12);
    e.set(ascii(sig));
    new DataView(e.buffer).setUint32(4, offset);
    new DataView(e.buffer).setUint32(8, body.length);
    entries.push(e);
    bodies.push(padded);
    offset += padded.length;
  }
  const count = new Uint8Array(4);
  new DataView(count.buffer).setUint32(0, tags.length);
  const header = new Uint8Array(128);
  const view = new DataView(header.buffer);
  view.setUint32(0, offset);
  view.setUint32(8, 0x02100000);
  header.set(ascii('mntrRGB XYZ '), 12);
  header.set(ascii('acsp'), 36);
  view.setInt32(68, Math.round(0.9642 * 65536));
  view.setInt32(72, 65536);
  view.setInt32(76, Math.round(0.8249 * 65536));
  return concat([header, count, ...entries, ...bodies]);
}

function ascii(text: string): Uint8Array {
  return new Uint8Array([...text].map((c) => c.charCodeAt(0)));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
