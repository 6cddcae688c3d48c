import type { Annotation } from '../domain/annotation.ts';
import type { Asset } from '../domain/asset.ts';
import type { CommentSnippet } from '../domain/commentSnippet.ts';
import type { LabelChecklist } from '../domain/labelChecklist.ts';
import type { Mentor } from '../domain/mentor.ts';
import type { MentorKey } from '../domain/mentorKey.ts';
import type { Participant } from '../domain/participant.ts';
import type { Review } from '../domain/review.ts';
import type { Rubric } from '../domain/rubric.ts';
import type { ScoringSession } from '../domain/session.ts';
import type { Submission } from '../domain/submission.ts';
import type { Workshop } from '../domain/workshop.ts';
import { countOutcomes, mergeTable, type MergeEntry, type MergeOutcome, type MergeResult } from './mergeRecords.ts';

/** The record type of each table a bundle can carry. */
export interface BundleRecordTypes {
  mentors: Mentor;
  workshops: Workshop;
  participants: Participant;
  submissions: Submission;
  assets: Asset;
  rubrics: Rubric;
  sessions: ScoringSession;
  reviews: Review;
  annotations: Annotation;
  labelChecklists: LabelChecklist;
  commentSnippets: CommentSnippet;
  mentorKeys: MentorKey;
}
export type BundleTable = keyof BundleRecordTypes;

/** Tables in the order they are merged and written (records that others point to first). */
export const BUNDLE_TABLES = [
  'mentors',
  'workshops',
  'participants',
  'submissions',
  'assets',
  'rubrics',
  'sessions',
  'reviews',
  'annotations',
  'labelChecklists',
  'commentSnippets',
  'mentorKeys',
] as const satisfies readonly BundleTable[];

/** Some or all tables of a bundle (or of the studio), as lists of records. */
export type BundleRecords = { [K in BundleTable]?: readonly BundleRecordTypes[K][] };

export interface BundleMergeResult {
  tables: { [K in BundleTable]?: MergeResult<BundleRecordTypes[K]> };
  /** Every table's entries, in `BUNDLE_TABLES` order, then by id. */
  report: MergeEntry[];
  counts: Record<MergeOutcome, number>;
}

function mergeOne<K extends BundleTable>(table: K, existing: BundleRecords, incoming: BundleRecords): MergeResult<BundleRecordTypes[K]> {
  const have = (existing[table] ?? []) as readonly BundleRecordTypes[K][];
  const come = (incoming[table] ?? []) as readonly BundleRecordTypes[K][];
  return mergeTable(have, come, table);
}

/**
 * Merges a bundle's tables into the studio's tables with `mergeTable`, table by table (the newer
 * edit wins, per record). Only tables present in `incoming` are merged; `existing` needs only those
 * tables' records (with the same ids). Pure: the caller writes each table's `merged` records.
 */
export function mergeBundle(existing: BundleRecords, incoming: BundleRecords): BundleMergeResult {
  const tables: BundleMergeResult['tables'] = {};
  const report: MergeEntry[] = [];
  for (const table of BUNDLE_TABLES) {
    if (incoming[table] === undefined) continue;
    const result = mergeOne(table, existing, incoming);
    (tables as Record<BundleTable, MergeResult<BundleRecordTypes[BundleTable]>>)[table] = result;
    report.push(...result.report);
  }
  return { tables, report, counts: countOutcomes(report) };
}

/** The studio's tables after a merge: each merged table's `all`, other tables unchanged. */
export function bundleAfterMerge(existing: BundleRecords, result: BundleMergeResult): BundleRecords {
  const next: Record<string, unknown> = { ...existing };
  for (const table of BUNDLE_TABLES) {
    const merged = result.tables[table];
    if (merged !== undefined) next[table] = merged.all;
  }
  return next as BundleRecords;
}
