import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupService, defaultBackupFolder, type BackupService } from '#electron/services/backupFolder.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { DEFAULT_BACKUP_SETTINGS } from '#shared/contract/backups.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { memoryStore } from './memoryStore.ts';

let dir: string;
let folder: string;
let clock: Date;
let keep: number;
let service: BackupService;

const bytes = (text: string) => new TextEncoder().encode(text);
const files = () => readdirSync(folder).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-backup-'));
  folder = join(dir, 'Cadangan');
  clock = new Date(2026, 10, 28, 14, 32, 5);
  keep = 3;
  service = createBackupService({ folder: () => folder, defaultFolder: folder, keep: () => keep, now: () => clock });
});
afterEach(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function backup(reason: 'auto' | 'manual' | 'quit', ...chunks: string[]) {
  const { writeId } = await service.begin(reason);
  for (const chunk of chunks) await service.append(writeId, bytes(chunk));
  return service.commit(writeId);
}

function handlers() {
  return createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack: async () => ({ pdf: new Uint8Array([1]), zip: null }),
    summary: async () => ({ pdf: new Uint8Array([1]) }),
    backups: service,
  });
}

describe('backup folder', () => {
  it('defaults to "Kemas Studio/Cadangan" in the home folder, and lists nothing before the first backup', async () => {
    expect(defaultBackupFolder('/home/dewi')).toBe(join('/home/dewi', 'Kemas Studio', 'Cadangan'));
    expect(await service.list()).toEqual({ folder, defaultFolder: folder, backups: [] });
  });

  it('writes chunks into a hidden temporary file and renames it, whole, to a dated name', async () => {
    const { writeId } = await service.begin('manual');
    await service.append(writeId, bytes('PK one '));
    expect(files()).toEqual([`.kemas-cadangan-${writeId}.part`]);
    expect((await service.list()).backups).toEqual([]);
    expect(await service.append(writeId, bytes('two'))).toEqual({ bytes: 10 });
    const done = await service.commit(writeId);
    expect(done).toEqual({ name: 'kemas-cadangan-20261128-143205-manual.kemas', bytes: 10, removed: [] });
    expect(files()).toEqual(['kemas-cadangan-20261128-143205-manual.kemas']);
    expect(readFileSync(join(folder, done.name), 'utf8')).toBe('PK one two');
    const [entry] = (await service.list()).backups;
    expect(entry).toMatchObject({ name: done.name, bytes: 10, reason: 'manual' });
  });

  it('gives a second backup in the same second its own name', async () => {
    await backup('manual', 'a');
    expect((await backup('manual', 'b')).name).toBe('kemas-cadangan-20261128-143205-manual-2.kemas');
  });

  it('keeps both of two backups committed at once in the same second', async () => {
    const [a, b] = await Promise.all([service.begin('auto'), service.begin('auto')]);
    await Promise.all([service.append(a.writeId, bytes('first')), service.append(b.writeId, bytes('second'))]);
    const done = await Promise.all([service.commit(a.writeId), service.commit(b.writeId)]);
    expect(new Set(done.map((d) => d.name)).size).toBe(2);
    expect(files().filter((n) => n.endsWith('.kemas'))).toHaveLength(2);
  });

  it('never deletes the backup it just wrote, even when the laptop clock was set back', async () => {
    for (let minute = 0; minute < 3; minute++) {
      clock = new Date(2027, 0, 1, 9, minute, 0);
      await backup('auto', `ahead ${minute}`);
    }
    // A flat clock battery: the date is back in 2026, so the new stamp sorts as the oldest.
    clock = new Date(2026, 0, 1, 9, 0, 0);
    const done = await backup('auto', 'written after the clock reset');
    expect(files()).toContain(done.name);
    expect(done.removed).toEqual(['kemas-cadangan-20270101-090000-auto.kemas']);
    expect((await service.list()).backups.filter((b) => b.reason === 'auto')).toHaveLength(3);
  });

  it('leaves no file behind when a write is aborted or fails', async () => {
    const { writeId } = await service.begin('auto');
    await service.append(writeId, bytes('half a backup'));
    expect(await service.abort(writeId)).toEqual({ aborted: true });
    expect(files()).toEqual([]);
    // The write is gone: more chunks are refused.
    await expect(service.append(writeId, bytes('more'))).rejects.toThrow(/No such backup/);
    // An empty backup is not kept either.
    const empty = await service.begin('manual');
    await expect(service.commit(empty.writeId)).rejects.toThrow(/empty/);
    expect(files()).toEqual([]);
  });

  it('removes temporary files a crashed write left behind when the next backup begins', async () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.kemas-cadangan-0123456789abcdef0123456789abcdef.part'), 'left over');
    await backup('manual', 'x');
    expect(files()).toEqual(['kemas-cadangan-20261128-143205-manual.kemas']);
  });

  it('keeps the newest automatic backups only, and never deletes manual or on-quit backups', async () => {
    await backup('manual', 'm');
    for (let minute = 0; minute < 5; minute++) {
      clock = new Date(2026, 10, 28, 15, minute, 0);
      const done = await backup('auto', `auto ${minute}`);
      if (minute >= 3) expect(done.removed).toEqual([`kemas-cadangan-20261128-15${String(minute - 3).padStart(2, '0')}00-auto.kemas`]);
    }
    clock = new Date(2026, 10, 28, 16, 0, 0);
    await backup('quit', 'q');
    const listed = (await service.list()).backups.map((b) => b.name);
    expect(listed).toEqual([
      'kemas-cadangan-20261128-160000-quit.kemas',
      'kemas-cadangan-20261128-150400-auto.kemas',
      'kemas-cadangan-20261128-150300-auto.kemas',
      'kemas-cadangan-20261128-150200-auto.kemas',
      'kemas-cadangan-20261128-143205-manual.kemas',
    ]);
    keep = 1;
    clock = new Date(2026, 10, 28, 17, 0, 0);
    await backup('auto', 'newest');
    expect((await service.list()).backups.map((b) => b.reason)).toEqual(['auto', 'quit', 'manual']);
  });

  it('reads byte ranges of a listed backup, and deletes one', async () => {
    const { name } = await backup('manual', 'Kemas Studio backup bytes');
    const read = await service.read(name, 6, 6);
    expect(new TextDecoder().decode(read.bytes)).toBe('Studio');
    expect(read.size).toBe(25);
    // Past the end: fewer bytes, never an error.
    expect(new TextDecoder().decode((await service.read(name, 20, 100)).bytes)).toBe('bytes');
    expect(await service.delete(name)).toEqual({ deleted: true });
    expect(await service.delete(name)).toEqual({ deleted: false });
    expect(files()).toEqual([]);
  });

  it('refuses names that are not backups, paths and links, at the contract and in the service', async () => {
    const { name } = await backup('manual', 'inside');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    symlinkSync(join(dir, 'secret.txt'), join(folder, 'kemas-cadangan-20261128-143205-auto.kemas'));
    for (const bad of ['../secret.txt', '/etc/passwd', `../Cadangan/${name}`, 'kemas-cadangan-x.kemas', `${name}/..`, 'notes.txt']) {
      const result = await dispatch(handlers(), 'backup.read', { name: bad, offset: 0, length: 10 });
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error.code, bad).toBe('bad-request');
      const deleted = await dispatch(handlers(), 'backup.delete', { name: bad });
      expect(deleted.ok, bad).toBe(false);
    }
    await expect(service.read('../secret.txt', 0, 10)).rejects.toThrow(/Not a backup/);
    // A link named like a backup is neither listed nor read nor deleted.
    expect((await service.list()).backups.map((b) => b.name)).toEqual([name]);
    await expect(service.read('kemas-cadangan-20261128-143205-auto.kemas', 0, 10)).rejects.toThrow(/No such backup/);
    expect(await service.delete('kemas-cadangan-20261128-143205-auto.kemas')).toEqual({ deleted: false });
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe('outside');
  });

  it('refuses chunks over 32 MB at the contract', async () => {
    const { writeId } = await service.begin('manual');
    const result = await dispatch(handlers(), 'backup.append', { writeId, bytes: new Uint8Array(32 * 1024 * 1024 + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('checks a typed folder: relative, a file in the way, or not writable are refused with a reason', async () => {
    expect(await service.checkFolder('relatif/Cadangan')).toEqual({ writable: false, reason: 'not-absolute' });
    writeFileSync(join(dir, 'a-file'), 'x');
    expect(await service.checkFolder(join(dir, 'a-file'))).toEqual({ writable: false, reason: 'not-folder' });
    const fresh = join(dir, 'USB', 'Cadangan');
    expect(await service.checkFolder(fresh)).toEqual({ writable: true, folder: fresh });
    expect(readdirSync(fresh)).toEqual([]);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      expect(await service.checkFolder(locked)).toEqual({ writable: false, reason: 'not-writable' });
      chmodSync(locked, 0o700);
    }
  });

  it('follows the folder setting through the contract, with defaults for interval and keep count', async () => {
    const settings = createSettingsService(memoryStore());
    expect(settings.get().backup).toEqual(DEFAULT_BACKUP_SETTINGS);
    const other = join(dir, 'Lain');
    const byHost = createBackupService({
      folder: () => settings.get().backup.folder ?? folder,
      defaultFolder: folder,
      keep: () => settings.get().backup.keep,
    });
    settings.update({ backup: { folder: other, intervalMinutes: 0, keep: 2 } });
    const { writeId } = await byHost.begin('manual');
    await byHost.append(writeId, bytes('x'));
    await byHost.commit(writeId);
    expect((await byHost.list()).folder).toBe(other);
    expect(readdirSync(other)).toHaveLength(1);
    // A relative folder is refused by the settings contract.
    const result = await dispatch(handlers(), 'settings.update', { backup: { folder: 'relatif', intervalMinutes: 30, keep: 10 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
