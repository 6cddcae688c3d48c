import { describe, expect, it } from 'vitest';
import type { Rubric } from '#shared/domain/rubric.ts';
import { computeSessionResults, versionChanges, type ResultsReview } from '#shared/scoring/results.ts';
import {
  CRITERION_COLUMNS,
  exportTables,
  MENTOR_COLUMNS,
  RESULT_COLUMNS,
  roundForFile,
  VERSION_COLUMNS,
  type ExportLabels,
} from '#shared/scoring/resultsTable.ts';

const levels = [1, 2, 3, 4, 5].map((score) => ({ score, descriptor: { id: '', en: '' } }));
const crit = (id: string, nameId: string, nameEn: string) => ({ id, name: { id: nameId, en: nameEn }, weight: 1, scale: { min: 1, max: 5, step: 1 }, levels });
// Criterion ids deliberately not in alphabetical order: columns follow the rubric.
const rubric: Pick<Rubric, 'groups'> = {
  groups: [
    { id: 'g1', name: { id: 'Kualitas', en: 'Quality' }, weight: 50, criteria: [crit('zz', 'Label', 'Label'), crit('aa', 'Keterbacaan', 'Legibility')] },
    { id: 'g2', name: { id: 'Inovasi', en: 'Innovation' }, weight: 50, criteria: [crit('mm', 'Keaslian', 'Originality')] },
  ],
};

const review = (submissionId: string, mentorId: string, s: [number, number, number]): ResultsReview => ({
  submissionId,
  mentorId,
  scores: { zz: { score: s[0], note: '' }, aa: { score: s[1], note: '' }, mm: { score: s[2], note: '' } },
  status: 'submitted',
  abstained: false,
  conflictOfInterest: false,
});

const submissions = [
  { id: 'x1', participantId: 'px', version: 1, region: 'Malang', category: 'snack', label: 'Keripik Sari' },
  { id: 'x2', participantId: 'px', version: 2, region: 'Malang', category: 'snack', label: 'Keripik Sari' },
  { id: 'y1', participantId: 'py', version: 1, region: 'Jember', category: 'beverage', label: 'Kopi Ijen' },
  { id: 'z1', participantId: 'pz', version: 1, region: 'Madiun', category: 'herbal', label: 'Jamu Darmi' },
];
const results = computeSessionResults({
  rubric,
  submissions,
  mentorIds: ['m1', 'm2'],
  reviews: [review('x1', 'm1', [2, 2, 2]), review('x1', 'm2', [3, 2, 2]), review('x2', 'm1', [5, 4, 4]), review('x2', 'm2', [5, 5, 5]), review('y1', 'm1', [3, 4, 1])],
  options: { normalise: false, flagSpreadAbove: 10 },
});

function labels(language: 'id' | 'en'): ExportLabels {
  const keys = <K extends string>(list: readonly K[]) => Object.fromEntries(list.map((k) => [k, `${language}:${k}`])) as Record<K, string>;
  return {
    language,
    sheets: { results: 'R', criteria: 'C', mentors: 'M', versions: 'V' },
    results: keys(RESULT_COLUMNS),
    criteria: keys(CRITERION_COLUMNS),
    mentors: keys(MENTOR_COLUMNS),
    versions: keys(VERSION_COLUMNS),
    overall: language === 'id' ? 'Keseluruhan' : 'Overall',
    flagged: language === 'id' ? 'perlu dibahas' : 'to discuss',
    revision: (r) => `${r.mentorId}@${r.at}${r.pending ? ' pending' : ''}`,
    category: (c) => `cat:${c}`,
    mentorName: (m) => (m === 'm1' ? 'Dewi' : 'Budi'),
    normalisation: (status) => `norm:${status}`,
    alphaMetric: (metric) => metric,
  };
}

const about = { title: 'Tentang berkas ini', lines: [['Rubrik', 'MJC · versi 2'], ['Rata-rata', 'Mentah']] as [string, string][] };

describe('roundForFile', () => {
  it('keeps two decimals as numbers and leaves gaps empty', () => {
    expect([roundForFile(70.83333), roundForFile(-0.001), roundForFile(2), roundForFile(null), roundForFile(Number.NaN)]).toEqual([70.83, 0, 2, null, null]);
  });
});

