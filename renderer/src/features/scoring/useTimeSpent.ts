import { useCallback, useEffect, useRef, useState } from 'react';
import type { Review } from '#shared/domain/review.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { addTime } from '../../data/reviewsRepo.ts';

/** How often counted time is written while the screen stays open. */
const SAVE_EVERY_MS = 10_000;
/** Slivers shorter than this (a remount, a tab flicked past) are not worth a write. */
const SMALLEST_SAVE_MS = 250;

/** Time spent as a clock the display reads: `base` ms counted, plus the time since `since` while running. */
export interface TimeSpentClock {
  base: number;
  /** performance.now() when the running stretch began; null while paused. */
  since: number | null;
  /** Writes what has been counted so far (before submitting, say). */
  flush: () => Promise<void>;
}

export function elapsed(clock: Pick<TimeSpentClock, 'base' | 'since'>, now: number = performance.now()): number {
  return clock.base + (clock.since === null ? 0 : now - clock.since);
}

/**
 * Counts the time a draft review is open on a visible screen and adds it to
 * the review: every ten seconds, when the page is hidden or left, and when
 * asked (`flush`). Submitted reviews are not counted.
 */
export function useTimeSpent(review: Review | null | undefined, actor: string, onError: (error: unknown) => void): TimeSpentClock {
  const db = useDatabase();
  const reviewId = review?.id ?? null;
  const counting = review?.status === 'draft';
  const stored = useRef(0);
  stored.current = review?.timeSpentMs ?? 0;
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const [clock, setClock] = useState<{ base: number; since: number | null }>({ base: 0, since: null });

  useEffect(() => {
    if (!reviewId) return;
    let base = stored.current;
    if (!counting) {
      setClock({ base, since: null });
      return;
    }
    let since: number | null = null;
    const publish = () => setClock({ base, since });
    const start = () => {
      if (since === null && document.visibilityState === 'visible') since = performance.now();
      publish();
    };
    const save = async (keepRunning: boolean) => {
      if (since === null) return;
      const now = performance.now();
      const ms = now - since;
      since = keepRunning && document.visibilityState === 'visible' ? now : null;
      base += ms;
      publish();
      if (ms < SMALLEST_SAVE_MS) return;
      try {
        await addTime(db, reviewId, ms, actor);
      } catch (error) {
        onError(error);
      }
    };
    flushRef.current = () => save(true);
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : void save(false));
    const onLeave = () => void save(false);
    start();
    const timer = setInterval(() => void save(true), SAVE_EVERY_MS);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onLeave);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onLeave);
      flushRef.current = async () => {};
      void save(false);
    };
  }, [db, reviewId, counting, actor, onError]);

  const flush = useCallback(() => flushRef.current(), []);
  return { ...clock, flush };
}
