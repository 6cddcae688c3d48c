import { OUTPUT_REFERENCE_SIDE, PHONE_REFERENCE_SIDE } from '#shared/annotations/appearance.ts';

/** Sizes and spacing of one page layout, in PDF points (1/72 inch). */
export interface PackTheme {
  margin: { top: number; left: number; right: number; bottom: number };
  footerGap: number;
  colour: typeof THEME.colour;
  size: { kicker: number; title: number; h2: number; h3: number; body: number; small: number; tiny: number; bigScore: number };
  lineGap: number;
  gap: { paragraph: number; beforeHeading: number; afterHeading: number };
  mark: { stroke: number; badgeRadius: number };
  /** How marks scale with their picture (shared/annotations/appearance.ts). */
  referenceSide: number;
}

/**
 * The pack's look on paper (A4, Letter), in PDF points (1/72 inch): calm
 * colours, type that reads when printed, and room around everything.
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
  referenceSide: OUTPUT_REFERENCE_SIDE,
} as const;

/**
 * The Ponsel layout: a page 90 × 160 mm (9 : 16), the shape of what a phone
 * held upright shows of a PDF under the viewer's bars (a 360 × 800 screen less
 * its status, address and tool bars is about 360 × 640). Phone viewers fit the
 * page's width to the screen, so one point shows as 360 / 255 = 1.41 CSS
 * pixels: body text 11.5 pt reads at 16 px, the smallest text (footers, 9 pt)
 * at 12.7 px, without zooming. Margins are narrow: the screen has its own.
 */
export const PHONE_THEME: PackTheme = {
  margin: { top: 22, left: 16, right: 16, bottom: 36 },
  footerGap: 16,
  colour: THEME.colour,
  size: {
    kicker: 9.5,
    title: 17,
    h2: 15.5,
    h3: 12.5,
    body: 11.5,
    small: 10,
    tiny: 9,
    bigScore: 30,
  },
  lineGap: 2.4,
  gap: { paragraph: 6, beforeHeading: 12, afterHeading: 5 },
  mark: { stroke: 1.8, badgeRadius: 10 },
  referenceSide: PHONE_REFERENCE_SIDE,
};

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

const MM = 72 / 25.4;

/** Page sizes in points, portrait. Ponsel is the phone layout (90 × 160 mm, see PHONE_THEME). */
export const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792], Ponsel: [90 * MM, 160 * MM] } as const;
export type PackPageSize = keyof typeof PAGE_SIZES;
/** The paper sizes (the curator's summary report is never laid out for a phone). */
export type PaperSize = Exclude<PackPageSize, 'Ponsel'>;

/** The look of a layout: the phone's own, or the paper one. */
export function themeFor(pageSize: PackPageSize): PackTheme {
  return pageSize === 'Ponsel' ? PHONE_THEME : THEME;
}
