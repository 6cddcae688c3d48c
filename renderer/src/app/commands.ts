import { useEffect, useRef } from 'react';
import type { MenuCommand } from '#shared/contract/channels.ts';
import { host } from '../host/hostClient.ts';

/**
 * One way in for every command: the desktop menu, a keyboard shortcut or a
 * button all emit here, and whichever screen handles the command runs it.
 */
type Listener = (command: MenuCommand) => void;
const listeners = new Set<Listener>();

export function emitCommand(command: MenuCommand): void {
  for (const listener of listeners) listener(command);
}

/** Runs `handler` whenever `command` is emitted while the calling component is mounted. */
export function useCommand(command: MenuCommand, handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener: Listener = (c) => {
      if (c === command) ref.current();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [command]);
}

/** True while the user types in a field: single-key shortcuts must not fire then. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Wires the desktop menu to the command bus, once, at the app's root (keys come through the keymap: app/keymap.ts). */
export function useCommandSources(): void {
  useEffect(() => host.onMenuCommand(emitCommand), []);
}
