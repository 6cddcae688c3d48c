import { describe, expect, it } from 'vitest';
import type { Annotation } from '#shared/domain/annotation.ts';
import { LABEL_ITEMS, labelChecklistSchema } from '#shared/domain/labelChecklist.ts';
import type { Participant } from '#shared/domain/participant.ts';
import {
  checkRegistration,
  freshChecklistItems,
  itemStatus,
  openSuggestions,
  proofOf,
  readRegistration,
  sameRegistration,
  suggestNotApplicable,
  summariseChecklist,
  type ChecklistItems,
} from '#shared/scoring/labelCheck.ts';

function annotation(id: string, number: number, changes: Partial<Annotation> = {}): Annotation {
  return {
    id,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'm1',
    deletedAt: null,
    revisions: {},
    assetId: 'a1',
    submissionId: 's1',
    mentorId: 'm1',
    authorKeyId: null,
    number,
    shape: { kind: 'pin', at: { x: 10, y: 10 } },
    category: 'label-information',
    severity: 'must-fix',
    comment: `comment ${number}`,
    link: null,
    ...changes,
  };
}

const entry = (status: 'present' | 'missing' | 'wrong' | 'not-applicable', annotationId: string | null = null, note = '') => ({
  status,
  annotationId,
  note,
});

describe('a fresh checklist', () => {
  it('has every item unchecked and is a valid record', () => {
    const items = freshChecklistItems();
    expect(LABEL_ITEMS.map((item) => itemStatus(items, item))).toEqual(LABEL_ITEMS.map(() => null));
    const summary = summariseChecklist(items, []);
    expect(summary.counts).toEqual({ present: 0, missing: 0, wrong: 0, 'not-applicable': 0, unchecked: 10 });
    expect(summary.complete).toBe(false);
    const record = { id: 'c1', createdAt: 1, updatedAt: 1, updatedBy: 'm1', deletedAt: null, revisions: {}, submissionId: 's1', mentorId: 'm1', authorKeyId: null, items, registrationOnLabel: '' };
    expect(labelChecklistSchema.parse(record)).toMatchObject({ items: {}, registrationOnLabel: '' });
  });

  it('refuses an item that is not on the list', () => {
    const record = { id: 'c1', createdAt: 1, updatedAt: 1, updatedBy: 'm1', deletedAt: null, revisions: {}, submissionId: 's1', mentorId: 'm1', authorKeyId: null };
    expect(labelChecklistSchema.safeParse({ ...record, items: { 'brand-story': entry('present') } }).success).toBe(false);
  });
});

describe('proof', () => {
  it('is the annotation the item links to, while it lives', () => {
    const items: ChecklistItems = { 'net-content': entry('wrong', 'x') };
    const live = annotation('x', 3);
    expect(proofOf(items, 'net-content', [live])).toEqual({ proof: { annotation: live, via: 'item' }, brokenLink: false });
    const deleted = { ...live, deletedAt: 5 };
    expect(proofOf(items, 'net-content', [deleted])).toEqual({ proof: null, brokenLink: true });
  });

  it('can come from an annotation linked to the item on the canvas, the mentor’s own first', () => {
    const items: ChecklistItems = { 'halal-logo': entry('missing') };
    const other = annotation('o', 1, { mentorId: 'm2', link: { to: 'checklist', item: 'halal-logo' } });
    const own = annotation('n', 4, { link: { to: 'checklist', item: 'halal-logo' } });
    const unrelated = annotation('u', 2, { link: { to: 'checklist', item: 'best-before' } });
    expect(proofOf(items, 'halal-logo', [other, unrelated, own], 'm1').proof).toEqual({ annotation: own, via: 'annotation' });
    expect(proofOf(items, 'halal-logo', [other, unrelated], 'm1').proof?.annotation.id).toBe('o');
    expect(proofOf(items, 'halal-logo', [unrelated], 'm1').proof).toBeNull();
  });
});

describe('summary', () => {
  it('counts statuses, lists unproved items and problems in checklist order', () => {
    const items: ChecklistItems = {
      'product-name': entry('present', 'a'),
      ingredients: entry('missing', null, 'Tidak ada daftar bahan'),
      'halal-logo': entry('not-applicable'),
      'best-before': entry('wrong', 'gone', 'Format tanggal salah'),
      'net-content': entry('present'),
    };
    const annotations = [annotation('a', 1), annotation('gone', 2, { deletedAt: 9 }), annotation('b', 3, { link: { to: 'checklist', item: 'net-content' } })];
    const summary = summariseChecklist(items, annotations, 'm1');
    expect(summary.counts).toEqual({ present: 2, missing: 1, wrong: 1, 'not-applicable': 1, unchecked: 5 });
    expect(summary.checked).toBe(5);
    expect(summary.unproved).toEqual(['ingredients', 'best-before']);
    expect(summary.problems).toEqual([
      { item: 'ingredients', status: 'missing', note: 'Tidak ada daftar bahan' },
      { item: 'best-before', status: 'wrong', note: 'Format tanggal salah' },
    ]);
    expect(summary.unchecked).toEqual(['producer', 'production-code', 'registration-number', 'nutrition-facts', 'bahasa-indonesia']);
  });

  it('is complete when every item has a status', () => {
    const items = Object.fromEntries(LABEL_ITEMS.map((item) => [item, entry('not-applicable')])) as ChecklistItems;
    const summary = summariseChecklist(items, []);
    expect(summary.complete).toBe(true);
    expect(summary.unproved).toEqual([]);
  });
});

const participant = (changes: Partial<Participant['labelFacts']> = {}, category: Participant['category'] = 'snack') => ({
  category,
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null, ...changes },
});

