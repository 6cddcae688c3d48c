import { useEffect, useState } from 'react';
import { formatDuration } from './scoringKeys.ts';
import { elapsed, type TimeSpentClock } from './useTimeSpent.ts';

/** Time spent as mm:ss, ticking once a second while the clock runs (only this text re-renders). */
export function TimeSpentText({ clock }: { clock: Pick<TimeSpentClock, 'base' | 'since'> }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (clock.since === null) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [clock.since]);
  const shown = elapsed(clock, Math.max(now, clock.since ?? 0));
  return <time dateTime={`PT${Math.floor(shown / 1000)}S`}>{formatDuration(shown)}</time>;
}
