import { describe, expect, it } from 'vitest';
import { faceFromFileName, faceFromPage, facesForPages, words } from '#shared/intake/faceGuess.ts';

describe('faceFromFileName', () => {
  it.each([
    ['KOPI_depan_final.jpg', 'front'],
    ['kopi-DEPAN.JPG', 'front'],
    ['KopiDepan2.png', 'front'],
    ['Tampak Depan rev3.jpg', 'front'],
    ['front.png', 'front'],
    ['Brem Madiun - Front View.tif', 'front'],
    ['back-v2.png', 'back'],
    ['Keripik_Belakang (1).jpg', 'back'],
    ['muka belakang.pdf', 'back'],
    ['Rear label final.pdf', 'back'],
    ['Kemasan Samping Kiri.tif', 'left'],
    ['sisi_kiri.jpg', 'left'],
    ['LEFT-panel.png', 'left'],
    ['kemasan samping kanan FINAL.jpg', 'right'],
    ['right side.jpg', 'right'],
    ['samping.jpg', 'side'],
    ['side-v3.png', 'side'],
    ['tutup atas.jpg', 'top'],
    ['Top view.jpeg', 'top'],
    ['bagian bawah.jpg', 'bottom'],
    ['bottom.png', 'bottom'],
    ['Dieline Kopi Ijen.pdf', 'dieline'],
    ['pisau_kopi.pdf', 'dieline'],
    ['garis pisau final.ai.pdf', 'dieline'],
    ['die-cut template.pdf', 'dieline'],
    ['Mock-up kopi.png', 'mockup'],
    ['MOCKUP_3D.jpg', 'mockup'],
    ['Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg', 'front'],
    ['desain/Jamu - lainnya.png', 'other'],
  ])('%s → %s', (name, face) => {
    expect(faceFromFileName(name)).toBe(face);
  });

  it.each([
    'IMG_20240312_101522.jpg',
    'WhatsApp Image 2024-03-12 at 10.15.22.jpeg',
    'scan0001.tif',
    'Kopi Ijen final.pdf',
    'backup.png',
    'laptop.jpg',
    'frontier.png',
    'atasan.jpg',
    'depan-belakang.pdf',
    'front and back.pdf',
  ])('%s says nothing', (name) => {
    expect(faceFromFileName(name)).toBeNull();
  });

  it('splits camelCase, drops version markers and trailing digits', () => {
    expect(words('KopiDepan_v2-final3 (1)')).toEqual(['kopi', 'depan', 'final']);
  });
});

describe('faceFromPage', () => {
  it('reads a page label', () => {
    expect(faceFromPage('Belakang', [])).toBe('back');
    expect(faceFromPage('3', ['Muka belakang'])).toBe('back');
  });

  it('reads a line that is only a face name, not body copy', () => {
    expect(faceFromPage(null, ['Kopi Arabika', 'Muka belakang', 'Komposisi: kopi arabika 100%'])).toBe('back');
    expect(faceFromPage(null, ['DEPAN'])).toBe('front');
    expect(faceFromPage(null, ['Simpan di tempat sejuk, lihat bagian bawah kemasan'])).toBeNull();
    expect(faceFromPage(null, [])).toBeNull();
  });

  it('says nothing when two lines name different faces', () => {
    expect(faceFromPage(null, ['Depan', 'Belakang'])).toBeNull();
  });
});

describe('facesForPages', () => {
  it('lets a page that names itself win over page order', () => {
    // The two-page dieline PDF from the tray: page 2 says "Muka belakang".
    expect(facesForPages({ pageHints: [null, 'back'], nameHint: null, fallback: 'other' })).toEqual(['front', 'back']);
    expect(facesForPages({ pageHints: ['back', null], nameHint: null, fallback: 'other' })).toEqual(['back', 'front']);
  });

  it('gives the file name to the first page and pack order to the rest', () => {
    expect(facesForPages({ pageHints: [null, null, null], nameHint: 'front', fallback: 'front' })).toEqual(['front', 'back', 'left']);
    expect(facesForPages({ pageHints: [null, null], nameHint: 'back', fallback: 'back' })).toEqual(['back', 'front']);
  });

  it('keeps the fallback for a single page that says nothing', () => {
    expect(facesForPages({ pageHints: [null], nameHint: null, fallback: 'other' })).toEqual(['other']);
    expect(facesForPages({ pageHints: [null], nameHint: 'side', fallback: 'right' })).toEqual(['right']);
  });

  it('makes a bare side the free hand', () => {
    expect(facesForPages({ pageHints: ['left', 'side'], nameHint: null, fallback: 'other' })).toEqual(['left', 'right']);
  });
});
