/**
 * Bounded host work: a file, pack or report that passes its time or memory
 * bound (a setting) is stopped and refused, and the rest of the batch goes on;
 * Cancel stops the job in progress. Bahasa Indonesia is the source; English
 * must match its keys (the type and tests/unit/shared/i18nMessages.test.ts check it).
 */
export const boundsId = {
  packTooHeavy:
    'Paket ini terlalu berat untuk dibuat dalam batas waktu atau memori, jadi pembuatannya dihentikan. Data Anda aman; naikkan batasnya di Pengaturan bila perlu.',
  summaryTooHeavy:
    'Laporan ini terlalu berat untuk dibuat dalam batas waktu atau memori, jadi pembuatannya dihentikan. Data Anda aman; naikkan batasnya di Pengaturan bila perlu.',
  batchTooHeavy: 'terlalu berat untuk dibuat dalam batas waktu atau memori',
  settingsTitle: 'Batas kerja pengolah',
  settingsHint:
    'Berkas yang terlalu berat (misalnya SVG dengan efek raksasa) dihentikan setelah batas ini, dan berkas lain tetap diolah.',
  fileSeconds: 'Waktu maksimum membaca satu berkas (detik)',
  packSeconds: 'Waktu maksimum membuat satu paket atau laporan (detik)',
  memoryMb: 'Memori maksimum satu pengolah (MB)',
};

/** Reasons in the import report (`intake.reasons.*`), spread into id.ts. */
export const boundsIntakeReasonsId = {
  'too-heavy': 'Berkas ini terlalu berat untuk dibaca dalam batas waktu (atau batas memori), jadi ditolak. Berkas lain tetap diimpor.',
  'cancelled': 'Dibatalkan saat sedang dibaca; berkas ini tidak diimpor.',
};

export const boundsEn: typeof boundsId = {
  packTooHeavy:
    'This pack was too heavy to make within the time or memory limit, so making it was stopped. Your data is safe; raise the limit in Settings if needed.',
  summaryTooHeavy:
    'This report was too heavy to make within the time or memory limit, so making it was stopped. Your data is safe; raise the limit in Settings if needed.',
  batchTooHeavy: 'too heavy to make within the time or memory limit',
  settingsTitle: 'Worker limits',
  settingsHint: 'A file that is too heavy (an SVG with giant effects, say) is stopped after these limits, and the other files go on.',
  fileSeconds: 'Longest time to read one file (seconds)',
  packSeconds: 'Longest time to make one pack or report (seconds)',
  memoryMb: 'Most memory for one worker (MB)',
};

export const boundsIntakeReasonsEn: typeof boundsIntakeReasonsId = {
  'too-heavy': 'This file is too heavy to read within the time limit (or the memory limit), so it was refused. The other files were imported.',
  'cancelled': 'Cancelled while it was being read; this file was not imported.',
};
