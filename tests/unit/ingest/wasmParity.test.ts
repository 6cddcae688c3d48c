// The Linux desktop build runs sharp's WebAssembly build (see DESIGN.md,
// "Heavy work"): this proves it gives the same intake results as the native
// build the tests and the browser host use.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { DEFAULT_INGEST_LIMITS, type IngestedFace } from '#shared/intake/ingestOutcome.ts';
import { facesOf, HEIC_P3_SAMPLE, HEIC_SAMPLE, hexToRgb, photoLike, twoColour } from './samples.ts';

interface SerialisedImage {
  bytes: string;
  mimeType: string;
  width: number;
  height: number;
}
interface SerialisedFace extends Omit<IngestedFace, 'preview' | 'thumbnail'> {
  preview: SerialisedImage;
  thumbnail: SerialisedImage;
}
interface ChildReport {
  versions: Record<string, string>;
  outcomes: Record<string, { ok: true; faces: SerialisedFace[] } | { ok: false; reason: string; detail: string }>;
}

const CHILD = fileURLToPath(new URL('./ingestInChild.ts', import.meta.url));

/** Mean absolute difference per channel (0–255) between two encoded images of the same size. */
async function meanAbsoluteDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((bytes) => sharp(bytes).raw().toBuffer({ resolveWithObject: true })));
  if (!left || !right) throw new Error('decode failed');
  expect(right.info).toMatchObject({ width: left.info.width, height: left.info.height, channels: left.info.channels });
  let sum = 0;
  for (let i = 0; i < left.data.length; i += 1) sum += Math.abs((left.data[i] ?? 0) - (right.data[i] ?? 0));
  return sum / left.data.length;
}

/** Raster inputs decode through the same C libraries in both builds: results must match. */
const rasterInputs: Record<string, () => Promise<Buffer>> = {
  // A photo with EXIF orientation 6, a camera and a date: metadata, rotation and resampling.
  'photo.jpg': async () =>
    sharp(await photoLike(900, 600))
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'OPPO', Model: 'CPH2481' }, IFD2: { DateTimeOriginal: '2025:01:20 08:15:00' } })
      .jpeg({ quality: 88 })
      .toBuffer(),
  // A logo with transparency and two flat colours: the WebP path and the palette.
  'logo.png': async () =>
    sharp(await twoColour(480, 320, '#c8102e', '#1d4ed8', 0.7).png().toBuffer())
      .ensureAlpha()
      .composite([{ input: { create: { width: 480, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }, top: 0, left: 0, blend: 'dest-in' }])
      .png()
      .toBuffer(),
  // Colour management (lcms): CMYK to sRGB, and an embedded Display P3 profile.
  'print.tif': async () => twoColour(300, 200, '#ff0000', '#00aa00').toColourspace('cmyk').tiff().toBuffer(),
  'wide-gamut.webp': async () => sharp(await photoLike(300, 200)).withIccProfile('p3').webp().toBuffer(),
  'deep.png': async () => sharp(await photoLike(300, 200)).toColourspace('rgb16').png().toBuffer(),
  'anim.gif': async () => sharp(await photoLike(120, 80)).gif().toBuffer(),
  'small.avif': async () => sharp(await photoLike(64, 48)).avif({ effort: 0 }).toBuffer(),
  'phone.heic': async () => HEIC_SAMPLE,
  'phone-p3.heic': async () => HEIC_P3_SAMPLE,
};

/**
 * The WebAssembly build rasterises SVG with resvg, the native one with librsvg:
 * shapes match to within anti-aliasing. (Text does not: resvg in WebAssembly has
 * no fonts and draws no text at all; see the report of the intake work.)
 */
const SHAPES_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#ffffff"/>' +
  '<circle cx="150" cy="100" r="80" fill="#e30613"/><path d="M10 190 L290 10" stroke="#000000" stroke-width="6"/></svg>';

const inputs: Record<string, () => Promise<Buffer>> = { ...rasterInputs, 'shapes.svg': async () => Buffer.from(SHAPES_SVG) };

