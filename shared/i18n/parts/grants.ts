/**
 * Folder grants: the studio writes exports and backups only into folders the
 * person chose or typed and allowed. Bahasa Indonesia is the source; English
 * must match its keys (the type and tests/unit/shared/i18nMessages.test.ts check it).
 */
export const grantsId = {
  question: 'Kemas Studio belum pernah menulis ke folder ini. Izinkan menulis ke:',
  hint: 'Folder yang Anda izinkan diingat. Studio tidak menulis ke folder lain tanpa izin Anda.',
  allow: 'Izinkan folder ini',
  declined: 'Folder ini belum diizinkan. Izinkan, atau pilih folder lain.',
  failed: 'Izin folder tidak bisa diperiksa. Coba lagi.',
  backupNotGranted:
    'Folder cadangan ini belum diizinkan untuk Kemas Studio, jadi cadangan tidak ditulis. Di pengaturan cadangan, simpan foldernya lagi dan izinkan, atau pakai folder bawaan.',
};

export const grantsEn: typeof grantsId = {
  question: 'Kemas Studio has not written into this folder before. Allow it to write into:',
  hint: 'Folders you allow are remembered. The studio writes into no other folder without your permission.',
  allow: 'Allow this folder',
  declined: 'This folder is not allowed yet. Allow it, or choose another folder.',
  failed: 'The folder permission could not be checked. Try again.',
  backupNotGranted:
    'This backup folder is not allowed for Kemas Studio, so no backup was written. In the backup settings, save the folder again and allow it, or use the default folder.',
};
