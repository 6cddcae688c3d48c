import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './DatabaseProvider.tsx';
import { listPublishedRubrics, listRubrics, newestPublishedRubrics } from './rubricsRepo.ts';
import { isLive } from './records.ts';

// Live queries return `undefined` while loading; screens show a loading state for it.

/** Every rubric family with its live versions. */
export function useRubrics() {
  const db = useDatabase();
  return useLiveQuery(() => listRubrics(db), [db]);
}

/** A live rubric version, null when it does not exist or was deleted. */
export function useRubric(id: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const r = await db.rubrics.get(id);
    return isLive(r) ? r : null;
  }, [db, id]);
}

/** Published versions a workshop may choose. */
export function usePublishedRubrics() {
  const db = useDatabase();
  return useLiveQuery(() => listPublishedRubrics(db), [db]);
}

/** The live versions of one family, newest first (the editor links between them). */
export function useRubricFamily(familyId: string | undefined) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (!familyId) return [];
    const versions = await db.rubrics.where('familyId').equals(familyId).toArray();
    return versions.filter((r) => r.deletedAt === null).sort((a, b) => b.version - a.version);
  }, [db, familyId]);
}

/** The newest published version of each rubric family: what a new session can use. */
export function useNewestPublishedRubrics() {
  const db = useDatabase();
  return useLiveQuery(() => newestPublishedRubrics(db), [db]);
}
