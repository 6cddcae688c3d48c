import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../renderer/src/app/commands.ts';

const key = (k: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps single keys to commands', () => {
    expect(commandForKey(key('n'))).toBe('workshop.new');
    expect(commandForKey(key('p'))).toBe('participant.new');
    expect(commandForKey(key('l'))).toBe('language.toggle');
    expect(commandForKey(key('?'))).toBe('help.shortcuts');
  });

  it('leaves typing alone: a mentor writing "nasi" in a field opens nothing', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      expect(commandForKey(key('n', document.createElement(tag)))).toBeNull();
    }
  });

  it('leaves browser and system shortcuts alone', () => {
    expect(commandForKey(key('n', document.body, { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('l', document.body, { altKey: true }))).toBeNull();
  });

  it('does nothing while a dialog is open', () => {
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(commandForKey(key('n'))).toBeNull();
    dialog.remove();
  });
});
