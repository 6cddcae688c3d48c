import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '#shared/contract/channels.ts';
import { dispatch, UnsupportedError, type Handlers } from '#shared/contract/dispatch.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_BACKUP_SETTINGS } from '#shared/contract/backups.ts';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';
import { unusedBackupHandlers, unusedHandoutHandlers } from '../../support/backupHandlers.ts';

const settings: Settings = { language: 'id', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': vi.fn(async () => ({
      name: 'Kemas Studio',
      version: '0.1.0',
      host: 'browser' as const,
      platform: 'linux',
      capabilities: { nativeDialogs: false },
    })),
    'settings.get': vi.fn(async () => settings),
    'settings.update': vi.fn(async (patch) => ({ ...settings, ...patch })),
    'dialog.open': vi.fn(async () => ({ canceled: true, paths: [] })),
    'dialog.save': vi.fn(async () => ({ canceled: true, paths: [] })),
    'ingest.file': vi.fn(async () => ({ ok: false as const, reason: 'empty' as const, detail: 'no bytes' })),
    'pack.render': vi.fn(async () => ({ pdf: new Uint8Array([37, 80, 68, 70]), zip: null })),
    'pack.summary': vi.fn(async () => ({ pdf: new Uint8Array([37, 80, 68, 70]) })),
    'jobs.cancel': vi.fn(async () => ({ cancelled: false })),

    'folders.check': vi.fn(async () => ({ folder: '/home/mentor/Kemas Studio/Ekspor', granted: true, confirmedBy: 'app' as const })),

    'folders.grant': vi.fn(async () => ({ folder: '/home/mentor/Kemas Studio/Ekspor', granted: true })),
    'export.folder': vi.fn(async () => ({ folder: '/home/mentor/Kemas Studio/Ekspor' })),
    'export.write': vi.fn(async () => ({ written: true as const })),
    'export.reveal': vi.fn(async () => ({ opened: true as const })),
    'export.exists': vi.fn(async () => ({ exists: false })),
    'files.opened': vi.fn(async () => ({ files: [], refused: [] })),
    ...unusedBackupHandlers(),
    ...unusedHandoutHandlers(),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('wraps a handler value in an ok result', async () => {
    await expect(dispatch(handlers(), 'settings.update', { language: 'en' })).resolves.toEqual({
      ok: true,
      value: { language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS },
    });
  });

  it('answers an unknown channel with unknown-channel, including names inherited from Object', async () => {
    for (const name of ['nope', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      await expect(dispatch(handlers(), name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
    }
  });

  it('keeps the echoed channel name short', async () => {
    const result = await dispatch(handlers(), 'x'.repeat(10_000), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });

  it('rejects an invalid request with bad-request and does not call the handler', async () => {
    const h = handlers();
    const result = await dispatch(h, 'app.info', { sneaky: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(h['app.info']).not.toHaveBeenCalled();
  });

  it('treats null and undefined payloads as an empty request', async () => {
    expect((await dispatch(handlers(), 'settings.get', null)).ok).toBe(true);
    expect((await dispatch(handlers(), 'settings.get', undefined)).ok).toBe(true);
  });

  it('refuses a handler response that broke the contract', async () => {
    const h = handlers({ 'settings.get': async () => ({ language: 'fr', window: null }) as unknown as Settings });
    await expect(dispatch(h, 'settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('reports UnsupportedError as unsupported and any other throw as internal', async () => {
    const unsupported = handlers({ 'dialog.open': () => Promise.reject(new UnsupportedError('no dialogs')) });
    await expect(dispatch(unsupported, 'dialog.open', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unsupported', message: 'no dialogs' },
    });
    const broken = handlers({ 'dialog.save': () => Promise.reject('plain string') });
    await expect(dispatch(broken, 'dialog.save', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'plain string' },
    });
  });
});
