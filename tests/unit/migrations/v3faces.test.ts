import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { checkBundleFile } from '#renderer/src/data/archiveRepo.ts';
import { openDatabase } from '#renderer/src/data/db.ts';
import { assetSchema } from '#shared/domain/asset.ts';
import { upgradeRecord } from '#shared/migrations/chain.ts';
import { NO_CONTEXT } from '#shared/migrations/migration.ts';
import { facesSteps } from '#shared/migrations/v3/faces.ts';
import { fixturePath, loadDatabaseDump, readDatabaseDump } from '../../support/v1Fixtures.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const identity = { quarterTurns: 0, flipX: false };
const step = facesSteps[0]!;

describe('version 3: faces carry how they are shown (a stored transform)', () => {
  it('gives a face stored before the identity transform, and keeps a stored one', () => {
    const old = { id: 'f', face: 'other', metadata: { width: 10, height: 20 } };
    expect(step.up(old, NO_CONTEXT)).toEqual({ ...old, transform: identity });
    expect(old).not.toHaveProperty('transform');
    const turned = { ...old, transform: { quarterTurns: 1, flipX: true } };
    expect(step.up(turned, NO_CONTEXT)).toBe(turned);
  });

  it('is required by the schema', () => {
    const dump = readDatabaseDump(2);
    const asset = dump.tables.assets![0]!;
    expect(assetSchema.safeParse(asset).success).toBe(false);
    expect(assetSchema.safeParse(upgradeRecord('assets', asset, 2, NO_CONTEXT)).success).toBe(true);
  });

  for (const version of [1, 2]) {
    it(`opens the frozen version ${version} database with every face as it came: identity transform, type and everything else unchanged`, async () => {
      const dump = readDatabaseDump(version);
      const name = `v3faces-${version}-${Date.now()}`;
      names.push(name);
      await loadDatabaseDump(name, dump);
      const db = openDatabase(name);
      await db.open();
      const written = dump.tables.assets ?? [];
      expect(written.length).toBeGreaterThan(0);
      for (const before of written) {
        const after = await db.assets.get(before.id as string);
        // Version 3 also starts every record's edit history (tested in trust.test.ts).
        expect(after).toEqual({ ...before, transform: identity, revisions: {} });
        expect(assetSchema.safeParse(after).success).toBe(true);
      }
      db.close();
    });

    it(`reads the frozen version ${version} workshop file with every face given the identity transform`, async () => {
      const checked = await checkBundleFile(new Blob([readFileSync(fixturePath(version, 'workshop.kemas'))]));
      if (!checked.ok) throw new Error('the workshop fixture was refused');
      const assets = checked.archive.records.assets ?? [];
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) expect(asset.transform).toEqual(identity);
    });
  }
});
