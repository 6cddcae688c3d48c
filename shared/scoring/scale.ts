/** A criterion's scale, as in `scaleSchema`. */
export interface Scale {
  min: number;
  max: number;
  step: number;
}

/** The most levels a scale may have; more is almost certainly a typo (e.g. step 0.001). */
export const MAX_LEVELS = 101;

/** Snaps float noise (0.1 + 0.2) so level values compare equal to typed ones. */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * The levels of a scale, lowest first (min, min+step, …, max), or null when the
 * scale is not sane: non-finite, max ≤ min, step ≤ 0, (max − min) not a whole
 * number of steps, or more than MAX_LEVELS levels.
 */
export function scaleLevels(scale: Scale): number[] | null {
  const { min, max, step } = scale;
  if (![min, max, step].every(Number.isFinite) || max <= min || step <= 0) return null;
  const steps = (max - min) / step;
  const whole = Math.round(steps);
  if (Math.abs(steps - whole) > 1e-9 || whole + 1 > MAX_LEVELS) return null;
  return Array.from({ length: whole + 1 }, (_, i) => tidy(min + i * step));
}

/**
 * Whether `score` is one of the scale's levels (within float noise). The same
 * answer as looking it up in `scaleLevels`, by arithmetic: it runs for every
 * score of every review when a session's results are computed.
 */
export function isOnScale(scale: Scale, score: number): boolean {
  const { min, max, step } = scale;
  if (![min, max, step, score].every(Number.isFinite) || max <= min || step <= 0) return false;
  const steps = (max - min) / step;
  const whole = Math.round(steps);
  if (Math.abs(steps - whole) > 1e-9 || whole + 1 > MAX_LEVELS) return false;
  const k = Math.round((score - min) / step);
  return k >= 0 && k <= whole && Math.abs(tidy(min + k * step) - score) < 1e-9;
}
