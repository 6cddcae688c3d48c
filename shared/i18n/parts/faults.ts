/**
 * What the studio says when something around the mentor's work fails: a host
 * worker that stopped mid-job (import, pack, report), a full disk, and retrying
 * what failed. Bahasa Indonesia is the source; English must match its keys
 * (the type and tests/unit/shared/i18nMessages.test.ts check it).
 */
export const faultsId = {
  retryImport_one: 'Coba lagi {{count}} berkas yang gagal',
  retryImport_other: 'Coba lagi {{count}} berkas yang gagal',
  retryImportHint: 'Hanya berkas yang gagal karena gangguan (bukan karena berkasnya rusak) yang dicoba lagi.',
  packWorkerStopped:
    'Pembuat PDF studio berhenti di tengah jalan, jadi paket belum dibuat. Data Anda aman; tekan "Buat paket" untuk mencoba lagi.',
  summaryWorkerStopped:
    'Pembuat PDF studio berhenti di tengah jalan, jadi laporan belum dibuat. Data Anda aman; coba buat lagi.',
  batchWorkerStopped: 'pembuat PDF berhenti di tengah jalan; coba lagi',
};

/** Reasons in the import report (`intake.reasons.*`), spread into id.ts. */
export const faultIntakeReasonsId = {
  'worker-stopped': 'Pengolah gambar studio berhenti saat membaca berkas ini. Berkas lain tidak terganggu; coba lagi.',
};

export const faultsEn: typeof faultsId = {
  retryImport_one: 'Retry {{count}} failed file',
  retryImport_other: 'Retry {{count}} failed files',
  retryImportHint: 'Only files that failed because of a hiccup (not because the file is damaged) are retried.',
  packWorkerStopped:
    'The studio’s PDF maker stopped part-way, so the pack was not made. Your data is safe; press "Make the pack" to try again.',
  summaryWorkerStopped: 'The studio’s PDF maker stopped part-way, so the report was not made. Your data is safe; try again.',
  batchWorkerStopped: 'the PDF maker stopped part-way; try again',
};

export const faultIntakeReasonsEn: typeof faultIntakeReasonsId = {
  'worker-stopped': 'The studio’s image processor stopped while reading this file. The other files were not affected; try again.',
};
