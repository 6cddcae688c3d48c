/**
 * The scoring keys, in one place so the review screen's own key handler (tool
 * letters, zoom digits, Space to pan) can leave them to the scoring panel.
 */

/** Goes to the next unscored submission, anywhere on the review screen. */
export const NEXT_UNSCORED_SHORTCUT = 'Shift+N';

export function isNextUnscoredKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.toLowerCase() === 'n';
}

/** Marks the element inside which the scoring panel handles digits, arrows, Space and Enter itself. */
export const SCORING_KEYS_ATTRIBUTE = 'data-scoring-keys';

const PANEL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', ' ', 'Enter']);

/** True when focus is in the scoring panel and the key is one the panel (or its buttons) should get, not the canvas. */
export function scoringPanelOwnsKey(event: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
  const target = event.target;
  if (!(target instanceof Element) || !target.closest(`[${SCORING_KEYS_ATTRIBUTE}]`)) return false;
  return /^[0-9]$/.test(event.key) || PANEL_KEYS.has(event.key);
}

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
