import { describe, expect, it } from 'vitest';
import { mergeBundle } from '#shared/bundles/mergeBundle.ts';
import { guardSessionEdits } from '#shared/bundles/sessionAuthority.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import { scoringSession } from '../../support/scoringSession.ts';

const base = scoringSession({ id: 'session-1', updatedAt: 100, name: 'Final Malang' });
const edit = (changes: Partial<ScoringSession>): ScoringSession => ({ ...base, updatedAt: 200, ...changes });

describe('session edits on merge', () => {
  it('refuses a settings edit by someone who is not a curator here, and says which settings', () => {
    const byBudi = edit({ blind: false, itemTimerMinutes: 5, updatedBy: 'budi' });
    const { accepted, refused } = guardSessionEdits([base], [byBudi]);
    expect(accepted).toEqual([]);
    expect(refused).toEqual([{ table: 'sessions', id: 'session-1', by: 'budi', at: 200, reason: 'not-curator', fields: ['blind', 'itemTimerMinutes'] }]);
  });

  it('keeps the studio copy while the rest of the bundle merges', () => {
    const byBudi = edit({ blind: false, updatedBy: 'budi' });
    const other = { ...base, id: 'session-2', name: 'Jember' };
    const { accepted, refused } = guardSessionEdits([base], [byBudi, other]);
    const merged = mergeBundle({ sessions: [base] }, { sessions: accepted });
    expect(refused).toHaveLength(1);
    expect(merged.tables.sessions?.all.find((s) => s.id === 'session-1')?.blind).toBe(true);
    expect(merged.tables.sessions?.all.map((s) => s.id)).toEqual(['session-1', 'session-2']);
  });

  it("accepts a curator's edit, a mentor declaring their own conflict, an older copy and a session new to this studio", () => {
    const bySari = edit({ blind: false });
    const conflict = edit({ conflicts: [{ mentorId: 'dewi', submissionId: 'a' }], updatedBy: 'dewi' });
    const older = { ...base, updatedAt: 50, updatedBy: 'budi', blind: false };
    const fresh = { ...base, id: 'session-9', updatedBy: 'budi' };
    for (const incoming of [bySari, conflict, older, fresh]) {
      expect(guardSessionEdits([base], [incoming])).toEqual({ accepted: [incoming], refused: [] });
    }
  });

  it("judges by this studio's curators: a curator named here may edit; one named only in the bundle may not", () => {
    const local = { ...base, curators: ['sari', 'budi'] };
    expect(guardSessionEdits([local], [edit({ name: 'Final', updatedBy: 'budi', curators: ['sari', 'budi'] })]).refused).toEqual([]);
    // Budi names himself curator and switches blind off: both settings, not his to change.
    const self = edit({ blind: false, curators: ['sari', 'budi'], updatedBy: 'budi' });
    expect(guardSessionEdits([base], [self]).refused[0]?.fields).toEqual(['blind', 'curators']);
  });

  it('is idempotent: the same bundle twice refuses the same edit and changes nothing', () => {
    const byBudi = edit({ revealedAt: 150, updatedBy: 'budi' });
    const first = guardSessionEdits([base], [byBudi]);
    const second = guardSessionEdits([base], [byBudi]);
    expect(second).toEqual(first);
    expect(first.refused[0]?.fields).toEqual(['revealedAt']);
  });
});
