import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './DatabaseProvider.tsx';
import { getChecklist } from './labelChecklistsRepo.ts';

/** A mentor's label checklist for a submission: undefined while loading, null before their first edit. */
export function useLabelChecklist(submissionId: string, mentorId: string) {
  const db = useDatabase();
  return useLiveQuery(() => getChecklist(db, { submissionId, mentorId }), [db, submissionId, mentorId]);
}
