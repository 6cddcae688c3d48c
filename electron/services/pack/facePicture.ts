import { shownSize, type Size } from '#shared/domain/faceTransform.ts';
import type { PackFace, PackModel } from '#shared/pack/packModelSchema.ts';
import { drawMarks, drawPicture, type ImageView } from './drawMarks.ts';
import type { PackWriter } from './pdfWriter.ts';

/** An image opened once in the document; every draw reuses the same embedded object. */
export type EmbeddedImage = (x: number, y: number, width: number, height: number) => void;

/** The face's size as shown (turned a quarter, its width is the original's height), in original pixels. */
export function shownFaceSize(face: PackFace): Size {
  return shownSize(face.transform, { width: face.width, height: face.height });
}

/**
 * A face's picture at `scale` (points per image pixel), centred across the
 * column at the cursor, turned and mirrored as the face is shown, with every
 * mark over it; a labelled gap when the picture is missing. Both layouts
 * (A4/Letter and Ponsel) draw their faces with this; the cursor moves below it.
 */
export function drawFacePicture(writer: PackWriter, model: PackModel, face: PackFace, image: EmbeddedImage | undefined, scale: number): void {
  const doc = writer.doc;
  const theme = writer.theme;
  const shown = shownFaceSize(face);
  const width = shown.width * scale;
  const height = shown.height * scale;
  const box = { x: writer.left + (writer.contentWidth - width) / 2, y: writer.y, width, height };
  if (image) {
    const view: ImageView = { x: box.x, y: box.y, scale, fromX: 0, fromY: 0, transform: face.transform, face: { width: face.width, height: face.height } };
    writer.tagged(
      'Figure',
      writer.section,
      () => {
        drawPicture(writer, view, image);
        drawMarks(writer, face, view, box);
      },
      { alt: face.alt },
    );
    writer.artifact(() => doc.save().lineWidth(0.6).strokeColor(theme.colour.rule).rect(box.x, box.y, box.width, box.height).stroke().restore());
  } else {
    writer.artifact(() => doc.save().rect(box.x, box.y, box.width, box.height).fill(theme.colour.panel).restore());
    writer.tagged('P', writer.section, () =>
      writer.text(model.text.faces.imageMissing, box.x + 12, box.y + box.height / 2 - 8, box.width - 24, { colour: theme.colour.muted, align: 'center' }),
    );
  }
  writer.y = box.y + box.height + 8;
}
