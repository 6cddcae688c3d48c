import type { MessageBoxOptions } from 'electron';

/**
 * The desktop's own question before the studio writes into a folder that was
 * typed rather than chosen in the folder dialog. Native, so a renderer cannot
 * answer it; in the UI's language (the menu's strings live in main too).
 */
export function grantQuestion(language: 'id' | 'en', folder: string): MessageBoxOptions {
  const id = language === 'id';
  return {
    type: 'question',
    buttons: id ? ['Izinkan', 'Batal'] : ['Allow', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Kemas Studio',
    message: id ? 'Izinkan Kemas Studio menulis ke folder ini?' : 'Allow Kemas Studio to write into this folder?',
    detail: folder,
  };
}
