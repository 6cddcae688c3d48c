import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, LINUX_SIZES } from '../../../scripts/icons.ts';

const build = join(import.meta.dirname, '..', '..', '..', 'assets', 'build');

async function pngSize(png: Buffer): Promise<[number, number, string | undefined]> {
  const meta = await sharp(png).metadata();
  return [meta.width, meta.height, meta.format];
}

/** The installers' icons, drawn from assets/build/icon.svg by scripts/icons.ts and committed. */
describe('installer icons', () => {
  it('icon.png is a 1024 px square PNG with transparent corners', async () => {
    const png = await readFile(join(build, 'icon.png'));
    expect(await pngSize(png)).toEqual([1024, 1024, 'png']);
    const { data } = await sharp(png).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
  });

  it('icons/ holds one PNG per Linux size', async () => {
    for (const size of LINUX_SIZES) {
      expect(await pngSize(await readFile(join(build, 'icons', `${size}x${size}.png`)))).toEqual([size, size, 'png']);
    }
  });

  it('icon.ico holds PNG images up to 256 px, each as large as its entry says', async () => {
    const ico = await readFile(join(build, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(await pngSize(png)).toEqual([size, size, 'png']);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('icon.icns holds every type macOS asks for, 16 to 1024 px', async () => {
    const icns = await readFile(join(build, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      const [width, height] = await pngSize(icns.subarray(at + 8, at + length));
      expect(width).toBe(height);
      found.set(type, width);
      at += length;
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ICNS_TYPES));
  });
});
