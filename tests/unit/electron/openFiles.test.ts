import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundlePathsFromArgv, createPendingFiles, isBundlePath } from '#electron/services/openFiles.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { memoryStore } from './memoryStore.ts';

let dir: string;
const bundle = new TextEncoder().encode('PK\u0003\u0004 pretend workshop bundle');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kemas-open-files-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bundle paths on a command line', () => {
  it('keeps only .kemas arguments, made absolute against the folder the command ran in', () => {
    const argv = ['--no-sandbox', 'Workshop Malang.kemas', '/home/sari/Unduhan/ulasan-dewi.KEMAS', 'foto.jpg', '--flag=x.kemas', '.', '.kemas'];
    expect(bundlePathsFromArgv(argv, '/home/sari/Desktop')).toEqual([
      '/home/sari/Desktop/Workshop Malang.kemas',
      '/home/sari/Unduhan/ulasan-dewi.KEMAS',
    ]);
    expect(isBundlePath('C:\\Users\\Sari\\Unduhan\\Batu 2026.kemas')).toBe(true);
  });

  it('takes local file URLs (a Linux desktop passes %U) as paths and ignores other URLs', () => {
    const argv = ['file:///home/sari/Unduhan/Workshop%20Batu.kemas', 'https://evil.example/x.kemas', 'smb://server/share/y.kemas', 'file://server/share/z.kemas'];
    expect(bundlePathsFromArgv(argv, '/home/sari')).toEqual(['/home/sari/Unduhan/Workshop Batu.kemas']);
    expect(isBundlePath('catatan.kemas.txt')).toBe(false);
  });
});

describe('pending files', () => {
  it('hands over queued bundles once, byte for byte, in the order they were opened', async () => {
    const first = join(dir, 'Workshop Malang.kemas');
    const second = join(dir, 'ulasan dewi.kemas');
    await writeFile(first, bundle);
    await writeFile(second, new Uint8Array([1, 2, 3]));
    const pending = createPendingFiles();
    expect(await pending.add([first, second, first])).toBe(2);

    const opened = await pending.drain();
    expect(opened.files.map((f) => f.name)).toEqual(['Workshop Malang.kemas', 'ulasan dewi.kemas']);
    expect(opened.files[0]?.bytes).toEqual(bundle);
    expect(opened.files[1]?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(opened.refused).toEqual([]);
    expect(await pending.drain()).toEqual({ files: [], refused: [] });
  });

  it('ignores paths that are not absolute .kemas paths', async () => {
    const image = join(dir, 'depan.jpg');
    await writeFile(image, bundle);
    const pending = createPendingFiles();
    expect(await pending.add([image, 'relatif.kemas', join(dir, '.kemas')])).toBe(0);
    expect(await pending.drain()).toEqual({ files: [], refused: [] });
  });

  it('refuses a missing file, a folder named .kemas and a file over the size limit, by name and reason', async () => {
    const folder = join(dir, 'folder.kemas');
    await mkdir(folder);
    const big = join(dir, 'besar.kemas');
    await writeFile(big, new Uint8Array(101));
    const pending = createPendingFiles({ maxBytes: 100 });
    await pending.add([join(dir, 'hilang.kemas'), folder, big]);
    expect(await pending.drain()).toEqual({
      files: [],
      refused: [
        { name: 'hilang.kemas', reason: 'missing' },
        { name: 'folder.kemas', reason: 'not-a-file' },
        { name: 'besar.kemas', reason: 'too-large' },
      ],
    });
  });

  it('refuses a file that was deleted or grew past the limit after it was queued', async () => {
    const gone = join(dir, 'pergi.kemas');
    const growing = join(dir, 'tumbuh.kemas');
    await writeFile(gone, bundle);
    await writeFile(growing, new Uint8Array(60));
    const pending = createPendingFiles({ maxBytes: 100 });
    await pending.add([gone, growing]);
    await rm(gone);
    await appendFile(growing, new Uint8Array(60));
    expect((await pending.drain()).refused).toEqual([
      { name: 'pergi.kemas', reason: 'missing' },
      { name: 'tumbuh.kemas', reason: 'too-large' },
    ]);
  });

  it('keeps at most the pending limit and says which files were one too many', async () => {
    const paths = [];
    for (let i = 1; i <= 4; i++) {
      const path = join(dir, `ulasan-${i}.kemas`);
      await writeFile(path, bundle);
      paths.push(path);
    }
    const pending = createPendingFiles({ maxPending: 2 });
    await pending.add(paths);
    const opened = await pending.drain();
    expect(opened.files.map((f) => f.name)).toEqual(['ulasan-1.kemas', 'ulasan-2.kemas']);
    expect(opened.refused).toEqual([
      { name: 'ulasan-3.kemas', reason: 'too-many' },
      { name: 'ulasan-4.kemas', reason: 'too-many' },
    ]);
  });

  it('a drain asked for while a file is being queued still gets it', async () => {
    const path = join(dir, 'segera.kemas');
    await writeFile(path, bundle);
    const pending = createPendingFiles();
    void pending.add([path]);
    expect((await pending.drain()).files.map((f) => f.name)).toEqual(['segera.kemas']);
  });
});

describe('files.opened on the contract', () => {
  const base = () => ({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser' as const, platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: () => Promise.reject(new Error('unused')),
    pack: () => Promise.reject(new Error('unused')),
    summary: () => Promise.reject(new Error('unused')),
  });

  it('drains the desktop queue through the contract', async () => {
    const path = join(dir, 'Workshop Batu.kemas');
    await writeFile(path, bundle);
    const pending = createPendingFiles();
    await pending.add([path]);
    const handlers = createHostHandlers({ ...base(), openedFiles: () => pending.drain() });
    const result = await dispatch(handlers, 'files.opened', {});
    expect(result).toEqual({ ok: true, value: { files: [{ name: 'Workshop Batu.kemas', bytes: bundle }], refused: [] } });
  });

  it('answers an empty list on a host without a desktop (the browser host)', async () => {
    const handlers = createHostHandlers(base());
    expect(await dispatch(handlers, 'files.opened', {})).toEqual({ ok: true, value: { files: [], refused: [] } });
    expect(await dispatch(handlers, 'files.opened', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
