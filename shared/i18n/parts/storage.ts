/*
 * Whether the browser keeps the studio's storage for good (persistent) or may evict it under disk
 * pressure, and how much room is left: shown in Pengaturan and on the Cadangan screen.
 * Bahasa Indonesia is the source; English must match its keys.
 */
export const storageId = {
  title: 'Penyimpanan studio',
  checking: 'Memeriksa penyimpanan…',
  persistent: 'Penyimpanan tetap: peramban tidak akan menghapus data studio walau disk hampir penuh.',
  notPersistent:
    'Penyimpanan belum tetap: bila disk hampir penuh, peramban boleh menghapus data studio tanpa bertanya. Cadangkan secara teratur ke folder lain.',
  unknown: 'Peramban ini tidak memberi tahu apakah penyimpanan studio tetap. Cadangkan secara teratur.',
  ask: 'Minta penyimpanan tetap',
  asking: 'Meminta…',
  refused: 'Peramban belum mengizinkan penyimpanan tetap. Memasang studio sebagai aplikasi atau menandainya (bookmark) sering membantu.',
  room: 'Ruang tersisa: {{free}} dari {{quota}} (terpakai {{used}}).',
  roomUnknown: 'Peramban tidak memberi tahu berapa ruang yang tersisa.',
  usageLabel: 'Ruang terpakai',
};

export const storageEn: typeof storageId = {
  title: "The studio's storage",
  checking: 'Checking the storage…',
  persistent: "Persistent storage: the browser will not delete the studio's data even when the disk is nearly full.",
  notPersistent:
    "Storage is not persistent: when the disk is nearly full, the browser may delete the studio's data without asking. Back up regularly to another folder.",
  unknown: "This browser does not say whether the studio's storage is persistent. Back up regularly.",
  ask: 'Ask for persistent storage',
  asking: 'Asking…',
  refused: 'The browser has not allowed persistent storage yet. Installing the studio as an app or bookmarking it often helps.',
  room: 'Room left: {{free}} of {{quota}} ({{used}} used).',
  roomUnknown: 'The browser does not say how much room is left.',
  usageLabel: 'Room used',
};
