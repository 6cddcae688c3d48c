import { describe, expect, it } from 'vitest';
import { checkArchive } from '#shared/bundles/archive.ts';
import { BUNDLE_FORMAT_VERSION } from '#shared/bundles/bundleFormat.ts';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';
import { MJC_QUALITY_INNOVATION, instantiateRubric } from '#shared/scoring/presets.ts';
import { RUBRIC_FILE_VERSION, parseRubricFile, serializeRubricFile } from '#shared/scoring/rubricFile.ts';
import { buildZip, entry, goodEntries, json, readJson, relist, type RawEntry } from '../../support/hostileZip.ts';
import { memorySource } from '../../support/archiveFixture.ts';

/** Takes out of every record of `table` the fields version 2 added, as a version 1 app wrote it. */
function withoutFields(entries: RawEntry[], table: string, fields: readonly string[]): RawEntry[] {
  const name = `records/${table}.json`;
  const records = readJson<Record<string, unknown>[]>(entry(entries, name)).map((r) => {
    const copy = { ...r };
    for (const f of fields) delete copy[f];
    return copy;
  });
  return entries.map((e) => (e.name === name ? { ...e, data: json(records) } : e));
}

async function versionOneArchive(): Promise<Uint8Array> {
  let entries = await goodEntries();
  entries = withoutFields(entries, 'sessions', ['keptAssignments', 'itemTimerMinutes']);
  entries = withoutFields(entries, 'participants', ['region']);
  entries = withoutFields(entries, 'labelChecklists', ['registrationOnLabel']);
  return buildZip(await relist(entries, (m) => (m.formatVersion = 1)));
}

describe('readers upgrade older files through the chain before the schema check', () => {
  it('writes bundles and rubric files at the current records version', () => {
    expect(BUNDLE_FORMAT_VERSION).toBe(RECORDS_VERSION);
    expect(RUBRIC_FILE_VERSION).toBe(RECORDS_VERSION);
  });

  it('reads a version 1 archive whose records lack the fields version 2 added', async () => {
    const checked = await checkArchive(memorySource(await versionOneArchive()));
    if (!checked.ok) throw new Error(`refused: ${checked.problem} ${checked.path} ${checked.detail}`);
    expect(checked.archive.manifest.formatVersion).toBe(1);
    expect(checked.archive.records.sessions?.every((s) => Array.isArray(s.keptAssignments) && s.itemTimerMinutes === null)).toBe(true);
    expect(checked.archive.records.participants?.every((p) => p.region === '')).toBe(true);
    expect(checked.archive.records.labelChecklists?.every((c) => c.registrationOnLabel === '')).toBe(true);
  });

  it('refuses the same records when the manifest says they are of the current version (the schema needs them)', async () => {
    let entries = await goodEntries();
    entries = withoutFields(entries, 'sessions', ['keptAssignments']);
    const checked = await checkArchive(memorySource(buildZip(await relist(entries))));
    expect(checked).toMatchObject({ ok: false, problem: 'invalid-record' });
  });

  it('reads a version 1 rubric file and refuses one from a newer app', () => {
    const rubric = instantiateRubric(MJC_QUALITY_INNOVATION, () => 'x', 'system', 1);
    const text = serializeRubricFile(rubric, Date.UTC(2026, 10, 28)).replace(`"formatVersion": ${RUBRIC_FILE_VERSION}`, '"formatVersion": 1');
    const read = parseRubricFile(text);
    expect(read).toMatchObject({ ok: true, file: { formatVersion: 1, rubric: { name: rubric.name, groups: rubric.groups } } });
    const newer = text.replace('"formatVersion": 1', `"formatVersion": ${RECORDS_VERSION + 1}`);
    expect(parseRubricFile(newer)).toEqual({ ok: false, problem: { code: 'newer-version', version: RECORDS_VERSION + 1 } });
  });
});
