// Compares two folders of screenshots (tests/e2e/screens.camera.ts run into each) with pixelmatch:
//   node scripts/compareScreens.ts <before> <after> [<diff folder>]
// Prints each screen's size and changed pixels, writes a diff PNG for each screen that changed, and exits 1 when
// any screen differs in size or pixels, or exists on one side only.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';

const [before, after, diffDir = join(after ?? '.', '..', 'diff')] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/compareScreens.ts <before> <after> [<diff folder>]');
  process.exit(2);
}

async function rgba(file: string) {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const names = [...new Set([...readdirSync(before), ...readdirSync(after)])].filter((n) => n.endsWith('.png')).sort();
let failed = 0;
for (const name of names) {
  if (!existsSync(join(before, name)) || !existsSync(join(after, name))) {
    console.log(`${name}: only in ${existsSync(join(before, name)) ? 'before' : 'after'}`);
    failed += 1;
    continue;
  }
  const a = await rgba(join(before, name));
  const b = await rgba(join(after, name));
  if (a.width !== b.width || a.height !== b.height) {
    console.log(`${name}: size ${a.width}×${a.height} → ${b.width}×${b.height}`);
    failed += 1;
    continue;
  }
  const out = Buffer.alloc(a.width * a.height * 4);
  const changed = pixelmatch(a.data, b.data, out, a.width, a.height, { threshold: 0 });
  console.log(`${name}: ${a.width}×${a.height}, ${changed} pixels differ`);
  if (changed > 0) {
    failed += 1;
    mkdirSync(diffDir, { recursive: true });
    await sharp(out, { raw: { width: a.width, height: a.height, channels: 4 } }).png().toFile(join(diffDir, name));
  }
}
console.log(failed === 0 ? `${names.length} screens identical` : `${failed} of ${names.length} screens differ`);
process.exit(failed === 0 ? 0 : 1);
