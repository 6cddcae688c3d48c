import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '#shared/domain/annotation.ts';
import { checkArchive, writeArchive, type ArchiveInput } from '#shared/bundles/archive.ts';
import { BUNDLE_TABLES, type BundleRecords } from '#shared/bundles/mergeBundle.ts';
import { annotation, mjcRubric, review } from '../../support/packFixture.ts';
import {
  ARCHIVE_NOW,
  archiveBytes,
  archiveInput,
  asset,
  blobOf,
  checklist,
  fullArchiveInput,
  fullStudio,
  imageBytes,
  memorySource,
  mentor,
  participant,
  seeded,
  session,
  sha256Of,
  snippet,
  submission,
  workshop,
} from '../../support/archiveFixture.ts';
import { buildZip, goodEntries } from '../../support/hostileZip.ts';

const CHARS = ['a', 'Z', ' ', 'é', 'ñ', '"', '\\', '\n', '😀', '中', '/', '<', '\u0000', '\u2028'];

function randomStudio(rand: () => number): { records: BundleRecords; blobs: ArchiveInput['blobs'] } {
  const n = (k: number) => Math.floor(rand() * k);
  const text = (max: number) => `x${Array.from({ length: n(max - 2) }, () => CHARS[n(CHARS.length)]).join('')}y`;
  const at = () => ARCHIVE_NOW - n(1e9);
  const gone = () => (rand() < 0.2 ? at() : null);
  const ids = (prefix: string) => Array.from({ length: n(4) }, (_, i) => `${prefix}-${i}-${n(1e6)}`);
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[n(16)]).join('');
  const records: BundleRecords = {
    mentors: ids('m').map((id) => ({ ...mentor(id, text(120), at()), deletedAt: gone() })),
    workshops: ids('w').map((id) => ({ ...workshop(id, at()), notes: text(400) })),
    participants: ids('p').map((id) => ({ ...participant(id, 'w1', text(160)), deletedAt: gone() })),
    submissions: ids('s').map((id) => ({ ...submission(id, 'w1', 'p1', 1 + n(5)), note: text(300) })),
    assets: ids('a').map((id, i) => asset(id, 'w1', rand() < 0.3 ? null : 's1', hex(), i)),
    rubrics: ids('r').map((id) => mjcRubric(id)),
    sessions: ids('ss').map((id) => session(id, 'w1', ids('s'))),
    reviews: ids('rv').map((id) => review(id, 'm-rina', 's1', Array.from({ length: 10 }, () => (rand() < 0.1 ? Number.NaN : 1 + n(5))).map((s) => (Number.isNaN(s) ? (null as unknown as number) : s)), { strengths: [text(200)], timeSpentMs: n(1e7) })),
    annotations: ids('n').map((id, i): Annotation => annotation(id, 'm-rina', 'a1', i + 1, { kind: 'pin', at: { x: rand() * 4000, y: 1 + rand() * 4000 } }, { comment: text(500), deletedAt: gone() })),
    labelChecklists: ids('c').map((id) => checklist(id, 'm-andres', 's1')),
    commentSnippets: ids('k').map((id) => snippet(id, text(300))),
  };
  const blobs = Array.from({ length: n(6) }, (_, i) => {
    const bytes = imageBytes(n(50_000), 1 + i * 1e6 + n(1e6));
    if (rand() < 0.4) return blobOf(`original:${sha256Of(bytes)}`, null, 'original', bytes, ['image/png', 'application/pdf', 'image/heic', ''][n(4)]);
    const kind = rand() < 0.5 ? 'preview' : 'thumbnail';
    const assetId = `a${i}-${n(1e6)}`;
    return blobOf(`${assetId}:${kind}`, assetId, kind, bytes, rand() < 0.5 ? 'image/webp' : 'image/jpeg');
  });
  return { records, blobs };
}

const nonEmpty = (records: BundleRecords) => Object.fromEntries(BUNDLE_TABLES.filter((t) => (records[t]?.length ?? 0) > 0).map((t) => [t, records[t]]));

