import { measureMillimetres } from '../annotations/geometry.ts';
import type { Annotation } from '../domain/annotation.ts';
import type { Asset, Face } from '../domain/asset.ts';
import type { Participant } from '../domain/participant.ts';
import { faceReadiness, shownPixels } from '../intake/faceReadiness.ts';
import { PACK_SEVERITY_COLOURS } from './packColours.ts';
import { formatNumber } from './packFormat.ts';
import type { PackCrop, PackFace, PackMark } from './packModelSchema.ts';
import { fill, lowerFirst, PACK_MESSAGES, studioMessages, type PackLanguage } from './packText.ts';

type FaceAsset = Pick<Asset, 'id' | 'face' | 'order' | 'metadata' | 'deletedAt' | 'transform'>;

/** How a mentor appears on the marks: their letter and colour in a combined pack coloured by mentor. */
export interface MarkMentor {
  /** Position in the pack's list of mentors: marks are listed mentor by mentor. */
  order: number;
  name: string;
  letter: string | null;
  colour: string | null;
}

/** The face's title: "Tampak depan" / "Front view". */
export function faceTitle(face: Face, language: PackLanguage): string {
  const name = studioMessages(language).faces[face];
  return fill(PACK_MESSAGES[language].faces.title, { face: language === 'id' ? lowerFirst(name) : name });
}

/** A mark's label: its number, prefixed by the mentor's letter when marks are coloured by mentor. */
export function markLabel(annotation: Pick<Annotation, 'number'>, mentor: MarkMentor | undefined): string {
  return `${mentor?.letter ?? ''}${annotation.number}`;
}

/**
 * A zoomed pin shows a square of this share of the image's shorter side: small
 * enough to enlarge the detail about three times next to the whole face, large
 * enough to show what surrounds it.
 */
export const CROP_SHARE = 0.14;
/** A crop is never smaller than this many image pixels (tiny images), nor larger than the image. */
const MIN_CROP_PX = 48;

/** The square around a pin, shifted (not shrunk) to stay inside the image. */
export function pinCrop(at: { x: number; y: number }, width: number, height: number): { x: number; y: number; width: number; height: number } {
  const shorter = Math.min(width, height);
  const side = Math.min(shorter, Math.max(MIN_CROP_PX, Math.round(shorter * CROP_SHARE)));
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return { x: clamp(at.x - side / 2, width - side), y: clamp(at.y - side / 2, height - side), width: side, height: side };
}

function markOf(annotation: Annotation, mentor: MarkMentor | undefined, language: PackLanguage, colourBy: 'severity' | 'mentor'): PackMark {
  const text = PACK_MESSAGES[language];
  const studio = studioMessages(language);
  const severityColour = PACK_SEVERITY_COLOURS[annotation.severity];
  let comment = annotation.comment.trim() || text.faces.noComment;
  const shape = annotation.shape;
  if (shape.kind === 'measure' && shape.mmPerPixel !== null) {
    comment = `${comment} ${fill(text.faces.measured, { mm: formatNumber(measureMillimetres(shape, shape.mmPerPixel), language) })}`;
  }
  return {
    annotationId: annotation.id,
    mentorId: annotation.mentorId,
    label: markLabel(annotation, mentor),
    shape,
    colour: colourBy === 'mentor' ? (mentor?.colour ?? severityColour) : severityColour,
    severity: annotation.severity,
    severityText: studio.review.severities[annotation.severity],
    severityColour,
    category: annotation.category,
    categoryText: studio.review.categories[annotation.category],
    comment,
    mentorName: colourBy === 'mentor' ? (mentor?.name ?? null) : null,
  };
}

/**
 * The faces in their order, each with its marks in legend order (mentor
 * letter, then number) and a zoomed crop per pin. `annotations` are already
 * the ones the pack shows.
 */
