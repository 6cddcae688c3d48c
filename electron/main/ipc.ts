import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '#shared/contract/channels.ts';
import { dispatch, type Handlers } from '#shared/contract/dispatch.ts';
import { err } from '#shared/contract/result.ts';
import { isAppUrl } from './appOrigin.ts';
import { ipcChannelName } from '../preload/ipcChannelName.ts';


/** Only the studio's own top-level frame may call the host. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * Registers one handler per contract channel. A foreign sender or a bad payload
 * gets an error result; nothing a renderer sends can throw in main.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers): void {
  for (const channel of channels) {
    ipcMain.handle(ipcChannelName(channel), (event, payload: unknown) => {
      // Read the frame before any await: it can be gone afterwards.
      if (!isTrustedSender(event)) return err('forbidden', 'Sender is not the studio');
      return dispatch(handlers, channel, payload);
    });
  }
}
