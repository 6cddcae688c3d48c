import { labelChecklistSchema, type LabelChecklist } from '#shared/domain/labelChecklist.ts';
import type { ChecklistEntry, LabelItem, LabelItemStatus } from '#shared/scoring/labelCheck.ts';
import type { KemasDatabase } from './db.ts';
import { newRecordBase, RecordNotFoundError, touched } from './records.ts';

/** One checklist per submission and mentor; edits are made in that mentor's name. */
export interface ChecklistKey {
  submissionId: string;
  mentorId: string;
}

/** Thrown when a note or a proof is given to an item that has no status yet (the panel asks for the status first). */
export class ItemNotCheckedError extends Error {
  constructor(item: LabelItem) {
    super(`Label item ${item} has no status yet`);
    this.name = 'ItemNotCheckedError';
  }
}

/**
 * The mentor's live checklist for a submission, or null before their first
 * edit. Should two exist (made on two laptops and merged), the newest wins.
 */
export async function getChecklist(db: KemasDatabase, key: ChecklistKey): Promise<LabelChecklist | null> {
  const rows = await db.labelChecklists.where('[submissionId+mentorId]').equals([key.submissionId, key.mentorId]).toArray();
  const live = rows.filter((c) => c.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt);
  return live[0] ?? null;
}

/**
 * Reads, changes and writes the checklist in one transaction, creating it on
 * the first edit, so two quick edits never make two checklists or lose one
 * another's change. Every edit is stored at once.
 */
async function edit(
  db: KemasDatabase,
  key: ChecklistKey,
  change: (checklist: LabelChecklist) => LabelChecklist,
): Promise<LabelChecklist> {
  return db.transaction('rw', db.labelChecklists, async () => {
    const existing =
      (await getChecklist(db, key)) ??
      labelChecklistSchema.parse({ ...newRecordBase(key.mentorId), ...key, authorKeyId: null, items: {}, registrationOnLabel: '' });
    const next = labelChecklistSchema.parse({ ...change(existing), ...touched(key.mentorId) });
    await db.labelChecklists.put(next);
    return next;
  });
}

function entryOf(checklist: LabelChecklist, item: LabelItem): ChecklistEntry {
  const entry = checklist.items[item];
  if (!entry) throw new ItemNotCheckedError(item);
  return entry;
}

function withEntry(checklist: LabelChecklist, item: LabelItem, entry: ChecklistEntry | null): LabelChecklist {
  const items = { ...checklist.items };
  if (entry) items[item] = entry;
  else delete items[item];
  return { ...checklist, items };
}

/** The checklist, made (empty) when the mentor has none yet. */
export async function getOrCreateChecklist(db: KemasDatabase, key: ChecklistKey): Promise<LabelChecklist> {
  return (await getChecklist(db, key)) ?? edit(db, key, (c) => c);
}

/** Sets an item's status, keeping its note and proof. */
export async function setItemStatus(db: KemasDatabase, key: ChecklistKey, item: LabelItem, status: LabelItemStatus): Promise<LabelChecklist> {
  return edit(db, key, (c) => withEntry(c, item, { annotationId: null, note: '', ...c.items[item], status }));
}

/** Marks several items not applicable at once (the suggestions from the participant's facts). */
export async function markNotApplicable(db: KemasDatabase, key: ChecklistKey, items: readonly LabelItem[]): Promise<LabelChecklist> {
  return edit(db, key, (c) =>
    items.reduce((acc, item) => withEntry(acc, item, { annotationId: null, note: '', ...acc.items[item], status: 'not-applicable' }), c),
  );
}

/**
 * Puts items back as they were (null: not checked), for Undo. Takes the
 * entries from before the change, so undo is a small patch, not a snapshot.
 */
export async function restoreItems(
  db: KemasDatabase,
  key: ChecklistKey,
  before: Readonly<Partial<Record<LabelItem, ChecklistEntry | null>>>,
): Promise<LabelChecklist> {
  return edit(db, key, (c) =>
    (Object.entries(before) as [LabelItem, ChecklistEntry | null][]).reduce((acc, [item, entry]) => withEntry(acc, item, entry), c),
  );
}

export async function setItemNote(db: KemasDatabase, key: ChecklistKey, item: LabelItem, note: string): Promise<LabelChecklist> {
  return edit(db, key, (c) => withEntry(c, item, { ...entryOf(c, item), note }));
}

/** Links an annotation of the same submission as the item's proof. */
export async function linkAnnotation(db: KemasDatabase, key: ChecklistKey, item: LabelItem, annotationId: string): Promise<LabelChecklist> {
  const annotation = await db.annotations.get(annotationId);
  if (!annotation || annotation.deletedAt !== null || annotation.submissionId !== key.submissionId) {
    throw new RecordNotFoundError('annotation', annotationId);
  }
  return edit(db, key, (c) => withEntry(c, item, { ...entryOf(c, item), annotationId }));
}

export async function unlinkAnnotation(db: KemasDatabase, key: ChecklistKey, item: LabelItem): Promise<LabelChecklist> {
  return edit(db, key, (c) => withEntry(c, item, { ...entryOf(c, item), annotationId: null }));
}

/** The registration number as the mentor reads it on the artwork ('' to clear). */
export async function setRegistrationOnLabel(db: KemasDatabase, key: ChecklistKey, written: string): Promise<LabelChecklist> {
  return edit(db, key, (c) => ({ ...c, registrationOnLabel: written }));
}
