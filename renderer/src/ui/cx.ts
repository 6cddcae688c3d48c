/** Joins class names, leaving out the empty ones: `cx('button', styles.primary, busy && styles.busy)`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
