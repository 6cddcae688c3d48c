/**
 * Words for correcting a face: its type (from the face tab, the tray and the
 * import report), its orientation (turn and mirror, never touching the
 * original), and which pack dimensions a measure or a DPI rests on.
 * Bahasa Indonesia is the source; English must match its keys.
 */
export const faceEditId = {
  menu: 'Ubah sisi {{face}}',
  menuShort: 'Sisi',
  typeGroup: 'Jenis sisi',
  setType: 'Jadikan {{face}}',
  typeOf: 'Jenis sisi {{file}}',
  typeChanged: 'Sisi {{from}} kini {{to}}.',
  actions: {
    rotateLeft: 'Putar 90° ke kiri',
    rotateRight: 'Putar 90° ke kanan',
    rotate180: 'Putar 180°',
    flipHorizontal: 'Cerminkan mendatar',
    flipVertical: 'Cerminkan tegak',
    reset: 'Kembalikan arah asli',
  },
  turned: 'Sisi {{face}}: {{action}}. Berkas asli tidak diubah.',
  dimensions: {
    width: 'lebar',
    height: 'tinggi',
    depth: 'kedalaman',
  },
  basisPack: '{{first}} × {{second}} kemasan ({{size}} mm) untuk {{face}}',
  basisAcross: '{{basis}}, dipasangkan melintang karena gambar tampil miring terhadap kemasan (putar sisi ini bila gambarnya miring)',
  askType: 'Jenis sisi ini belum ditetapkan, jadi ukuran kemasan belum bisa dipakai. Pilih jenisnya:',
  sheet: 'Sisi {{face}} tidak punya satu ukuran kemasan; ukuran diambil dari kalibrasi.',
  measureBasis: 'Ukur memakai {{basis}}.',
  measureNoPack: 'Ukur dalam piksel: isi ukuran kemasan peserta untuk hasil dalam mm.',
  measureUnknown: 'Ukur dalam piksel: tetapkan jenis sisi ini agar ukuran kemasan dapat dipakai.',
  importedTitle: 'Sisi yang masuk',
  importedIntro: 'Jenis ditebak dari nama berkas atau halaman PDF; ubah di sini bila salah.',
  filePage: '{{file}}, halaman {{page}}',
  moreImported: 'Dan {{count}} sisi lagi: ubah jenisnya dari tab sisi.',
};

export const faceEditEn: typeof faceEditId = {
  menu: 'Change face {{face}}',
  menuShort: 'Face',
  typeGroup: 'Face type',
  setType: 'Make it {{face}}',
  typeOf: 'Face type of {{file}}',
  typeChanged: 'Face {{from}} is now {{to}}.',
  actions: {
    rotateLeft: 'Rotate 90° left',
    rotateRight: 'Rotate 90° right',
    rotate180: 'Rotate 180°',
    flipHorizontal: 'Flip horizontally',
    flipVertical: 'Flip vertically',
    reset: 'Back to the original orientation',
  },
  turned: 'Face {{face}}: {{action}}. The original file is unchanged.',
  dimensions: {
    width: 'width',
    height: 'height',
    depth: 'depth',
  },
  basisPack: 'the pack {{first}} × {{second}} ({{size}} mm) for the {{face}} face',
  basisAcross: '{{basis}}, matched crosswise because the picture lies across the pack (turn this face if it is on its side)',
  askType: 'This face has no type yet, so the pack size cannot be used. Choose its type:',
  sheet: 'The {{face}} face has no single pack size; sizes come from calibration.',
  measureBasis: 'Measuring with {{basis}}.',
  measureNoPack: 'Measuring in pixels: fill in the participant’s pack size for millimetres.',
  measureUnknown: 'Measuring in pixels: set this face’s type so the pack size can be used.',
  importedTitle: 'Faces that came in',
  importedIntro: 'Types are guessed from the file name or the PDF page; change them here when wrong.',
  filePage: '{{file}}, page {{page}}',
  moreImported: 'And {{count}} more faces: change their type from the face tabs.',
};
