import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './DatabaseProvider.tsx';
import { listSessions, loadSessionData, sessionCandidates } from './sessionsRepo.ts';

// Live queries return `undefined` while loading; screens show a loading state for it.

/** A workshop's live sessions with their progress, newest first. */
export function useSessions(workshopId: string) {
  const db = useDatabase();
  return useLiveQuery(() => listSessions(db, workshopId), [db, workshopId]);
}

/** Everything the session screen shows, kept current as mentors score; null when the session is gone. */
export function useSessionData(sessionId: string) {
  const db = useDatabase();
  return useLiveQuery(() => loadSessionData(db, sessionId), [db, sessionId]);
}

/** The submissions a new session of this workshop could include. */
export function useSessionCandidates(workshopId: string) {
  const db = useDatabase();
  return useLiveQuery(() => sessionCandidates(db, workshopId), [db, workshopId]);
}

