import { seededRandom } from '#shared/scoring/agreement.ts';
import sharp from 'sharp';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One generated test image on disk. */
export interface BenchImage {
  path: string;
  group: string;
  width: number;
  height: number;
  bytes: number;
}

/** The studio's seeded PRNG (mulberry32), so every run draws the same pictures. */
export { seededRandom };

/** Length of the shared grain table: prime, so consecutive rows never line up on the same grain. */
const GRAIN_LENGTH = 1_048_573;
let grainTable: Int8Array | undefined;

/** Roughly Gaussian grain (sum of three uniforms, σ ≈ 1), drawn once from a fixed seed. */
function grain(): Int8Array {
  if (!grainTable) {
    const random = seededRandom(20261128);
    grainTable = new Int8Array(GRAIN_LENGTH);
    for (let i = 0; i < GRAIN_LENGTH; i++) grainTable[i] = Math.round((random() + random() + random() - 1.5) * 40);
  }
  return grainTable;
}

/**
 * Adds sensor-like grain in place, per channel (`strength` 0–1 of about ±16
 * levels σ). Without it a flat drawing compresses to a few hundred kilobytes,
 * far from a phone photo's size and decode cost.
 */
function addGrain(pixels: Buffer, seed: number, strength: number): void {
  const table = grain();
  const scale = Math.round(strength * 256);
  let g = (seed * 104_729) % GRAIN_LENGTH;
  for (let i = 0; i < pixels.length; i++) {
    const v = (pixels[i] as number) + (((table[g] as number) * scale) >> 8);
    pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    if (++g === GRAIN_LENGTH) g = 0;
  }
}

const COLOURS = ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#16a085', '#2980b9', '#8e44ad', '#2c3e50', '#d35400', '#7f8c8d'];

/**
 * A packaging photo as a participant takes it: a pouch or box with a label,
 * shapes and lettering on a table under uneven light, drawn as SVG.
 */
function packagingSvg(width: number, height: number, seed: number, storedSideways = false): string {
  const random = seededRandom(seed * 7919 + 13);
  const pick = () => COLOURS[Math.floor(random() * COLOURS.length)] as string;
  const [a, b, c, d] = [pick(), pick(), pick(), pick()];
  const u = Math.min(width, height) / 100;
  const packW = width * (0.45 + random() * 0.2);
  const packH = height * (0.6 + random() * 0.2);
  const packX = (width - packW) / 2 + (random() - 0.5) * width * 0.1;
  const packY = (height - packH) / 2 + (random() - 0.5) * height * 0.1;
  const shapes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const x = packX + random() * packW;
    const y = packY + random() * packH;
    const r = u * (2 + random() * 10);
    shapes.push(
      i % 3 === 0
        ? `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${pick()}" fill-opacity="0.85"/>`
        : `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${(r * 2.4).toFixed(0)}" height="${(r * 0.9).toFixed(0)}" rx="${(u / 2).toFixed(0)}" fill="${pick()}" transform="rotate(${(random() * 40 - 20).toFixed(1)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`,
    );
  }
  const lines = ['KERIPIK TEMPE', 'Rasa Original', 'Netto 100 g', 'P-IRT 2063507010123-29', 'Halal', 'Malang · Jawa Timur'];
  const text = lines
    .map((line, i) => {
      const size = u * (i === 0 ? 7 : 3);
      const y = packY + packH * 0.18 + i * u * (i === 0 ? 9 : 5);
      return `<text x="${(packX + packW * 0.08).toFixed(0)}" y="${y.toFixed(0)}" font-family="DejaVu Sans, sans-serif" font-weight="${i === 0 ? 700 : 400}" font-size="${size.toFixed(0)}" fill="${i === 0 ? '#ffffff' : '#1b1b1b'}">${line}</text>`;
    })
    .join('');
  // A phone held upright stores the scene turned a quarter to the left, and EXIF orientation 6 turns it back.
  const [outerW, outerH] = storedSideways ? [height, width] : [width, height];
  const turn = storedSideways ? `translate(0 ${width}) rotate(-90)` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${outerW}" height="${outerH}" viewBox="0 0 ${outerW} ${outerH}">
  <g transform="${turn}">
  <defs>
    <radialGradient id="table" cx="0.3" cy="0.25" r="1"><stop offset="0" stop-color="#e6dccb"/><stop offset="1" stop-color="#5e4e3c"/></radialGradient>
    <linearGradient id="pack" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#table)"/>
  <rect x="${(packX + u * 2).toFixed(0)}" y="${(packY + u * 2).toFixed(0)}" width="${packW.toFixed(0)}" height="${packH.toFixed(0)}" rx="${(u * 3).toFixed(0)}" fill="#000" fill-opacity="0.3"/>
  <rect x="${packX.toFixed(0)}" y="${packY.toFixed(0)}" width="${packW.toFixed(0)}" height="${packH.toFixed(0)}" rx="${(u * 3).toFixed(0)}" fill="url(#pack)"/>
  <rect x="${(packX + packW * 0.05).toFixed(0)}" y="${(packY + packH * 0.3).toFixed(0)}" width="${(packW * 0.9).toFixed(0)}" height="${(packH * 0.45).toFixed(0)}" rx="${u.toFixed(0)}" fill="${c}" fill-opacity="0.9"/>
  <rect x="${(packX + packW * 0.1).toFixed(0)}" y="${(packY + packH * 0.45).toFixed(0)}" width="${(packW * 0.8).toFixed(0)}" height="${(packH * 0.35).toFixed(0)}" fill="#f4efe6"/>
  <circle cx="${(packX + packW * 0.78).toFixed(0)}" cy="${(packY + packH * 0.12).toFixed(0)}" r="${(u * 6).toFixed(0)}" fill="${d}" stroke="#fff" stroke-width="${(u / 2).toFixed(0)}"/>
  ${shapes.join('\n  ')}
  ${text}
  </g>
