import { createContext, useContext } from 'react';
import type { Mentor } from '#shared/domain/mentor.ts';

/** The mentor reviewing now; every edit below the identity gate is made in their name. */
export const CurrentMentorContext = createContext<Mentor | null>(null);

export function useCurrentMentorRecord(): Mentor {
  const mentor = useContext(CurrentMentorContext);
  if (!mentor) throw new Error('useCurrentMentorRecord outside the identity gate');
  return mentor;
}
