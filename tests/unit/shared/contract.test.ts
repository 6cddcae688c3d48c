import { describe, expect, it } from 'vitest';
import { channels, contract, settingsSchema } from '#shared/contract/channels.ts';
import { dispatch, UnsupportedError, type Handlers } from '#shared/contract/dispatch.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_BACKUP_SETTINGS } from '#shared/contract/backups.ts';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';
import { unusedBackupHandlers, unusedHandoutHandlers } from '../../support/backupHandlers.ts';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const settings = settingsSchema.parse({});
  return {
    'app.info': async () => ({
      name: 'Kemas Studio',
      version: '0.0.0',
      host: 'browser',
      platform: 'linux',
      capabilities: { nativeDialogs: false },
    }),
    'settings.get': async () => settings,
    'settings.update': async (patch) => ({ ...settings, ...patch }),
    'dialog.open': async () => ({ canceled: true, paths: [] }),
    'dialog.save': async () => ({ canceled: true, paths: [] }),
    'ingest.file': async () => ({ ok: false as const, reason: 'empty' as const, detail: 'no bytes' }),
    'pack.render': async () => ({ pdf: new Uint8Array([37, 80, 68, 70]), zip: null }),
    'pack.summary': async () => ({ pdf: new Uint8Array([37, 80, 68, 70]) }),
    'jobs.cancel': async () => ({ cancelled: false }),

    'folders.check': async () => ({ folder: '/home/mentor/Kemas Studio/Ekspor', granted: true, confirmedBy: 'app' as const }),

    'folders.grant': async () => ({ folder: '/home/mentor/Kemas Studio/Ekspor', granted: true }),
    'export.folder': async () => ({ folder: '/home/mentor/Kemas Studio/Ekspor' }),
    'export.write': async () => ({ written: true as const }),
    'export.reveal': async () => ({ opened: true as const }),
    'export.exists': async () => ({ exists: false }),
    'files.opened': async () => ({ files: [], refused: [] }),
    ...unusedBackupHandlers(),
    ...unusedHandoutHandlers(),
    ...overrides,
  };
}

describe('host contract', () => {
  it('defaults to Bahasa Indonesia', () => {
    expect(settingsSchema.parse({}).language).toBe('id');
  });

  it('lists every channel once', () => {
    expect(new Set(channels).size).toBe(Object.keys(contract).length);
  });

  it('answers a valid request with its value', async () => {
    const result = await dispatch(handlers(), 'settings.update', { language: 'en' });
    expect(result).toEqual({ ok: true, value: { language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS } });
  });

  it('refuses a payload that breaks the schema without calling the handler', async () => {
    let called = false;
    const h = handlers({
      'settings.update': async () => {
        called = true;
        return settingsSchema.parse({});
      },
    });
    for (const payload of [{ language: 'fr' }, { language: 'en', extra: 1 }, 'en', [1]]) {
      const result = await dispatch(h, 'settings.update', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-request');
    }
    expect(called).toBe(false);
  });

  it('names an unknown channel, even a prototype key, as unknown', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(handlers(), name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('turns a thrown error into an error result', async () => {
    const failing = handlers({
      'app.info': async () => {
        throw new Error('disk on fire');
      },
      'dialog.open': async () => {
        throw new UnsupportedError('no dialogs');
      },
    });
    expect(await dispatch(failing, 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
    expect(await dispatch(failing, 'dialog.open', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('refuses a handler answer that drifted from the contract', async () => {
    const drifting = handlers({ 'settings.get': async () => ({ language: 'klingon' }) as never });
    expect(await dispatch(drifting, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('contract names', () => {
  it('gives every named channel its schemas, and names every channel with schemas', () => {
    expect([...channels].sort()).toEqual(Object.keys(contract).sort());
  });
});
