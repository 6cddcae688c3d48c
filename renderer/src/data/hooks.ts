import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Asset, BlobKind } from '#shared/domain/asset.ts';
import { useDatabase } from './DatabaseProvider.tsx';
import { getCurrentMentor, listMentors } from './mentorsRepo.ts';
import { listParticipants } from './participantsRepo.ts';
import { facesOf, getAssetBlob, listSubmissions, listTray } from './submissionsRepo.ts';
import { listAllAnnotations } from './annotationsRepo.ts';
import { listOwnSnippets } from './commentSnippetsRepo.ts';
import { listLibrary } from './libraryRepo.ts';
import { countByWorkshop, listWorkshops } from './workshopsRepo.ts';
import { isLive } from './records.ts';

// Live queries return `undefined` while loading; screens show a loading state for it.

/** The mentor reviewing on this laptop: undefined while loading, null before first run is done. */
export function useCurrentMentor() {
  const db = useDatabase();
  return useLiveQuery(() => getCurrentMentor(db), [db]);
}

export function useWorkshops() {
  const db = useDatabase();
  return useLiveQuery(() => listWorkshops(db), [db]);
}

export function useWorkshopCounts() {
  const db = useDatabase();
  return useLiveQuery(() => countByWorkshop(db), [db]);
}

/** A live workshop, null when it does not exist or was deleted. */
export function useWorkshop(id: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const w = await db.workshops.get(id);
    return isLive(w) ? w : null;
  }, [db, id]);
}

export function useParticipants(workshopId: string) {
  const db = useDatabase();
  return useLiveQuery(() => listParticipants(db, workshopId), [db, workshopId]);
}

export function useParticipant(id: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const p = await db.participants.get(id);
    return isLive(p) ? p : null;
  }, [db, id]);
}

export function useSubmissions(participantId: string) {
  const db = useDatabase();
  return useLiveQuery(() => listSubmissions(db, participantId), [db, participantId]);
}

/**
 * Thumbnails are shown by the hundred and remount as the gallery scrolls:
 * their URLs are kept (most recent 500) instead of being read from
 * IndexedDB and made again each time.
 */
const THUMBNAIL_CACHE_SIZE = 500;
const thumbnailUrls = new Map<string, Promise<string | null>>();

function cachedThumbnailUrl(db: ReturnType<typeof useDatabase>, asset: Pick<Asset, 'id' | 'sha256'>): Promise<string | null> {
  const key = `${db.name}:${asset.id}`;
  const hit = thumbnailUrls.get(key);
  if (hit) {
    // Refresh its place in the LRU order.
    thumbnailUrls.delete(key);
    thumbnailUrls.set(key, hit);
    return hit;
  }
  const made = getAssetBlob(db, asset, 'thumbnail').then((blob) => (blob ? dataUrlOf(blob) : null));
  thumbnailUrls.set(key, made);
  while (thumbnailUrls.size > THUMBNAIL_CACHE_SIZE) {
    const [oldestKey] = thumbnailUrls.entries().next().value as [string, Promise<string | null>];
    thumbnailUrls.delete(oldestKey);
  }
  return made;
}

/**
 * A thumbnail (a few dozen kilobytes) as a data: URL, read asynchronously.
 * `URL.createObjectURL` on a blob from IndexedDB waits for the browser
 * process, and while an import writes photos that wait held the main thread
 * for hundreds of milliseconds per thumbnail.
 */
function dataUrlOf(blob: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });
}

/**
 * An object URL for one image of an asset. The blob is read outside any live
 * query: blobs stay out of list queries. Previews and originals are revoked
 * when the component lets go of them; thumbnails are cached (see above).
 */
export function useAssetImageUrl(asset: Pick<Asset, 'id' | 'sha256'>, kind: BlobKind): string | null {
  const db = useDatabase();
  const [url, setUrl] = useState<string | null>(null);
  const { id, sha256 } = asset;
  useEffect(() => {
    let cancelled = false;
    if (!id) return;
    if (kind === 'thumbnail') {
      void cachedThumbnailUrl(db, { id, sha256 }).then((cached) => {
        if (!cancelled) setUrl(cached);
      });
      return () => {
        cancelled = true;
      };
    }
    let created: string | null = null;
    void getAssetBlob(db, { id, sha256 }, kind).then((blob) => {
      if (cancelled || !blob) return;
      created = URL.createObjectURL(blob);
      setUrl(created);
    });
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [db, id, sha256, kind]);
  return url;
}

/** Faces waiting in a workshop's "unassigned" tray. */
export function useTray(workshopId: string) {
  const db = useDatabase();
  return useLiveQuery(() => listTray(db, workshopId), [db, workshopId]);
}

export function useLibrary(workshopId: string) {
  const db = useDatabase();
  return useLiveQuery(() => listLibrary(db, workshopId), [db, workshopId]);
}

/** A live face, null when it does not exist or was deleted. */
/** Live faces by id, in the order given (deleted ones left out). */
export function useAssets(ids: readonly string[]) {
  const db = useDatabase();
  const key = ids.join(',');
  return useLiveQuery(async () => (await db.assets.bulkGet([...ids])).filter((a): a is NonNullable<typeof a> => isLive(a)), [db, key]);
}

export function useAsset(id: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const a = await db.assets.get(id);
    return isLive(a) ? a : null;
  }, [db, id]);
}

/** A live submission, null when it does not exist or was deleted. */
export function useLiveSubmission(id: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const s = id ? await db.submissions.get(id) : undefined;
    return isLive(s) ? s : null;
  }, [db, id]);
}

export function useSubmissionFaces(submissionId: string) {
  const db = useDatabase();
  return useLiveQuery(() => facesOf(db, submissionId), [db, submissionId]);
}

/** Every annotation of a submission, tombstones included (numbering and undo need them). */
export function useAllAnnotations(submissionId: string) {
  const db = useDatabase();
  return useLiveQuery(() => listAllAnnotations(db, submissionId), [db, submissionId]);
}

export function useMentors() {
  const db = useDatabase();
  return useLiveQuery(() => listMentors(db), [db]);
}

export function useOwnSnippets() {
  const db = useDatabase();
  return useLiveQuery(() => listOwnSnippets(db), [db]);
}