describe('suggested not-applicable items', () => {
  it('suggests the halal logo when no certificate is declared, and not when one is', () => {
    expect(suggestNotApplicable(participant())).toEqual([{ item: 'halal-logo', reason: 'no-halal-certificate' }]);
    expect(suggestNotApplicable(participant({ halalCertificate: 'ID35110000123450823' }))).toEqual([]);
  });

  it('suggests nutrition facts for spices, which BPOM exempts', () => {
    expect(suggestNotApplicable(participant({ halalCertificate: 'ID351' }, 'spice'))).toEqual([{ item: 'nutrition-facts', reason: 'nutrition-exempt' }]);
  });

  it('suggests the food-only items for crafts', () => {
    expect(suggestNotApplicable(participant({}, 'craft')).map((s) => [s.item, s.reason])).toEqual([
      ['ingredients', 'not-food'],
      ['halal-logo', 'not-food'],
      ['production-code', 'not-food'],
      ['best-before', 'not-food'],
      ['registration-number', 'not-food'],
      ['nutrition-facts', 'not-food'],
    ]);
  });

  it('drops suggestions already followed', () => {
    const suggestions = suggestNotApplicable(participant({}, 'spice'));
    expect(openSuggestions(suggestions, { 'halal-logo': entry('not-applicable') })).toEqual([{ item: 'nutrition-facts', reason: 'nutrition-exempt' }]);
    // A mentor who saw a logo anyway keeps the suggestion in view: the logo may be there without a certificate.
    expect(openSuggestions(suggestions, { 'halal-logo': entry('present') })).toHaveLength(2);
  });
});

describe('registration numbers', () => {
  it('recognises BPOM MD and ML numbers and does not decode them as P-IRT', () => {
    for (const written of ['BPOM RI MD 235602169254', 'MD 235602169254', 'Badan POM RI MD. 2356 0216 9254', 'bpom-ri md: 235602169254']) {
      const reading = readRegistration(written);
      expect(reading, written).toMatchObject({ kind: 'bpom-md', bpomDigits: '235602169254', pirt: null, warnings: [] });
    }
    expect(readRegistration('BPOM RI ML 234509004140').kind).toBe('bpom-ml');
    expect(readRegistration('MD 2356021692').warnings).toEqual(['bpom-unusual-length']);
    const check = checkRegistration({ registrationNumber: 'BPOM RI MD 235602169254', packagingMaterial: 'glass' });
    expect(check.material).toMatchObject({ status: 'unknown', reason: 'bpom' });
  });

  it('says mismatch for a glass jar with a plastic P-IRT code', () => {
    const check = checkRegistration({ registrationNumber: 'P-IRT 2063507010123-29', packagingMaterial: 'glass' }, { currentYear: 2026 });
    expect(check.declared.kind).toBe('pirt');
    expect(check.declared.pirt?.regionCode).toBe('3507');
    expect(check.material).toEqual({ status: 'mismatch', reason: null, declared: 'glass', packagingCode: 2, codedMaterial: 'plastic' });
    expect(check.onLabel).toBeNull();
  });

  it('says match when the code agrees', () => {
    const check = checkRegistration({ registrationNumber: '1063507010123-29', packagingMaterial: 'glass' });
    expect(check.material.status).toBe('match');
  });

  it('gives the reason when it cannot tell', () => {
    const reason = (registrationNumber: string, packagingMaterial: Participant['labelFacts']['packagingMaterial'] = 'plastic') =>
      checkRegistration({ registrationNumber, packagingMaterial }).material.reason;
    expect(reason('')).toBe('no-number');
    expect(reason('SNI 01-2345')).toBe('unrecognised');
    expect(reason('P-IRT 2063507010123')).toBe('wrong-length');
    expect(reason('P-IRT 2063507010123-290')).toBe('wrong-length');
    expect(reason('9063507010123-29')).toBe('unknown-packaging-code');
    expect(reason('8063507010123-29')).toBe('multiple-packs');
    expect(reason('2063507010123-29', null)).toBe('no-material');
    expect(reason('2063507010123-29')).toBeNull();
  });

  it('warns about an expired certificate without calling the number unreadable', () => {
    const check = checkRegistration({ registrationNumber: '2063507010123-24', packagingMaterial: 'plastic' }, { currentYear: 2026 });
    expect(check.declared.warnings).toEqual(['expired']);
    expect(check.material.status).toBe('match');
  });

  it('compares the number read on the artwork with the declared one', () => {
    const facts = { registrationNumber: 'P-IRT No. 2063507010123-29', packagingMaterial: 'plastic' as const };
    expect(checkRegistration(facts, { onLabel: '206 3507 01 0123 29' }).onLabel?.sameAsDeclared).toBe(true);
    const other = checkRegistration(facts, { onLabel: 'PIRT 1063507010123-29' }).onLabel;
    expect(other?.sameAsDeclared).toBe(false);
    expect(other?.material.status).toBe('mismatch');
    expect(checkRegistration(facts, { onLabel: 'MD 235602169254' }).onLabel?.sameAsDeclared).toBe(false);
    expect(checkRegistration(facts, { onLabel: '   ' }).onLabel).toBeNull();
    expect(checkRegistration({ ...facts, registrationNumber: '' }, { onLabel: '2063507010123-29' }).onLabel?.sameAsDeclared).toBeNull();
  });

  it('compares longer P-IRT numbers and MD numbers by digits', () => {
    expect(sameRegistration(readRegistration('2063507010123-2901'), readRegistration('2063507010123 2901'))).toBe(true);
    expect(sameRegistration(readRegistration('MD 2356 0216 9254'), readRegistration('BPOM RI MD 235602169254'))).toBe(true);
    expect(sameRegistration(readRegistration('MD 235602169254'), readRegistration('ML 235602169254'))).toBe(false);
  });
});
