import { describe, expect, it } from 'vitest';
import { messages } from '#shared/i18n/messages.ts';
import {
  ariaKeys,
  displayKeys,
  displayPattern,
  KEYMAP,
  keyConflicts,
  menuAccelerator,
  normalisePattern,
  type KeyBinding,
} from '#shared/keymap/keymap.ts';

/** Follows a dotted i18n key into the messages. */
function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('the keymap', () => {
  it('has no two commands on the same keys in one scope, no app key reused elsewhere, no menu accelerator twice', () => {
    expect(keyConflicts()).toEqual([]);
  });

  it('catches a clash within a scope, an app key reused by a screen, and a doubled accelerator', () => {
    const extra: KeyBinding[] = [
      { command: 'review.other', keys: ['P'], scope: 'review', label: 'shortcuts.title' },
      { command: 'compare.import', keys: ['Shift+i'], scope: 'compare', label: 'shortcuts.title' },
      { command: 'app.other', keys: ['F2'], scope: 'app', label: 'shortcuts.title', menu: 'F1' },
    ];
    const found = keyConflicts([...KEYMAP, ...extra]);
    expect(found).toContain('review: review.tool.pin and review.other share P');
    expect(found).toContain('app: intake.import and compare: compare.import share Shift+i');
    expect(found).toContain('menu: help.shortcuts and app.other share F1');
  });

  it('no longer gives i and p two meanings: on the review screen they pick the eyedropper and the pin', () => {
    const onKey = (key: string) => KEYMAP.filter((b) => b.keys.some((k) => normalisePattern(k) === normalisePattern(key))).map((b) => b.command);
    expect(onKey('i')).toEqual(['review.tool.eyedropper']);
    expect(onKey('p')).toEqual(['review.tool.pin']);
    expect(onKey('Shift+I')).toEqual(['intake.import']);
    expect(onKey('Shift+P')).toEqual(['participant.new']);
  });

  it('names every command in both languages', () => {
    for (const binding of KEYMAP) {
      expect(typeof lookup(messages.id, binding.label), `${binding.command}: ${binding.label}`).toBe('string');
      expect(typeof lookup(messages.en, binding.label), `${binding.command}: ${binding.label}`).toBe('string');
    }
  });

  it('writes keys for people, for ARIA and for the desktop menu from the same entries', () => {
    expect(displayPattern('$mod+Shift+z')).toBe('Ctrl+Shift+Z');
    expect(displayPattern('$mod+z', true)).toBe('⌘+Z');
    expect(displayPattern('[Shift]+?')).toBe('?');
    expect(displayPattern('ArrowUp')).toBe('↑');
    expect(ariaKeys('review.redo')).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeys('review.tool.pin')).toBe('P');
    expect(ariaKeys('help.shortcuts')).toBe('? F1');
    expect(displayKeys(KEYMAP.find((b) => b.command === 'scoring.score') as KeyBinding)).toEqual(['1', '…', '9', '0']);
    expect(menuAccelerator('workshop.new')).toBe('CmdOrCtrl+N');
    expect(menuAccelerator('review.undo')).toBeUndefined();
  });
});
