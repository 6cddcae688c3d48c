import type { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '#shared/contract/channels.ts';

/**
 * The desktop main process, with `electron` and `electron-store` mocked: what
 * happens at import (before `ready`) and once the app is ready.
 */
const state = vi.hoisted(() => ({
  lock: true,
  storeData: {} as Record<string, unknown>,
  windows: [] as unknown[],
}));

const electron = await vi.hoisted(async () => (await import('../../support/fakeElectron.ts')).createFakeElectron(state));

vi.mock('electron', () => electron);
vi.mock('electron-store', async () => (await import('../../support/fakeElectron.ts')).fakeElectronStore(state));

beforeEach(() => {
  vi.resetModules();
  state.windows.length = 0;
});

async function flush() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('Electron main process', () => {
  it('registers the app scheme as privileged before ready, and quits when another instance runs', async () => {
    state.lock = false;
    await import('#electron/main/main.ts');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    state.lock = true;
  });

  it('once ready: serves app://, answers every channel, opens a sandboxed window on app://studio, and keeps its bounds', async () => {
    state.storeData = { language: 'en', window: { x: 100, y: 100, width: 1000, height: 700, maximized: false } };
    await import('#electron/main/main.ts');
    electron.resolveReady();
    await flush();

    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const registered = electron.ipcMain.handle.mock.calls.map((c) => c[0]);
    expect(registered.sort()).toEqual(channels.map((c) => `kemas:${c}`).sort());
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    // The file scheme is refused in the session the window uses.
    expect(electron.session.defaultSession.protocol.handle).toHaveBeenCalledWith('file', expect.any(Function));
    // Images are decoded in utility processes, never in main.
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      expect.stringMatching(/main[\\/]ingestWorker\.js$/),
      [],
      expect.objectContaining({ serviceName: 'Kemas Studio image worker' }),
    );

    const window = state.windows.at(-1) as EventEmitter & {
      options: { x: number; webPreferences: Record<string, unknown> };
      loadURL: ReturnType<typeof vi.fn>;
    };
    expect(window.options.x).toBe(100);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://studio/index.html');

    // The menu speaks the saved language.
    const template = electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as { label?: string }[];
    expect(template.map((m) => m.label)).toContain('File');

    // The open dialog asks Electron for what the request says, parented to the window.
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/dewi/kemasan'] });
    const openHandler = electron.ipcMain.handle.mock.calls.find((c) => c[0] === 'kemas:dialog.open')?.[1] as (
      event: unknown,
      payload: unknown,
    ) => Promise<unknown>;
    const trusted = { senderFrame: { url: 'app://studio/index.html', parent: null } };
    await expect(openHandler(trusted, { directory: true, multiple: true })).resolves.toEqual({
      ok: true,
      value: { canceled: false, paths: ['/home/dewi/kemasan'] },
    });
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ properties: ['openDirectory', 'multiSelections'] }),
    );

    // Packs are drawn in their own utility process, started by the first pack, not at launch.
    const packForks = () => (electron.utilityProcess.fork.mock.calls as unknown as unknown[][]).filter((c) => String(c[0]).endsWith('packWorker.js'));
    expect(packForks()).toHaveLength(0);
    const packHandler = electron.ipcMain.handle.mock.calls.find((c) => c[0] === 'kemas:pack.render')?.[1] as (
      event: unknown,
      payload: unknown,
    ) => Promise<unknown>;
    const { buildPackModel } = await import('#shared/pack/packModel.ts');
    const { packInput } = await import('../../support/packFixture.ts');
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    void packHandler(trusted, { model, images: [], pageSize: 'A4', zip: null });
    await flush();
    expect(packForks()).toEqual([
      [expect.stringMatching(/main[\\/]packWorker\.js$/), [], expect.objectContaining({ serviceName: 'Kemas Studio pack worker' })],
    ]);
    const child = electron.utilityProcess.fork.mock.results.at(-1)?.value as { postMessage: ReturnType<typeof vi.fn> };
    expect(child.postMessage).toHaveBeenCalledWith(expect.objectContaining({ request: expect.objectContaining({ pageSize: 'A4' }) }));

    window.emit('close', { preventDefault: vi.fn() });
    expect(state.storeData.window).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
  });

  it('opens a .kemas the desktop launched it with, and a second launch focuses the window and offers its bundle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kemas-main-open-'));
    const launched = join(dir, 'Workshop Malang.kemas');
    const later = join(dir, 'ulasan dewi.kemas');
    await writeFile(launched, 'first bundle');
    await writeFile(later, 'second bundle');
    const argv = process.argv;
    process.argv = ['/opt/Kemas Studio/kemas-studio', launched];
    try {
      await import('#electron/main/main.ts');
      electron.resolveReady();
      await flush();
      const window = state.windows.at(-1) as EventEmitter & {
        focus: ReturnType<typeof vi.fn>;
        restore: ReturnType<typeof vi.fn>;
        webContents: { send: ReturnType<typeof vi.fn> };
      };
      const opened = electron.ipcMain.handle.mock.calls.filter((c) => c[0] === 'kemas:files.opened').at(-1)?.[1] as (
        event: unknown,
        payload: unknown,
      ) => Promise<unknown>;
      const trusted = { senderFrame: { url: 'app://studio/index.html', parent: null } };
      await expect(opened(trusted, {})).resolves.toEqual({
        ok: true,
        value: { files: [{ name: 'Workshop Malang.kemas', bytes: new TextEncoder().encode('first bundle') }], refused: [] },
      });
      // A frame that is not the studio gets nothing.
      expect(await opened({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

      electron.app.emit('second-instance', {}, ['/opt/Kemas Studio/kemas-studio', 'ulasan dewi.kemas'], dir);
      expect(window.restore).toHaveBeenCalled();
      expect(window.focus).toHaveBeenCalled();
      const value = ((await opened(trusted, {})) as { value: { files: { name: string }[] } }).value;
      expect(value.files.map((f) => f.name)).toEqual(['ulasan dewi.kemas']);
      expect(window.webContents.send).toHaveBeenCalledWith('kemas:menu-command', 'bundle.openPending');
    } finally {
      process.argv = argv;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hardens every web contents it creates: navigation away is stopped, new windows denied, only https opened outside', async () => {
    await import('#electron/main/main.ts');
    const { EventEmitter: Emitter } = await import('node:events');
    const contents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    const navigate = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate, 'https://evil.example/');
    expect(navigate.preventDefault).toHaveBeenCalled();
    const open = contents.setWindowOpenHandler.mock.calls.at(-1)?.[0] as (details: { url: string }) => { action: string };
    expect(open({ url: 'http://kemas.example/help' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(open({ url: 'https://kemas.example/help' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://kemas.example/help');
  });
});
