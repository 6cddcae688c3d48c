import { useEffect, useState } from 'react';
import type { Asset } from '#shared/domain/asset.ts';
import { loadImage } from '../../canvas/compareView.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { getAssetBlob } from '../../data/submissionsRepo.ts';

export type PreviewImage = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; image: HTMLImageElement };

/**
 * A face's preview decoded for drawing. The object URL lives as long as the
 * component shows this face and is revoked when it changes or unmounts.
 */
export function usePreviewImage(asset: Pick<Asset, 'id' | 'sha256'>): PreviewImage {
  const db = useDatabase();
  const [loaded, setLoaded] = useState<{ id: string; result: PreviewImage } | null>(null);
  const { id, sha256 } = asset;
  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    const settle = (result: PreviewImage) => {
      if (!cancelled) setLoaded({ id, result });
    };
    void getAssetBlob(db, { id, sha256 }, 'preview')
      .then(async (blob) => {
        if (cancelled) return;
        if (!blob) return settle({ state: 'failed' });
        url = URL.createObjectURL(blob);
        settle({ state: 'ready', image: await loadImage(url) });
      })
      .catch(() => settle({ state: 'failed' }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, id, sha256]);
  return loaded?.id === id ? loaded.result : { state: 'loading' };
}
