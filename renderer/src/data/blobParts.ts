/** How many bytes to gather before handing them to the browser's blob storage. */
const PART_BYTES = 32 * 1024 * 1024;

/**
 * Builds a large Blob (a bundle or a backup of many hundred MB) from small
 * chunks without holding them all on the page's heap: every 32 MB are handed to
 * the browser's blob storage, which can keep them outside the page (on disk
 * when memory runs short), and the chunks themselves are let go.
 */
export function blobParts(type: string) {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const seal = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  return {
    /** Keeps a copy of `chunk` (writers may reuse their buffers). */
    push(chunk: Uint8Array): void {
      pending.push(new Uint8Array(chunk));
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= PART_BYTES) seal();
    },
    finish(): Blob {
      seal();
      return new Blob(parts, { type });
    },
  };
}
