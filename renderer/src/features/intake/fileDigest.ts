/** A file to hash, and the answer: its SHA-256 in hex, or null when it could not be read. */
export interface DigestCall {
  id: number;
  file: Blob;
}
export interface DigestAnswer {
  id: number;
  sha256: string | null;
}

export class FileReadError extends Error {}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let worker: Worker | null = null;
/** Set when the worker failed: files are then hashed on the page, as before there was one. */
let hashOnPage = false;
let nextId = 0;
/** Files sent to the worker and not answered yet, with where their answer goes. */
const pending = new Map<number, { file: Blob; settle: (sha256: string | null) => void }>();

/** Hashes a file on the page: where there are no workers, or after the worker failed. */
async function hashHere(file: Blob): Promise<string | null> {
  try {
    return await sha256Hex(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** The digest worker (fileDigestWorker.ts), started on first use; null where there are no workers (jsdom) or it failed. */
function digestWorker(): Worker | null {
  if (worker || hashOnPage || typeof Worker === 'undefined') return worker;
  worker = new Worker(new URL('./fileDigestWorker.ts', import.meta.url), { type: 'module', name: 'kemas-file-digest' });
  worker.onmessage = (event: MessageEvent<DigestAnswer>) => {
    pending.get(event.data.id)?.settle(event.data.sha256);
    pending.delete(event.data.id);
  };
  worker.onerror = () => {
    // The worker could not start or died: its files and the next ones are hashed here.
    for (const { file, settle } of pending.values()) void hashHere(file).then(settle);
    pending.clear();
    worker = null;
    hashOnPage = true;
  };
  return worker;
}

/**
 * The SHA-256 (hex) of a picked file, read and hashed in a worker so that the
 * page never holds its bytes. Throws FileReadError when the file cannot be read
 * (gone, changed on disk, unreadable).
 */
export async function sha256OfFile(file: Blob): Promise<string> {
  const hasher = digestWorker();
  const sha256 = hasher
    ? await new Promise<string | null>((settle) => {
        const id = nextId++;
        pending.set(id, { file, settle });
        hasher.postMessage({ id, file } satisfies DigestCall);
      })
    : await hashHere(file);
  if (sha256 === null) throw new FileReadError(`Could not read ${file instanceof File ? file.name : 'the file'}`);
  return sha256;
}