describe('exportTables', () => {
  it('lists submissions best first with numbers as numbers, means at one decimal (as ranked), the rest at 2, criteria in rubric order', () => {
    const [, table] = exportTables(results, versionChanges(results), rubric, labels('id'), about);
    expect(table?.header).toEqual([...RESULT_COLUMNS.map((k) => `id:${k}`), 'Label (1–5)', 'Keterbacaan (1–5)', 'Keaslian (1–5)']);
    expect(table?.rows.map((r) => r.slice(0, 8))).toEqual([
      // 90.625 → 90.6, 31.25 → 31.3, 28.125 → 28.1: one rounding, halves away from zero.
      [1, 1, 1, 'Keripik Sari', 2, 'cat:snack', 'Malang', 90.6],
      [2, 1, 1, 'Kopi Ijen', 1, 'cat:beverage', 'Jember', 31.3],
      [3, 2, 2, 'Keripik Sari', 1, 'cat:snack', 'Malang', 28.1],
      [null, null, null, 'Jamu Darmi', 1, 'cat:herbal', 'Madiun', null],
    ]);
    // x2: 81.25 and 100, spread 18.75 > 10: flagged; SD 18.75/√2; per criterion means (zz 5, aa 4.5, mm 4.5).
    expect(table?.rows[0]?.slice(8)).toEqual([2, 13.26, 81.25, 100, 18.75, 'perlu dibahas', null, 5, 4.5, 4.5]);
    expect(table?.rows[1]?.slice(8)).toEqual([1, null, 31.25, 31.25, null, null, null, 3, 4, 1]);
    for (const row of table?.rows ?? []) expect(row).toHaveLength(table?.header.length ?? -1);
  });

  it('names criteria, groups and sheets in the language asked for', () => {
    const [first, res, crits, mentors, versions] = exportTables(results, versionChanges(results), rubric, labels('en'), about);
    // What the file holds comes first.
    expect(first).toEqual({ name: 'Tentang berkas ini', header: ['Tentang berkas ini', ''], rows: [['Rubrik', 'MJC · versi 2'], ['Rata-rata', 'Mentah']] });
    expect(res?.header.slice(-3)).toEqual(['Label (1–5)', 'Legibility (1–5)', 'Originality (1–5)']);
    expect(res?.rows[0]?.[13]).toBe('to discuss');
    expect(crits?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Quality', 'Label', '1–5'],
      ['Quality', 'Legibility', '1–5'],
      ['Innovation', 'Originality', '1–5'],
      [null, 'Overall', '0–100'],
    ]);
    // The overall row: interval alpha, two submissions scored by both mentors, 2 mentors, 4 values; ICC on 2 × 2.
    expect(crits?.rows[3]?.[6]).toBe('interval');
    expect(crits?.rows[3]?.slice(10, 13)).toEqual([2, 2, 4]);
    expect(crits?.rows[3]?.slice(-2)).toEqual([2, 2]);
    expect(crits?.rows[0]?.[6]).toBe('ordinal');
    for (const row of crits?.rows ?? []) expect(row).toHaveLength(crits?.header.length ?? -1);
    expect(mentors?.rows.map((r) => r.slice(0, 2))).toEqual([['Dewi', 3], ['Budi', 2]]);
    // Dewi scored three submissions differently: normalised; Budi only two: left raw, and the file says why.
    expect(mentors?.rows.map((r) => r.at(-1))).toEqual(['norm:normalised', 'norm:too-few']);
    expect(versions?.header).toEqual([...VERSION_COLUMNS.map((k) => `en:${k}`), 'Label', 'Legibility', 'Originality']);
    // Keripik Sari: 28.125 → 90.625 overall; zz 2.5 → 5, aa 2 → 4.5, mm 2 → 4.5.
    expect(versions?.rows).toEqual([['Keripik Sari', 1, 2, 62.5, 2.5, 2.5, 2.5]]);
    expect(exportTables(results, [], rubric, labels('en'), about).map((t) => t.name)).toEqual(['Tentang berkas ini', 'R', 'C', 'M', 'V']);
  });
});
