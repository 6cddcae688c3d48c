import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFolderGrants } from '#electron/services/folderGrants.ts';
import { createExportService, defaultExportFolder, type FolderOpener } from '#electron/services/exportFolder.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { memoryStore } from './memoryStore.ts';

let dir: string;
let folder: string;
const bytes = (text: string) => new TextEncoder().encode(text);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-export-'));
  folder = join(dir, 'Ekspor');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function handlers(open: FolderOpener = async () => true) {
  return createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack: async () => ({ pdf: new Uint8Array([1]), zip: null }),
    summary: async () => ({ pdf: new Uint8Array([1]) }),
    exports: createExportService({ home: dir, open, grants: createFolderGrants({ store: memoryStore(), implicit: () => [dir] }) }),
  });
}

const write = (relativePath: string, text: string, ifExists: 'fail' | 'replace' = 'fail') =>
  dispatch(handlers(), 'export.write', { folder, relativePath, bytes: bytes(text), ifExists });

describe('export.write', () => {
  it('creates the folder and its subfolders and writes the file', async () => {
    const path = 'Malang/Keripik Tempe Bu Sari - Keripik/Keripik Tempe Bu Sari - v1 - Paket masukan.pdf';
    expect(await write(path, '%PDF one')).toEqual({ ok: true, value: { written: true } });
    expect(readFileSync(join(folder, ...path.split('/')), 'utf8')).toBe('%PDF one');
  });

  it('reports an existing file and leaves it alone, and replaces it only when told', async () => {
    await write('Malang/a.pdf', 'first');
    expect(await write('Malang/a.pdf', 'second')).toEqual({ ok: true, value: { exists: true } });
    expect(readFileSync(join(folder, 'Malang', 'a.pdf'), 'utf8')).toBe('first');
    expect(await write('Malang/a.pdf', 'third', 'replace')).toEqual({ ok: true, value: { written: true } });
    expect(readFileSync(join(folder, 'Malang', 'a.pdf'), 'utf8')).toBe('third');
    // Nothing left behind from writing beside and renaming.
    expect(readdirSync(join(folder, 'Malang'))).toEqual(['a.pdf']);
  });

  it('refuses paths that leave the folder, absolute paths and reserved names before touching the disk', async () => {
    for (const path of ['../outside.pdf', 'Malang/../../outside.pdf', '/etc/passwd', 'C:/x.pdf', 'Malang\\..\\x.pdf', 'Malang//a.pdf', './a.pdf', 'CON/a.pdf', 'aux.pdf', 'Malang/.hidden', 'a.pdf ', '']) {
      const result = await write(path, 'x');
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.error.code, path).toBe('bad-request');
    }
    expect(await dispatch(handlers(), 'export.write', { folder: 'relative/folder', relativePath: 'a.pdf', bytes: bytes('x'), ifExists: 'fail' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a subfolder that is a link to somewhere outside the export folder', async () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    mkdirSync(folder);
    symlinkSync(outside, join(folder, 'Malang'));
    const result = await write('Malang/a.pdf', 'x');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/links outside/) } });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('replaces a file that is a link without writing through it', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    mkdirSync(folder);
    symlinkSync(victim, join(folder, 'a.pdf'));
    expect(await write('a.pdf', 'new')).toEqual({ ok: true, value: { exists: true } });
    expect(await write('a.pdf', 'new', 'replace')).toEqual({ ok: true, value: { written: true } });
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readFileSync(join(folder, 'a.pdf'), 'utf8')).toBe('new');
  });
});

describe('export.exists', () => {
  const exists = (relativePath: string) => dispatch(handlers(), 'export.exists', { folder, relativePath });

  it('says whether a pack is there already, without creating any folder', async () => {
    const path = 'Malang/Keripik Tempe Bu Sari - Keripik/Keripik Tempe Bu Sari - v1 - Paket masukan.pdf';
    expect(await exists(path)).toEqual({ ok: true, value: { exists: false } });
    expect(readdirSync(dir)).toEqual([]);
    await write(path, '%PDF one');
    expect(await exists(path)).toEqual({ ok: true, value: { exists: true } });
    expect(await exists('Malang/Keripik Tempe Bu Sari - Keripik/other.pdf')).toEqual({ ok: true, value: { exists: false } });
  });

  it('refuses to look outside the folder, through a path or a linked subfolder', async () => {
    expect((await exists('../secret.pdf')).ok).toBe(false);
    mkdirSync(folder, { recursive: true });
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'a.pdf'), 'private');
    symlinkSync(outside, join(folder, 'Malang'));
    expect(await exists('Malang/a.pdf')).toMatchObject({ ok: false });
  });
});

describe('export.folder and export.reveal', () => {
  it('proposes a folder under the home folder', async () => {
    expect(await dispatch(handlers(), 'export.folder', {})).toEqual({ ok: true, value: { folder: defaultExportFolder(dir) } });
    expect(defaultExportFolder('/home/sari')).toBe('/home/sari/Kemas Studio/Ekspor');
  });

  it('opens an existing folder, says when the host cannot, and never opens a missing one', async () => {
    mkdirSync(folder);
    const open = vi.fn<FolderOpener>(async () => true);
    expect(await dispatch(handlers(open), 'export.reveal', { folder })).toEqual({ ok: true, value: { opened: true } });
    expect(open).toHaveBeenCalledWith(folder);
    expect(await dispatch(handlers(async () => false), 'export.reveal', { folder })).toEqual({ ok: true, value: { opened: false, reason: 'unavailable' } });
    open.mockClear();
    expect(await dispatch(handlers(open), 'export.reveal', { folder: join(dir, 'nowhere') })).toEqual({ ok: true, value: { opened: false, reason: 'missing' } });
    expect(open).not.toHaveBeenCalled();
  });

  it('answers "unsupported" on a host without an export service', async () => {
    const bare = createHostHandlers({
      appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
      settings: createSettingsService(memoryStore()),
      dialogs: noDialogs,
      ingest: async () => ({ ok: false, reason: 'empty', detail: '' }),
      pack: async () => ({ pdf: new Uint8Array([1]), zip: null }),
    summary: async () => ({ pdf: new Uint8Array([1]) }),
    });
    expect(await dispatch(bare, 'export.folder', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
