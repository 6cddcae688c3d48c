import type { Asset, Face } from '../domain/asset.ts';
import { IDENTITY_TRANSFORM, shownSize, type FaceTransform } from '../domain/faceTransform.ts';
import type { Participant } from '../domain/participant.ts';
import { assessPrintReadiness, crosswise, type PhysicalSize, type PrintReadiness } from './printReadiness.ts';

/** A pack dimension as the participant's form names it. */
export type PackDimension = 'width' | 'height' | 'depth';

/**
 * Which two pack dimensions a face of this type shows, across then up: the
 * front and back width × height, the sides depth × height, the top and bottom
 * width × depth. Null for a dieline, a mock-up sheet or a face of unknown type.
 */
export function faceDimensions(face: Face): readonly [PackDimension, PackDimension] | null {
  switch (face) {
    case 'front':
    case 'back':
    case 'mockup':
      return ['width', 'height'];
    case 'left':
    case 'right':
      return ['depth', 'height'];
    case 'top':
    case 'bottom':
      return ['width', 'depth'];
    default:
      return null;
  }
}

/**
 * What a measure or a DPI on this face rests on: the pack's two dimensions
 * for its type, or why there are none: no pack size yet, a face whose type
 * is not set ("other": ask for it), or a sheet (dieline) that is no one face.
 */
export type FaceSizeBasis =
  | { kind: 'pack'; dimensions: readonly [PackDimension, PackDimension]; size: PhysicalSize }
  | { kind: 'no-pack' }
  | { kind: 'unknown-face' }
  | { kind: 'sheet' };

export function faceSizeBasis(face: Face, pack: Participant['packDimensions']): FaceSizeBasis {
  if (face === 'other') return pack ? { kind: 'unknown-face' } : { kind: 'no-pack' };
  const dimensions = faceDimensions(face);
  if (!dimensions) return { kind: 'sheet' };
  const size = faceSize(face, pack);
  return size ? { kind: 'pack', dimensions, size } : { kind: 'no-pack' };
}

/** A face as the measure and print readiness read it: its type, its pixels and how it is shown. */
type ShownFace = Pick<Asset, 'face' | 'metadata'> & { transform?: FaceTransform };

/** The face's pixel size as shown (turned a quarter, its width is the original's height). */
export function shownPixels(asset: ShownFace): { width: number; height: number } {
  return shownSize(asset.transform ?? IDENTITY_TRANSFORM, asset.metadata);
}

/**
 * True when the face, as shown, lies across its pack dimensions (a portrait
 * front shown landscape): the measure and the DPI then match the picture's
 * long side to the pack's long side, and the mentor is told so (a face shot
 * sideways and not turned yet). False without a pack size.
 */
export function liesAcrossPack(asset: ShownFace, pack: Participant['packDimensions']): boolean {
  const size = faceSize(asset.face, pack);
  if (!size) return false;
  const shown = shownPixels(asset);
  return crosswise(shown.width, shown.height, size);
}

/**
 * The two pack dimensions a face shows: the front is width × height, a side
 * depth × height, the top width × depth. Null when the size is unknown or the
 * face (a dieline, a mock-up sheet) has no declared size.
 */
export function faceSize(face: Face, pack: Participant['packDimensions']): PhysicalSize | null {
  if (!pack) return null;
  switch (face) {
    case 'front':
    case 'back':
    case 'mockup':
      return { widthMm: pack.widthMm, heightMm: pack.heightMm };
    case 'left':
    case 'right':
      return pack.depthMm > 0 ? { widthMm: pack.depthMm, heightMm: pack.heightMm } : null;
    case 'top':
    case 'bottom':
      return pack.depthMm > 0 ? { widthMm: pack.widthMm, heightMm: pack.depthMm } : null;
    default:
      // A dieline or other sheet is larger than any one face: its size is not declared.
      return null;
  }
}

/**
 * Print readiness of one face. A PDF page is judged by its size only: its
 * pixels are our own rendering, so their resolution and colour say nothing
 * about the artwork inside the PDF.
 */
export function faceReadiness(asset: ShownFace, pack: Participant['packDimensions']): PrintReadiness {
  const m = asset.metadata;
  // The pack's width runs across the face as shown: a face turned a quarter swaps its pixels against it.
  const shown = shownPixels(asset);
  if (m.format === 'pdf') {
    const judged = assessPrintReadiness({
      widthPx: m.width,
      heightPx: m.height,
      colourSpace: 'cmyk',
      iccProfileName: 'rendered page',
      format: 'pdf',
      packSize: null,
      pageSize: m.pageSize,
    });
    return { ...judged, effectiveDpi: null, warnings: judged.warnings.filter((w) => w === 'no-size') };
  }
  const judged = assessPrintReadiness({
    widthPx: shown.width,
    heightPx: shown.height,
    colourSpace: m.colourSpace,
    iccProfileName: m.iccProfileName,
    format: m.format,
    packSize: faceSize(asset.face, pack),
    pageSize: m.pageSize,
  });
  // The pack size is there; what is missing is which face this is.
  if (faceSizeBasis(asset.face, pack).kind === 'unknown-face') {
    return { ...judged, warnings: judged.warnings.map((w) => (w === 'no-size' ? 'unknown-face' : w)) };
  }
  return judged;
}

/** Warnings that ask for action ('no-size' only says a size is missing). */
export function actionableWarnings(readiness: PrintReadiness) {
  return readiness.warnings.filter((w) => w !== 'no-size');
}
