import { createHash } from 'node:crypto';
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame, encodeFrame, framePieces } from '#shared/contract/binaryFrame.ts';
import type { HostBridge } from '#shared/contract/bridge.ts';
import { FileReadError, sha256OfFile } from '#renderer/src/features/intake/fileDigest.ts';
import { createHostClient } from '#renderer/src/host/hostClient.ts';
import { carriesBinary, frameBlob } from '#renderer/src/host/httpTransport.ts';

/*
 * An imported photo travels to the host as the picked file itself: the page
 * neither reads it nor copies it (a 4 MB Uint8Array body cost Chromium ~170 ms
 * of CPU a file, next to the window's main thread). What the host receives
 * must still be the file's every byte, in the same frame as before.
 */

const photoBytes = () => Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);

let dirs: string[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A file on disk as the browser hands it over: a Blob backed by the file, not by memory. */
async function fileOnDisk(name: string, bytes: Uint8Array): Promise<{ file: File; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kemas-upload-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const blob = await openAsBlob(path, { type: 'image/jpeg' });
  return { file: new File([blob], name, { type: 'image/jpeg' }), path };
}

describe('an imported file on its way to the host', () => {
  it('reaches the host as the same frame, every byte of the file in place', async () => {
    const bytes = photoBytes();
    const { file } = await fileOnDisk('Keripik Tempe - depan.jpg', bytes);
    const request = { fileName: file.name, bytes: file, jobId: '5f0c3a86-9a0e-4a53-8c2c-0b6b2f8d1e11' };
    expect(carriesBinary(request)).toBe(true);
    const body = new Uint8Array(await frameBlob(request).arrayBuffer());
    // What the host decodes, and the very bytes the page sent before (the file read into memory).
    expect(decodeFrame(body)).toEqual({ ...request, bytes });
    expect(body).toEqual(encodeFrame({ ...request, bytes }));
  });

  it('keeps several binary leaves, bytes and files mixed, in order', async () => {
    const { file } = await fileOnDisk('belakang.png', Uint8Array.of(1, 2, 3, 4));
    const value = { pictures: [new Uint8Array([9, 8]), file, new Uint8Array(0)], note: 'ü ñ 漢' };
    const { leaves } = framePieces(value, (v): v is Uint8Array | Blob => v instanceof Uint8Array || v instanceof Blob, (l) => (l instanceof Blob ? l.size : l.length));
    expect(leaves).toHaveLength(3);
    expect(decodeFrame(new Uint8Array(await frameBlob(value).arrayBuffer()))).toEqual({
      pictures: [new Uint8Array([9, 8]), Uint8Array.of(1, 2, 3, 4), new Uint8Array(0)],
      note: 'ü ñ 漢',
    });
  });

  it('is handed to the desktop bridge as its bytes (the bridge clones values, not files)', async () => {
    const bytes = photoBytes();
    const { file } = await fileOnDisk('samping.jpg', bytes);
    const received: unknown[] = [];
    const bridge = {
      invoke: new Proxy({}, { get: () => async (request: unknown) => (received.push(request), { ok: false, error: { code: 'internal', message: 'seen' } }) }),
      onMenuCommand: () => () => {},
    } as unknown as HostBridge;
    const result = await createHostClient(bridge).call('ingest.file', { fileName: file.name, bytes: file });
    expect(result).toMatchObject({ ok: false, error: { message: 'seen' } });
    expect(received).toEqual([{ fileName: 'samping.jpg', bytes }]);
  });

  it('is hashed for the duplicate check as the file on disk, and an unreadable file says so', async () => {
    const bytes = photoBytes();
    const { file, path } = await fileOnDisk('depan.jpg', bytes);
    await expect(sha256OfFile(file)).resolves.toBe(createHash('sha256').update(bytes).digest('hex'));
    // Gone from disk after it was picked (a USB stick pulled out).
    rmSync(path);
    await expect(sha256OfFile(file)).rejects.toBeInstanceOf(FileReadError);
  });

  it('is hashed on the page when the digest worker cannot start, the files already sent to it included', async () => {
    /** A worker that fails as one refused by the page's policy does: an error event, no answer. */
    class RefusedWorker {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      postMessage() {
        queueMicrotask(() => this.onerror?.(new Event('error')));
      }
    }
    vi.stubGlobal('Worker', RefusedWorker);
    vi.resetModules();
    const digest = await import('#renderer/src/features/intake/fileDigest.ts');
    const front = photoBytes();
    const back = Uint8Array.from(front, (b) => b ^ 0xff);
    const files = [(await fileOnDisk('depan.jpg', front)).file, (await fileOnDisk('belakang.jpg', back)).file];
    // Both are waiting on the worker when it fails.
    await expect(Promise.all(files.map((f) => digest.sha256OfFile(f)))).resolves.toEqual(
      [front, back].map((bytes) => createHash('sha256').update(bytes).digest('hex')),
    );
  });
});
