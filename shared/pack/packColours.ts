import { SEVERITY_COLOURS } from '../annotations/severityColours.ts';

/** Severity colours of marks: the canvas's own, so a mark looks the same in the PDF as while reviewing. */
export const PACK_SEVERITY_COLOURS = SEVERITY_COLOURS;

/**
 * Mentor colours of a combined pack, in order of the mentors. None of them is
 * a severity colour (no red, amber or green), and each is dark enough for a
 * white number on a badge (contrast ≥ 4.5 : 1).
 */
export const PACK_MENTOR_COLOURS = ['#1a56c4', '#8e24aa', '#00796b', '#5d4037', '#c2185b', '#37474f', '#4527a0', '#00695c'] as const;

/** The colour of the n-th mentor (0-based); colours repeat after eight mentors. */
export function mentorColour(index: number): string {
  return PACK_MENTOR_COLOURS[index % PACK_MENTOR_COLOURS.length] as string;
}

/** "A", "B", … "Z", "AA", …: a mentor's letter in front of their numbers in a combined pack. */
export function mentorLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}
