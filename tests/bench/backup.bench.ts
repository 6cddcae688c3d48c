import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackupService } from '#electron/services/backupFolder.ts';
import { streamArchive } from '#renderer/src/data/archiveRepo.ts';
import { openDatabase } from '#renderer/src/data/db.ts';
import { checkArchive, type ByteSource } from '#shared/bundles/archive.ts';
import { derivedBlobKey, originalBlobKey } from '#shared/domain/asset.ts';
import { round, type Measure } from './measure.ts';
import { libraryFixture } from './support/libraryFixture.ts';

/** Submissions in the studio, each with one face: a 1 MB original, a 250 kB preview and a thumbnail. */
const SUBMISSIONS = 100;
const ORIGINAL_BYTES = 1_000_000;
const PREVIEW_BYTES = 250_000;
const SEND_BYTES = 8 * 1024 * 1024;

/**
 * A full backup as the app makes one: the studio's records and images read from IndexedDB
 * (fake-indexeddb in Node here), streamed through the archive writer in 8 MB chunks into the
 * host's backup service (temp file, fsync, rename) on the real disk; then the complete check a
 * restore runs on it (every checksum, every record). Time, throughput and size.
 */
export default async function backupBench(): Promise<Measure[]> {
  const fixture = await libraryFixture(SUBMISSIONS);
  const db = openDatabase(`bench-backup-${Date.now()}`);
  await db.open();
  const thumbnail = Buffer.from(fixture.thumbnailBase64, 'base64');
  // Incompressible bytes, as JPEG originals are; an original is keyed by the SHA-256 of its bytes.
  const blob = (bytes: number, type: string) => new Blob([randomBytes(bytes)], { type });
  const originals = fixture.assets.map(() => randomBytes(ORIGINAL_BYTES));
  const assets = fixture.assets.map((a, i) => {
    const sha256 = createHash('sha256').update(originals[i] as Buffer).digest('hex');
    return { ...a, sha256, metadata: { ...a.metadata, sha256, byteSize: ORIGINAL_BYTES } };
  });
  await db.transaction('rw', [db.mentors, db.workshops, db.participants, db.submissions, db.assets, db.assetBlobs, db.meta], async () => {
    await db.mentors.add(fixture.mentor);
    await db.meta.put({ key: 'currentMentorId', value: fixture.mentor.id });
    await db.workshops.add(fixture.workshop);
    await db.participants.bulkAdd(fixture.participants);
    await db.submissions.bulkAdd(fixture.submissions);
    await db.assets.bulkAdd(assets);
    await db.assetBlobs.bulkAdd(
      assets.flatMap((a, i) => [
        { id: originalBlobKey(a.sha256), assetId: null, kind: 'original' as const, blob: new Blob([new Uint8Array(originals[i] as Buffer)], { type: 'image/jpeg' }) },
        { id: derivedBlobKey(a.id, 'preview'), assetId: a.id, kind: 'preview' as const, blob: blob(PREVIEW_BYTES, 'image/jpeg') },
        { id: derivedBlobKey(a.id, 'thumbnail'), assetId: a.id, kind: 'thumbnail' as const, blob: new Blob([thumbnail], { type: 'image/jpeg' }) },
      ]),
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'kemas-bench-backup-'));
  const service = createBackupService({ folder: () => dir, defaultFolder: dir, keep: () => 10 });
  try {
    const started = performance.now();
    const { writeId } = await service.begin('manual');
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await service.append(writeId, Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    };
    await streamArchive(
      db,
      { kind: 'backup' },
      async (chunk) => {
        pending.push(chunk.slice());
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= SEND_BYTES) await flush();
      },
      { app: { name: 'Kemas Studio', version: 'bench' } },
    );
    await flush();
    const done = await service.commit(writeId);
    const backupMs = performance.now() - started;

    const handle = await open(join(dir, done.name), 'r');
    const source: ByteSource = {
      size: done.bytes,
      read: async (offset, length) => {
        const bytes = new Uint8Array(length);
        const { bytesRead } = await handle.read(bytes, 0, length, offset);
        return bytes.subarray(0, bytesRead);
      },
    };
    const checkStarted = performance.now();
    const check = await checkArchive(source);
    const checkMs = performance.now() - checkStarted;
    await handle.close();
    if (!check.ok) throw new Error(`The bench backup was refused: ${check.problem}`);
    if (check.archive.blobs.length !== SUBMISSIONS * 3) throw new Error('The bench backup lost images');

    const mb = done.bytes / 1_000_000;
    return [
      { name: `backup of ${SUBMISSIONS} submissions (1 face each, images included)`, value: round(backupMs, 0), unit: 'ms' },
      { name: 'backup throughput', value: round(mb / (backupMs / 1000), 1), unit: 'MB/s' },
      { name: 'backup size', value: round(mb, 1), unit: 'MB' },
      { name: 'full check before a restore (checksums, records)', value: round(checkMs, 0), unit: 'ms' },
      { name: 'check throughput', value: round(mb / (checkMs / 1000), 1), unit: 'MB/s' },
    ];
  } finally {
    await db.delete();
    rmSync(dir, { recursive: true, force: true });
  }
}
