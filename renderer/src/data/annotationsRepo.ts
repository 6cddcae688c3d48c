import { annotationSchema, type Annotation } from '#shared/domain/annotation.ts';
import type { KemasDatabase } from './db.ts';

/** Annotations of one submission, live ones only, every mentor's. */
export async function listAnnotations(db: KemasDatabase, submissionId: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('submissionId').equals(submissionId).toArray();
  return rows.filter((a) => a.deletedAt === null).sort((a, b) => a.number - b.number);
}

/** Every annotation of a submission, tombstones included: numbering and undo need them. */
export async function listAllAnnotations(db: KemasDatabase, submissionId: string): Promise<Annotation[]> {
  return db.annotations.where('submissionId').equals(submissionId).toArray();
}

/**
 * Writes annotation records as they now are, in one transaction. Edits are
 * saved the moment they happen (well within the half second DESIGN.md asks),
 * so a crash loses at most the stroke being drawn.
 */
export async function saveAnnotations(db: KemasDatabase, records: readonly Annotation[]): Promise<void> {
  if (records.length === 0) return;
  const valid = records.map((r) => annotationSchema.parse(r));
  await db.transaction('rw', db.annotations, () => db.annotations.bulkPut(valid));
}
