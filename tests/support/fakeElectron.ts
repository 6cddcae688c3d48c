import { EventEmitter as Emitter } from 'node:events';
import { vi } from 'vitest';

/** What a test controls of the fake desktop: the single-instance lock, the settings file, the windows made. */
export interface FakeElectronState {
  lock: boolean;
  storeData: Record<string, unknown>;
  windows: unknown[];
}

/**
 * The parts of `electron` the main process uses, as fakes, for tests that load
 * electron/main/main.ts with `vi.mock('electron', …)`. `resolveReady()` lets
 * the test decide when the app is ready; `minimized` is how windows start.
 */
export function createFakeElectron(state: FakeElectronState, { minimized = true } = {}) {
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });
  class FakeWindow extends Emitter {
    options: unknown;
    loadURL = vi.fn(async () => {});
    maximize = vi.fn();
    show = vi.fn();
    getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 });
    isMaximized = () => false;
    isMinimized = vi.fn(() => minimized);
    restore = vi.fn();
    focus = vi.fn();
    webContents = { send: vi.fn() };
    constructor(options: unknown) {
      super();
      this.options = options;
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
  }
  return {
    resolveReady,
    app: Object.assign(new Emitter(), {
      requestSingleInstanceLock: vi.fn(() => state.lock),
      enableSandbox: vi.fn(),
      quit: vi.fn(),
      whenReady: () => ready,
      getName: () => 'Kemas Studio',
      getVersion: () => '0.1.0',
    }),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        protocol: { handle: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn() },
    utilityProcess: {
      fork: vi.fn(() => Object.assign(new Emitter(), { postMessage: vi.fn(), kill: vi.fn() })),
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  };
}

/** `electron-store` over the test's state: what main reads and writes as its settings file. */
export function fakeElectronStore(state: FakeElectronState) {
  return {
    default: class {
      get store() {
        return state.storeData;
      }
      set(key: string, value: unknown) {
        state.storeData[key] = value;
      }
    },
  };
}
