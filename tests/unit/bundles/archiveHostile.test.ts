import { describe, expect, it } from 'vitest';
import { ArchiveRefusal, DEFAULT_ARCHIVE_LIMITS, checkArchive, writeArchive, type ArchiveInput } from '#shared/bundles/archive.ts';
import { MAX_FILE_BYTES_CEILING } from '#shared/intake/ingestOutcome.ts';
import { archiveBytes, archiveInput, fullArchiveInput, fullStudio, memorySource } from '../../support/archiveFixture.ts';
import { HOSTILE_FILES, buildZip, goodEntries, manyEntries, zerosDeflated } from '../../support/hostileZip.ts';

describe('checkArchive refuses hostile files with the right reason', () => {
  it('accepts the good archive the hostile ones are made from, rebuilt by the raw builder', async () => {
    const check = await checkArchive(memorySource(buildZip(await goodEntries())));
    expect(check.ok).toBe(true);
  });

  for (const [name, make] of Object.entries(HOSTILE_FILES)) {
    it(name, async () => {
      const file = await make();
      const check = await checkArchive(memorySource(file.bytes));
      expect(check.ok ? 'accepted' : { problem: check.problem, path: check.path }).toEqual({ problem: file.problem, path: file.path });
    });
  }
});

describe('the hand-made bomb', () => {
  it('is a real deflate stream of exactly that many zeros', async () => {
    const { inflateSync } = await import('fflate');
    const { payload, size } = zerosDeflated(3);
    const out = inflateSync(payload);
    expect(out.length).toBe(size);
    expect(out.every((b) => b === 0)).toBe(true);
    expect(size / payload.length).toBeGreaterThan(150);
  });
});

describe('limits and edges', () => {
  it('refuses 200,001 entries by the default limit, from the end record alone', async () => {
    const source = memorySource(manyEntries(200_001));
    expect(await checkArchive(source)).toMatchObject({ ok: false, problem: 'too-many-entries' });
    expect(source.bytesRead).toBeLessThan(100_000);
  }, 120_000);

  it('applies smaller limits given by the caller', async () => {
    const bytes = buildZip(await goodEntries());
    expect(await checkArchive(memorySource(bytes), { limits: { entries: 5 } })).toMatchObject({ ok: false, problem: 'too-many-entries' });
    expect(await checkArchive(memorySource(bytes), { limits: { totalBytes: 1000 } })).toMatchObject({ ok: false, problem: 'archive-too-large' });
    expect(await checkArchive(memorySource(bytes), { limits: { entryBytes: 20_000 } })).toMatchObject({ ok: false, problem: 'entry-too-large', path: 'blobs/0' });
    expect(await checkArchive(memorySource(bytes), { limits: { jsonBytes: 500 } })).toMatchObject({ ok: false, problem: 'entry-too-large' });
    // Each table's JSON under its own cap, all of it together over the total one.
    expect(await checkArchive(memorySource(bytes), { limits: { totalJsonBytes: 1500 } })).toMatchObject({ ok: false, problem: 'archive-too-large' });
  });

  it('never writes an archive too big for the reader: it fails with the reader’s reason instead', async () => {
    const input = fullArchiveInput();
    await expect(writeArchive(input, () => {}, { limits: { entryBytes: 20_000 } })).rejects.toMatchObject({ problem: 'entry-too-large', path: 'blobs/0' });
    await expect(writeArchive(input, () => {}, { limits: { totalJsonBytes: 1500 } })).rejects.toMatchObject({ problem: 'archive-too-large' });
    await expect(writeArchive(input, () => {}, { limits: { entries: 5 } })).rejects.toMatchObject({ problem: 'too-many-entries' });
    // The default limits take the largest original the file size setting allows.
    expect(DEFAULT_ARCHIVE_LIMITS.entryBytes).toBeGreaterThanOrEqual(MAX_FILE_BYTES_CEILING);
  });

  it('accepts a ZIP comment after the end record', async () => {
    expect((await checkArchive(memorySource(buildZip(await goodEntries(), { comment: 'PK\u0005\u0006 made by hand' })))).ok).toBe(true);
  });

  it('refuses to read a blob whose bytes changed after the check', async () => {
    const bytes = await archiveBytes(fullArchiveInput());
    const check = await checkArchive(memorySource(bytes));
    if (!check.ok) throw new Error(check.problem);
    const blob = check.archive.blobs[1]!;
    bytes[blob.dataOffset + 5] = bytes[blob.dataOffset + 5]! ^ 0xff;
    await expect(check.archive.readBlob(blob.id)).rejects.toMatchObject({ problem: 'checksum', path: 'blobs/1' });
  });

  it('never writes an archive it could not read back: a record its schema refuses stops the writer first', async () => {
    const studio = fullStudio();
    const broken = { ...studio, reviews: [{ ...studio.reviews![0]!, status: 'maybe' as 'draft' }] };
    const chunks: Uint8Array[] = [];
    const writing = writeArchive(archiveInput(broken), (c) => void chunks.push(c));
    await expect(writing).rejects.toBeInstanceOf(ArchiveRefusal);
    await expect(writing).rejects.toMatchObject({ problem: 'invalid-record', path: 'records/reviews.json[0]' });
    expect(chunks).toEqual([]);
  });

  it('never writes image rows the reader would refuse: a key not shaped as the studio keys it, a preview typed as HTML, one id twice', async () => {
    const input = fullArchiveInput();
    const [original, preview, thumbnail] = input.blobs as [ArchiveInput['blobs'][number], ArchiveInput['blobs'][number], ArchiveInput['blobs'][number]];
    const wrongKey = { ...original, id: 'original:logo.png' };
    await expect(archiveBytes({ ...input, blobs: [wrongKey, preview, thumbnail] })).rejects.toMatchObject({ problem: 'invalid-record', path: 'blobs.json[0]' });
    await expect(archiveBytes({ ...input, blobs: [original, { ...thumbnail, id: 'other:thumbnail' }] })).rejects.toMatchObject({ problem: 'invalid-record', path: 'blobs.json[1]' });
    await expect(archiveBytes({ ...input, blobs: [original, { ...preview, mimeType: 'text/html' }] })).rejects.toMatchObject({ problem: 'invalid-record', path: 'blobs.json[1]' });
    await expect(archiveBytes({ ...input, blobs: [original, original] })).rejects.toMatchObject({ problem: 'invalid-record', path: 'blobs.json[1]' });
  });

  it('never writes an original under a key that is not its bytes’ SHA-256 (it could not be restored)', async () => {
    const input = fullArchiveInput();
    const [original, ...rest] = input.blobs as [ArchiveInput['blobs'][number], ...ArchiveInput['blobs']];
    const otherBytes = { ...original, bytes: async () => new Uint8Array([1, 2, 3]) };
    await expect(archiveBytes({ ...input, blobs: [otherBytes, ...rest] })).rejects.toMatchObject({ problem: 'checksum', path: 'blobs/0' });
  });
});
