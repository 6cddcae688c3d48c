import type { Asset, Face } from '../domain/asset.ts';
import type { Participant } from '../domain/participant.ts';
import { assessPrintReadiness, type PhysicalSize, type PrintReadiness } from './printReadiness.ts';

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
export function faceReadiness(asset: Pick<Asset, 'face' | 'metadata'>, pack: Participant['packDimensions']): PrintReadiness {
  const m = asset.metadata;
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
  return assessPrintReadiness({
    widthPx: m.width,
    heightPx: m.height,
    colourSpace: m.colourSpace,
    iccProfileName: m.iccProfileName,
    format: m.format,
    packSize: faceSize(asset.face, pack),
    pageSize: m.pageSize,
  });
}

/** Warnings that ask for action ('no-size' only says a size is missing). */
export function actionableWarnings(readiness: PrintReadiness) {
  return readiness.warnings.filter((w) => w !== 'no-size');
}
