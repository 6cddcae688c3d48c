import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { openDatabase } from '#renderer/src/data/db.ts';
import { RECORD_SCHEMAS } from '#shared/bundles/recordSchemas.ts';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';
import { readDatabaseDump } from '../support/v1Fixtures.ts';
import { round, type Measure } from './measure.ts';

const SUBMISSIONS = 2000;
const MENTORS = 3;

type Row = Record<string, unknown>;

/**
 * Upgrading a version 1 studio of 2,000 submissions to the current version, as the app does when
 * a new release first opens it (fake-indexeddb in Node). The records are the frozen v1 fixture's,
 * multiplied: per submission a participant, 2 faces (with their preview and thumbnail rows), a
 * review and 3 annotations per mentor, a label checklist per mentor; 10 sessions of 200. The fields
 * version 2 fills in are taken out first, so every step has work on every record (the worst case).
 */
export default async function migrationBench(): Promise<Measure[]> {
  const dump = readDatabaseDump(1);
  const t = (table: string) => dump.tables[table]![0]!;
  const without = (row: Row, ...fields: string[]) => {
    const copy = { ...row };
    for (const f of fields) delete copy[f];
    return copy;
  };
  const tables: Record<string, Row[]> = {
    mentors: dump.tables.mentors!,
    workshops: dump.tables.workshops!,
    rubrics: dump.tables.rubrics!,
    commentSnippets: dump.tables.commentSnippets!,
    meta: dump.tables.meta!,
    participants: [],
    submissions: [],
    assets: [],
    assetBlobs: [],
    reviews: [],
    annotations: [],
    labelChecklists: [],
    sessions: [],
  };
  const thumbnail = dump.tables.assetBlobs!.find((b) => b.kind === 'thumbnail')!;
  const thumbBytes = Buffer.from((thumbnail.blob as { base64: string }).base64, 'base64');
  const mentorIds = dump.tables.mentors!.map((m) => m.id as string).slice(0, MENTORS);
  for (let i = 0; i < SUBMISSIONS; i += 1) {
    const p = `p-${i}`;
    const s = `s-${i}`;
    tables.participants!.push(without({ ...t('participants'), id: p, business: `UMKM ${i}` }, 'region'));
    tables.submissions!.push({ ...t('submissions'), id: s, participantId: p });
    for (let f = 0; f < 2; f += 1) {
      const a = `a-${i}-${f}`;
      tables.assets!.push({ ...t('assets'), id: a, submissionId: s, order: f });
      for (const kind of ['preview', 'thumbnail']) {
        tables.assetBlobs!.push({ id: `${a}:${kind}`, assetId: a, kind, blob: new Blob([thumbBytes], { type: 'image/webp' }) });
      }
    }
    for (const m of mentorIds) {
      tables.reviews!.push({ ...t('reviews'), id: `r-${i}-${m}`, submissionId: s, mentorId: m, sessionId: null });
      for (let n = 0; n < 3; n += 1) tables.annotations!.push({ ...t('annotations'), id: `n-${i}-${m}-${n}`, assetId: `a-${i}-0`, submissionId: s, mentorId: m, number: n + 1 });
      tables.labelChecklists!.push(without({ ...t('labelChecklists'), id: `c-${i}-${m}`, submissionId: s, mentorId: m }, 'registrationOnLabel'));
    }
  }
  for (let k = 0; k < 10; k += 1) {
    const ids = tables.submissions!.slice(k * 200, (k + 1) * 200).map((s) => s.id);
    tables.sessions!.push(without({ ...t('sessions'), id: `session-${k}`, submissionIds: ids }, 'keptAssignments', 'itemTimerMinutes'));
  }

  const name = `bench-migration-${Date.now()}`;
  const v1 = new Dexie(name);
  v1.version(dump.databaseVersion).stores(dump.stores);
  await v1.open();
  await v1.transaction('rw', Object.keys(tables), async () => {
    for (const [table, rows] of Object.entries(tables)) await v1.table(table).bulkAdd(rows);
  });
  v1.close();
  const records = Object.values(tables).reduce((n, rows) => n + rows.length, 0);

  const started = performance.now();
  const db = openDatabase(name);
  await db.open();
  const upgradeMs = performance.now() - started;

  // Every record kept, and every upgraded one valid today.
  let kept = 0;
  for (const table of Object.keys(tables)) kept += await db.table(table).count();
  if (db.verno !== RECORDS_VERSION || kept !== records) throw new Error(`upgrade lost records: ${kept} of ${records}`);
  for (const table of ['participants', 'sessions', 'labelChecklists'] as const) {
    for (const row of await db.table(table).toArray()) RECORD_SCHEMAS[table].parse(row);
  }
  db.close();
  await Dexie.delete(name);
  return [
    { name: `upgrade a v1 studio of ${SUBMISSIONS} submissions (${records} rows) to v${RECORDS_VERSION}`, value: Math.round(upgradeMs), unit: 'ms', goal: '< 5000' },
    { name: 'studio rows per second of upgrade', value: round(records / (upgradeMs / 1000), 0), unit: 'rows/s' },
  ];
}
