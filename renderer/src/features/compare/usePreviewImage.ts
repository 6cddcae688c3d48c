import { useEffect, useState } from 'react';
import type { Asset } from '#shared/domain/asset.ts';
import { isIdentity } from '#shared/domain/faceTransform.ts';
import { loadImage } from '../../canvas/compareView.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { getAssetBlob } from '../../data/submissionsRepo.ts';
import { drawTurned } from '../faces/useShownImage.ts';

export type PreviewImage = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; image: HTMLImageElement };

/**
 * A face's preview decoded for drawing, turned and mirrored as the face is
 * shown (its stored transform). The object URLs live as long as the component
 * shows this face so and are revoked when it changes or unmounts.
 */
export function usePreviewImage(asset: Pick<Asset, 'id' | 'sha256' | 'transform'>): PreviewImage {
  const db = useDatabase();
  const [loaded, setLoaded] = useState<{ key: string; result: PreviewImage } | null>(null);
  const { id, sha256 } = asset;
  const { quarterTurns, flipX } = asset.transform;
  const key = `${id}|${quarterTurns}|${flipX}`;
  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    const settle = (result: PreviewImage) => {
      if (!cancelled) setLoaded({ key, result });
    };
    void getAssetBlob(db, { id, sha256 }, 'preview')
      .then(async (blob) => {
        if (cancelled) return;
        if (!blob) return settle({ state: 'failed' });
        const url = URL.createObjectURL(blob);
        urls.push(url);
        const transform = { quarterTurns, flipX };
        const shown = isIdentity(transform) ? url : await drawTurned(url, transform);
        if (shown === null) return settle({ state: 'failed' });
        if (shown !== url) urls.push(shown);
        settle({ state: 'ready', image: await loadImage(shown) });
      })
      .catch(() => settle({ state: 'failed' }));
    return () => {
      cancelled = true;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [db, id, sha256, quarterTurns, flipX, key]);
  return loaded?.key === key ? loaded.result : { state: 'loading' };
}