export function packFaces(
  faces: readonly FaceAsset[],
  annotations: readonly Annotation[],
  mentors: ReadonlyMap<string, MarkMentor>,
  language: PackLanguage,
  colourBy: 'severity' | 'mentor',
): PackFace[] {
  const text = PACK_MESSAGES[language];
  const live = faces.filter((f) => f.deletedAt === null).sort((a, b) => a.order - b.order);
  return live.map((asset, index) => {
    const { width, height } = asset.metadata;
    const title = faceTitle(asset.face, language);
    const marks = annotations
      .filter((a) => a.assetId === asset.id)
      .sort((a, b) => (mentors.get(a.mentorId)?.order ?? 0) - (mentors.get(b.mentorId)?.order ?? 0) || a.number - b.number)
      .map((a) => markOf(a, mentors.get(a.mentorId), language, colourBy));
    const crops: PackCrop[] = marks.flatMap((mark) =>
      mark.shape.kind === 'pin'
        ? [{ annotationId: mark.annotationId, label: mark.label, colour: mark.colour, rect: pinCrop(mark.shape.at, width, height), pin: mark.shape.at, alt: fill(text.faces.detailAlt, { label: mark.label }) }]
        : [],
    );
    return {
      assetId: asset.id,
      face: asset.face,
      title,
      position: fill(text.faces.position, { index: index + 1, count: live.length }),
      width,
      height,
      transform: asset.transform,
      alt: fill(text.faces.figureAlt, { face: lowerFirst(studioMessages(language).faces[asset.face]), count: marks.length }),
      marks,
      crops,
    };
  });
}

/* ---------------------------------------------------------------------------
 * Print readiness
 * ------------------------------------------------------------------------ */


const RGB_SPACES = new Set(['srgb', 'rgb', 'rgb16', 'scrgb']);
const GREY_SPACES = new Set(['b-w', 'grey16']);

function colourMode(space: string, language: PackLanguage): string {
  const modes = PACK_MESSAGES[language].print.colourModes;
  const s = space.trim().toLowerCase();
  if (RGB_SPACES.has(s)) return modes.rgb;
  if (s === 'cmyk') return modes.cmyk;
  if (GREY_SPACES.has(s)) return modes.grey;
  return fill(modes.other, { space: space || '?' });
}

/** One row per face: pixels (as the face is shown), DPI at the pack size, colour mode, profile, and what stands between it and a good print. */
export function packPrintRows(faces: readonly FaceAsset[], pack: Participant['packDimensions'], language: PackLanguage) {
  const text = PACK_MESSAGES[language];
  const studio = studioMessages(language);
  return faces
    .filter((f) => f.deletedAt === null)
    .sort((a, b) => a.order - b.order)
    .map((asset) => {
      const m = asset.metadata;
      const readiness = faceReadiness(asset, pack);
      // The pixels as the face is shown, as its DPI is computed: a quarter turn swaps width and height.
      const shown = shownPixels(asset);
      const isPdf = m.format === 'pdf';
      const warnings = readiness.warnings.map((w) => studio.print[w]);
      // The same advice in plain words for the owner (the phone layout): one sentence each, no repeats.
      const plain = [...new Set([...readiness.warnings.map((w) => text.phone.printPlain[w]), ...(isPdf ? [text.phone.printPdf] : [])])];
      return {
        assetId: asset.id,
        face: studio.faces[asset.face],
        pixelsText: fill(text.print.pixelsValue, { width: formatNumber(shown.width, language, 0), height: formatNumber(shown.height, language, 0) }),
        dpiText: readiness.effectiveDpi === null ? text.print.dpiUnknown : fill(text.print.dpiValue, { dpi: formatNumber(readiness.effectiveDpi, language, 0) }),
        colourText: isPdf ? text.noneGiven : colourMode(m.colourSpace, language),
        profileText: isPdf ? text.noneGiven : m.iccProfileName?.trim() || text.print.profileNone,
        warnings,
        plain,
        note: isPdf ? text.print.pdfPage : null,
        ok: warnings.length === 0 && !isPdf,
      };
    });
}
