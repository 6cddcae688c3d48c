import { describe, expect, it } from 'vitest';
import { participantFieldsSchema } from '#shared/domain/participant.ts';
import { workshopFieldsSchema, workshopSchema } from '#shared/domain/workshop.ts';

const workshop = {
  name: 'Workshop Kemasan Jember',
  region: 'Jember',
  venue: 'Aula Bakorwil',
  startDate: '2026-11-24',
  endDate: '2026-11-26',
  rubricId: null,
  notes: '',
};

describe('workshop schema', () => {
  it('accepts a workshop and trims its name', () => {
    expect(workshopFieldsSchema.parse({ ...workshop, name: '  Malang  ' }).name).toBe('Malang');
  });

  it('refuses an empty name and an end before the start', () => {
    const result = workshopFieldsSchema.safeParse({ ...workshop, name: ' ', endDate: '2026-11-01' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'endDate']));
  });

  it('requires the record fields on stored workshops', () => {
    expect(workshopSchema.safeParse(workshop).success).toBe(false);
    const stored = { ...workshop, id: 'w1', createdAt: 1, updatedAt: 2, updatedBy: 'm1', deletedAt: null, revisions: {} };
    expect(workshopSchema.parse(stored).id).toBe('w1');
  });
});

describe('participant schema', () => {
  const participant = {
    workshopId: 'w1',
    business: 'Keripik Tempe Bu Sari',
    owner: 'Sari',
    product: 'Keripik',
    category: 'snack',
    city: 'Malang',
    contact: '',
    labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '100 g', packagingMaterial: null },
    packDimensions: { widthMm: 140, heightMm: 220, depthMm: 0 },
  };

  it('accepts declared facts and pack size', () => {
    expect(participantFieldsSchema.parse(participant).packDimensions?.widthMm).toBe(140);
  });

  it('refuses an unknown category and a zero width', () => {
    expect(participantFieldsSchema.safeParse({ ...participant, category: 'weapons' }).success).toBe(false);
    const zero = { ...participant, packDimensions: { widthMm: 0, heightMm: 10, depthMm: 0 } };
    expect(participantFieldsSchema.safeParse(zero).success).toBe(false);
  });
});
