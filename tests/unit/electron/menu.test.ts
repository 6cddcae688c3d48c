import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Language, MenuCommand } from '#shared/contract/channels.ts';
import { messages } from '#shared/i18n/messages.ts';
import { menuTemplate } from '#electron/main/menu.ts';

type Item = MenuItemConstructorOptions;

function submenuOf(item: Item | undefined): Item[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`${item?.label ?? 'item'} has no submenu`);
  return item.submenu;
}

function find(template: Item[], label: string): Item {
  const item = template.find((i) => i.label === label);
  if (!item) throw new Error(`No menu item labelled ${label}`);
  return item;
}

/** Clicks a template item the way Electron would. */
function click(item: Item): void {
  if (!item.click) throw new Error(`${item.label ?? item.role ?? 'item'} is not clickable`);
  (item.click as () => void)();
}

function allItems(template: Item[]): Item[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe.each<Language>(['id', 'en'])('menuTemplate in %s', (language) => {
  const m = messages[language].menu;

  it('has File, Edit, View, Window and Help in that order, in the chosen language', () => {
    const template = menuTemplate(language, vi.fn(), false);
    expect(template.map((i) => i.label)).toEqual([m.file, m.edit, m.view, m.window, m.help]);
  });

  it('puts New workshop under File with CmdOrCtrl+N, and clicking it sends workshop.new', () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const file = submenuOf(find(menuTemplate(language, send, false), m.file));
    const newWorkshop = file.find((i) => i.label === m.newWorkshop);
    expect(newWorkshop?.accelerator).toBe('CmdOrCtrl+N');
    expect(send).not.toHaveBeenCalled();
    click(newWorkshop as Item);
    expect(send).toHaveBeenCalledExactlyOnceWith('workshop.new');
  });

  it('sends the matching command from every command item', () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const items = allItems(menuTemplate(language, send, false));
    const byLabel = (label: string) => {
      const item = items.find((i) => i.label === label);
      if (!item) throw new Error(`No menu item labelled ${label}`);
      return item;
    };
    const expected: [string, MenuCommand, string | undefined][] = [
      [m.newParticipant, 'participant.new', 'CmdOrCtrl+Shift+N'],
      [m.loadDemo, 'demo.load', undefined],
      [m.switchLanguage, 'language.toggle', 'CmdOrCtrl+Shift+L'],
      [m.shortcuts, 'help.shortcuts', 'F1'],
      [m.about, 'help.about', undefined],
    ];
    for (const [label, command, accelerator] of expected) {
      send.mockClear();
      const item = byLabel(label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(send).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('labels every visible item (no untranslated role defaults) outside the macOS app menu', () => {
    for (const item of allItems(menuTemplate(language, vi.fn(), false))) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toBeTruthy();
    }
  });
});

describe('menuTemplate platforms', () => {
  it('offers Quit on Windows and Linux and Close Window plus the app menu on macOS', () => {
    const other = menuTemplate('en', vi.fn(), false);
    const mac = menuTemplate('en', vi.fn(), true);
    expect(other.some((i) => i.role === 'appMenu')).toBe(false);
    expect(mac[0]?.role).toBe('appMenu');
    const otherFile = submenuOf(find(other, 'File'));
    const macFile = submenuOf(find(mac, 'File'));
    expect(otherFile.some((i) => i.role === 'quit')).toBe(true);
    expect(otherFile.some((i) => i.role === 'close')).toBe(false);
    expect(macFile.some((i) => i.role === 'close')).toBe(true);
    expect(macFile.some((i) => i.role === 'quit')).toBe(false);
  });
});

describe('menuTemplate languages', () => {
  it('speaks Indonesian and English differently', () => {
    const id = menuTemplate('id', vi.fn(), false).map((i) => i.label);
    const en = menuTemplate('en', vi.fn(), false).map((i) => i.label);
    expect(id).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Jendela', 'Bantuan']);
    expect(en).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const idFile = submenuOf(menuTemplate('id', vi.fn(), false)[0]).map((i) => i.label);
    const enFile = submenuOf(menuTemplate('en', vi.fn(), false)[0]).map((i) => i.label);
    expect(idFile[0]).toBe('Workshop Baru');
    expect(enFile[0]).toBe('New Workshop');
  });
});
