/** Loads and decodes off the main thread, so a 24 MP original does not stall the frame that shows it. */
export async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new Error(`Image did not load: ${url.slice(0, 40)}`);
  }
  return img;
}

/**
 * A picture for the review canvas, decoded off the main thread and kept
 * decoded (an ImageBitmap, from its Blob): a software canvas draws an <img> by
 * decoding it again on the main thread the first time, which held the frame
 * that first shows a 24 MP original for about 300 ms. Without the Blob (or
 * createImageBitmap), an <img> from `url` as loadImage gives it. Close a
 * bitmap (`releasePicture`) once it is no longer drawn: it holds the decoded
 * pixels until then.
 */
export async function loadPicture(url: string, blob?: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (!blob || typeof createImageBitmap !== 'function') return loadImage(url);
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new Error(`Image did not load: ${url.slice(0, 40)}`);
  }
}

/** Gives a picture's decoded pixels back now (a bitmap), not when it is collected. */
export function releasePicture(picture: unknown): void {
  if (typeof ImageBitmap !== 'undefined' && picture instanceof ImageBitmap) picture.close();
}
