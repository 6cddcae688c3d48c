import { mentorSchema, type Mentor } from '#shared/domain/mentor.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, newRecordBase, touched } from './records.ts';

const CURRENT_MENTOR_KEY = 'currentMentorId';

export interface MentorFields {
  name: string;
  organisation: string;
}

/** Creates a mentor and makes them the one reviewing on this laptop. */
export async function createMentor(db: KemasDatabase, fields: MentorFields): Promise<Mentor> {
  const base = newRecordBase('system');
  const mentor = mentorSchema.parse({ ...base, updatedBy: base.id, ...fields });
  await db.transaction('rw', db.mentors, db.meta, async () => {
    await db.mentors.add(mentor);
    await db.meta.put({ key: CURRENT_MENTOR_KEY, value: mentor.id });
  });
  return mentor;
}

/**
 * Adds a mentor known on this laptop without switching to them (a curator
 * adding a session's mentors): they may score here after switching identity,
 * or on their own laptop and merge later.
 */
export async function addMentor(db: KemasDatabase, fields: MentorFields, actor: string): Promise<Mentor> {
  const mentor = mentorSchema.parse({ ...newRecordBase(actor), ...fields });
  await db.mentors.add(mentor);
  return mentor;
}

export async function updateMentor(db: KemasDatabase, id: string, fields: MentorFields): Promise<void> {
  const existing = await db.mentors.get(id);
  if (!existing) throw new Error(`Mentor ${id} not found`);
  await db.mentors.put(mentorSchema.parse({ ...existing, ...fields, ...touched(id) }));
}

export async function getCurrentMentor(db: KemasDatabase): Promise<Mentor | null> {
  const row = await db.meta.get(CURRENT_MENTOR_KEY);
  if (typeof row?.value !== 'string') return null;
  const mentor = await db.mentors.get(row.value);
  return isLive(mentor) ? mentor : null;
}

export async function setCurrentMentor(db: KemasDatabase, id: string): Promise<void> {
  await db.meta.put({ key: CURRENT_MENTOR_KEY, value: id });
}

export async function listMentors(db: KemasDatabase): Promise<Mentor[]> {
  const all = await db.mentors.toArray();
  return all.filter((m) => m.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
