import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './DatabaseProvider.tsx';
import { getBackupMark } from './backupRepo.ts';

/** The last backup this studio made (null before the first), live; undefined while loading. */
export function useBackupMark() {
  const db = useDatabase();
  return useLiveQuery(() => getBackupMark(db), [db]);
}
