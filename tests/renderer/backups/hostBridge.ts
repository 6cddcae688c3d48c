import { createBackupService } from '#electron/services/backupFolder.ts';
import { createFolderGrants } from '#electron/services/folderGrants.ts';
import { createHostHandlers, noDialogs } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import type { AppInfo } from '#shared/contract/channels.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { memoryStore } from '../../unit/electron/memoryStore.ts';

/*
 * The real host handlers (settings, backup folder service on a temp folder) reached the way the
 * Electron preload is: through the bridge on `window`. Import this module before anything that
 * imports the host client, which picks its bridge when it loads.
 */

export const APP_INFO: AppInfo = { name: 'Kemas Studio', version: '0.1.0', host: 'electron', platform: 'linux', capabilities: { nativeDialogs: true } };

type Run = (channel: string, request: unknown) => Promise<unknown>;
export const bridge: { run: Run | null; calls: { channel: string; request: unknown }[] } = { run: null, calls: [] };
const menuListeners = new Set<(command: unknown) => void>();

/** What the desktop's main process pushes to the renderer (a menu item, "about to quit"). */
export function pushMenuCommand(command: string): void {
  for (const listener of menuListeners) listener(command);
}

(globalThis as Record<string, unknown>).kemasHost = {
  invoke: new Proxy(
    {},
    {
      get: (_target, channel: string) => async (request: unknown) => {
        bridge.calls.push({ channel, request });
        if (!bridge.run) throw new Error('host not connected');
        return bridge.run(channel, request);
      },
    },
  ),
  onMenuCommand: (listener: (command: unknown) => void) => {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
};

/** Connects the bridge to fresh host handlers whose settings start as `stored`. */
export function connectHost(defaultFolder: string, stored: Record<string, unknown> = {}): void {
  const store = memoryStore(stored);
  const settings = createSettingsService(store);
  const handlers = createHostHandlers({
    appInfo: APP_INFO,
    settings,
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack: async () => ({ pdf: new Uint8Array([1]), zip: null }),
    summary: async () => ({ pdf: new Uint8Array([1]) }),
    backups: createBackupService({
      folder: () => settings.get().backup.folder ?? defaultFolder,
      defaultFolder,
      keep: () => settings.get().backup.keep,
    }),
    grants: createFolderGrants({ store, implicit: () => [defaultFolder] }),
    // The desktop asks in a native box; here the person always allows.
    confirmGrant: async () => true,
  });
  bridge.run = (channel, request) => dispatch(handlers, channel, request);
  bridge.calls.length = 0;
}
