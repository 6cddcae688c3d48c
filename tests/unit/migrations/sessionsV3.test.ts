import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { applyArchive, checkBundleFile } from '#renderer/src/data/archiveRepo.ts';
import { openDatabase } from '#renderer/src/data/db.ts';
import { reviewSchema } from '#shared/domain/review.ts';
import { scoringSessionSchema } from '#shared/domain/session.ts';
import { applyVersion } from '#shared/migrations/chain.ts';
import { NO_CONTEXT } from '#shared/migrations/migration.ts';
import { V3 } from '#shared/migrations/v3.ts';
import { SESSION_STEPS } from '#shared/migrations/v3/sessions.ts';
import { othersVisibility } from '#shared/scoring/sessionRules.ts';
import { fixturePath, loadDatabaseDump, readDatabaseDump } from '../../support/v1Fixtures.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const freshName = () => {
  const name = `sessions-v3-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
};

/** Version 3's session and review steps alone (other topics' steps of version 3 are tested in their own files). */
const v3 = (table: 'sessions' | 'reviews', record: Record<string, unknown>) =>
  applyVersion({ version: 3, steps: SESSION_STEPS }, table, record, NO_CONTEXT);

describe('version 3: sessions have curators, blind sessions a reveal rule; reviews what their mentor saw', () => {
  const v2Session = { id: 's', updatedBy: 'rina', mentorIds: ['rina', 'andre', 'sari'], blind: true, status: 'open' };

  it("names the session's last editor and its mentors as curators: nobody who could change it before is locked out", () => {
    expect(v3('sessions', v2Session)).toMatchObject({ curators: ['rina', 'andre', 'sari'] });
    expect(v3('sessions', { ...v2Session, updatedBy: 'curator-outside' })).toMatchObject({ curators: ['curator-outside', 'rina', 'andre', 'sari'] });
    // The studio itself is nobody's curator.
    expect(v3('sessions', { ...v2Session, updatedBy: 'system', mentorIds: ['andre'] })).toMatchObject({ curators: ['andre'] });
  });

  it("keeps blind sessions as they behaved: results once a mentor's own queue is done or the session is closed; nothing revealed by hand", () => {
    expect(v3('sessions', v2Session)).toMatchObject({ reveal: 'own-queue-done', revealedAt: null });
  });

  it('keeps what a record already has, and leaves an odd record for the schema check', () => {
    const current = { ...v2Session, curators: ['sari'], reveal: 'curator', revealedAt: 9 };
    expect(v3('sessions', current)).toEqual(current);
    const odd = { id: 'x' };
    expect(v3('sessions', odd)).toEqual({ id: 'x', reveal: 'own-queue-done', revealedAt: null });
    expect(scoringSessionSchema.safeParse(v3('sessions', odd)).success).toBe(false);
  });

  it('gives reviews no seeing or revision facts and no kept copy, and keeps those it has', () => {
    expect(v3('reviews', { id: 'r' })).toEqual({ id: 'r', sawOthersAt: null, revisedAfterRevealAt: null, lastSubmitted: null });
    const seen = { id: 'r', sawOthersAt: 5, revisedAfterRevealAt: 6, lastSubmitted: null };
    expect(v3('reviews', seen)).toEqual(seen);
  });

  it('is listed in version 3, and every step is pure', () => {
    for (const step of SESSION_STEPS) expect(V3.steps).toContain(step);
    const frozen = Object.freeze({ ...v2Session });
    for (const step of SESSION_STEPS) expect(() => step.up(frozen, NO_CONTEXT)).not.toThrow();
  });
});

describe.each([1, 2])('the frozen version %i fixtures under version 3', (version) => {
  const dump = readDatabaseDump(version);

  it('open with every session curated by its mentors, blind ones revealed as before, and every review without seeing facts', async () => {
    const name = freshName();
    await loadDatabaseDump(name, dump);
    const db = openDatabase(name);
    await db.open();
    const sessions = await db.sessions.toArray();
    expect(sessions).toHaveLength(dump.tables.sessions!.length);
    for (const session of sessions) {
      const old = dump.tables.sessions!.find((s) => s.id === session.id)!;
      expect(scoringSessionSchema.parse(session)).toMatchObject(old);
      expect(session.curators).toEqual([...new Set([old.updatedBy as string, ...(old.mentorIds as string[])])]);
      expect(session).toMatchObject({ reveal: 'own-queue-done', revealedAt: null });
    }
    const reviews = await db.reviews.toArray();
    expect(reviews.length).toBe(dump.tables.reviews!.length);
    for (const review of reviews) {
      expect(reviewSchema.parse(review)).toMatchObject({ sawOthersAt: null, revisedAfterRevealAt: null, lastSubmitted: null });
    }
    // The blind session still shows results to a mentor whose queue is done, as version 2 did, and to nobody else before.
    const blind = sessions.find((s) => s.blind)!;
    const visibility = blind.mentorIds.map((m) => othersVisibility(blind, reviews.filter((r) => r.sessionId === blind.id), m));
    expect(visibility.every((v) => v === 'own-queue-done' || v === 'hidden')).toBe(true);
    db.close();
  });

  it('its workshop bundle brings the same curators to an empty studio', async () => {
    const blob = new Blob([readFileSync(fixturePath(version, 'workshop.kemas'))]);
    const checked = await checkBundleFile(blob);
    if (!checked.ok) throw new Error(`refused: ${checked.problem}`);
    const db = openDatabase(freshName());
    await db.open();
    const result = await applyArchive(db, checked.archive, blob, 'merge');
    expect(result.refused).toEqual([]);
    for (const session of await db.sessions.toArray()) {
      const old = dump.tables.sessions!.find((s) => s.id === session.id)!;
      expect(session.curators).toEqual([...new Set([old.updatedBy as string, ...(old.mentorIds as string[])])]);
    }
    db.close();
  });
});
