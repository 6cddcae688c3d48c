import type { MessageKey } from '../i18n/keys.ts';
import type { ToolName } from '../annotations/toolTypes.ts';

/**
 * Every keyboard shortcut of the studio, declared once. The renderer's key
 * dispatcher, the Shortcuts dialog, `aria-keyshortcuts` on buttons and the
 * desktop menu's accelerators are all read from this list, so keys, help and
 * menus cannot drift apart.
 *
 * Keys are tinykeys patterns (`$mod` is Ctrl, ⌘ on a Mac; `[Shift]+?` means
 * "? with or without Shift", for keys that need Shift on some layouts).
 */

/**
 * Where a key applies. `app` works on every screen, so its keys may not be
 * used by any other scope; a screen scope (`review`, `compare`) while that
 * screen is shown; a focus scope (`canvas`, `scoring`, `checklist`) while
 * focus is inside that part, where it takes precedence over its screen.
 */
export const KEY_SCOPES = ['app', 'review', 'canvas', 'canvasText', 'scoring', 'checklist', 'compare', 'dialog'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface KeyBinding {
  command: string;
  /** Alternatives, each a tinykeys pattern. */
  keys: readonly string[];
  scope: KeyScope;
  /** i18n key of what the command does, for the Shortcuts dialog. */
  label: MessageKey;
  /** How the dialog shows the keys when the list itself would be long (digits). */
  shown?: readonly string[];
  /** Accelerator of the desktop menu item that runs the same command. */
  menu?: string;
  /** The key is held rather than pressed (Space to pan): the dispatcher reports keyup too. */
  hold?: boolean;
}

const TOOL_KEYS: Record<ToolName, string> = {
  select: 'v',
  hand: 'h',
  pin: 'p',
  rect: 'r',
  ellipse: 'e',
  arrow: 'a',
  freehand: 'f',
  text: 't',
  measure: 'm',
  eyedropper: 'i',
};

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export const KEYMAP: readonly KeyBinding[] = [
  // Everywhere
  { command: 'workshop.new', keys: ['n'], scope: 'app', label: 'shortcuts.newWorkshop', menu: 'CmdOrCtrl+N' },
  { command: 'participant.new', keys: ['Shift+P'], scope: 'app', label: 'shortcuts.newParticipant', menu: 'CmdOrCtrl+Shift+N' },
  { command: 'intake.import', keys: ['Shift+I'], scope: 'app', label: 'shortcuts.importFiles', menu: 'CmdOrCtrl+I' },
  { command: 'bundle.import', keys: ['b'], scope: 'app', label: 'bundles.shortcut', menu: 'CmdOrCtrl+Shift+I' },
  { command: 'language.toggle', keys: ['l'], scope: 'app', label: 'shortcuts.toggleLanguage', menu: 'CmdOrCtrl+Shift+L' },
  { command: 'backup.open', keys: ['c'], scope: 'app', label: 'backups.shortcut' },
  { command: 'help.shortcuts', keys: ['[Shift]+?', 'F1'], scope: 'app', label: 'shortcuts.showShortcuts', menu: 'F1' },

  // In any dialog (the browser's own <dialog> handles it)
  { command: 'dialog.close', keys: ['Escape'], scope: 'dialog', label: 'shortcuts.closeDialog' },

  // On the review screen
  ...(Object.entries(TOOL_KEYS) as [ToolName, string][]).map(
    ([tool, key]): KeyBinding => ({ command: `review.tool.${tool}`, keys: [key], scope: 'review', label: `review.toolNames.${tool}` }),
  ),
  { command: 'review.undo', keys: ['$mod+z'], scope: 'review', label: 'shortcuts.undo' },
  { command: 'review.redo', keys: ['$mod+Shift+z', '$mod+y'], scope: 'review', label: 'shortcuts.redo' },
  { command: 'review.delete', keys: ['Delete', 'Backspace'], scope: 'review', label: 'shortcuts.deleteAnnotation' },
  { command: 'review.cancel', keys: ['Escape'], scope: 'review', label: 'shortcuts.cancelDraw' },
  { command: 'review.zoomFit', keys: ['0'], scope: 'review', label: 'review.fit' },
  { command: 'review.zoom100', keys: ['1'], scope: 'review', label: 'workspace.keys.zoom100' },
  { command: 'review.zoomIn', keys: ['[Shift]++', '='], scope: 'review', label: 'review.zoomIn' },
  { command: 'review.zoomOut', keys: ['-'], scope: 'review', label: 'review.zoomOut' },
  { command: 'review.pan', keys: ['Space'], scope: 'review', label: 'shortcuts.pan', hold: true },
  { command: 'review.previousFace', keys: ['['], scope: 'review', label: 'workspace.keys.previousFace' },
  { command: 'review.nextFace', keys: [']'], scope: 'review', label: 'workspace.keys.nextFace' },
  { command: 'review.toggleSide', keys: ['\\'], scope: 'review', label: 'workspace.keys.toggleSide' },
  { command: 'review.nextUnscored', keys: ['Shift+N'], scope: 'review', label: 'scoring.shortcuts.nextUnscored' },
  { command: 'review.rotateRight', keys: ['Shift+R'], scope: 'review', label: 'faceEdit.actions.rotateRight' },
  { command: 'review.rotateLeft', keys: ['Shift+L'], scope: 'review', label: 'faceEdit.actions.rotateLeft' },

  { command: 'review.switchPane', keys: ['F6'], scope: 'review', label: 'canvasKeys.keys.switchPane' },

  // On the canvas, while it has focus: every mark from the keyboard (shared/annotations/keyboardMarks.ts)
  { command: 'canvas.move', keys: ARROWS.map((k) => `[Shift]+${k}`), scope: 'canvas', label: 'canvasKeys.keys.move' },
  { command: 'canvas.resize', keys: ARROWS.map((k) => `Alt+[Shift]+${k}`), scope: 'canvas', label: 'canvasKeys.keys.resize' },
  { command: 'canvas.enter', keys: ['Enter'], scope: 'canvas', label: 'canvasKeys.keys.enter' },
  { command: 'canvas.nextMark', keys: ['Tab'], scope: 'canvas', label: 'canvasKeys.keys.nextMark' },
  { command: 'canvas.previousMark', keys: ['Shift+Tab'], scope: 'canvas', label: 'canvasKeys.keys.previousMark' },

  // Typing a note on the canvas (features/review/CanvasTextEditor.tsx)
  { command: 'canvasText.commit', keys: ['Enter'], scope: 'canvasText', label: 'canvasKeys.text.commitKey' },
  { command: 'canvasText.newLine', keys: ['Shift+Enter'], scope: 'canvasText', label: 'canvasKeys.text.newLineKey' },
  { command: 'canvasText.cancel', keys: ['Escape'], scope: 'canvasText', label: 'canvasKeys.text.cancelKey' },

  // In the Score tab (focus inside the scoring panel)
  { command: 'scoring.score', keys: DIGITS, scope: 'scoring', label: 'scoring.shortcuts.score', shown: ['1', '…', '9', '0'] },
  { command: 'scoring.previous', keys: ['ArrowUp'], scope: 'scoring', label: 'workspace.keys.previousCriterion' },
  { command: 'scoring.next', keys: ['ArrowDown'], scope: 'scoring', label: 'workspace.keys.nextCriterion' },
  { command: 'scoring.levels', keys: ['ArrowLeft', 'ArrowRight', 'Home', 'End'], scope: 'scoring', label: 'scoring.shortcuts.levels' },
  { command: 'scoring.pick', keys: ['Space', 'Enter'], scope: 'scoring', label: 'workspace.keys.pickLevel' },

  // In the Label tab (focus inside the checklist)
  { command: 'checklist.present', keys: ['1'], scope: 'checklist', label: 'checklistPanel.status.present' },
  { command: 'checklist.missing', keys: ['2'], scope: 'checklist', label: 'checklistPanel.status.missing' },
  { command: 'checklist.wrong', keys: ['3'], scope: 'checklist', label: 'checklistPanel.status.wrong' },
  { command: 'checklist.notApplicable', keys: ['4'], scope: 'checklist', label: 'checklistPanel.status.not-applicable' },
  { command: 'checklist.move', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], scope: 'checklist', label: 'checklistPanel.shortcuts.move' },

  // On the compare screen
  { command: 'compare.zoomIn', keys: ['[Shift]++', '='], scope: 'compare', label: 'compare.zoomIn' },
  { command: 'compare.zoomOut', keys: ['-'], scope: 'compare', label: 'compare.zoomOut' },
  { command: 'compare.fit', keys: ['0'], scope: 'compare', label: 'compare.fit' },
];

