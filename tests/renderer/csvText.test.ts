import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mergeReportCsv } from '#renderer/src/features/bundles/mergeReportCsv.ts';
import { packScoresCsv } from '#renderer/src/features/packs/packFiles.ts';
import { csvText as resultsCsv } from '#renderer/src/features/sessions/exportResults.ts';
import { csvText } from '#renderer/src/ui/csvText.ts';
import type { ImportResult, RecordNames } from '#renderer/src/data/archiveRepo.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { packInput } from '../support/packFixture.ts';

/** Cells that a spreadsheet would run as formulas (OWASP CSV injection), as names and notes could arrive in a bundle. */
const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=1+1\nbaris kedua'];

const parse = (text: string) => Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;

describe('the CSV door', () => {
  it('prefixes every text cell that would start a formula with an apostrophe, multi-line ones too', () => {
    const text = csvText(['Nama'], HOSTILE.map((h) => [h]));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parse(text).slice(1).map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
  });

  it('leaves ordinary text, numbers (negative ones too) and gaps alone', () => {
    const text = csvText(['a', 'b', 'c', 'd'], [['Keripik = enak', -12.5, null, 'Rp 10.000']], [['Jenis', 'mentah']]);
    expect(parse(text)).toEqual([['Jenis', 'mentah'], ['a', 'b', 'c', 'd'], ['Keripik = enak', '-12.5', '', 'Rp 10.000']]);
  });
});

describe('every CSV the studio writes escapes formulas', () => {
  it('session results', () => {
    const text = resultsCsv({ name: 'Hasil', header: ['Peringkat', 'Peserta', 'Rata-rata'], rows: HOSTILE.map((h, i) => [i + 1, h, 50]) });
    for (const [i, h] of HOSTILE.entries()) expect(parse(text)[i + 1]).toEqual([String(i + 1), `'${h}`, '50']);
  });

  it('the critique pack’s scores.csv', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const criterion = model.scores.groups[0]!.criteria[0]!;
    criterion.name = HOSTILE[3]!;
    criterion.notes = [HOSTILE[0]!];
    model.scores.groups[0]!.name = HOSTILE[1]!;
    const rows = parse(packScoresCsv(model));
    const row = rows.find((r) => r[1] === `'${HOSTILE[3]}`);
    expect(row?.[0]).toBe(`'${HOSTILE[1]}`);
    expect(row?.[9]).toBe(`'${HOSTILE[0]}`);
  });

  it('the merge report', async () => {
    const { t } = await createI18n('id');
    const empty = { workshops: {}, participants: {}, submissions: {}, assets: {}, rubrics: {}, sessions: {}, reviews: {}, annotations: {}, labelChecklists: {}, commentSnippets: {} };
    const names: RecordNames = { ...empty, mentors: { m1: HOSTILE[0]!, m2: HOSTILE[2]! }, sessions: { s1: HOSTILE[1]! } };
    const stamp = (who: string) => ({ updatedAt: 0, updatedBy: who, deletedAt: null });
    const result = {
      names,
      report: [{ table: 'mentors', id: 'm1', outcome: 'conflict', winner: 'incoming', local: stamp('m2'), incoming: stamp('m1') }],
      // A session edit refused because its author is not a curator: the session's name comes from another laptop too.
      refused: [{ table: 'sessions', id: 's1', by: 'm2', at: 0, reason: 'not-curator', fields: ['blind'] }],
    } as unknown as ImportResult;
    const rows = parse(mergeReportCsv(result, t, 'id', () => '1 Des 2026'));
    expect(rows[1]?.[4]).toBe(`'${HOSTILE[2]}, 1 Des 2026`);
    expect(rows[1]?.[5]).toBe(`'${HOSTILE[0]}, 1 Des 2026`);
    expect(rows[2]?.[1]).toBe(`'${HOSTILE[1]}`);
    expect(rows[2]?.[5]).toBe(`'${HOSTILE[2]}, 1 Des 2026`);
  });
});
