/**
 * Words of the review and compare workspaces: the compact top bar, its
 * overflow menu, the tool rail, the resizable side panel and the readouts
 * shown next to the cursor on the canvas. Bahasa Indonesia is the source;
 * English must match its keys.
 */
export const workspaceId = {
  topBar: 'Bilah atas telaah',
  compareTopBar: 'Bilah atas perbandingan',
  reviewTitle: '{{business}} · versi {{version}}',
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
  measureReadoutMm: '{{mm}} mm',
  measureReadoutPx: '{{px}} px',
  contrastReadout: 'kontras {{ratio}} : 1 · {{verdict}}',
  participantPage: 'Halaman peserta',
  jobElsewhere: 'Impor berjalan di layar lain: {{done}} dari {{total}}',
  keys: {
    zoom100: 'Perbesaran 100 %',
    previousFace: 'Tampak sebelumnya',
    nextFace: 'Tampak berikutnya',
    toggleSide: 'Sembunyikan / tampilkan panel samping',
    previousCriterion: 'Kriteria sebelumnya',
    nextCriterion: 'Kriteria berikutnya',
    pickLevel: 'Pilih nilai yang disorot',
    inCompare: 'Di layar perbandingan',
    onCanvas: 'Di kanvas (saat kanvas difokuskan)',
  },
};

export const workspaceEn: typeof workspaceId = {
  topBar: 'Review top bar',
  compareTopBar: 'Compare top bar',
  reviewTitle: '{{business}} · version {{version}}',
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
  measureReadoutMm: '{{mm}} mm',
  measureReadoutPx: '{{px}} px',
  contrastReadout: 'contrast {{ratio}} : 1 · {{verdict}}',
  participantPage: 'Participant page',
  jobElsewhere: 'Import running on another screen: {{done}} of {{total}}',
  keys: {
    zoom100: 'Zoom to 100 %',
    previousFace: 'Previous face',
    nextFace: 'Next face',
    toggleSide: 'Hide / show the side panel',
    previousCriterion: 'Previous criterion',
    nextCriterion: 'Next criterion',
    pickLevel: 'Pick the highlighted level',
    inCompare: 'On the compare screen',
    onCanvas: 'On the canvas (while it has focus)',
  },
};
