import { describe, expect, it } from 'vitest';
import { parseRoster } from '#shared/intake/roster.ts';
import { matchRosterFolder, planRosterWrites, type ExistingParticipant } from '#shared/intake/rosterPlan.ts';

const roster = parseRoster([
  ['Nama Usaha', 'Produk', 'Pemilik', 'Kategori', 'Ukuran (cm)', 'Berkas'],
  ['Keripik Tempe Bu Sari', 'Keripik Tempe', 'Sari Wahyuni', 'Camilan', '12 x 18', 'sari-depan.jpg; sari-belakang.jpg'],
  ['CV Brem Suling', 'Brem', '', '', '', ''],
  ['Brem Suling', 'Brem Cair', '', 'Minuman', '', ''],
  ['Kopi Ijen', 'Kopi Arabika', 'Hendra', '', '', ''],
]);

const existing: ExistingParticipant[] = [
  {
    id: 'p-sari',
    business: 'keripik tempe bu sari',
    product: 'Keripik Tempe',
    owner: 'Bu Sari',
    category: 'snack',
    city: 'Malang',
    region: '',
    contact: '0812',
    labelFacts: { registrationNumber: 'P-IRT 1', halalCertificate: '', netContent: '', packagingMaterial: null },
    packDimensions: null,
  },
  {
    id: 'p-brem',
    business: 'Brem Suling',
    product: 'Brem',
    owner: 'Suwarni',
    category: 'food',
    city: 'Madiun',
    region: '',
    contact: '',
    labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
    packDimensions: null,
  },
];

describe('planRosterWrites', () => {
  const plan = planRosterWrites(roster.entries, existing);

  it('updates the participant with the same business and product, keeping what the roster leaves blank', () => {
    expect(plan[0]).toMatchObject({ action: 'update', id: 'p-sari', changes: ['owner', 'packDimensions'] });
    if (plan[0]?.action !== 'update') throw new Error('expected an update');
    expect(plan[0].fields).toMatchObject({
      business: 'keripik tempe bu sari',
      owner: 'Sari Wahyuni',
      city: 'Malang',
      contact: '0812',
      labelFacts: { registrationNumber: 'P-IRT 1' },
      packDimensions: { widthMm: 120, heightMm: 180, depthMm: 0 },
    });
  });

  it('leaves a participant the roster would not change, even under a legal form', () => {
    expect(plan[1]).toEqual({ action: 'unchanged', row: 3, id: 'p-brem' });
  });

  it('creates a participant for another product of a known business, and for a new business', () => {
    expect(plan[2]).toMatchObject({ action: 'create', row: 4, fields: { business: 'Brem Suling', product: 'Brem Cair', category: 'beverage' } });
    expect(plan[3]).toMatchObject({ action: 'create', row: 5, fields: { business: 'Kopi Ijen' } });
  });
});

describe('matchRosterFolder', () => {
  it('sends named files and Business - Product - face names to their rows, and says what is missing or left over', () => {
    const match = matchRosterFolder(roster.entries, [
      'desain/Sari-Depan.JPG',
      'desain/Kopi Ijen - Kopi Arabika - depan.png',
      'desain/lain/poster.png',
    ]);
    expect(match.byRow.get(2)).toEqual(['desain/Sari-Depan.JPG']);
    expect(match.byRow.get(5)).toEqual(['desain/Kopi Ijen - Kopi Arabika - depan.png']);
    expect(match.missing.get(2)).toEqual(['sari-belakang.jpg']);
    expect(match.others).toEqual(['desain/lain/poster.png']);
  });
});
