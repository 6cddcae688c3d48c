// `node scripts/icons.ts`: draws the installers' icons from assets/build/icon.svg
// with sharp — icon.png (1024 px), icon.icns (macOS), icon.ico (Windows) and
// icons/<N>x<N>.png (Linux). The outputs are committed; run again after editing the SVG.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const buildDir = join(import.meta.dirname, '..', 'assets', 'build');

export async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: Math.max(72, Math.ceil((72 * size) / 1024)) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A Windows .ico holding PNG images (Vista and later read PNG entries). */
export function ico(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** The icns types that hold PNG data, by pixel size (the @2x types reuse the larger renders). */
export const ICNS_TYPES: readonly (readonly [string, number])[] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** A macOS .icns: 'icns', the total length, then (type, length, PNG) per image. */
export function icns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`No ${size} px render for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, c) => sum + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

async function main(): Promise<void> {
  const svg = await readFile(join(buildDir, 'icon.svg'));
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])];
  const pngs = new Map<number, Buffer>();
  for (const size of sizes) pngs.set(size, await renderPng(svg, size));
  const png = (size: number) => pngs.get(size) as Buffer;

  await writeFile(join(buildDir, 'icon.png'), png(1024));
  await writeFile(join(buildDir, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  await writeFile(join(buildDir, 'icon.icns'), icns(pngs));
  await mkdir(join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) await writeFile(join(buildDir, 'icons', `${size}x${size}.png`), png(size));
  console.log(`Icons written to ${buildDir}`);
}

if (import.meta.main) await main();