export function bindingOf(command: string): KeyBinding | undefined {
  return KEYMAP.find((b) => b.command === command);
}

/** A pattern reduced to what identifies a press: its required modifiers, sorted, and its key, lower case. */
export function normalisePattern(pattern: string): string {
  const parts = pattern.split(/(?<=\w|\])\+/);
  const key = (parts.pop() ?? '').toLowerCase();
  const mods = parts.filter((p) => !p.startsWith('[')).map((p) => (p === '$mod' ? 'Control' : p));
  return [...mods.sort(), key].join('+');
}

/** Pairs of commands whose keys collide: within one scope, or an app-wide key reused by any other scope. */
export function keyConflicts(keymap: readonly KeyBinding[] = KEYMAP): string[] {
  const conflicts: string[] = [];
  const seen = new Map<string, KeyBinding>();
  const app = new Map<string, KeyBinding>();
  for (const binding of keymap) {
    for (const key of binding.keys) {
      const id = normalisePattern(key);
      const other = seen.get(`${binding.scope} ${id}`);
      if (other && other.command !== binding.command) conflicts.push(`${binding.scope}: ${other.command} and ${binding.command} share ${key}`);
      seen.set(`${binding.scope} ${id}`, binding);
      if (binding.scope === 'app') app.set(id, binding);
    }
  }
  for (const binding of keymap) {
    if (binding.scope === 'app' || binding.scope === 'dialog') continue;
    for (const key of binding.keys) {
      const clash = app.get(normalisePattern(key));
      if (clash) conflicts.push(`app: ${clash.command} and ${binding.scope}: ${binding.command} share ${key}`);
    }
  }
  const menus = new Map<string, string>();
  for (const binding of keymap) {
    if (!binding.menu) continue;
    const other = menus.get(binding.menu);
    if (other) conflicts.push(`menu: ${other} and ${binding.command} share ${binding.menu}`);
    menus.set(binding.menu, binding.command);
  }
  return conflicts;
}

