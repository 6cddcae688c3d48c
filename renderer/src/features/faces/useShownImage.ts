import { useEffect, useState } from 'react';
import type { Asset, BlobKind } from '#shared/domain/asset.ts';
import { isIdentity, shownSize, transformMatrix, type FaceTransform } from '#shared/domain/faceTransform.ts';
import { useAssetImageUrl } from '../../data/hooks.ts';

/** Turned images made recently, by source URL and transform: thumbnails come back often (lists, tray). */
const made = new Map<string, Promise<string | null>>();
const MAX_MADE = 300;

/**
 * The bitmap at `url` turned and mirrored as `transform` says, as a new
 * object URL (PNG keeps a preview's transparency). The original bytes are
 * never touched; this is only what a list, a page or a dialog shows.
 */
export function turnedImageUrl(url: string, transform: FaceTransform): Promise<string | null> {
  const key = `${url}|${transform.quarterTurns}|${transform.flipX ? 1 : 0}`;
  let pending = made.get(key);
  if (!pending) {
    pending = drawTurned(url, transform);
    made.set(key, pending);
    if (made.size > MAX_MADE) {
      const [oldest, old] = made.entries().next().value as [string, Promise<string | null>];
      made.delete(oldest);
      void old.then((u) => u && URL.revokeObjectURL(u));
    }
  }
  return pending;
}

/** The bitmap at `url` turned as `transform` says, as a new object URL the caller owns (and revokes); not cached. */
export async function drawTurned(url: string, transform: FaceTransform): Promise<string | null> {
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    return null;
  }
  const size = { width: image.naturalWidth, height: image.naturalHeight };
  const shown = shownSize(transform, size);
  const canvas = document.createElement('canvas');
  canvas.width = shown.width;
  canvas.height = shown.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.setTransform(...transformMatrix(transform, size));
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? URL.createObjectURL(blob) : null;
}

/**
 * A face's image as the mentor set it to be shown (turned, mirrored): the
 * plain image URL while the face is as it came, else a turned copy.
 */
export function useShownImageUrl(asset: Pick<Asset, 'id' | 'sha256'> & { transform?: FaceTransform | undefined }, kind: BlobKind): string | null {
  const url = useAssetImageUrl(asset, kind);
  const { quarterTurns, flipX } = asset.transform ?? { quarterTurns: 0, flipX: false };
  const [turned, setTurned] = useState<{ key: string; url: string | null } | null>(null);
  const identity = isIdentity({ quarterTurns, flipX });
  const key = `${url}|${quarterTurns}|${flipX}`;
  useEffect(() => {
    if (!url || identity) return;
    let cancelled = false;
    void turnedImageUrl(url, { quarterTurns, flipX }).then((result) => {
      if (!cancelled) setTurned({ key, url: result });
    });
    return () => {
      cancelled = true;
    };
  }, [url, identity, quarterTurns, flipX, key]);
  if (!url || identity) return url;
  return turned?.key === key ? turned.url : null;
}
