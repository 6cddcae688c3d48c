import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFolderSchema } from '#shared/contract/exportFiles.ts';
import { normaliseFolder } from '#shared/contract/folderPath.ts';

describe('the folder the batch dialog says the packs go to', () => {
  it.each([
    ['/home/sari/Kemas Studio/Ekspor', '/home/sari/Kemas Studio/Ekspor'],
    ['  /home/sari//Ekspor/./a/../b/  ', '/home/sari/Ekspor/b'],
    ['/tmp/kemas/Diketik/../Pilihan', '/tmp/kemas/Pilihan'],
    ['/../..', '/'],
    ['/', '/'],
  ])('POSIX %j is %j, as the host resolves it', (typed, shown) => {
    expect(normaliseFolder(typed)).toBe(shown);
    expect(normaliseFolder(typed)).toBe(posix.normalize(typed.trim()).replace(/(.)\/$/, '$1'));
  });

  it.each([
    ['C:\\Users\\sari\\Ekspor', 'C:\\Users\\sari\\Ekspor'],
    ['C:/Users\\sari\\..\\Ekspor\\', 'C:\\Users\\Ekspor'],
    ['d:\\..\\..', 'd:\\'],
    ['\\\\server\\share\\Ekspor\\..\\Paket', '\\\\server\\share\\Paket'],
    ['\\\\a\\a\\b', '\\\\a\\a\\b'],
  ])('Windows %j is %j', (typed, shown) => {
    expect(normaliseFolder(typed)).toBe(shown);
    expect(normaliseFolder(typed)).toBe(win32.normalize(typed).replace(/([^:\\])\\$/, '$1'));
  });

  it('leaves a relative folder for the schema to refuse, rather than guessing where it is', () => {
    expect(normaliseFolder('Ekspor/../x')).toBe('Ekspor/../x');
    expect(exportFolderSchema.safeParse(normaliseFolder('Ekspor/../x')).success).toBe(false);
  });
});
