import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupService } from '#electron/services/backupFolder.ts';
import { createExportService } from '#electron/services/exportFolder.ts';
import { createFolderGrants, resolveFolder } from '#electron/services/folderGrants.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { memoryStore } from './memoryStore.ts';

/*
 * The host writes, tests and opens only inside folders the person granted
 * (chosen in a dialog, or typed and confirmed), after resolving `..` and links.
 * Before grants, anyone with the token could write packs into any absolute
 * folder and ask whether /etc/shadow exists.
 */

let dir: string;
let home: string;
let store: ReturnType<typeof memoryStore>;
const bytes = new TextEncoder().encode('%PDF-1.7 test');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-grants-'));
  home = join(dir, 'home');
  mkdirSync(join(home, 'Kemas Studio', 'Ekspor'), { recursive: true });
  store = memoryStore();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function handlers(confirmGrant?: (folder: string) => Promise<boolean>) {
  const settings = createSettingsService(store);
  const defaultBackups = join(home, 'Kemas Studio', 'Cadangan');
  const grants = createFolderGrants({ store, implicit: () => [join(home, 'Kemas Studio', 'Ekspor'), defaultBackups] });
  return createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings,
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack: async () => ({ pdf: new Uint8Array([1]), zip: null }),
    summary: async () => ({ pdf: new Uint8Array([1]) }),
    exports: createExportService({ home, open: async () => true, grants }),
    backups: createBackupService({ folder: () => settings.get().backup.folder ?? defaultBackups, defaultFolder: defaultBackups, keep: () => 10 }),
    grants,
    ...(confirmGrant ? { confirmGrant } : {}),
  });
}

const write = (folder: string, relativePath = 'Malang/a.pdf') =>
  dispatch(handlers(), 'export.write', { folder, relativePath, bytes, ifExists: 'fail' });
const notGranted = { ok: false, error: { code: 'not-granted' } };

describe('folder grants', () => {
  it('lets the host write into its own proposed folder, readable by the owner only', async () => {
    const folder = join(home, 'Kemas Studio', 'Ekspor');
    expect(await write(folder)).toEqual({ ok: true, value: { written: true } });
    expect(statSync(join(folder, 'Malang', 'a.pdf')).mode & 0o777).toBe(0o600);
    // Replacing keeps it private too.
    await dispatch(handlers(), 'export.write', { folder, relativePath: 'Malang/a.pdf', bytes, ifExists: 'replace' });
    expect(statSync(join(folder, 'Malang', 'a.pdf')).mode & 0o777).toBe(0o600);
  });

  it('refuses to write, test or open anywhere else until the folder is granted', async () => {
    const elsewhere = join(dir, 'Pameran');
    expect(await write(elsewhere)).toMatchObject(notGranted);
    expect(await dispatch(handlers(), 'export.exists', { folder: '/etc', relativePath: 'shadow' })).toMatchObject(notGranted);
    expect(await dispatch(handlers(), 'export.reveal', { folder: '/etc' })).toMatchObject(notGranted);
    expect(readdirSync(dir)).toEqual(['home']);

    expect(await dispatch(handlers(), 'folders.check', { folder: elsewhere })).toEqual({ ok: true, value: { folder: elsewhere, granted: false, confirmedBy: 'app' } });
    expect(await dispatch(handlers(), 'folders.grant', { folder: elsewhere })).toEqual({ ok: true, value: { folder: elsewhere, granted: true } });
    // Remembered (in the settings store, so across launches) and used at once.
    expect(store.store.folderGrants).toEqual([elsewhere]);
    expect(await write(elsewhere)).toEqual({ ok: true, value: { written: true } });
    expect(await write(join(elsewhere, 'Sub', 'Folder'))).toEqual({ ok: true, value: { written: true } });
  });

  it('refuses a `..` that climbs out of a granted folder', async () => {
    const granted = join(dir, 'Pameran');
    await dispatch(handlers(), 'folders.grant', { folder: granted });
    expect(await write(`${granted}/../Lain`)).toMatchObject(notGranted);
    expect(await write(`${granted}/Sub/../../Lain`)).toMatchObject(notGranted);
    expect(await write(`${granted}/Sub/..`)).toEqual({ ok: true, value: { written: true } });
  });

  it('refuses a link inside a granted folder that leads out of it, and a granted link is held to where it led', async () => {
    const granted = join(dir, 'Pameran');
    const outside = join(dir, 'Rahasia');
    mkdirSync(granted);
    mkdirSync(outside);
    symlinkSync(outside, join(granted, 'pintu'));
    await dispatch(handlers(), 'folders.grant', { folder: granted });
    expect(await write(join(granted, 'pintu'))).toMatchObject(notGranted);
    expect(await dispatch(handlers(), 'export.exists', { folder: join(granted, 'pintu'), relativePath: 'a.pdf' })).toMatchObject(notGranted);
    expect(readdirSync(outside)).toEqual([]);

    // Granting a link grants the folder it resolves to, no more.
    const link = join(dir, 'tautan');
    symlinkSync(granted, link);
    expect(await dispatch(handlers(), 'folders.grant', { folder: link })).toEqual({ ok: true, value: { folder: granted, granted: true } });
  });

  it('keeps grants across launches: a new host over the same store still allows the folder', async () => {
    const granted = join(dir, 'Pameran');
    await dispatch(handlers(), 'folders.grant', { folder: granted });
    const again = createFolderGrants({ store, implicit: () => [] });
    expect(await again.check(join(granted, 'Malang'))).toEqual({ folder: join(granted, 'Malang'), granted: true });
    expect(await again.check(dir)).toEqual({ folder: await resolveFolder(dir), granted: false });
  });

  it('holds the backup folder to the same rule: a typed folder must be granted before it is set or checked', async () => {
    const typed = join(dir, 'CadanganLain');
    const patch = { backup: { folder: typed, intervalMinutes: 30, keep: 10 } };
    expect(await dispatch(handlers(), 'backup.checkFolder', { folder: typed })).toMatchObject(notGranted);
    expect(await dispatch(handlers(), 'settings.update', patch)).toMatchObject(notGranted);
    expect(store.store.backup).toBeUndefined();
    await dispatch(handlers(), 'folders.grant', { folder: typed });
    expect(await dispatch(handlers(), 'backup.checkFolder', { folder: typed })).toMatchObject({ ok: true, value: { writable: true } });
    expect(await dispatch(handlers(), 'settings.update', patch)).toMatchObject({ ok: true });
  });

  it('on the desktop, asks the person itself and grants nothing they decline', async () => {
    const asked: string[] = [];
    const typed = join(dir, 'Pameran');
    const declining = handlers(async (folder) => {
      asked.push(folder);
      return false;
    });
    expect(await dispatch(declining, 'folders.check', { folder: typed })).toMatchObject({ ok: true, value: { granted: false, confirmedBy: 'host' } });
    expect(await dispatch(declining, 'folders.grant', { folder: typed })).toEqual({ ok: true, value: { folder: typed, granted: false } });
    expect(asked).toEqual([typed]);
    expect(store.store.folderGrants).toBeUndefined();
    const allowing = handlers(async () => true);
    expect(await dispatch(allowing, 'folders.grant', { folder: typed })).toEqual({ ok: true, value: { folder: typed, granted: true } });
  });
});
