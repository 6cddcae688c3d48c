import {
  participantFieldsSchema,
  participantSchema,
  type Participant,
  type ParticipantFields,
} from '../../../shared/domain/participant.ts';
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
