import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { checkBundleFile } from '#renderer/src/data/archiveRepo.ts';
import { SCHEMA_V1, openDatabase } from '#renderer/src/data/db.ts';
import { contextOf, upgradeRecord } from '#shared/migrations/chain.ts';
import { NO_CONTEXT } from '#shared/migrations/migration.ts';
import { withStoredTextSize } from '#shared/migrations/v3/annotations.ts';
import { fixturePath, loadDatabaseDump, readDatabaseDump } from '../../support/v1Fixtures.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const freshName = () => {
  const name = `v3-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
};

const face = (id: string, width: number, height: number) => ({ id, metadata: { width, height } });
const textMark = (assetId: string, shape: Record<string, unknown>) => ({ id: 'a1', assetId, shape: { kind: 'text', at: { x: 40, y: 30 }, text: 'KOPI', ...shape } });

describe('version 3: text marks keep the size they were drawn at', () => {
  it("gives an unsized text mark the size version 2 drew it at on its face: 16 px per 500 px of the face's longer side", () => {
    const context = contextOf({ assets: [face('f4000', 3000, 4000), face('f48', 48, 32)] });
    expect(withStoredTextSize(textMark('f4000', {}), context)).toMatchObject({ shape: { fontSize: 128 } });
    expect(withStoredTextSize(textMark('f48', {}), context)).toMatchObject({ shape: { fontSize: 1.54 } });
  });

  it('keeps a stored size, and leaves every other mark and odd record as it is', () => {
    const context = contextOf({ assets: [face('f', 3000, 4000)] });
    const sized = textMark('f', { fontSize: 55.17 });
    expect(withStoredTextSize(sized, context)).toBe(sized);
    const pin = { id: 'p', assetId: 'f', shape: { kind: 'pin', at: { x: 1, y: 2 } } };
    expect(withStoredTextSize(pin, context)).toBe(pin);
    const odd = { id: 'x', shape: 'text' };
    expect(withStoredTextSize(odd, context)).toBe(odd);
  });

  it("sizes a mark whose face is not at hand from where the text sits, the same every time", () => {
    const far = textMark('missing', { at: { x: 1500, y: 900 } });
    expect(withStoredTextSize(far, NO_CONTEXT)).toMatchObject({ shape: { fontSize: 96 } });
    expect(withStoredTextSize(textMark('missing', {}), NO_CONTEXT)).toMatchObject({ shape: { fontSize: 16 } });
  });

  it('upgrades a version 2 database reading each face in the same upgrade', async () => {
    const name = freshName();
    const legacy = new Dexie(name);
    legacy.version(2).stores(SCHEMA_V1);
    await legacy.open();
    await legacy.table('assets').bulkAdd([{ ...face('f', 2000, 1000), submissionId: 's', workshopId: 'w', updatedAt: 1 }]);
    await legacy.table('annotations').bulkAdd([
      { ...textMark('f', {}), id: 'old', submissionId: 's', mentorId: 'm', updatedAt: 1 },
      { ...textMark('f', { fontSize: 20 }), id: 'new', submissionId: 's', mentorId: 'm', updatedAt: 1 },
    ]);
    legacy.close();
    const db = openDatabase(name);
    await db.open();
    expect((await db.annotations.get('old'))?.shape).toMatchObject({ kind: 'text', fontSize: 64 });
    expect((await db.annotations.get('new'))?.shape).toMatchObject({ kind: 'text', fontSize: 20 });
    db.close();
  });

  it("reads a version 2 review file's text marks at their faces' size when the studio has the faces", async () => {
    const dump = readDatabaseDump(2);
    const name = freshName();
    await loadDatabaseDump(name, dump);
    const studio = openDatabase(name);
    await studio.open();
    const bytes = new Blob([readFileSync(fixturePath(2, 'review.kemas'))]);
    const withStudio = await checkBundleFile(bytes, { studio });
    const alone = await checkBundleFile(bytes);
    if (!withStudio.ok || !alone.ok) throw new Error('the review fixture was refused');
    const unsized = (dump.tables.annotations ?? []).filter((a) => (a.shape as { kind: string; fontSize?: number }).kind === 'text' && (a.shape as { fontSize?: number }).fontSize === undefined);
    const carried = (withStudio.archive.records.annotations ?? []).filter((a) => unsized.some((u) => u.id === a.id));
    expect(carried.length).toBeGreaterThan(0);
    const context = contextOf(dump.tables);
    for (const mark of carried) {
      const written = unsized.find((u) => u.id === mark.id)!;
      // The size the studio's own upgraded copy has: the same record on both sides of a merge.
      expect(mark).toEqual(upgradeRecord('annotations', written, 2, context));
      expect(await studio.annotations.get(mark.id)).toEqual(mark);
    }
    // Without the studio, the faces (48 × 32 px) are unknown and the size comes from the position.
    const aloneMark = alone.archive.records.annotations!.find((a) => a.id === carried[0]!.id)!;
    expect(aloneMark.shape).toMatchObject({ kind: 'text', fontSize: 16 });
    studio.close();
  });
});
