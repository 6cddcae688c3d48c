import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitBackup } from '#electron/main/quitBackup.ts';

/**
 * The final backup on quit: the quit is held, the renderer asked, and the app quits when the
 * renderer answers or after the timeout. Main is loaded with `electron` mocked, as in mainWiring.test.ts.
 */
const state = vi.hoisted(() => ({
  lock: true,
  storeData: {} as Record<string, unknown>,
  windows: [] as unknown[],
}));

const electron = await vi.hoisted(async () =>
  (await import('../../support/fakeElectron.ts')).createFakeElectron(state, { minimized: false }),
);

vi.mock('electron', () => electron);
vi.mock('electron-store', async () => (await import('../../support/fakeElectron.ts')).fakeElectronStore(state));

afterEach(() => {
  vi.useRealTimers();
});

async function flush() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

const trusted = { senderFrame: { url: 'app://studio/index.html', parent: null } };

describe('final backup on quit (Electron main)', () => {
  it('holds the quit, asks the renderer for a backup, and quits when the renderer answers', async () => {
    await import('#electron/main/main.ts');
    electron.resolveReady();
    await flush();
    const window = state.windows.at(-1) as { webContents: { send: ReturnType<typeof vi.fn> } };

    const quitting = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('kemas:menu-command', 'backup.beforeQuit');
    expect(electron.app.quit).not.toHaveBeenCalled();

    // Asked again while the backup runs: still held, not asked twice.
    const again = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', again);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(window.webContents.send.mock.calls.filter((c) => c[1] === 'backup.beforeQuit')).toHaveLength(1);

    const ready = electron.ipcMain.handle.mock.calls.find((c) => c[0] === 'kemas:backup.quitReady')?.[1] as (
      event: unknown,
      payload: unknown,
    ) => Promise<unknown>;
    // A foreign frame cannot end the wait.
    expect(await ready({ senderFrame: { url: 'https://example.com/', parent: null } }, { ok: true })).toMatchObject({ ok: false });
    expect(electron.app.quit).not.toHaveBeenCalled();
    await expect(ready(trusted, { ok: true })).resolves.toEqual({ ok: true, value: {} });
    expect(electron.app.quit).toHaveBeenCalledTimes(1);

    // The real quit that follows goes through.
    const final = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('quits after the timeout when the renderer never answers, and at once when there is no renderer', () => {
    vi.useFakeTimers();
    const quit = vi.fn();
    const waiting = createQuitBackup({ ask: () => true, quit, timeoutMs: 20_000 });
    const event = { preventDefault: vi.fn() };
    waiting.intercept(event);
    expect(event.preventDefault).toHaveBeenCalled();
    vi.advanceTimersByTime(19_999);
    expect(quit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(quit).toHaveBeenCalledTimes(1);
    // A late answer changes nothing.
    waiting.ready();
    expect(quit).toHaveBeenCalledTimes(1);

    const noWindow = createQuitBackup({ ask: () => false, quit });
    const direct = { preventDefault: vi.fn() };
    noWindow.intercept(direct);
    expect(direct.preventDefault).not.toHaveBeenCalled();
  });
});
