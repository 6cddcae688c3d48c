/**
 * The zoom a mentor chose, kept while they move between faces and
 * submissions (culling tools work this way): 'fit' or a fixed zoom where
 * 1 is 100 % of the original's pixels.
 */
export type ZoomMemory = 'fit' | number;

let remembered: ZoomMemory = 'fit';

export function rememberedZoom(): ZoomMemory {
  return remembered;
}

export function rememberZoom(zoom: ZoomMemory): void {
  remembered = zoom;
}
