import type { Severity } from './operations.ts';

/**
 * Severity colours: one source for the canvas, the side list, the checklist and
 * the critique-pack PDF, so a mark looks the same everywhere it is shown.
 */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  'must-fix': '#d32f2f',
  suggestion: '#f9a825',
  strength: '#2e7d32',
};
