import { workshopFieldsSchema, workshopSchema, type Workshop, type WorkshopFields } from '#shared/domain/workshop.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, newRecordBase, RecordNotFoundError, setTombstone, touched } from './records.ts';

export async function createWorkshop(db: KemasDatabase, fields: WorkshopFields, actor: string): Promise<Workshop> {
  const workshop = workshopSchema.parse({ ...newRecordBase(actor), ...workshopFieldsSchema.parse(fields) });
  await db.workshops.add(workshop);
  return workshop;
}

export async function updateWorkshop(db: KemasDatabase, id: string, fields: WorkshopFields, actor: string): Promise<Workshop> {
  return db.transaction('rw', db.workshops, async () => {
    const existing = await db.workshops.get(id);
    if (!isLive(existing)) throw new RecordNotFoundError('Workshop', id);
    const next = workshopSchema.parse({ ...existing, ...workshopFieldsSchema.parse(fields), ...touched(actor) });
    await db.workshops.put(next);
    return next;
  });
}

/** Marks the workshop deleted (a tombstone that travels in bundles); undo clears it. */
export function deleteWorkshop(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return setTombstone(db.workshops, 'Workshop', id, Date.now(), actor);
}

export function restoreWorkshop(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return setTombstone(db.workshops, 'Workshop', id, null, actor);
}

/** Live workshops, the most recent first (by start date, then by last edit). */
export async function listWorkshops(db: KemasDatabase): Promise<Workshop[]> {
  const all = await db.workshops.toArray();
  return all
    .filter((w) => w.deletedAt === null)
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.updatedAt - a.updatedAt);
}

export interface WorkshopCounts {
  participants: number;
  submissions: number;
}

/** Participants and submissions per workshop, counting only live records. */
export async function countByWorkshop(db: KemasDatabase): Promise<Map<string, WorkshopCounts>> {
  const counts = new Map<string, WorkshopCounts>();
  const entry = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { participants: 0, submissions: 0 }));
    return c;
  };
  const liveParticipants = new Set<string>();
  await db.participants.each((p) => {
    if (p.deletedAt !== null) return;
    liveParticipants.add(p.id);
    entry(p.workshopId).participants += 1;
  });
  await db.submissions.each((s) => {
    if (s.deletedAt === null && liveParticipants.has(s.participantId)) entry(s.workshopId).submissions += 1;
  });
  return counts;
}
