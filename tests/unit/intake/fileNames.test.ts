import { describe, expect, it } from 'vitest';
import { FACES } from '#shared/domain/asset.ts';
import {
  faceFromWord,
  matchParticipant,
  normaliseName,
  parseDesignFileName,
} from '#shared/intake/fileNames.ts';

describe('parseDesignFileName', () => {
  it('reads the convention with spaced hyphens, underscores and en dashes', () => {
    expect(parseDesignFileName('Business - Product - front.jpg')).toEqual({
      business: 'Business',
      product: 'Product',
      face: 'front',
      version: null,
    });
    expect(parseDesignFileName('Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg')).toEqual({
      business: 'Keripik Tempe Bu Sari',
      product: 'Keripik Tempe',
      face: 'front',
      version: null,
    });
    expect(parseDesignFileName('Kopi Ijen_Kopi Arabika_belakang.png')).toEqual({
      business: 'Kopi Ijen',
      product: 'Kopi Arabika',
      face: 'back',
      version: null,
    });
    // Hyphens inside a word stay; the en dash separates.
    expect(parseDesignFileName('jamu-kunyit – label – sisi kiri.pdf')).toEqual({
      business: 'jamu-kunyit',
      product: 'label',
      face: 'left',
      version: null,
    });
  });

  it('reads version markers as a part of their own or after the face', () => {
    const version = (name: string) => parseDesignFileName(name)?.version;
    expect(version('Sambal Roa Mak Nyak - Sambal Roa - depan v2.jpg')).toBe(2);
    expect(version('Sambal Roa Mak Nyak - Sambal Roa - depan - versi 3.png')).toBe(3);
    expect(version('Kopi Ijen_Kopi Arabika_belakang_rev2.jpg')).toBe(2);
    expect(version('Kopi Ijen - Kopi Arabika - V4 - depan.jpg')).toBe(4);
    expect(version('Kopi Ijen - Kopi Arabika - depan (revisi 5).jpg')).toBe(5);
    expect(parseDesignFileName('Kopi Ijen - Kopi Arabika - depan v2.jpg')?.face).toBe('front');
  });

  it('keeps a product name that merely looks like a version', () => {
    expect(parseDesignFileName('Teh Tarik Pak Kumis - Teh V8 - depan.jpg')).toMatchObject({
      product: 'Teh V8',
      version: null,
    });
  });

  it('ignores the (1) a second download adds', () => {
    expect(parseDesignFileName('Bu Sari - Keripik - depan (1).jpg')).toMatchObject({ face: 'front', version: null });
  });

  it('reads a name inside a dropped folder path', () => {
    expect(parseDesignFileName('Peserta Madiun/Brem Suling - Brem - atas.jpg')?.face).toBe('top');
    expect(parseDesignFileName('C:\\Desain\\Brem Suling - Brem - bawah.jpg')?.face).toBe('bottom');
  });

  it('recognises face words in Indonesian and English', () => {
    const cases: [string, string][] = [
      ['front', 'front'],
      ['muka', 'front'],
      ['BELAKANG', 'back'],
      ['back', 'back'],
      ['kiri', 'left'],
      ['Sisi Kanan', 'right'],
      ['right', 'right'],
      ['top', 'top'],
      ['bottom', 'bottom'],
      ['dieline', 'dieline'],
      ['pola', 'dieline'],
      ['jaring-jaring', 'dieline'],
      ['Mock-up', 'mockup'],
      ['mockup', 'mockup'],
      ['lainnya', 'other'],
      ['other', 'other'],
    ];
    for (const [word, face] of cases) {
      expect(parseDesignFileName(`Brem Suling - Brem - ${word}.jpg`)?.face, word).toBe(face);
    }
    for (const face of FACES) expect(faceFromWord(face)).toBe(face);
  });

  it('returns null for names that do not follow the convention', () => {
    for (const name of [
      'IMG_20240512_101522.jpg',
      'WhatsApp Image 2024-05-12 at 10.15.22.jpeg',
      'Keripik Tempe - depan.jpg',
      'Bu Sari - Keripik - Pedas - depan.jpg',
      'Bu Sari - Keripik - samping.jpg',
      'keripik-tempe-depan.jpg',
      ' - Keripik - depan.jpg',
      '.jpg',
    ]) {
      expect(parseDesignFileName(name), name).toBeNull();
    }
  });
});

describe('normaliseName', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseName('Keripik Tempe Bu Sari')).toBe(normaliseName('keripik tempe  bu sari'));
    expect(normaliseName('Kéripik\u00a0Tempe')).toBe('keripik tempe');
    expect(normaliseName('CV. Sari-Rasa (Madiun)')).toBe('cv sari rasa madiun');
    expect(normaliseName('Kopi_Ijen')).toBe('kopi ijen');
  });
});

describe('matchParticipant', () => {
  const participants = [
    { id: 'p1', business: 'Keripik Tempe Bu Sari', product: 'Keripik Tempe Original' },
    { id: 'p2', business: 'Kopi Ijen', product: 'Kopi Arabika' },
    { id: 'p3', business: 'Kopi Ijen', product: 'Kopi Robusta' },
    { id: 'p4', business: 'UD Sambal Roa Mak Nyak', product: 'Sambal Roa' },
    { id: 'p5', business: 'Sari Rasa', product: 'Brem' },
    { id: 'p6', business: 'CV Sari Rasa', product: 'Brem' },
  ];

  it('finds the business however it is typed, even when the product is named differently', () => {
    expect(matchParticipant({ business: 'keripik tempe  bu sari', product: 'Keripik Tempe' }, participants)).toBe('p1');
  });

  it('lets the product decide between products of one business', () => {
    expect(matchParticipant({ business: 'KOPI IJEN', product: 'Kopi Arabika' }, participants)).toBe('p2');
    expect(matchParticipant({ business: 'Kopi Ijen', product: 'kopi robusta' }, participants)).toBe('p3');
    expect(matchParticipant({ business: 'Kopi Ijen', product: 'Kopi Luwak' }, participants)).toBeNull();
  });

  it('matches without a legal form only when nothing matches with it', () => {
    expect(matchParticipant({ business: 'Sambal Roa Mak Nyak', product: 'Sambal Roa' }, participants)).toBe('p4');
    expect(matchParticipant({ business: 'CV. Sari Rasa', product: 'Brem' }, participants)).toBe('p6');
    expect(matchParticipant({ business: 'Sari Rasa', product: 'Brem' }, participants)).toBe('p5');
  });

  it('returns null for an unknown business', () => {
    expect(matchParticipant({ business: 'Bu Sari', product: 'Keripik Tempe' }, participants)).toBeNull();
    expect(matchParticipant({ business: 'Bu Sari', product: 'Keripik Tempe' }, [])).toBeNull();
  });

  it('matches what parseDesignFileName read', () => {
    const parsed = parseDesignFileName('Kopi Ijen_Kopi Arabika_belakang.png');
    expect(parsed && matchParticipant(parsed, participants)).toBe('p2');
  });
});
