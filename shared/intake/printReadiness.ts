import { z } from 'zod';
import type { InputFormat, PageSize } from './faceMetadata.ts';

/** Resolution at which print artwork is expected (dots per inch at the printed size). */
export const PRINT_DPI = 300;
/** Below this the print will look soft or pixelated even at arm's length. */
export const MIN_DPI = 150;

const MM_PER_INCH = 25.4;

/**
 * What can stand between a face and a good print. Each has one translated
 * sentence in the UI (i18n key `intake.printWarnings.<code>`).
 */
export const PRINT_WARNINGS = [
  /** Effective resolution below MIN_DPI. */
  'very-low-resolution',
  /** Effective resolution from MIN_DPI up to (not including) PRINT_DPI. */
  'low-resolution',
  /** A print deliverable (PDF or TIFF) in an RGB space instead of CMYK. */
  'rgb-for-print',
  /** No embedded ICC profile: colours are a guess. */
  'no-profile',
  /** Neither a pack size nor a page size is known, so resolution cannot be judged. */
  'no-size',
  /** The pack size is known but the face's type is not ("other"): which two dimensions it shows is unknown. */
  'unknown-face',
] as const;
export const printWarningSchema = z.enum(PRINT_WARNINGS);
export type PrintWarning = z.infer<typeof printWarningSchema>;

export const PRINT_BASES = ['pack', 'page'] as const;
export const printBasisSchema = z.enum(PRINT_BASES);
export type PrintBasis = z.infer<typeof printBasisSchema>;

export const printReadinessSchema = z.object({
  /** Pixels per inch at the printed size (the limiting axis), or null when no size is known. */
  effectiveDpi: z.number().int().nonnegative().nullable(),
  /** Which physical size the DPI was measured against. */
  basis: printBasisSchema.nullable(),
  /** In the order of PRINT_WARNINGS, each at most once. */
  warnings: z.array(printWarningSchema),
});
export type PrintReadiness = z.infer<typeof printReadinessSchema>;

export type PhysicalSize = { widthMm: number; heightMm: number };

export type PrintReadinessInput = {
  /** Pixel size after EXIF orientation (for a PDF: of the rendered page). */
  widthPx: number;
  heightPx: number;
  /** libvips interpretation of the source, e.g. 'srgb', 'cmyk', 'b-w'. */
  colourSpace: string;
  iccProfileName: string | null;
  format: InputFormat;
  /** Declared size of the face on the pack (the caller picks the face's two dimensions). */
  packSize: PhysicalSize | null;
  /** Physical page size of a PDF page; wins over packSize. */
  pageSize: PageSize | null;
};

/** Print deliverables: formats a designer hands to a printer, so their colour space matters. */
const PRINT_FORMATS: ReadonlySet<InputFormat> = new Set(['pdf', 'tiff']);

/** libvips interpretations that are RGB (as opposed to CMYK, greyscale or Lab). */
const RGB_SPACES: ReadonlySet<string> = new Set(['srgb', 'rgb', 'rgb16', 'scrgb', 'hsv']);

function usableSize(size: PhysicalSize | null): PhysicalSize | null {
  if (!size) return null;
  const ok = (n: number) => Number.isFinite(n) && n > 0;
  return ok(size.widthMm) && ok(size.heightMm) ? size : null;
}

/**
 * True when a picture of `widthPx × heightPx` lies across `size` (a landscape
 * picture of a portrait face, or the other way): its sizes are then matched
 * long side to long side. A square on either side matches as it is.
 */
export function crosswise(widthPx: number, heightPx: number, size: PhysicalSize): boolean {
  const imageLandscape = widthPx > heightPx;
  const imagePortrait = heightPx > widthPx;
  const sizeLandscape = size.widthMm > size.heightMm;
  const sizePortrait = size.heightMm > size.widthMm;
  return (imageLandscape && sizePortrait) || (imagePortrait && sizeLandscape);
}

/**
 * Pixels per inch when an image of `widthPx × heightPx` is printed at `size`,
 * turned to match the image's orientation (a landscape photo of a portrait
 * pouch), on the limiting axis, rounded to an integer.
 */
export function effectiveDpi(widthPx: number, heightPx: number, size: PhysicalSize): number {
  const turned = crosswise(widthPx, heightPx, size);
  const widthIn = (turned ? size.heightMm : size.widthMm) / MM_PER_INCH;
  const heightIn = (turned ? size.widthMm : size.heightMm) / MM_PER_INCH;
  return Math.round(Math.min(widthPx / widthIn, heightPx / heightIn));
}

/**
 * Judges whether a face can be printed well at its physical size.
 *
 * - The size is the PDF page size when there is one, else the declared pack size.
 * - Resolution warnings compare the rounded DPI, so a face shown as "300 dpi" is never
 *   called low-resolution.
 * - 'rgb-for-print' only for PDF and TIFF (print deliverables) in an RGB space:
 *   JPEG/PNG/WebP from participants are almost always phone photos or screen exports,
 *   and flagging every one of them would drown the warnings that matter.
 * - SVG is vector and sRGB by definition: no resolution, size or profile warnings.
 */
export function assessPrintReadiness(input: PrintReadinessInput): PrintReadiness {
  const warnings = new Set<PrintWarning>();
  let dpi: number | null = null;
  let basis: PrintBasis | null = null;

  if (input.format !== 'svg') {
    const page = usableSize(input.pageSize);
    const pack = usableSize(input.packSize);
    const size = page ?? pack;
    basis = page ? 'page' : pack ? 'pack' : null;
    if (size && input.widthPx > 0 && input.heightPx > 0) {
      dpi = effectiveDpi(input.widthPx, input.heightPx, size);
      if (dpi < MIN_DPI) warnings.add('very-low-resolution');
      else if (dpi < PRINT_DPI) warnings.add('low-resolution');
    } else {
      basis = null;
      warnings.add('no-size');
    }
    if (PRINT_FORMATS.has(input.format) && RGB_SPACES.has(input.colourSpace.trim().toLowerCase())) {
      warnings.add('rgb-for-print');
    }
    if (!input.iccProfileName?.trim()) warnings.add('no-profile');
  }

  return { effectiveDpi: dpi, basis, warnings: PRINT_WARNINGS.filter((w) => warnings.has(w)) };
}
