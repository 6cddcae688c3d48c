import { FabricImage, StaticCanvas } from 'fabric';
import type { AnnotationShape } from '#shared/annotations/tools.ts';
import { CHROME, outputChromeUnit } from '#shared/annotations/appearance.ts';
import { layoutBadges, type BadgePlace } from '#shared/annotations/badgeLayout.ts';
import { IDENTITY_TRANSFORM, multiply, shownSize, transformMatrix, type FaceTransform } from '#shared/domain/faceTransform.ts';
import { markBadge, markBody, markChrome, styleMark, uprightOnTurnedFace } from './annotationMarks.ts';
import { loadImage } from './loadImage.ts';

/** One mark to burn in: its shape in original image pixels, its colour and the label on its badge ("3", "A3"). */
export interface BurnMark {
  shape: AnnotationShape;
  colour: string;
  label: string;
}

/**
 * Longest side of a burned PNG. An 8,000 px side is 64 MP (256 MB of pixels
 * while drawing), which every Chromium canvas accepts; a larger original is
 * scaled down to it, marks and all.
 */
export const BURN_MAX_SIDE = 8000;
export interface BurnOptions {
  /** Pixel size of the original (upright): the marks' coordinate space, and the PNG's size up to `maxSide`. */
  width: number;
  height: number;
  /** Longest side of the PNG (BURN_MAX_SIDE by default); a preview standing in for the original passes its own. */
  maxSide?: number;
  /** How the face is shown (the review canvas's view): the PNG is the face turned and mirrored so, marks and all. */
  transform?: FaceTransform;
}

/** Pixel size of the PNG burnAnnotations makes for an original of `width` × `height`. */
export function burnedSize(width: number, height: number, maxSide: number = BURN_MAX_SIDE): { width: number; height: number; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded as PNG'))), 'image/png');
  });
}

/**
 * A face with its marks burned in, as a PNG at full resolution (at most
 * BURN_MAX_SIDE on the long side), drawn with the review canvas's own marks
 * (annotationMarks.ts). `original` is any image the browser decodes; a
 * smaller stand-in (the preview of a TIFF or HEIC original) is drawn over the
 * same `width` × `height`, so pass its size as `maxSide` to keep it sharp.
 */
export async function burnAnnotations(original: Blob, marks: readonly BurnMark[], options: BurnOptions): Promise<Blob> {
  const { width, height } = options;
  const transform = options.transform ?? IDENTITY_TRANSFORM;
  const shown = shownSize(transform, { width, height });
  const size = burnedSize(shown.width, shown.height, options.maxSide);
  const url = URL.createObjectURL(original);
  const element = document.createElement('canvas');
  let canvas: StaticCanvas | null = null;
  try {
    const image = await loadImage(url);
    canvas = new StaticCanvas(element, { width: size.width, height: size.height, enableRetinaScaling: false, renderOnAddRemove: false });
    // As on the review canvas: everything is drawn in original pixels under the face's transform.
    canvas.setViewportTransform([...multiply([size.scale, 0, 0, size.scale, 0, 0], transformMatrix(transform, { width, height }))]);
    // No object cache: Fabric caps caches at 4096 px and would blur a larger original.
    canvas.add(
      new FabricImage(image, {
        left: 0,
        top: 0,
        scaleX: width / image.naturalWidth,
        scaleY: height / image.naturalHeight,
        objectCaching: false,
      }),
    );
    // Chrome is a stated share of the picture (shared/annotations/appearance.ts), badges where the shared layout puts them.
    const face = { width, height };
    const unit = outputChromeUnit(face);
    const places = layoutBadges(marks.map((mark, i) => ({ key: String(i), shape: mark.shape, label: mark.label })), face, undefined, transform);
    const badges = marks.map((mark, i) => {
      const place = places[i] as BadgePlace;
      const body = markBody(mark.shape, mark.colour, face, unit, false, transform);
      const badge = markBadge(mark.label, mark.colour, place.centre);
      uprightOnTurnedFace(badge, transform);
      styleMark(body, badge, unit, unit);
      const chrome = markChrome(mark.shape, mark.colour, unit, place, CHROME.badgeRadius * unit);
      canvas?.add(body);
      if (chrome) canvas?.add(chrome);
      return badge;
    });
    // Badges above every shape, as on the canvas and in the PDF.
    canvas.add(...badges);
    canvas.renderAll();
    return await canvasBlob(canvas.getElement());
  } finally {
    URL.revokeObjectURL(url);
    await canvas?.dispose();
  }
}
