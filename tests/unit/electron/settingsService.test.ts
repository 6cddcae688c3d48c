import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WindowBounds } from '#shared/contract/channels.ts';
import { createSettingsService, SETTINGS_STORE_OPTIONS, type KeyValueStore } from '#electron/services/settingsService.ts';
import { memoryStore } from './memoryStore.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_BACKUP_SETTINGS } from '#shared/contract/backups.ts';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';

const bounds: WindowBounds = { x: 40, y: 30, width: 1280, height: 800, maximized: true };

/** The same behaviour is expected of the in-memory store and of a real conf file. */
function behavesLikeSettings(name: string, makeStore: () => Promise<KeyValueStore>, reopen: () => Promise<KeyValueStore>) {
  describe(`settings over ${name}`, () => {
    it('defaults to Bahasa Indonesia and no saved window', async () => {
      const settings = createSettingsService(await makeStore());
      expect(settings.get()).toEqual({ language: 'id', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
    });

    it('keeps an update and the window bounds for the next launch', async () => {
      const first = createSettingsService(await makeStore());
      expect(first.update({ language: 'en' })).toEqual({ language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
      first.saveWindowBounds(bounds);

      const second = createSettingsService(await reopen());
      expect(second.get()).toEqual({ language: 'en', window: bounds, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
    });

    it('leaves the language alone when a patch is empty', async () => {
      const settings = createSettingsService(await makeStore());
      settings.update({ language: 'en' });
      expect(settings.update({})).toEqual({ language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
    });
  });
}

describe('settings service (in memory)', () => {
  let shared = memoryStore();
  beforeEach(() => {
    shared = memoryStore();
  });
  behavesLikeSettings(
    'an in-memory store',
    async () => shared,
    async () => shared,
  );

  it('falls back to the default language for a corrupt value without losing the window', () => {
    const settings = createSettingsService(memoryStore({ language: 'xx', window: bounds }));
    expect(settings.get()).toEqual({ language: 'id', window: bounds, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
  });

  it('drops corrupt window bounds but keeps a valid language', () => {
    const tooSmall = { ...bounds, width: 10 };
    expect(createSettingsService(memoryStore({ language: 'en', window: tooSmall })).get()).toEqual({
      language: 'en',
      window: null,
      ingestLimits: DEFAULT_INGEST_LIMITS,
      backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS,
    });
    expect(createSettingsService(memoryStore({ language: 'en', window: 'huge' })).get()).toEqual({
      language: 'en',
      window: null,
      ingestLimits: DEFAULT_INGEST_LIMITS,
      backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS,
    });
  });

  it('returns only the known settings, whatever else the file holds', () => {
    const settings = createSettingsService(memoryStore({ language: 'en', window: null, __proto__x: 1, debug: true }));
    expect(settings.get()).toEqual({ language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
  });

  it('repairs the store: a corrupt language is replaced on the next update', () => {
    const store = memoryStore({ language: 'xx', window: bounds });
    const settings = createSettingsService(store);
    settings.update({ language: 'en' });
    expect(store.store).toEqual({ language: 'en', window: bounds });
  });
});

describe('settings service (conf)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kemas-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const open = async () => new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dir });
  behavesLikeSettings('a conf file', open, open);

  it('writes settings.json in the data folder', async () => {
    createSettingsService(await open()).update({ language: 'en' });
    const file = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as unknown;
    expect(file).toMatchObject({ language: 'en' });
  });

  it('recovers field by field from a hand-edited file', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ language: 'xx', window: bounds }));
    expect(createSettingsService(await open()).get()).toEqual({ language: 'id', window: bounds, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
  });

  it('starts with defaults when the file is not JSON at all', async () => {
    await writeFile(join(dir, 'settings.json'), '{ this is not json');
    const settings = createSettingsService(await open());
    expect(settings.get()).toEqual({ language: 'id', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS });
    settings.update({ language: 'en' });
    expect(createSettingsService(await open()).get().language).toBe('en');
  });
});
