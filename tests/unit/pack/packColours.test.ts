import { describe, expect, it } from 'vitest';
import { contrastRatio } from '#shared/annotations/colour.ts';
import { mentorLetter, PACK_MENTOR_COLOURS, PACK_SEVERITY_COLOURS } from '#shared/pack/packColours.ts';

describe('pack colours', () => {
  it('gives mentors colours that are no severity colour and carry a white number', () => {
    const severities = new Set(Object.values(PACK_SEVERITY_COLOURS));
    for (const colour of PACK_MENTOR_COLOURS) {
      expect(severities.has(colour)).toBe(false);
      expect(contrastRatio('#ffffff', colour), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(PACK_MENTOR_COLOURS).size).toBe(PACK_MENTOR_COLOURS.length);
  });

  it('letters mentors A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(mentorLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
