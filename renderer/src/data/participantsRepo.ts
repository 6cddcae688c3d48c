import {
  participantFieldsSchema,
  participantSchema,
  type Participant,
  type ParticipantFields,
} from '#shared/domain/participant.ts';
import type { RosterEntry } from '#shared/intake/roster.ts';
import { planRosterWrites, type RosterWrite } from '#shared/intake/rosterPlan.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, newRecordBase, RecordNotFoundError, setTombstone, touched } from './records.ts';

export async function createParticipant(db: KemasDatabase, fields: ParticipantFields, actor: string): Promise<Participant> {
  return db.transaction('rw', db.workshops, db.participants, async () => {
    const workshop = await db.workshops.get(fields.workshopId);
    if (!isLive(workshop)) throw new RecordNotFoundError('Workshop', fields.workshopId);
    const participant = participantSchema.parse({ ...newRecordBase(actor), ...participantFieldsSchema.parse(fields) });
    await db.participants.add(participant);
    return participant;
  });
}

export async function updateParticipant(
  db: KemasDatabase,
  id: string,
  fields: ParticipantFields,
  actor: string,
): Promise<Participant> {
  return db.transaction('rw', db.participants, async () => {
    const existing = await db.participants.get(id);
    if (!isLive(existing)) throw new RecordNotFoundError('Participant', id);
    const next = participantSchema.parse({ ...existing, ...participantFieldsSchema.parse(fields), ...touched(actor) });
    await db.participants.put(next);
    return next;
  });
}

export function deleteParticipant(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return setTombstone(db.participants, 'Participant', id, Date.now(), actor);
}

export function restoreParticipant(db: KemasDatabase, id: string, actor: string): Promise<void> {
  return setTombstone(db.participants, 'Participant', id, null, actor);
}

/** Live participants of a workshop, by business name. */
export async function listParticipants(db: KemasDatabase, workshopId: string): Promise<Participant[]> {
  const rows = await db.participants.where('workshopId').equals(workshopId).toArray();
  return rows.filter((p) => p.deletedAt === null).sort((a, b) => a.business.localeCompare(b.business, 'id'));
}

/**
 * Writes a roster's participants into a workshop in one transaction: each entry
 * creates a participant, or updates the one with the same business and product
 * (see planRosterWrites). Planned again inside the transaction, so an edit made
 * since the preview is merged rather than lost. All or nothing.
 */
export async function applyRoster(
  db: KemasDatabase,
  workshopId: string,
  entries: readonly RosterEntry[],
  actor: string,
): Promise<RosterWrite[]> {
  return db.transaction('rw', db.workshops, db.participants, async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!isLive(workshop)) throw new RecordNotFoundError('Workshop', workshopId);
    const existing = await listParticipants(db, workshopId);
    const byId = new Map(existing.map((p) => [p.id, p]));
    const plan = planRosterWrites(entries, existing);
    for (const write of plan) {
      if (write.action === 'create') {
        const fields = participantFieldsSchema.parse({ ...write.fields, workshopId });
        await db.participants.add(participantSchema.parse({ ...newRecordBase(actor), ...fields }));
      } else if (write.action === 'update') {
        const fields = participantFieldsSchema.parse({ ...write.fields, workshopId });
        await db.participants.put(participantSchema.parse({ ...byId.get(write.id), ...fields, ...touched(actor) }));
      }
    }
    return plan;
  });
}
