import type { AppInfo, DialogResponse } from '../../shared/contract/channels.ts';
import { UnsupportedError, type Handlers } from '../../shared/contract/dispatch.ts';
import type { SettingsService } from './settingsService.ts';
import type { z } from 'zod';
import type { openDialogRequestSchema, saveDialogRequestSchema } from '../../shared/contract/channels.ts';

export interface Dialogs {
  open(request: z.output<typeof openDialogRequestSchema>): Promise<DialogResponse>;
  save(request: z.output<typeof saveDialogRequestSchema>): Promise<DialogResponse>;
}

/** For hosts without native dialogs: the renderer falls back to its own file pickers. */
export const noDialogs: Dialogs = {
  open: () => Promise.reject(new UnsupportedError('This host has no native open dialog')),
  save: () => Promise.reject(new UnsupportedError('This host has no native save dialog')),
};

export interface HostServices {
  appInfo: AppInfo;
  settings: SettingsService;
  dialogs: Dialogs;
}

/** The contract's handlers, built from services that never import 'electron'. */
export function createHostHandlers(services: HostServices): Handlers {
  return {
    'app.info': async () => services.appInfo,
    'settings.get': async () => services.settings.get(),
    'settings.update': async (patch) => services.settings.update(patch),
    'dialog.open': (request) => services.dialogs.open(request),
    'dialog.save': (request) => services.dialogs.save(request),
  };
}
