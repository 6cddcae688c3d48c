import { describe, expect, it } from 'vitest';
import type { Annotation } from '#shared/domain/annotation.ts';
import { gatherActionItems, itemKey, mergeActionItems, countNewItems } from '#shared/scoring/actionItems.ts';

let n = 0;
function note(severity: Annotation['severity'], comment: string, extra: Partial<Annotation> = {}): Annotation {
  n++;
  return {
    id: `a-${n}`,
    createdAt: n,
    updatedAt: n,
    updatedBy: 'mentor-a',
    deletedAt: null,
    revisions: {},
    assetId: 'face-1',
    submissionId: 'sub-1',
    mentorId: 'mentor-a',
    authorKeyId: null,
    number: n,
    shape: { kind: 'pin', at: { x: 1, y: 1 } },
    category: 'legibility',
    severity,
    comment,
    link: null,
    ...extra,
  };
}

const names: Record<Annotation['category'], string> = {
  legibility: 'Keterbacaan',
  brand: 'Merek',
  'label-information': 'Informasi label',
  'material-structure': 'Bahan & struktur',
  'print-production': 'Cetak & produksi',
  innovation: 'Inovasi',
  other: 'Lainnya',
};
const categoryName = (c: Annotation['category']) => names[c];

describe('gathering action items from annotations', () => {
  it("sorts the mentor's own live annotations into the three lists by severity, in number order", () => {
    const annotations = [
      note('suggestion', 'Perbesar tulisan komposisi', { number: 4 }),
      note('must-fix', 'Tambahkan nomor P-IRT', { number: 2 }),
      note('strength', 'Warna merek kuat', { number: 1 }),
      note('must-fix', 'Netto tanpa satuan', { number: 3 }),
      note('must-fix', 'Punya mentor lain', { mentorId: 'mentor-b' }),
      note('must-fix', 'Sudah dihapus', { deletedAt: 5 }),
    ];
    expect(gatherActionItems(annotations, 'mentor-a', categoryName)).toEqual({
      mustFix: ['Tambahkan nomor P-IRT', 'Netto tanpa satuan'],
      suggestions: ['Perbesar tulisan komposisi'],
      strengths: ['Warna merek kuat'],
    });
  });

  it('falls back to the category name when there is no comment, and lists the same point once', () => {
    const annotations = [
      note('must-fix', '   ', { category: 'label-information' }),
      note('must-fix', 'Informasi label.'),
      note('suggestion', 'Kontras rendah'),
      note('suggestion', '  kontras   RENDAH '),
    ];
    expect(gatherActionItems(annotations, 'mentor-a', categoryName)).toEqual({
      mustFix: ['Informasi label'],
      suggestions: ['Kontras rendah'],
      strengths: [],
    });
  });
});

describe('merging gathered items into the lists', () => {
  const gathered = { mustFix: ['Tambahkan nomor P-IRT', 'Netto tanpa satuan'], suggestions: ['Perbesar tulisan'], strengths: ['Warna kuat'] };

  it('fills empty lists', () => {
    expect(mergeActionItems({ mustFix: [], suggestions: [], strengths: [] }, gathered)).toEqual({ lists: gathered, added: 4 });
  });

  it("keeps the mentor's edits, order and moves, and adds only what is not there yet", () => {
    const edited = {
      mustFix: ['Netto tanpa satuan (tulis 100 g)', 'Ganti bahan kemasan'],
      // The mentor moved this one from must-fix to suggestions and changed its case.
      suggestions: ['tambahkan nomor p-irt'],
      strengths: ['Warna kuat.'],
    };
    const { lists, added } = mergeActionItems(edited, gathered);
    expect(lists).toEqual({
      mustFix: ['Netto tanpa satuan (tulis 100 g)', 'Ganti bahan kemasan', 'Netto tanpa satuan'],
      suggestions: ['tambahkan nomor p-irt', 'Perbesar tulisan'],
      strengths: ['Warna kuat.'],
    });
    expect(added).toBe(2);
    // Gathering again adds nothing.
    expect(mergeActionItems(lists, gathered)).toEqual({ lists, added: 0 });
    expect(countNewItems(lists, gathered)).toBe(0);
  });

  it('compares items without case, extra spaces or a final full stop', () => {
    expect(itemKey('  Warna   Kuat. ')).toBe(itemKey('warna kuat'));
    expect(itemKey('Warna kuat')).not.toBe(itemKey('Warna kuat sekali'));
  });
});
