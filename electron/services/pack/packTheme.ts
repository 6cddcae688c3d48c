/**
 * The pack's look, in PDF points (1/72 inch): calm colours, type large enough
 * to read on a phone held upright, and room around everything.
 */
export const THEME = {
  margin: { top: 50, left: 48, right: 48, bottom: 58 },
  /** The footer's baseline area, below the bottom margin. */
  footerGap: 22,
  colour: {
    text: '#1f2933',
    muted: '#52606d',
    faint: '#7b8794',
    rule: '#d9e2ec',
    panel: '#f0f4f8',
    accent: '#24527a',
    accentLight: '#dceaf7',
    white: '#ffffff',
    dark: '#1f2933',
  },
  size: {
    kicker: 10,
    title: 22,
    h2: 16,
    h3: 12.5,
    body: 10.5,
    small: 9,
    tiny: 8,
    bigScore: 40,
  },
  lineGap: 2.2,
  /** Space after a paragraph and before a heading. */
  gap: { paragraph: 6, beforeHeading: 14, afterHeading: 6 },
  /**
   * Marks over the pictures take their sizes from shared/annotations/appearance.ts (a share of the
   * picture); these are the pack's own: the legend's badges and the line weight of zoomed details.
   */
  mark: {
    stroke: 1.8,
    badgeRadius: 7.5,
  },
} as const;

/** Verdict chips: a soft background with a strong text colour. */
export const VERDICT_COLOURS = {
  'market-ready': { fill: '#e8f5e9', text: '#1b5e20' },
  'minor-revision': { fill: '#fff4d6', text: '#6d4c00' },
  'major-revision': { fill: '#fdecea', text: '#b71c1c' },
} as const;

/** Checklist status chips. */
export const STATUS_COLOURS = {
  missing: { fill: '#fdecea', text: '#b71c1c' },
  wrong: { fill: '#fdecea', text: '#b71c1c' },
  present: { fill: '#e8f5e9', text: '#1b5e20' },
  'not-applicable': { fill: '#eef1f4', text: '#52606d' },
  unchecked: { fill: '#ffffff', text: '#52606d' },
} as const;

/** Page sizes in points, portrait. */
export const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;
export type PackPageSize = keyof typeof PAGE_SIZES;