</svg>`;
}

/**
 * Draws one picture with grain, as a sharp pipeline over raw sRGB pixels:
 * `width`×`height` as seen, stored turned a quarter left when `storedSideways`.
 */
async function drawPhoto(width: number, height: number, seed: number, strength: number, storedSideways = false) {
  const svg = packagingSvg(width, height, seed, storedSideways);
  const pixels = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  addGrain(pixels, seed, strength);
  const [storedW, storedH] = storedSideways ? [height, width] : [width, height];
  return sharp(pixels, { raw: { width: storedW, height: storedH, channels: 3 } });
}

export interface ImageSetPlan {
  phone: number;
  large: number;
  cmyk: number;
}

export const PHONE_GROUP = 'phone JPEG 12 MP, orientation 6';
export const LARGE_GROUP = 'JPEG 24 MP';
export const CMYK_GROUP = 'CMYK TIFF 12 MP';

async function writeImage(path: string, group: string, width: number, height: number, data: Buffer): Promise<BenchImage> {
  await writeFile(path, data);
  return { path, group, width, height, bytes: data.byteLength };
}

/**
 * Writes the bench's images into `dir`: phone photos (4000×3000 stored
 * landscape with EXIF orientation 6, like a phone held upright, with an sRGB
 * ICC profile and EXIF make, model and date), 24 MP camera JPEGs without a
 * profile, and uncompressed CMYK print TIFFs without a profile (~48 MB each).
 * Runs `parallel` images at a time.
 */
export async function writeImageSet(dir: string, plan: ImageSetPlan, parallel: number): Promise<BenchImage[]> {
  const jobs: (() => Promise<BenchImage>)[] = [];
  for (let i = 0; i < plan.phone; i++) {
    jobs.push(async () => {
      const data = await (await drawPhoto(3000, 4000, i + 1, 0.5, true))
        .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
        .withMetadata({ orientation: 6 })
        .withExifMerge({ IFD0: { Make: 'samsung', Model: 'SM-A155F' }, IFD2: { DateTimeOriginal: '2026:11:20 10:15:00' } })
        .toBuffer();
      return writeImage(join(dir, `phone-${String(i + 1).padStart(2, '0')}.jpg`), PHONE_GROUP, 4000, 3000, data);
    });
  }
  for (let i = 0; i < plan.large; i++) {
    jobs.push(async () => {
      const data = await (await drawPhoto(6000, 4000, 100 + i, 0.4)).jpeg({ quality: 92 }).toBuffer();
      return writeImage(join(dir, `camera-${i + 1}.jpg`), LARGE_GROUP, 6000, 4000, data);
    });
  }
  for (let i = 0; i < plan.cmyk; i++) {
    jobs.push(async () => {
      const [width, height] = [3000, 4000];
      const rgb = await (await drawPhoto(width, height, 200 + i, 0.1)).raw().toBuffer();
      const data = cmykTiff(width, height, naiveCmyk(rgb));
      return writeImage(join(dir, `print-${i + 1}.tif`), CMYK_GROUP, width, height, data);
    });
  }
  return runLimited(jobs, parallel);
}

/** Runs async jobs `limit` at a time; results in job order. */
export async function runLimited<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await (jobs[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, lane));
  return results;
}

/**
 * RGB to CMYK with full grey replacement, in JavaScript: a proper ICC
 * transform (sharp's toColourspace('cmyk')) costs ~3 s per 12 MP image, which
 * the bench would spend on making its inputs rather than on measuring.
 */
function naiveCmyk(rgb: Buffer): Buffer {
  const pixels = rgb.length / 3;
  const out = Buffer.alloc(pixels * 4);
  for (let p = 0; p < pixels; p++) {
    const r = rgb[p * 3] as number;
    const g = rgb[p * 3 + 1] as number;
    const b = rgb[p * 3 + 2] as number;
    const max = Math.max(r, g, b);
    const k = 255 - max;
    const o = p * 4;
    if (max > 0) {
      out[o] = Math.round(((max - r) * 255) / max);
      out[o + 1] = Math.round(((max - g) * 255) / max);
      out[o + 2] = Math.round(((max - b) * 255) / max);
    }
    out[o + 3] = k;
  }
  return out;
}

/**
 * A baseline, uncompressed, chunky CMYK TIFF (Photometric 5, InkSet 1), as
 * layout programs export print files with "no compression". Little-endian,
 * one strip per 64 rows.
 */
export function cmykTiff(width: number, height: number, cmyk: Buffer): Buffer {
  const rowsPerStrip = 64;
  const strips = Math.ceil(height / rowsPerStrip);
  const stripBytes = (row: number) => Math.min(rowsPerStrip, height - row * rowsPerStrip) * width * 4;
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  // Layout: header (8) | IFD | bits-per-sample (8) | strip offsets | strip byte counts | pixels.
  const tagCount = 12;
  const ifdSize = 2 + tagCount * 12 + 4;
  const bitsAt = 8 + ifdSize;
  const offsetsAt = bitsAt + 8;
  const countsAt = offsetsAt + strips * 4;
  const pixelsAt = countsAt + strips * 4;
  const SHORT = 3;
  const LONG = 4;
  entries.push(
    [256, LONG, 1, width], // ImageWidth
    [257, LONG, 1, height], // ImageLength
    [258, SHORT, 4, bitsAt], // BitsPerSample 8,8,8,8
    [259, SHORT, 1, 1], // Compression: none
    [262, SHORT, 1, 5], // PhotometricInterpretation: separated (CMYK)
    [273, LONG, strips, offsetsAt], // StripOffsets
    [277, SHORT, 1, 4], // SamplesPerPixel
    [278, LONG, 1, rowsPerStrip], // RowsPerStrip
    [279, LONG, strips, countsAt], // StripByteCounts
    [284, SHORT, 1, 1], // PlanarConfiguration: chunky
    [296, SHORT, 1, 2], // ResolutionUnit: inch (no resolution tags: none declared)
    [332, SHORT, 1, 1], // InkSet: CMYK
  );
  const head = Buffer.alloc(pixelsAt);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(tagCount, 8);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(count, at + 4);
    if (type === SHORT && count === 1) head.writeUInt16LE(value, at + 8);
    else head.writeUInt32LE(value, at + 8);
  });
  head.writeUInt32LE(0, 10 + tagCount * 12); // no next IFD
  for (let i = 0; i < 4; i++) head.writeUInt16LE(8, bitsAt + i * 2);
  for (let s = 0; s < strips; s++) {
    head.writeUInt32LE(pixelsAt + s * rowsPerStrip * width * 4, offsetsAt + s * 4);
    head.writeUInt32LE(stripBytes(s), countsAt + s * 4);
  }
  return Buffer.concat([head, cmyk]);
}
