import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, isMenuCommand, type MenuCommand } from '#shared/contract/names.ts';
import { ipcChannelName, MENU_COMMAND_EVENT } from './ipcChannelName.ts';
import { BRIDGE_GLOBAL, type HostBridge } from '#shared/contract/bridge.ts';

/**
 * Exposes exactly the contract's functions, one per channel, plus a way to hear
 * menu commands. ipcRenderer itself never reaches the page.
 */
const invoke = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(ipcChannelName(channel), request)]),
);

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, command: unknown) => {
    if (isMenuCommand(command)) listener(command);
  };
  ipcRenderer.on(MENU_COMMAND_EVENT, wrapped);
  return () => ipcRenderer.removeListener(MENU_COMMAND_EVENT, wrapped);
}

const bridge: HostBridge = { invoke: invoke as HostBridge['invoke'], onMenuCommand };
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
