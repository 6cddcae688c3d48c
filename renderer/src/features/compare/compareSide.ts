import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { Dispatch } from 'react';
import type { PaneViewAction, PaneViews } from '#shared/compare/paneViews.ts';
import type { Asset } from '#shared/domain/asset.ts';
import { shownSize, type Size } from '#shared/domain/faceTransform.ts';
import type { PreviewImage } from './usePreviewImage.ts';

/** One side of the comparison: the face, its name on screen ("Versi 2 · Depan"), its decoded preview. */
export interface CompareSide {
  asset: Asset;
  name: string;
  preview: PreviewImage;
}

/** What every compare mode gets from the screen. */
export interface CompareModeProps {
  a: CompareSide;
  b: CompareSide;
  views: PaneViews;
  dispatch: Dispatch<PaneViewAction>;
}

/** The decoded bitmap, or null while it loads or when it failed. */
export function imageOf(side: CompareSide): HTMLImageElement | null {
  return side.preview.state === 'ready' ? side.preview.image : null;
}

/** The text a pane shows instead of its image, if any. */
export function paneMessage(t: TFunction, ...sides: CompareSide[]): string | null {
  if (sides.some((s) => s.preview.state === 'failed')) return t('compare.failed');
  if (sides.some((s) => s.preview.state === 'loading')) return t('app.loading');
  return null;
}

/** A face's pixel size as shown (turned a quarter, width and height swap): the space compare works in. */
export function shownPixels(asset: Pick<Asset, 'metadata' | 'transform'>): Size {
  return shownSize(asset.transform, asset.metadata);
}

/** True when the two faces as shown differ in size (B is then drawn into A's frame, scaled). */
export function sizesDiffer(a: CompareSide, b: CompareSide): boolean {
  const sa = shownPixels(a.asset);
  const sb = shownPixels(b.asset);
  return sa.width !== sb.width || sa.height !== sb.height;
}

/** The pixel size of A as shown, the frame overlay and difference draw B into. */
export function useFrame(side: CompareSide) {
  const { width, height } = shownPixels(side.asset);
  return useMemo(() => ({ width, height }), [width, height]);
}
