// Render the demo workshop's packaging artwork (assets/demo/*.svg) to JPEG.
//
//   node scripts/renderDemo.ts        (Node 24, native type stripping)
//
// Each `<name>.svg` becomes `<name>.jpg` next to it: long edge 1600 px,
// sRGB, mozjpeg quality 85, flattened onto white. The SVG is rasterised at
// a density chosen so the long edge comes out at (at least) 1600 px before
// the final resize, so nothing is upscaled from a small bitmap.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const LONG_EDGE = 1600;
const JPEG_QUALITY = 85;
const BASE_DENSITY = 72; // librsvg's default: 1 CSS px per user unit at 72 dpi
const SIZE_BUDGET = 400 * 1024;

const demoDir = path.resolve(import.meta.dirname, '..', 'assets', 'demo');

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
}

async function renderOne(svgPath: string): Promise<{ out: string; width: number; height: number; bytes: number }> {
  const svg = await readFile(svgPath);

  const probe = await sharp(svg).metadata();
  if (!probe.width || !probe.height) {
    throw new Error(`${path.basename(svgPath)}: cannot determine intrinsic size`);
  }
  const intrinsicLong = Math.max(probe.width, probe.height);
  // Oversample slightly so the final resize is always a (gentle) downscale.
  const density = Math.min(100_000, (BASE_DENSITY * LONG_EDGE * 1.05) / intrinsicLong);
  const landscape = probe.width >= probe.height;

  const jpeg = await sharp(svg, { density })
    .resize(landscape ? { width: LONG_EDGE } : { height: LONG_EDGE })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .withIccProfile('srgb')
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });

  const out = svgPath.replace(/\.svg$/i, '.jpg');
  await writeFile(out, jpeg.data);
  const { size } = await stat(out);
  return { out, width: jpeg.info.width, height: jpeg.info.height, bytes: size };
}

async function main(): Promise<void> {
  const entries = (await readdir(demoDir)).filter((f) => f.toLowerCase().endsWith('.svg')).sort();
  if (entries.length === 0) {
    console.error(`No SVG files found in ${demoDir}`);
    process.exitCode = 1;
    return;
  }

  let overBudget = 0;
  for (const name of entries) {
    const result = await renderOne(path.join(demoDir, name));
    const rel = path.relative(process.cwd(), result.out);
    const flag = result.bytes > SIZE_BUDGET ? '  (over 400 KB budget!)' : '';
    if (flag) overBudget++;
    console.log(`${rel}  ${result.width}x${result.height} px  ${formatBytes(result.bytes)} (${result.bytes} bytes)${flag}`);
  }
  console.log(`Rendered ${entries.length} file(s) to ${path.relative(process.cwd(), demoDir) || '.'}`);
  if (overBudget > 0) process.exitCode = 1;
}

await main();
