/**
 * Names only, without schemas, so the sandboxed preload can list the contract
 * without bundling zod. `channels.ts` gives each name its schemas.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'dialog.open',
  'dialog.save',
  'ingest.file',
  'pack.render',
  'pack.summary',
  'jobs.cancel',
  'folders.check',
  'folders.grant',
  'export.folder',
  'export.write',
  'export.reveal',
  'export.exists',
  'files.opened',
  'backup.list',
  'backup.checkFolder',
  'backup.begin',
  'backup.append',
  'backup.commit',
  'backup.abort',
  'backup.read',
  'backup.delete',
  'backup.quitReady',
  'handout.interfaces',
  'handout.prepare',
  'handout.addPack',
  'handout.start',
  'handout.stop',
  'handout.status',
  'handout.sheet',
] as const;
export type Channel = (typeof CHANNEL_NAMES)[number];

/**
 * Commands the host pushes to the renderer (the desktop menu). The renderer
 * binds the same commands to keyboard shortcuts where there is no menu.
 */
export const MENU_COMMANDS = [
  'workshop.new',
  'participant.new',
  'demo.load',
  'language.toggle',
  'help.shortcuts',
  'help.about',
  'intake.import',
  'bundle.openPending',
  'bundle.import',
  'backup.open',
  /** Electron's before-quit: the renderer makes a final backup, then answers 'backup.quitReady'. */
  'backup.beforeQuit',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return (MENU_COMMANDS as readonly unknown[]).includes(value);
}
