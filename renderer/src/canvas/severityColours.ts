import type { Annotation } from '../../../shared/domain/annotation.ts';

/** Severity colours, the same on the canvas, in the side list and (later) in the PDF. */
export const SEVERITY_COLOURS: Readonly<Record<Annotation['severity'], string>> = {
  'must-fix': '#d32f2f',
  suggestion: '#f9a825',
  strength: '#2e7d32',
};

/** Another mentor's layer is drawn in one neutral colour so "mine" stands out. */
export const OTHER_MENTOR_COLOUR = '#5c6bc0';
