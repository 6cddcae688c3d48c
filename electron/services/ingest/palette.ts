import type { PaletteSwatch } from '#shared/intake/faceMetadata.ts';

/** Side of the square sample the palette is computed from: 4,096 pixels is plenty for dominant colours. */
export const PALETTE_SAMPLE_EDGE = 64;
export const MAX_SWATCHES = 8;

/** Colours closer than this (Euclidean, 0–255 RGB) are one colour to a person; JPEG noise sits well inside it. */
const MERGE_DISTANCE = 24;
/** Boxes smaller than this are edge and compression noise, not a colour of the design. */
const MIN_SHARE = 0.01;

interface Box {
  indices: Uint32Array;
  channel: 0 | 1 | 2;
  range: number;
}

interface Swatch {
  rgb: [number, number, number];
  count: number;
}

/**
 * Dominant colours by median cut: deterministic (no random seeds), so the same
 * image always gives the same palette. `pixels` are interleaved 8-bit RGB or
 * RGBA; mostly transparent pixels are not part of the design and are skipped.
 */
export function medianCutPalette(pixels: Uint8Array, channels: 3 | 4, maxColours = MAX_SWATCHES): PaletteSwatch[] {
  const rgb = opaqueRgb(pixels, channels);
  const total = rgb.length / 3;
  if (total === 0) return [];

  const boxes: Box[] = [makeBox(rgb, Uint32Array.from({ length: total }, (_, i) => i))];
  while (boxes.length < maxColours) {
    // Split the box that covers the most colour variation weighted by how much of the image it holds.
    let best = -1;
    let bestScore = 0;
    boxes.forEach((box, i) => {
      const score = box.range * box.indices.length;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) break;
    const [low, high] = splitBox(rgb, boxes[best] as Box);
    boxes.splice(best, 1, low, high);
  }

  const swatches = mergeClose(boxes.map((box) => meanColour(rgb, box.indices)));
  const kept = swatches.filter((swatch) => swatch.count / total >= MIN_SHARE);
  const keptTotal = kept.reduce((sum, swatch) => sum + swatch.count, 0);
  return kept
    .map((swatch) => ({ hex: toHex(swatch.rgb), share: Math.round((swatch.count / keptTotal) * 10_000) / 10_000 }))
    .sort((a, b) => b.share - a.share || a.hex.localeCompare(b.hex))
    .slice(0, maxColours);
}

function opaqueRgb(pixels: Uint8Array, channels: 3 | 4): Uint8Array {
  if (channels === 3) return pixels.subarray(0, pixels.length - (pixels.length % 3));
  const out = new Uint8Array((pixels.length / 4) * 3);
  let n = 0;
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    if ((pixels[i + 3] ?? 0) < 128) continue;
    out[n] = pixels[i] ?? 0;
    out[n + 1] = pixels[i + 1] ?? 0;
    out[n + 2] = pixels[i + 2] ?? 0;
    n += 3;
  }
  return out.subarray(0, n);
}

function makeBox(rgb: Uint8Array, indices: Uint32Array): Box {
  const min = [255, 255, 255];
  const max = [0, 0, 0];
  for (const index of indices) {
    for (let c = 0; c < 3; c += 1) {
      const value = rgb[index * 3 + c] ?? 0;
      if (value < (min[c] ?? 0)) min[c] = value;
      if (value > (max[c] ?? 0)) max[c] = value;
    }
  }
  const ranges = [0, 1, 2].map((c) => (max[c] ?? 0) - (min[c] ?? 0));
  const channel = ranges.indexOf(Math.max(...ranges)) as 0 | 1 | 2;
  return { indices, channel, range: ranges[channel] ?? 0 };
}

/** Splits at the median value of the widest channel; both halves are non-empty because the range is positive. */
function splitBox(rgb: Uint8Array, box: Box): [Box, Box] {
  const value = (index: number): number => rgb[index * 3 + box.channel] ?? 0;
  const sorted = Uint32Array.from(box.indices).sort((a, b) => value(a) - value(b) || a - b);
  const median = value(sorted[Math.floor(sorted.length / 2)] ?? 0);
  let cut = sorted.findIndex((index) => value(index) >= median);
  // Median equal to the minimum: put every pixel of that value on the low side instead.
  if (cut <= 0) cut = sorted.findIndex((index) => value(index) > median);
  return [makeBox(rgb, sorted.subarray(0, cut)), makeBox(rgb, sorted.subarray(cut))];
}

function meanColour(rgb: Uint8Array, indices: Uint32Array): Swatch {
  const sum = [0, 0, 0];
  for (const index of indices) {
    for (let c = 0; c < 3; c += 1) sum[c] = (sum[c] ?? 0) + (rgb[index * 3 + c] ?? 0);
  }
  const n = indices.length;
  return { rgb: [(sum[0] ?? 0) / n, (sum[1] ?? 0) / n, (sum[2] ?? 0) / n], count: n };
}

/** Median cut splits a flat colour into near-identical boxes; a person sees one colour, so merge them. */
function mergeClose(swatches: Swatch[]): Swatch[] {
  const merged: Swatch[] = [];
  for (const swatch of [...swatches].sort((a, b) => b.count - a.count)) {
    const near = merged.find((kept) => distance(kept.rgb, swatch.rgb) < MERGE_DISTANCE);
    if (!near) {
      merged.push({ rgb: [...swatch.rgb], count: swatch.count });
      continue;
    }
    const count = near.count + swatch.count;
    near.rgb = [0, 1, 2].map((c) => ((near.rgb[c] ?? 0) * near.count + (swatch.rgb[c] ?? 0) * swatch.count) / count) as [number, number, number];
    near.count = count;
  }
  return merged;
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}
