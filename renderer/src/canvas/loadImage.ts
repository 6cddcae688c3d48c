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
