export { SEVERITY_COLOURS } from '#shared/annotations/severityColours.ts';

/** Another mentor's layer is drawn in one neutral colour so "mine" stands out. */
export const OTHER_MENTOR_COLOUR = '#5c6bc0';