describe('archive round trip (seeded property)', () => {
  it('gives back identical records and blob bytes for random studios', async () => {
    const rand = seeded(7);
    for (let t = 0; t < 40; t += 1) {
      const { records, blobs } = randomStudio(rand);
      const bytes = await archiveBytes(archiveInput(records, blobs));
      const check = await checkArchive(memorySource(bytes));
      if (!check.ok) throw new Error(`case ${t} refused: ${check.problem} ${check.path ?? ''} ${check.detail ?? ''}`);
      expect(check.archive.records).toEqual(nonEmpty(records));
      expect(check.archive.blobs.map((b) => [b.id, b.assetId, b.kind, b.mimeType])).toEqual(blobs.map((b) => [b.id, b.assetId, b.kind, b.mimeType]));
      for (const blob of blobs) expect(await check.archive.readBlob(blob.id)).toEqual(await blob.bytes());
    }
  });

  it('writes the same bytes for the same input', async () => {
    expect(await archiveBytes(fullArchiveInput())).toEqual(await archiveBytes(fullArchiveInput()));
  });
});

describe('cancelling', () => {
  it('stops writing mid-archive with an AbortError and sends nothing more', async () => {
    const controller = new AbortController();
    const input = archiveInput(fullStudio(), Array.from({ length: 6 }, (_, i) => blobOf(`a${i}:preview`, `a${i}`, 'preview', imageBytes(100_000, i + 1))));
    let chunks = 0;
    let afterAbort = 0;
    const writing = writeArchive(input, () => {
      if (controller.signal.aborted) afterAbort += 1;
      chunks += 1;
      if (chunks === 8) controller.abort();
    }, { signal: controller.signal });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunks).toBeGreaterThanOrEqual(8);
    expect(afterAbort).toBeLessThanOrEqual(1);
  });

  it('stops checking mid-archive with an AbortError', async () => {
    const controller = new AbortController();
    const bytes = await archiveBytes(fullArchiveInput());
    const checking = checkArchive(memorySource(bytes), { signal: controller.signal, onProgress: (p) => p.done > 0 && controller.abort() });
    await expect(checking).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses to start with an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(writeArchive(fullArchiveInput(), () => {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('bounded memory', () => {
  it('the writer reads one blob at a time, each only after the one before was sent, in chunks of at most 4 MB', async () => {
    let sent = 0;
    let largest = 0;
    const readsAt: number[] = [];
    const size = 5 * 1024 * 1024;
    const blobs = [0, 1, 2].map((i) => ({ ...blobOf(`a${i}:preview`, `a${i}`, 'preview', new Uint8Array(0)), bytes: () => (readsAt.push(sent), Promise.resolve(imageBytes(size, i + 1))) }));
    await writeArchive(archiveInput(fullStudio(), blobs), (chunk) => {
      sent += chunk.length;
      largest = Math.max(largest, chunk.length);
    });
    expect(readsAt[1]! - readsAt[0]!).toBeGreaterThanOrEqual(size);
    expect(readsAt[2]! - readsAt[1]!).toBeGreaterThanOrEqual(size);
    expect(largest).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('the reader never reads more at once than the largest entry (or a 1 MB window)', async () => {
    const size = 3 * 1024 * 1024;
    const bytes = await archiveBytes(archiveInput(fullStudio(), [0, 1, 2, 3].map((i) => blobOf(`a${i}:preview`, `a${i}`, 'preview', imageBytes(size, i + 1)))));
    const source = memorySource(bytes);
    const check = await checkArchive(source);
    expect(check.ok).toBe(true);
    expect(source.largestRead).toBeLessThanOrEqual(size);
    expect(source.largestRead).toBeLessThan(bytes.length / 3);
  });
});

describe('ZIP64', () => {
  it('reads an archive written with ZIP64 extras and end records', async () => {
    const check = await checkArchive(memorySource(buildZip(await goodEntries(), { zip64: true })));
    expect(check.ok && check.archive.records).toEqual(fullStudio());
  });

  it('writes ZIP64 end records past 65,534 entries, and both readers read it', async () => {
    const count = 65_600;
    const one = new Uint8Array([7]);
    const blobs = Array.from({ length: count }, (_, i) => blobOf(`t${i}:thumbnail`, `t${i}`, 'thumbnail', one));
    const bytes = await archiveBytes(archiveInput({ mentors: fullStudio().mentors }, blobs, 'backup'));
    const end = new DataView(bytes.buffer, bytes.length - 22);
    expect(end.getUint16(10, true)).toBe(0xffff);
    expect(new DataView(bytes.buffer, bytes.length - 22 - 20).getUint32(0, true)).toBe(0x07064b50);
    const check = await checkArchive(memorySource(bytes));
    expect(check.ok ? check.archive.blobs.length : check).toBe(count);
    expect(Object.keys(unzipSync(bytes)).length).toBe(count + 3);
  }, 300_000);
});
