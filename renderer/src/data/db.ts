import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { installEditHistory, writeVerbatim } from './editHistory.ts';
import { MIGRATIONS, applyVersion, contextOf, tablesChangedBy, tablesReadBy } from '#shared/migrations/chain.ts';
import type { MigrationVersion, StoredTable } from '#shared/migrations/migration.ts';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { Asset, BlobKind } from '#shared/domain/asset.ts';
import type { CommentSnippet } from '#shared/domain/commentSnippet.ts';
import type { LabelChecklist } from '#shared/domain/labelChecklist.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import type { MentorKey } from '#shared/domain/mentorKey.ts';
import type { Participant } from '#shared/domain/participant.ts';
import type { Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import type { Submission } from '#shared/domain/submission.ts';
import type { Workshop } from '#shared/domain/workshop.ts';

/** Image bytes, apart from every list query: Dexie deep-clones what queries return. */
export interface AssetBlobRow {
  /** derivedBlobKey() for previews and thumbnails, originalBlobKey() for originals. */
  id: string;
  /** The asset a derived image belongs to; null for an original, which several faces may share. */
  assetId: string | null;
  kind: BlobKind;
  blob: Blob;
}

/** Small facts about this installation (who is reviewing), kept with the data they describe. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'kemas-studio';

/**
 * Version 1 of the schema, as the first release shipped it: never edit it. Later versions are
 * made from the migration chain (shared/migrations/chain.ts) in `openDatabase`.
 */
export const SCHEMA_V1 = {
  workshops: 'id, updatedAt',
  participants: 'id, workshopId, updatedAt',
  submissions: 'id, participantId, workshopId, updatedAt',
  assets: 'id, submissionId, workshopId, sha256, updatedAt',
  assetBlobs: 'id, assetId',
  mentors: 'id, updatedAt',
  rubrics: 'id, familyId, updatedAt',
  reviews: 'id, submissionId, mentorId, [submissionId+mentorId], sessionId, updatedAt',
  annotations: 'id, assetId, submissionId, mentorId, updatedAt',
  labelChecklists: 'id, submissionId, [submissionId+mentorId], updatedAt',
  commentSnippets: 'id, updatedAt',
  sessions: 'id, workshopId, updatedAt',
  meta: 'key',
} as const;

export type KemasDatabase = Dexie & {
  workshops: EntityTable<Workshop, 'id'>;
  participants: EntityTable<Participant, 'id'>;
  submissions: EntityTable<Submission, 'id'>;
  assets: EntityTable<Asset, 'id'>;
  assetBlobs: EntityTable<AssetBlobRow, 'id'>;
  mentors: EntityTable<Mentor, 'id'>;
  rubrics: EntityTable<Rubric, 'id'>;
  reviews: EntityTable<Review, 'id'>;
  annotations: EntityTable<Annotation, 'id'>;
  labelChecklists: EntityTable<LabelChecklist, 'id'>;
  commentSnippets: EntityTable<CommentSnippet, 'id'>;
  sessions: EntityTable<ScoringSession, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  mentorKeys: EntityTable<MentorKey, 'id'>;
};

type StoresChange = Partial<Record<keyof typeof SCHEMA_V1 | 'mentorKeys', string | null>>;

/**
 * Index changes of each version after 1: only the tables whose indexes change (a new table, a new
 * index, `null` to drop a table). A version of the chain that changes records only has none.
 */
export const STORE_CHANGES: Readonly<Record<number, StoresChange>> = {
  2: {},
  // Mentors' public keys (own and accepted), by key id and by mentor.
  3: { mentorKeys: 'id, mentorId, updatedAt' },
};

/**
 * Runs one version's steps over every record of the tables it changes, inside Dexie's upgrade
 * transaction; the tables a step reads are gathered first, as the previous version left them.
 */
async function upgradeRecords(tx: Transaction, migration: MigrationVersion): Promise<void> {
  writeVerbatim(tx);
  for (const table of tablesChangedBy(migration)) {
    const read: Partial<Record<StoredTable, unknown[]>> = {};
    for (const other of tablesReadBy(migration, table)) read[other] = await tx.table(other).toArray();
    const context = contextOf(read);
    await tx.table(table).toCollection().modify((record: Record<string, unknown>, ctx: { value: unknown }) => {
      const next = applyVersion(migration, table, record, context);
      if (next !== record) ctx.value = next;
    });
  }
}

export function openDatabase(name: string = DATABASE_NAME): KemasDatabase {
  const db = new Dexie(name) as KemasDatabase;
  db.version(1).stores(SCHEMA_V1);
  for (const migration of MIGRATIONS) {
    db.version(migration.version)
      .stores(STORE_CHANGES[migration.version] ?? {})
      .upgrade((tx) => upgradeRecords(tx, migration));
  }
  installEditHistory(db);
  return db;
}
