import type { ScoringSession } from '../domain/session.ts';
import { changedSettings, isCurator, type SessionSettingField } from '../scoring/sessionRules.ts';
import { compareCopies } from './mergeRecords.ts';

/** A session edit a merge refused: its settings were changed by someone who is not one of its curators here. */
export interface RefusedSessionEdit {
  table: 'sessions';
  id: string;
  /** Who made the refused edit (the incoming copy's `updatedBy`) and when. */
  by: string;
  at: number;
  reason: 'not-curator';
  /** The settings that edit would have changed. */
  fields: SessionSettingField[];
}

/**
 * Sessions' curators hold across laptops: before a bundle's sessions merge, an incoming copy that
 * would win (newer, `compareCopies`) and changes a setting (`changedSettings`) is refused when its
 * last editor is not a curator of the studio's copy. The studio's copy stays; everything else in the
 * bundle merges as usual. A session the studio does not have yet is accepted as it comes (there is
 * nothing here to judge it by), and so is an edit that changes only mentors' own conflict
 * declarations. Pure; `existing` needs only the studio's copies of the incoming ids.
 */
export function guardSessionEdits(
  existing: readonly ScoringSession[],
  incoming: readonly ScoringSession[],
): { accepted: ScoringSession[]; refused: RefusedSessionEdit[] } {
  const local = new Map(existing.map((s) => [s.id, s]));
  const accepted: ScoringSession[] = [];
  const refused: RefusedSessionEdit[] = [];
  for (const copy of incoming) {
    const here = local.get(copy.id);
    if (here === undefined || compareCopies(copy, here) <= 0) {
      accepted.push(copy);
      continue;
    }
    const fields = changedSettings(here, copy);
    if (fields.length === 0 || isCurator(here, copy.updatedBy)) accepted.push(copy);
    else refused.push({ table: 'sessions', id: copy.id, by: copy.updatedBy, at: copy.updatedAt, reason: 'not-curator', fields });
  }
  refused.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.at - b.at));
  return { accepted, refused };
}
