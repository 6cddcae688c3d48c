import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '#shared/domain/annotation.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import {
  getChecklist,
  getOrCreateChecklist,
  ItemNotCheckedError,
  linkAnnotation,
  markNotApplicable,
  restoreItems,
  setItemNote,
  setItemStatus,
  setRegistrationOnLabel,
  unlinkAnnotation,
} from '#renderer/src/data/labelChecklistsRepo.ts';
import { RecordNotFoundError } from '#renderer/src/data/records.ts';

let db: KemasDatabase;
let counter = 0;

beforeEach(async () => {
  db = openDatabase(`checklist-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const dewi = { submissionId: 's1', mentorId: 'dewi' };
const budi = { submissionId: 's1', mentorId: 'budi' };

function annotation(id: string, changes: Partial<Annotation> = {}): Annotation {
  return {
    id,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'dewi',
    deletedAt: null,
    revisions: {},
    assetId: 'a1',
    submissionId: 's1',
    mentorId: 'dewi',
    authorKeyId: null,
    number: 1,
    shape: { kind: 'pin', at: { x: 1, y: 2 } },
    category: 'label-information',
    severity: 'must-fix',
    comment: 'Netto tidak terbaca',
    link: null,
    ...changes,
  };
}

describe('label checklists', () => {
  it('has none until the first edit, then one per submission and mentor', async () => {
    expect(await getChecklist(db, dewi)).toBeNull();
    await setItemStatus(db, dewi, 'net-content', 'wrong');
    await setItemStatus(db, dewi, 'product-name', 'present');
    await setItemStatus(db, budi, 'product-name', 'missing');
    expect(await db.labelChecklists.count()).toBe(2);
    const mine = await getChecklist(db, dewi);
    expect(mine?.items).toEqual({
      'net-content': { status: 'wrong', annotationId: null, note: '' },
      'product-name': { status: 'present', annotationId: null, note: '' },
    });
    expect((await getChecklist(db, budi))?.items['product-name']?.status).toBe('missing');
  });

  it('never makes two checklists from edits that race', async () => {
    await Promise.all([
      setItemStatus(db, dewi, 'ingredients', 'present'),
      setItemStatus(db, dewi, 'producer', 'missing'),
      getOrCreateChecklist(db, dewi),
    ]);
    expect(await db.labelChecklists.count()).toBe(1);
    expect(Object.keys((await getChecklist(db, dewi))?.items ?? {}).sort()).toEqual(['ingredients', 'producer']);
  });

  it('records who changed it and when, on every edit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1_000_000);
      const first = await setItemStatus(db, dewi, 'best-before', 'missing');
      expect(first).toMatchObject({ createdAt: 1_000_000, updatedAt: 1_000_000, updatedBy: 'dewi', deletedAt: null, registrationOnLabel: '' });
      vi.setSystemTime(2_000_000);
      const second = await setItemNote(db, dewi, 'best-before', 'Tidak ada tanggal kedaluwarsa');
      expect(second).toMatchObject({ createdAt: 1_000_000, updatedAt: 2_000_000, updatedBy: 'dewi' });
    } finally {
      vi.useRealTimers();
    }
    expect((await getChecklist(db, dewi))?.items['best-before']).toEqual({
      status: 'missing',
      annotationId: null,
      note: 'Tidak ada tanggal kedaluwarsa',
    });
  });

  it('keeps note and proof when the status changes', async () => {
    await db.annotations.add(annotation('an1'));
    await setItemStatus(db, dewi, 'halal-logo', 'present');
    await setItemNote(db, dewi, 'halal-logo', 'Logo lama (MUI)');
    await linkAnnotation(db, dewi, 'halal-logo', 'an1');
    await setItemStatus(db, dewi, 'halal-logo', 'wrong');
    expect((await getChecklist(db, dewi))?.items['halal-logo']).toEqual({ status: 'wrong', annotationId: 'an1', note: 'Logo lama (MUI)' });
    await unlinkAnnotation(db, dewi, 'halal-logo');
    expect((await getChecklist(db, dewi))?.items['halal-logo']?.annotationId).toBeNull();
  });

  it('refuses a note or a proof for an item without a status, and a proof from elsewhere', async () => {
    await db.annotations.bulkAdd([annotation('an1'), annotation('other', { submissionId: 's2' }), annotation('gone', { deletedAt: 5 })]);
    await expect(setItemNote(db, dewi, 'producer', 'x')).rejects.toBeInstanceOf(ItemNotCheckedError);
    await expect(linkAnnotation(db, dewi, 'producer', 'an1')).rejects.toBeInstanceOf(ItemNotCheckedError);
    await setItemStatus(db, dewi, 'producer', 'missing');
    await expect(linkAnnotation(db, dewi, 'producer', 'other')).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(linkAnnotation(db, dewi, 'producer', 'gone')).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(linkAnnotation(db, dewi, 'producer', 'nope')).rejects.toBeInstanceOf(RecordNotFoundError);
    expect((await getChecklist(db, dewi))?.items.producer?.annotationId).toBeNull();
  });

  it('marks suggestions not applicable and undoes it exactly', async () => {
    await setItemStatus(db, dewi, 'halal-logo', 'present');
    await setItemNote(db, dewi, 'halal-logo', 'Ada logo');
    const before = (await getChecklist(db, dewi))?.items ?? {};
    await markNotApplicable(db, dewi, ['halal-logo', 'nutrition-facts']);
    const after = await getChecklist(db, dewi);
    expect(after?.items['halal-logo']).toEqual({ status: 'not-applicable', annotationId: null, note: 'Ada logo' });
    expect(after?.items['nutrition-facts']?.status).toBe('not-applicable');
    await restoreItems(db, dewi, { 'halal-logo': before['halal-logo'] ?? null, 'nutrition-facts': before['nutrition-facts'] ?? null });
    expect((await getChecklist(db, dewi))?.items).toEqual(before);
  });

  it('keeps the registration number read on the artwork', async () => {
    await setRegistrationOnLabel(db, dewi, 'P-IRT 2063507010123-29');
    expect((await getChecklist(db, dewi))?.registrationOnLabel).toBe('P-IRT 2063507010123-29');
  });

  it('ignores a deleted checklist and starts a new one', async () => {
    const old = await setItemStatus(db, dewi, 'ingredients', 'present');
    await db.labelChecklists.update(old.id, { deletedAt: 10 });
    expect(await getChecklist(db, dewi)).toBeNull();
    const fresh = await setItemStatus(db, dewi, 'producer', 'present');
    expect(fresh.id).not.toBe(old.id);
    expect(Object.keys(fresh.items)).toEqual(['producer']);
  });
});
