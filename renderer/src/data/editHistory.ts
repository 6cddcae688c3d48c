import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { BUNDLE_TABLES } from '#shared/bundles/mergeBundle.ts';
import { bumpRevisions, nextEditTime, type Revisions } from '#shared/bundles/revisions.ts';
import { AUTHORED_TABLES } from '#shared/bundles/trust.ts';
import type { KemasDatabase } from './db.ts';

/**
 * Every local edit of a record is counted in its `revisions` (shared/bundles/revisions.ts) and takes
 * a time after the edit it was made from, here, in one place, for every table a bundle carries (Dexie
 * hooks, and for reviews a storage middleware: see COUNTED_BY_MIDDLEWARE): so no write site can forget
 * it, and merges can tell an edit made from the other copy from a true conflict.
 * A review, annotation or checklist also records the key of its mentor (`authorKeyId`) when this
 * studio holds it. Writes that bring records from elsewhere (a merge, a restore, an upgrade) are
 * written as they are: `writeVerbatim` marks their transaction.
 */

const INSTALLATION_KEY = 'installationId';
const verbatim = new WeakSet<object>();
/** The same marked transactions as IndexedDB's, which is what the storage middleware sees. */
const verbatimIdb = new WeakSet<object>();
/** Records `countedEdit` made: written as they are by the middleware, with no read. */
const countedRecords = new WeakSet<object>();
const installations = new WeakMap<KemasDatabase, string>();
const ownKeys = new WeakMap<KemasDatabase, Map<string, string>>();

/** Marks a transaction whose writes carry records as they came (merged or restored), not edits. */
export function writeVerbatim(tx: Transaction): void {
  verbatim.add(tx);
  verbatimIdb.add(tx.idbtrans);
}

/** This installation's id (made on first open); revisions count edits per installation. */
export function installationId(db: KemasDatabase): string {
  let id = installations.get(db);
  // An edit before the stored id was read (inside an upgrade's or another opener's first writes):
  // this id is the one stored when none was yet.
  if (id === undefined) {
    id = crypto.randomUUID();
    installations.set(db, id);
  }
  return id;
}

/** Tells the edit counter which key a mentor signs with on this laptop (after one is made or restored). */
export function rememberOwnKey(db: KemasDatabase, mentorId: string, keyId: string): void {
  ownKeys.get(db)?.set(mentorId, keyId);
}

interface Edited {
  revisions?: Revisions;
  updatedAt?: number;
  mentorId?: string;
  authorKeyId?: string | null;
}

/**
 * Tables counted by a storage middleware instead of Dexie's hooks. A hook costs every write one more
 * read, and reviews are written on every scoring keystroke by a repository that has just read the
 * stored copy: it hands over records made by `countedEdit`, which go through as they are. Any other
 * write of a review (another repository, a bulk write, `update`, `modify`) is still counted, by the
 * middleware, at the cost of that read: no write site can forget it.
 */
const COUNTED_BY_MIDDLEWARE: readonly string[] = ['reviews'];

/** An edit of `stored` as `next`, counted (the fast way to write a COUNTED_BY_MIDDLEWARE record one has read). */
export function countedEdit<R extends Edited>(db: KemasDatabase, stored: Edited | undefined, next: R): R {
  const counted: R = { ...next, revisions: bumpRevisions(stored?.revisions, installationId(db)), updatedAt: nextEditTime(stored?.updatedAt, next.updatedAt ?? Date.now()) };
  const key = next.mentorId === undefined ? undefined : ownKeys.get(db)?.get(next.mentorId);
  if (key !== undefined) counted.authorKeyId = key;
  countedRecords.add(counted);
  return counted;
}

/** Writes not to count: a marked transaction, or a schema upgrade (its steps reshape, they do not edit). */
const skip = (tx: Transaction) => verbatim.has(tx) || tx.idbtrans?.mode === 'versionchange';
const skipIdb = (trans: DBCoreTransaction) => verbatimIdb.has(trans) || (trans as IDBTransaction).mode === 'versionchange';

/** Counts every add and put of a COUNTED_BY_MIDDLEWARE table that `countedEdit` did not make. */
function countingMiddleware(db: KemasDatabase): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'KemasEditHistory',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!COUNTED_BY_MIDDLEWARE.includes(name)) return table;
        return { ...table, mutate: (req) => (req.type === 'add' || req.type === 'put' ? countThenWrite(db, table, req) : table.mutate(req)) };
      },
    }),
  };
}

type Stray = { value: Edited & { id?: unknown }; index: number };

function countThenWrite(db: KemasDatabase, table: DBCoreTable, req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>) {
  if (skipIdb(req.trans)) return table.mutate(req);
  const strays: Stray[] = req.values.flatMap((value: Stray['value'], index) => (countedRecords.has(value) ? [] : [{ value, index }]));
  if (strays.length === 0) return table.mutate(req);
  const write = (stored: readonly (Edited | undefined)[]) => {
    const values = [...req.values];
    strays.forEach(({ value, index }, k) => (values[index] = countedEdit(db, stored[k], value)));
    return table.mutate({ ...req, values });
  };
  // An add makes new records: nothing stored to count from.
  if (req.type === 'add') return write([]);
  const keys = strays.map(({ value, index }) => req.keys?.[index] ?? value.id);
  return table.getMany({ trans: req.trans, keys }).then(write);
}

export function installEditHistory(db: KemasDatabase): void {
  ownKeys.set(db, new Map());
  db.use(countingMiddleware(db));
  db.on('ready', async () => {
    let row = await db.meta.get(INSTALLATION_KEY);
    if (typeof row?.value !== 'string') {
      row = { key: INSTALLATION_KEY, value: installationId(db) };
      await db.meta.put(row);
    }
    installations.set(db, row.value as string);
    const keys = ownKeys.get(db)!;
    for (const key of await db.mentorKeys.where('mentorId').above('').toArray()) if (key.trust === 'own' && key.deletedAt === null) keys.set(key.mentorId, key.id);
  });
  for (const table of BUNDLE_TABLES) {
    if (COUNTED_BY_MIDDLEWARE.includes(table)) continue;
    const authored = (AUTHORED_TABLES as readonly string[]).includes(table);
    const author = (record: Edited) => (authored && record.mentorId !== undefined ? ownKeys.get(db)?.get(record.mentorId) : undefined);
    db.table(table).hook('creating', (_key, record: Edited, tx) => {
      if (skip(tx)) return;
      record.revisions = bumpRevisions(record.revisions, installationId(db));
      const key = author(record);
      if (key !== undefined) record.authorKeyId = key;
    });
    db.table(table).hook('updating', (changes: Edited, _key, stored: Edited, tx) => {
      if (skip(tx)) return undefined;
      const next: Edited = {
        revisions: bumpRevisions(stored.revisions, installationId(db)),
        updatedAt: nextEditTime(stored.updatedAt, changes.updatedAt ?? Date.now()),
      };
      const key = author({ ...stored, ...changes });
      if (key !== undefined) next.authorKeyId = key;
      return next;
    });
  }
}
