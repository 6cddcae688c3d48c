/**
 * Words of the review and compare workspaces: the compact top bar, its
 * overflow menu, the tool rail, the resizable side panel and the readouts
 * shown next to the cursor on the canvas. Bahasa Indonesia is the source;
 * English must match its keys.
 */
export const workspaceId = {
  topBar: 'Bilah atas telaah',
  compareTopBar: 'Bilah atas perbandingan',
  where: 'Lokasi',
  reviewTitle: '{{business}} · versi {{version}}',
  version: 'versi {{version}}',
  versionShort: 'v{{version}}',
  actions: 'Tindakan',
  more: 'Lainnya',
  moreLabel: 'Tindakan lainnya',
  shortcuts: 'Pintasan papan ketik',
  language: 'Ganti bahasa (English)',
  sidePanel: 'Panel samping',
  resizeSide: 'Ubah lebar panel samping',
  collapseSide: 'Sembunyikan panel samping',
  expandSide: 'Tampilkan panel samping',
  canvasControls: 'Kontrol kanvas',
  cursorReadout: 'Hasil di dekat kursor',
  measureReadoutMm: '{{mm}} mm',
  measureReadoutPx: '{{px}} px',
  contrastReadout: 'kontras {{ratio}} : 1 · {{verdict}}',
  participantPage: 'Halaman peserta',
  jobElsewhere: 'Impor berjalan di layar lain: {{done}} dari {{total}}',
  notifications: 'Pemberitahuan',
};

export const workspaceEn: typeof workspaceId = {
  topBar: 'Review top bar',
  compareTopBar: 'Compare top bar',
  where: 'Location',
  reviewTitle: '{{business}} · version {{version}}',
  version: 'version {{version}}',
  versionShort: 'v{{version}}',
  actions: 'Actions',
  more: 'More',
  moreLabel: 'More actions',
  shortcuts: 'Keyboard shortcuts',
  language: 'Switch language (Bahasa Indonesia)',
  sidePanel: 'Side panel',
  resizeSide: 'Resize the side panel',
  collapseSide: 'Hide the side panel',
  expandSide: 'Show the side panel',
  canvasControls: 'Canvas controls',
  cursorReadout: 'Readout by the cursor',
  measureReadoutMm: '{{mm}} mm',
  measureReadoutPx: '{{px}} px',
  contrastReadout: 'contrast {{ratio}} : 1 · {{verdict}}',
  participantPage: 'Participant page',
  jobElsewhere: 'Import running on another screen: {{done}} of {{total}}',
  notifications: 'Notifications',
};
