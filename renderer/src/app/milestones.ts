import { useEffect } from 'react';

/**
 * Named moments the app reaches (e.g. 'app-ready'), recorded as performance
 * marks. Tests and benchmarks wait for them instead of sleeping.
 */
export function markMilestone(name: string): void {
  const mark = `kemas:${name}`;
  if (performance.getEntriesByName(mark).length === 0) performance.mark(mark);
}

export function useMilestone(name: string, reached: boolean): void {
  useEffect(() => {
    if (reached) markMilestone(name);
  }, [name, reached]);
}
