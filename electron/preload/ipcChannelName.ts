import type { Channel } from '#shared/contract/names.ts';

/** IPC channel name of a contract channel, prefixed so it cannot clash with Electron's. */
export function ipcChannelName(channel: Channel): string {
  return `kemas:${channel}`;
}

export const MENU_COMMAND_EVENT = 'kemas:menu-command';