const NAMES: Record<string, string> = {
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  escape: 'Esc',
  space: 'Space',
  delete: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
};

/** How a pattern is written for people: "Ctrl+Shift+Z", "?", "P". */
export function displayPattern(pattern: string, mac = false): string {
  const parts = pattern.split(/(?<=\w|\])\+/);
  const key = parts.pop() ?? '';
  const mods = parts.filter((p) => !p.startsWith('[')).map((p) => (p === '$mod' ? (mac ? '⌘' : 'Ctrl') : p));
  const shownKey = NAMES[key.toLowerCase()] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...mods, shownKey].join('+');
}

/** The keys of a binding as the Shortcuts dialog lists them. */
export function displayKeys(binding: KeyBinding, mac = false): readonly string[] {
  return binding.shown ?? binding.keys.map((k) => displayPattern(k, mac));
}

/** `aria-keyshortcuts` for a command: its alternatives in the ARIA form ("Control+Shift+Z Control+Y"). */
export function ariaKeys(command: string, mac = false): string | undefined {
  const binding = bindingOf(command);
  if (!binding || binding.keys.length === 0) return undefined;
  return binding.keys
    .map((pattern) => {
      const parts = pattern.split(/(?<=\w|\])\+/);
      const key = parts.pop() ?? '';
      const mods = parts.filter((p) => !p.startsWith('[')).map((p) => (p === '$mod' ? (mac ? 'Meta' : 'Control') : p));
      return [...mods, key.length === 1 ? key.toUpperCase() : key].join('+');
    })
    .join(' ');
}

/** The desktop menu's accelerator for a command, if the menu has it. */
export function menuAccelerator(command: string): string | undefined {
  return bindingOf(command)?.menu;
}

/** The first of a command's keys as people write it, for a tooltip or a <kbd>: "Ctrl+Z", "P". */
export function shortcutHint(command: string, mac = false): string {
  const binding = bindingOf(command);
  const first = binding?.keys[0];
  return first ? displayPattern(first, mac) : '';
}
