import type { Channel, MenuCommand } from './names.ts';
import type { Result } from './result.ts';

/** Name of the object the Electron preload puts on `window`. */
export const BRIDGE_GLOBAL = 'kemasHost';

/** What the Electron preload exposes: one function per contract channel, and menu commands. */
export interface HostBridge {
  readonly invoke: Readonly<Record<Channel, (request: unknown) => Promise<Result<unknown>>>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
