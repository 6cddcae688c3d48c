import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channels, type Settings } from '#shared/contract/channels.ts';
import type { Handlers } from '#shared/contract/dispatch.ts';
import type { Result } from '#shared/contract/result.ts';
import { isTrustedSender, registerIpc } from '#electron/main/ipc.ts';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_BACKUP_SETTINGS } from '#shared/contract/backups.ts';
import { DEFAULT_WORKER_LIMITS } from '#shared/contract/jobs.ts';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

/** Records every `handle(channel, listener)` call, like ipcMain would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`Second handler for ${channel}`);
      listeners.set(channel, listener);
    }),
  };
  /** Calls the listener the way Electron does, awaiting whatever it returns. */
  const invoke = async (channel: string, event: IpcMainInvokeEvent, payload?: unknown): Promise<Result<unknown>> => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for ${channel}`);
    return (await listener(event, payload)) as Result<unknown>;
  };
  return { ipcMain: ipcMain as unknown as IpcMain, listeners, invoke };
}

function eventFrom(frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const studioFrame = () => eventFrom({ url: 'app://studio/index.html', parent: null });

const settings: Settings = { language: 'id', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS };

function spyHandlers(): Handlers {
  return {
    'app.info': vi.fn(async () => ({
      name: 'Kemas Studio',
      version: '0.1.0',
      host: 'electron' as const,
      platform: 'linux',
      capabilities: { nativeDialogs: true },
    })),
    'settings.get': vi.fn(async () => settings),
    'settings.update': vi.fn(async (patch) => ({ ...settings, ...patch })),
    'dialog.open': vi.fn(async () => ({ canceled: false, paths: ['/home/mentor/a.png'] })),
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
    'backup.list': vi.fn(async () => ({ folder: '/home/mentor/Kemas Studio/Cadangan', defaultFolder: '/home/mentor/Kemas Studio/Cadangan', backups: [] })),
    'backup.checkFolder': vi.fn(async () => ({ writable: true as const, folder: '/home/mentor/Cadangan' })),
    'backup.begin': vi.fn(async () => ({ writeId: '0'.repeat(32) })),
    'backup.append': vi.fn(async () => ({ bytes: 1 })),
    'backup.commit': vi.fn(async () => ({ name: 'kemas-cadangan-20261128-143205-manual.kemas', bytes: 1, removed: [] })),
    'backup.abort': vi.fn(async () => ({ aborted: true })),
    'backup.read': vi.fn(async () => ({ bytes: new Uint8Array([80, 75]), size: 2 })),
    'backup.delete': vi.fn(async () => ({ deleted: true })),
    'backup.quitReady': vi.fn(async () => ({})),
    'handout.interfaces': vi.fn(async () => ({ interfaces: [] })),
    'handout.prepare': vi.fn(async () => ({ handoutId: 'h'.repeat(16) })),
    'handout.addPack': vi.fn(async () => ({ packId: 'pack-1-aaaaaa', code: 'ACD-EFG' })),
    'handout.start': vi.fn(async () => ({ started: false as const, reason: 'no-packs' as const })),
    'handout.stop': vi.fn(async () => ({ state: 'off' as const, ended: null })),
    'handout.status': vi.fn(async () => ({ state: 'off' as const, ended: null })),
    'handout.sheet': vi.fn(async () => ({ pdf: new Uint8Array([37, 80, 68, 70]) })),
  };
}

function setup(handlers: Handlers = spyHandlers()) {
  const fake = fakeIpcMain();
  registerIpc(fake.ipcMain, handlers);
  return { ...fake, handlers };
}

describe('registerIpc', () => {
  it('registers exactly one kemas:-prefixed handler per contract channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(channels.map((c) => `kemas:${c}`).sort());
    expect(channels).toEqual(expect.arrayContaining(['app.info', 'settings.get', 'settings.update', 'dialog.open', 'dialog.save']));
  });

  it('answers a valid call from the studio frame with an ok result', async () => {
    const { invoke, handlers } = setup();
    const result = await invoke('kemas:settings.update', studioFrame(), { language: 'en' });
    expect(result).toEqual({ ok: true, value: { language: 'en', window: null, ingestLimits: DEFAULT_INGEST_LIMITS, backup: DEFAULT_BACKUP_SETTINGS, workerLimits: DEFAULT_WORKER_LIMITS } });
    expect(handlers['settings.update']).toHaveBeenCalledWith({ language: 'en' });
  });

  it('treats a missing payload as an empty request', async () => {
    const { invoke } = setup();
    const result = await invoke('kemas:app.info', studioFrame(), undefined);
    expect(result.ok).toBe(true);
  });

  it('accepts the studio frame on any route of the app', async () => {
    const { invoke } = setup();
    const event = eventFrom({ url: 'app://studio/index.html#/workshops/42', parent: null });
    expect((await invoke('kemas:settings.get', event)).ok).toBe(true);
  });

  const foreign: [string, IpcMainInvokeEvent][] = [
    ['a remote page', eventFrom({ url: 'https://evil.example/', parent: null })],
    ['a file:// page', eventFrom({ url: 'file:///home/mentor/index.html', parent: null })],
    ['another host on the app scheme', eventFrom({ url: 'app://other/index.html', parent: null })],
    ['a subframe of the studio', eventFrom({ url: 'app://studio/index.html', parent: { url: 'app://studio/index.html' } })],
    ['a frame that is gone (senderFrame null)', eventFrom(null)],
    ['a frame with an unparsable url', eventFrom({ url: 'not a url', parent: null })],
  ];

  it.each(foreign)('refuses %s with forbidden and never runs the handler', async (_name, event) => {
    const { invoke, handlers } = setup();
    for (const channel of channels) {
      const result = await invoke(`kemas:${channel}`, event, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const channel of channels) expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown language', { language: 'fr' }],
    ['an extra key', { language: 'en', admin: true }],
    ['a key outside the patch', { window: { x: 0, y: 0, width: 800, height: 600, maximized: false } }],
    ['a non-object', 'en'],
  ])('rejects settings.update with %s as bad-request without running the handler', async (_name, payload) => {
    const { invoke, handlers } = setup();
    const result = await invoke('kemas:settings.update', studioFrame(), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(handlers['settings.update']).not.toHaveBeenCalled();
  });

  it('rejects a dialog request carrying a filter that is not an extension', async () => {
    const { invoke, handlers } = setup();
    const result = await invoke('kemas:dialog.open', studioFrame(), {
      filters: [{ name: 'Images', extensions: ['../../etc/passwd'] }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(handlers['dialog.open']).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error result instead of a rejection', async () => {
    const handlers = spyHandlers();
    handlers['settings.get'] = vi.fn(async () => {
      throw new Error('disk on fire');
    });
    const { invoke } = setup(handlers);
    const result = await invoke('kemas:settings.get', studioFrame(), {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });

  it('turns a handler that throws synchronously into an internal error result', async () => {
    const handlers = spyHandlers();
    handlers['app.info'] = () => {
      throw new Error('sync failure');
    };
    const { invoke } = setup(handlers);
    await expect(invoke('kemas:app.info', studioFrame(), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top-level studio frame', () => {
    expect(isTrustedSender(studioFrame())).toBe(true);
    expect(isTrustedSender(eventFrom({ url: 'app://studio/', parent: null }))).toBe(true);
    expect(isTrustedSender(eventFrom({ url: 'app://studio.evil.example/', parent: null }))).toBe(false);
    expect(isTrustedSender(eventFrom({ url: 'http://studio/index.html', parent: null }))).toBe(false);
    expect(isTrustedSender(eventFrom({ url: 'app://studio/index.html', parent: {} }))).toBe(false);
    expect(isTrustedSender(eventFrom(null))).toBe(false);
  });
});
