import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/contract/channels.ts';
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

/** Single-key shortcuts, ignored while typing or while a dialog is open. */
export const KEY_BINDINGS: Readonly<Record<string, MenuCommand>> = {
  n: 'workshop.new',
  p: 'participant.new',
  i: 'intake.import',
  b: 'bundle.import',
  l: 'language.toggle',
  '?': 'help.shortcuts',
  F1: 'help.shortcuts',
};

export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): MenuCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return null;
  return KEY_BINDINGS[event.key] ?? null;
}

/** Wires the keyboard and the desktop menu to the command bus, once, at the app's root. */
export function useCommandSources(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      emitCommand(command);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = host.onMenuCommand(emitCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);
}