function colourDistance(a: string, b: string): number {
  const [left, right] = [hexToRgb(a), hexToRgb(b)];
  return Math.hypot(...left.map((c, k) => c - (right[k] ?? 0)));
}

describe('sharp WebAssembly build (Linux desktop) gives the same intake results as the native build', () => {
  let folder = '';
  let child: ChildReport;
  const native: Record<string, IngestedFace[]> = {};

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kemas-wasm-parity-'));
    for (const [name, make] of Object.entries(inputs)) {
      const bytes = await make();
      await writeFile(join(folder, name), bytes);
      native[name] = facesOf(await ingestFile(bytes, name, DEFAULT_INGEST_LIMITS));
    }
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-addons', CHILD, folder], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    child = JSON.parse(stdout) as ChildReport;
  }, 240_000);

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('really compares the two builds', () => {
    expect(sharp.versions).not.toHaveProperty('emscripten');
    expect(child.versions).toHaveProperty('emscripten');
    expect(child.versions.sharp).toBe(sharp.versions.sharp);
  });

  function wasmFacesOf(name: string): SerialisedFace[] {
    const outcome = child.outcomes[name];
    if (!outcome?.ok) throw new Error(`WebAssembly build refused ${name}: ${JSON.stringify(outcome)}`);
    expect(outcome.faces).toHaveLength(native[name]?.length ?? -1);
    return outcome.faces;
  }

  async function expectSameImages(nativeFace: IngestedFace, wasmFace: SerialisedFace, maxMeanDifference: number) {
    for (const key of ['preview', 'thumbnail'] as const) {
      const { mimeType, width, height } = nativeFace[key];
      expect(wasmFace[key]).toMatchObject({ mimeType, width, height });
      const difference = await meanAbsoluteDifference(nativeFace[key].bytes, Buffer.from(wasmFace[key].bytes, 'base64'));
      expect(difference, `${key}: mean absolute difference per channel`).toBeLessThan(maxMeanDifference);
    }
  }

  it.each(Object.keys(rasterInputs))('%s: same metadata and hash, sizes, palette and pixels', async (name) => {
    const wasmFaces = wasmFacesOf(name);
    for (const [i, nativeFace] of (native[name] ?? []).entries()) {
      const wasmFace = wasmFaces[i] as SerialisedFace;
      expect(wasmFace.metadata).toEqual(nativeFace.metadata);
      // Same colours within a few levels, same shares within two points.
      expect(wasmFace.palette).toHaveLength(nativeFace.palette.length);
      wasmFace.palette.forEach((swatch, s) => {
        const other = nativeFace.palette[s];
        expect(colourDistance(swatch.hex, other?.hex ?? ''), `${swatch.hex} vs ${other?.hex}`).toBeLessThanOrEqual(6);
        expect(Math.abs(swatch.share - (other?.share ?? 0))).toBeLessThanOrEqual(0.02);
      });
      // Encoders may round differently between builds; under one level on average is invisible.
      await expectSameImages(nativeFace, wasmFace, 1);
    }
  });

  it('shapes.svg: same metadata and sizes, pixels equal but for anti-aliasing, same main colours', async () => {
    const [nativeFace] = native['shapes.svg'] ?? [];
    const [wasmFace] = wasmFacesOf('shapes.svg');
    if (!nativeFace || !wasmFace) throw new Error('no face');
    expect(wasmFace.metadata).toEqual(nativeFace.metadata);
    await expectSameImages(nativeFace, wasmFace, 0.5);
    // Anti-aliased edges may add or drop a swatch near the 1% floor; the main colours agree.
    const main = (palette: { hex: string; share: number }[]) => palette.filter((swatch) => swatch.share >= 0.05);
    expect(main(wasmFace.palette)).toHaveLength(main(nativeFace.palette).length);
    main(wasmFace.palette).forEach((swatch, s) => {
      const other = main(nativeFace.palette)[s];
      expect(colourDistance(swatch.hex, other?.hex ?? '')).toBeLessThanOrEqual(6);
      expect(Math.abs(swatch.share - (other?.share ?? 0))).toBeLessThanOrEqual(0.02);
    });
  });
});
