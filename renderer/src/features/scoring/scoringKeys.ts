/**
 * What the scoring keys mean; which keys they are is declared in the keymap
 * (shared/keymap/keymap.ts, scope 'scoring').
 */

/** The level a number key picks, by position on the scale: 1 = the first (lowest), 9 = the ninth, 0 = the tenth. */
export function levelForKey(levels: readonly number[], key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const position = key === '0' ? 10 : Number(key);
  return levels[position - 1] ?? null;
}

/** "03:25", "72:04": minutes and seconds, minutes not wrapped into hours. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
