import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '#shared/contract/channels.ts';
import { messages } from '#shared/i18n/messages.ts';
import { menuAccelerator } from '#shared/keymap/keymap.ts';

/**
 * The application menu, in the UI language. Items that act on the studio send
 * a menu command; the renderer runs the same action its keyboard shortcut runs.
 */
export function menuTemplate(
  language: Language,
  send: (command: MenuCommand) => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const m = messages[language].menu;
  // Accelerators come from the keymap, the one list of the studio's shortcuts.
  const command = (label: string, cmd: MenuCommand): MenuItemConstructorOptions => {
    const accelerator = menuAccelerator(cmd);
    return { label, ...(accelerator ? { accelerator } : {}), click: () => send(cmd) };
  };
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: m.file,
      submenu: [
        command(m.newWorkshop, 'workshop.new'),
        command(m.newParticipant, 'participant.new'),
        command(m.importFiles, 'intake.import'),
        command(messages[language].bundles.menuImport, 'bundle.import'),
        { type: 'separator' },
        command(messages[language].backups.menuItem, 'backup.open'),
        { type: 'separator' },
        command(m.loadDemo, 'demo.load'),
        { type: 'separator' },
        isMac ? { role: 'close', label: m.close } : { role: 'quit', label: m.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        command(m.switchLanguage, 'language.toggle'),
        { type: 'separator' },
        { role: 'resetZoom', label: m.actualSize },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: m.fullScreen },
      ],
    },
    {
      label: m.window,
      submenu: [{ role: 'minimize', label: m.minimize }, { role: 'zoom', label: m.zoom }, ...(isMac ? [{ role: 'front' as const }] : [])],
    },
    {
      role: 'help',
      label: m.help,
      submenu: [command(m.shortcuts, 'help.shortcuts'), command(m.about, 'help.about')],
    },
  ];
}
