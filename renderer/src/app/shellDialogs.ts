import { createContext, useContext } from 'react';

/** Dialogs the shell owns (its header opens them); a full-window workspace, which hides that header, opens them from its own bar. */
export type ShellDialog = 'profile' | 'mentors' | 'shortcuts' | 'about' | 'settings';

export const ShellDialogContext = createContext<(dialog: ShellDialog) => void>(() => {});

export function useShellDialogs(): (dialog: ShellDialog) => void {
  return useContext(ShellDialogContext);
}
