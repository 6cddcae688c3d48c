import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** A plausible pack face: coloured panels and a label block, so palettes and thumbnails mean something. */
export async function packImage(width: number, height: number, colour: string, format: 'jpeg' | 'png'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${colour}"/>
    <rect x="${width * 0.1}" y="${height * 0.55}" width="${width * 0.8}" height="${height * 0.3}" fill="#f4ecd8"/>
    <circle cx="${width / 2}" cy="${height * 0.3}" r="${width * 0.2}" fill="#e8b931"/>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer();
}

export interface IntakeFolder {
  dir: string;
  files: string[];
}

/** A folder as a participant group hands it in: good designs, a stray photo, and broken files. */
export async function writeMixedFolder(dir: string): Promise<IntakeFolder> {
  mkdirSync(dir, { recursive: true });
  const front = await packImage(800, 1200, '#a8322d', 'jpeg');
  const files: Record<string, Buffer> = {
    'Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg': front,
    'Keripik Tempe Bu Sari - Keripik Tempe - belakang.png': await packImage(800, 1200, '#f2f2ee', 'png'),
    'Kopi Ijen - Kopi Arabika - depan.jpg': await packImage(640, 1600, '#1d2b2a', 'jpeg'),
    'IMG_20261124_101500.jpg': await packImage(1200, 900, '#d98c1f', 'jpeg'),
    'salinan depan.jpg': front,
    'rusak.jpg': front.subarray(0, Math.floor(front.length / 2)),
    'catatan.jpg': Buffer.from('Catatan mentor: minta berkas resolusi tinggi.\n'.repeat(20)),
    'kosong.png': Buffer.alloc(0),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return { dir, files: Object.keys(files) };
}
