import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { matchKeybindingPress, parseKeybinding, type KeybindingPress } from 'tinykeys';
import { KEYMAP, type KeyBinding, type KeyScope } from '#shared/keymap/keymap.ts';
import type { MenuCommand } from '#shared/contract/channels.ts';
import { emitCommand, isTyping } from './commands.ts';

/**
 * The one key dispatcher. Screens and parts of screens register a layer of
 * handlers for a scope of the keymap (shared/keymap/keymap.ts); a key press
 * goes to the first layer that has a binding for it: focus layers holding
 * the focus first (innermost, latest first), then the screen, then the app.
 * Matching is tinykeys'.
 */
/** Returning false leaves the key to the browser (Tab past the last mark moves focus on). */
type Handler = (event: KeyboardEvent) => void | boolean;

interface Layer {
  scope: KeyScope;
  handlers: () => Readonly<Record<string, Handler>>;
  /** A focus layer: only while focus is inside this element. */
  within: (() => Element | null) | null;
}

const layers: Layer[] = [];
const presses = new Map<KeyBinding, KeybindingPress[]>(
  KEYMAP.map((binding) => [binding, binding.keys.map((key) => parseKeybinding(key)[0] as KeybindingPress)]),
);

/** The binding of `scope` that this key event presses, if any. */
export function bindingFor(event: KeyboardEvent, scope: KeyScope): KeyBinding | null {
  for (const binding of KEYMAP) {
    if (binding.scope !== scope) continue;
    if (presses.get(binding)?.some((press) => matchKeybindingPress(event, press))) return binding;
  }
  return null;
}

/** True when the event presses one of `command`'s keys. */
export function pressesCommand(event: KeyboardEvent, command: string): boolean {
  const binding = KEYMAP.find((b) => b.command === command);
  return Boolean(binding && presses.get(binding)?.some((press) => matchKeybindingPress(event, press)));
}

const TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file']);
const PRESSABLE = 'button, a[href], summary, input, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [role="option"]';
const ARROWED = 'input[type="range"], input[type="radio"], select, [role="tab"], [role="slider"], [role="radio"], [role="separator"], [role="option"], [role="radiogroup"]';

/**
 * True when the focused element uses this key itself: any key while typing
 * text, Space and Enter on what can be pressed, arrows on sliders, radios and
 * tabs. Those keys are left to it.
 */
export function focusOwnsKey(target: Element | null, event: Pick<KeyboardEvent, 'key'>): boolean {
  if (!target) return false;
  // Function keys never type anything: F1 (help) and F6 (next pane) work from a text field too.
  if (/^F\d{1,2}$/.test(event.key)) return false;
  if (target instanceof HTMLInputElement ? !TEXT_INPUTS.has(target.type) : isTyping(target)) return true;
  if ((event.key === ' ' || event.key === 'Enter') && target.closest(PRESSABLE)) return true;
  return /^(Arrow|Home$|End$|Page)/.test(event.key) && Boolean(target.closest(ARROWED));
}

function dispatch(event: KeyboardEvent): void {
  if (event.isComposing || event.defaultPrevented) return;
  // A modal dialog has the keyboard; the browser's <dialog> handles Escape.
  if (document.querySelector('dialog[open]')) return;
  const target = event.target instanceof Element ? event.target : null;
  // An open menu owns its keys (arrows, Escape); typing, pressing and sliding keep theirs.
  if (target?.closest('[role="menu"]') || focusOwnsKey(target, event)) return;
  const focus = layers.filter((l) => l.within && target && l.within()?.contains(target)).reverse();
  const screen = layers.filter((l) => !l.within && l.scope !== 'app').reverse();
  const app = layers.filter((l) => l.scope === 'app').reverse();
  for (const layer of [...focus, ...screen, ...app]) {
    const binding = bindingFor(event, layer.scope);
    if (!binding) continue;
    const handler = layer.handlers()[binding.command];
    // A focus layer owns its keys even where its own elements handle them (the level buttons' arrows).
    if (!handler) {
      if (layer.within) return;
      continue;
    }
    if (event.type === 'keyup' && !binding.hold) return;
    if (handler(event) === false) return;
    event.preventDefault();
    event.stopPropagation();
    return;
  }
}

/** Installs the dispatcher once, at the app's root. */
export function useKeyDispatcher(): void {
  useEffect(() => {
    window.addEventListener('keydown', dispatch, true);
    window.addEventListener('keyup', dispatch, true);
    return () => {
      window.removeEventListener('keydown', dispatch, true);
      window.removeEventListener('keyup', dispatch, true);
    };
  }, []);
}

/**
 * Handles the commands of `scope` while the calling component is mounted
 * (and, with `within`, while focus is inside that element). Commands of the
 * scope without a handler here fall through to the next layer, except in a
 * focus layer, which leaves them to its own elements.
 */
export function useKeyCommands(scope: KeyScope, handlers: Readonly<Record<string, Handler>>, within?: RefObject<Element | null>): void {
  const current = useRef(handlers);
  // In the commit itself, not after the paint: a key pressed as soon as the screen shows a change
  // (a mark just made, read out) meets the handlers of that screen.
  useLayoutEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const layer: Layer = { scope, handlers: () => current.current, within: within ? () => within.current : null };
    layers.push(layer);
    return () => {
      layers.splice(layers.indexOf(layer), 1);
    };
  }, [scope, within]);
}

/** The app-wide keys: each emits its command on the command bus, as the desktop menu does. */
export function useAppKeys(): void {
  const handlers = Object.fromEntries(
    KEYMAP.filter((b) => b.scope === 'app').map((b) => [b.command, () => emitCommand(b.command as MenuCommand)] as const),
  );
  useKeyCommands('app', handlers);
}
