import { sha256Hex, type DigestAnswer, type DigestCall } from './fileDigest.ts';

/*
 * Reads a picked file and hashes it (SHA-256, for the duplicate check before
 * the host decodes it) away from the page's main thread: a phone photo's 4 MB,
 * read into the page and copied into WebCrypto, cost the main thread a few
 * milliseconds a file and a major garbage collection every few files.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DigestCall>) => void) | null;
  postMessage(message: DigestAnswer): void;
};
scope.onmessage = (event) => {
  const { id, file } = event.data;
  file.arrayBuffer().then(
    async (bytes) => scope.postMessage({ id, sha256: await sha256Hex(bytes) }),
    () => scope.postMessage({ id, sha256: null }),
  );
};
