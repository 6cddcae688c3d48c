import { render } from '@testing-library/react';
import { createElement, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '#shared/contract/channels.ts';
import { useCommand } from '#renderer/src/app/commands.ts';
import { useAppKeys, useKeyCommands, useKeyDispatcher } from '#renderer/src/app/keymap.ts';

const heard: string[] = [];
const HEARD: MenuCommand[] = ['workshop.new', 'participant.new', 'intake.import', 'language.toggle', 'help.shortcuts'];

function Listener({ command }: { command: MenuCommand }) {
  useCommand(command, () => heard.push(command));
  return null;
}

function Review({ onPin, onPanel }: { onPin: () => void; onPanel?: () => void }) {
  useKeyCommands('review', { 'review.tool.pin': onPin });
  const panel = useRef<HTMLDivElement>(null);
  useKeyCommands('scoring', onPanel ? { 'scoring.next': onPanel } : {}, panel);
  return createElement('div', { ref: panel, 'data-testid': 'panel' }, createElement('button', { type: 'button' }, 'level'));
}

function App({ children }: { children?: React.ReactNode }) {
  useKeyDispatcher();
  useAppKeys();
  return createElement('div', null, ...HEARD.map((c) => createElement(Listener, { key: c, command: c })), children);
}

const press = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

afterEach(() => {
  heard.length = 0;
});

describe('keyboard shortcuts through the keymap', () => {
  it('maps app-wide keys to commands', () => {
    render(createElement(App));
    press('n');
    press('P', document.body, { shiftKey: true });
    press('I', document.body, { shiftKey: true });
    press('l');
    press('?', document.body, { shiftKey: true });
    expect(heard).toEqual(['workshop.new', 'participant.new', 'intake.import', 'language.toggle', 'help.shortcuts']);
  });

  it('leaves typing alone: a mentor writing "nasi" in a field opens nothing', () => {
    const view = render(createElement(App));
    for (const tag of ['input', 'textarea', 'select']) {
      const field = document.createElement(tag);
      view.container.append(field);
      press('n', field);
    }
    expect(heard).toEqual([]);
  });

  it('leaves browser and system shortcuts alone', () => {
    render(createElement(App));
    press('n', document.body, { ctrlKey: true });
    press('l', document.body, { altKey: true });
    expect(heard).toEqual([]);
  });

  it('does nothing while a dialog is open', () => {
    render(createElement(App));
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    press('n');
    dialog.remove();
    expect(heard).toEqual([]);
  });

  it('gives p to the review screen (the pin) and Shift+P to the app (a new participant)', () => {
    const onPin = vi.fn();
    render(createElement(App, null, createElement(Review, { onPin })));
    expect(press('p').defaultPrevented).toBe(true);
    expect(onPin).toHaveBeenCalledOnce();
    press('P', document.body, { shiftKey: true });
    expect(heard).toEqual(['participant.new']);
  });

  it('lets a focus layer keep its keys: its handler first, else its own elements', () => {
    const onPanel = vi.fn();
    const view = render(createElement(App, null, createElement(Review, { onPin: vi.fn(), onPanel })));
    const button = view.getByText('level');
    press('ArrowDown', button);
    expect(onPanel).toHaveBeenCalledOnce();
    // Space on a button presses it: the canvas does not pan.
    expect(press(' ', button).defaultPrevented).toBe(false);
  });
});
